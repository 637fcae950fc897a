import { roots, local, type WorkshopDoc } from './doc';
import { LANGUAGES, SCHEMA_VERSION, type Language, type WorkshopMeta } from './schema';
import { fail, ok, type Result } from './result';
import { validDate, validLanguage, validShortText, validTitle } from './validate';

/** Plain copy of the workshop's meta fields. */
export function metaSnapshot(doc: WorkshopDoc): WorkshopMeta {
  const { meta } = roots(doc);
  const get = (key: string) => meta.get(key);
  const text = (key: string) => (typeof get(key) === 'string' ? (get(key) as string) : '');
  const language = text('language');
  return {
    id: text('id'),
    schemaVersion: typeof get('schemaVersion') === 'number' ? (get('schemaVersion') as number) : 0,
    title: text('title'),
    date: text('date'),
    venue: text('venue'),
    room: text('room'),
    language: (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'de',
    createdAt: typeof get('createdAt') === 'number' ? (get('createdAt') as number) : 0,
  };
}

export interface MetaPatch {
  title?: string;
  date?: string;
  venue?: string;
  room?: string;
  language?: string;
}

/** Changes meta fields in one transaction; refuses the whole patch if any field is invalid. */
export function updateMeta(doc: WorkshopDoc, patch: MetaPatch): Result<WorkshopMeta> {
  const clean: Record<string, string> = {};
  const checks: Array<[keyof MetaPatch, (raw: string) => Result<string>]> = [
    ['title', validTitle],
    ['date', validDate],
    ['venue', validShortText],
    ['room', validShortText],
    ['language', validLanguage],
  ];
  for (const [key, check] of checks) {
    const raw = patch[key];
    if (raw === undefined) continue;
    const result = check(raw);
    if (!result.ok) return result;
    clean[key] = result.value;
  }
  local(doc, () => {
    const { meta } = roots(doc);
    for (const [key, value] of Object.entries(clean)) {
      if (meta.get(key) !== value) meta.set(key, value);
    }
  });
  return ok(metaSnapshot(doc));
}

/**
 * Whether this build can work with the document. A newer version is refused rather than
 * half-understood: writing to it could destroy fields this build does not know.
 */
export function checkSchema(doc: WorkshopDoc): Result<number> {
  const version = roots(doc).meta.get('schemaVersion');
  if (typeof version !== 'number') return fail('schema.missing');
  if (version > SCHEMA_VERSION) return fail('schema.newer', { version, supported: SCHEMA_VERSION });
  if (version < 1) return fail('schema.older', { version, supported: SCHEMA_VERSION });
  return ok(version);
}
