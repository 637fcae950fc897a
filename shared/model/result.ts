/**
 * Operations report refusals as codes, never as text: the renderer translates `code`
 * (de, en, uk) and `params` fill its placeholders. Nothing in shared/ speaks a language.
 */
export type ModelErrorCode =
  | 'title.empty'
  | 'title.tooLong'
  | 'name.empty'
  | 'name.tooLong'
  | 'text.empty'
  | 'text.tooLong'
  | 'text.tooLarge'
  | 'duration.invalid'
  | 'date.invalid'
  | 'language.invalid'
  | 'time.invalid'
  | 'timeZone.invalid'
  | 'kind.invalid'
  | 'run.empty'
  | 'run.notRunning'
  | 'run.hasRecord'
  | 'run.nothingLeft'
  | 'run.itemRunning'
  | 'template.invalid'
  | 'template.newer'
  | 'notFound'
  | 'group.sameBoard'
  | 'vote.closed'
  | 'vote.budgetSpent'
  | 'vote.noStacking'
  | 'vote.roundOpen'
  | 'vote.budgetInvalid'
  | 'vote.unknownVoter'
  | 'status.invalid'
  | 'colour.invalid'
  | 'stakeholder.invalid'
  | 'stakeholder.duplicate'
  | 'data.damaged'
  | 'schema.missing'
  | 'schema.newer'
  | 'schema.older'
  | 'role.forbidden'
  | 'role.noTable'
  | 'role.otherBoard';

export interface ModelError {
  code: ModelErrorCode;
  params?: Record<string, string | number>;
}

/**
 * The one result shape of Plenum: a value, or a refusal the caller handles. Errors are values,
 * so nothing throws across a boundary (the host bridge, a file, a peer's message). The model's
 * refusals are the default; other layers name theirs (a code, a backup error, the host's text).
 */
export type Result<T, E = ModelError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** A refusal carrying any error: a code, a backup error, the host's message. */
export const failWith = <E>(error: E): Result<never, E> => ({ ok: false, error });
/** A model refusal: its code and the parameters the translation fills in. */
export const fail = (code: ModelErrorCode, params?: ModelError['params']): Result<never> =>
  failWith(params ? { code, params } : { code });
