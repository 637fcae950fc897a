import { isId } from './ids';
import { roots, local, type WorkshopDoc } from './doc';
import { LANGUAGES, LIMITS, SCHEMA_VERSION, type Language, type WorkshopMeta } from './schema';
import { fail, ok, type Result } from './result';
export { placeText } from './place';
import { isKnownTimeZone, isoDateOrEmpty, timeZoneOrEmpty, timestampOrZero, zoneSpelling } from './time';
import { validDate, validDuration, validLanguage, validLongText, validShortText, validTitle } from './validate';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A time of day 'HH:MM' (24 h; '9:30' is read as '09:30'), or empty for "not set". */
export function validStartTime(raw: string): Result<string> {
  const text = raw.trim();
  if (text === '') return ok('');
  const padded = /^\d:\d\d$/.test(text) ? `0${text}` : text;
  return CLOCK_TIME.test(padded) ? ok(padded) : fail('time.invalid');
}

/** Minutes after midnight of an 'HH:MM' start time, or null when it is not set or not valid. */
export function startMinuteOfDay(startTime: string): number | null {
  const match = CLOCK_TIME.exec(startTime);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** An IANA time zone this runtime knows, or empty for "not set" (the showing computer's zone). */
export function validTimeZone(raw: string): Result<string> {
  const text = raw.trim();
  if (text === '') return ok('');
  return isKnownTimeZone(text) ? ok(zoneSpelling(text)) : fail('timeZone.invalid');
}

/**
 * A short text field (venue, room) as written: what a broken or hostile peer put there instead
 * (not a string, or longer than any form lets through) reads as not set rather than filling a
 * row, a heading or the minutes.
 */
function shortTextOrEmpty(value: unknown): string {
  return typeof value === 'string' && value.length <= LIMITS.shortTextMax ? value.trim() : '';
}


const isWholeMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LIMITS.durationMaxMin;

/**
 * The fields of the home screen's row (title, date, place), read as metaSnapshot reads them but
 * without the others: the saver reads them with every write, on the path from a card to disk.
 */
export function indexFields(doc: WorkshopDoc): Pick<WorkshopMeta, 'title' | 'date' | 'venue' | 'room'> {
  const { meta } = roots(doc);
  const title = meta.get('title');
  return {
    title: typeof title === 'string' ? title : '',
    date: isoDateOrEmpty(meta.get('date')),
    venue: shortTextOrEmpty(meta.get('venue')),
    room: shortTextOrEmpty(meta.get('room')),
  };
}

/** Plain copy of the workshop's meta fields. */
export function metaSnapshot(doc: WorkshopDoc): WorkshopMeta {
  const { meta } = roots(doc);
  const get = (key: string) => meta.get(key);
  const text = (key: string) => (typeof get(key) === 'string' ? (get(key) as string) : '');
  const language = text('language');
  const available = get('availableMin');
  return {
    id: isId(get('id')) ? (get('id') as string) : '',
    schemaVersion: Number.isInteger(get('schemaVersion')) ? (get('schemaVersion') as number) : 0,
    ...indexFields(doc),
    language: (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'de',
    createdAt: timestampOrZero(get('createdAt')),
    startTime: CLOCK_TIME.test(text('startTime')) ? text('startTime') : '',
    availableMin: isWholeMinutes(available) ? available : 0,
    timeZone: timeZoneOrEmpty(get('timeZone')),
    moderator: shortTextOrEmpty(get('moderator')),
    minuteTaker: shortTextOrEmpty(get('minuteTaker')),
    distribution: shortTextOrEmpty(get('distribution')),
    nextSteps: typeof get('nextSteps') === 'string' && text('nextSteps').length <= LIMITS.notesMax ? text('nextSteps') : '',
    followUpDate: isoDateOrEmpty(get('followUpDate')),
  };
}

export interface MetaPatch {
  title?: string;
  date?: string;
  venue?: string;
  room?: string;
  language?: string;
  startTime?: string;
  /** Whole minutes, 0 for "not set"; the string a form field gives is accepted. */
  availableMin?: number | string;
  timeZone?: string;
  moderator?: string;
  minuteTaker?: string;
  distribution?: string;
  nextSteps?: string;
  followUpDate?: string;
}

/** Changes meta fields in one transaction; refuses the whole patch if any field is invalid. */
export function updateMeta(doc: WorkshopDoc, patch: MetaPatch): Result<WorkshopMeta> {
  const clean: Record<string, string | number> = {};
  const checks: Array<[Exclude<keyof MetaPatch, 'availableMin'>, (raw: string) => Result<string>]> = [
    ['title', validTitle],
    ['date', validDate],
    ['venue', validShortText],
    ['room', validShortText],
    ['language', validLanguage],
    ['startTime', validStartTime],
    ['timeZone', validTimeZone],
    ['moderator', validShortText],
    ['minuteTaker', validShortText],
    ['distribution', validShortText],
    ['nextSteps', validLongText],
    ['followUpDate', validDate],
  ];
  for (const [key, check] of checks) {
    const raw = patch[key];
    if (raw === undefined) continue;
    const result = check(raw);
    if (!result.ok) return result;
    clean[key] = result.value;
  }
  if (patch.availableMin !== undefined) {
    // An empty field means "not set", like an empty start time.
    const raw = typeof patch.availableMin === 'string' && patch.availableMin.trim() === '' ? 0 : patch.availableMin;
    const minutes = validDuration(raw);
    if (!minutes.ok) return minutes;
    clean.availableMin = minutes.value;
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
