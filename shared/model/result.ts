/**
 * Operations report refusals as codes, never as text: the renderer translates `code`
 * (de, en, uk) and `params` fill its placeholders. Nothing in shared/ speaks a language.
 */
export type ModelErrorCode =
  | 'title.empty'
  | 'title.tooLong'
  | 'text.empty'
  | 'text.tooLong'
  | 'text.tooLarge'
  | 'duration.invalid'
  | 'date.invalid'
  | 'language.invalid'
  | 'time.invalid'
  | 'kind.invalid'
  | 'run.empty'
  | 'run.notRunning'
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
  | 'role.forbidden';

export interface ModelError {
  code: ModelErrorCode;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ModelError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ModelErrorCode, params?: ModelError['params']): Result<never> =>
  params ? { ok: false, error: { code, params } } : { ok: false, error: { code } };
