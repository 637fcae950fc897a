import { LANGUAGES, LIMITS, type Language } from './schema';
import { fail, ok, type Result } from './result';
import { isoDateMs } from './time';

/*
 * What shows nothing on its own: white space, control and format characters (zero-width space,
 * bidi overrides, soft hyphen), the other default-ignorable code points (variation selectors,
 * Hangul fillers), the blank braille pattern, and combining marks with no letter to sit on.
 * Text made only of these reads as blank like spaces do, so it cannot make a row without a name.
 */
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{M}]*$/u;

/** Whether a text would show nothing: empty, or only white space and invisible characters. */
export function isBlankText(raw: string): boolean {
  return INVISIBLE_ONLY.test(raw);
}

/**
 * A name as a person reads it: `placeholder` where the stored one is blank. This laptop's forms
 * refuse blank names, but a peer's document may hold one (an old or faulty version, a hand-made
 * file), and a blank name would show as an empty row, chip or heading.
 */
export function shownName(raw: string, placeholder: string): string {
  return isBlankText(raw) ? placeholder : raw;
}

/**
 * The tables' names as people read them, by table id: a blank one as `unnamed(number)`, numbered
 * among the blank ones in the order of `tables` (pass them in the tables' order). Two tables a
 * peer left without a name read "Table without a name 1" and "… 2" on every screen and in the
 * minutes, not alike; a table added later does not renumber the ones before it.
 */
export function shownTableNames(tables: readonly { id: string; name: string }[], unnamed: (number: number) => string): Map<string, string> {
  const numbers = blankTableNumbers(tables);
  return new Map(tables.map((table) => {
    const number = numbers.get(table.id);
    return [table.id, number === undefined ? table.name : unnamed(number)];
  }));
}

/**
 * The number each table with a blank name has among such tables (1, 2, …), by table id, in the
 * order of `tables`; a named table has none. What shownTableNames puts in its placeholder, for a
 * screen that words the placeholder itself (a phone in its own language).
 */
export function blankTableNumbers(tables: readonly { id: string; name: string }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const table of tables) if (isBlankText(table.name)) numbers.set(table.id, numbers.size + 1);
  return numbers;
}

/**
 * Controls no text of ours needs (NUL, BEL, ESC, DEL, the C1 block; tab and line breaks stay) and
 * the bidi embeddings, overrides and isolates: pasted into a name or a card, an override turns the
 * text after it around on every screen and in the minutes ("evil — von Maria" read as "…airaM nov"),
 * and a NUL makes the Markdown minutes a binary file to grep and mail. Letters of right-to-left
 * scripts need none of them: the bidi algorithm orders those by itself.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const HIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the controls above (the same string when it has none). */
export function withoutHiddenControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, '');
}

/** A title: one line, trimmed, without hidden controls, not blank, not absurdly long. */
export function validTitle(raw: string): Result<string> {
  const title = withoutHiddenControls(raw).replace(/[\t\n\r]+/g, ' ').trim();
  if (isBlankText(title)) return fail('title.empty');
  if (title.length > LIMITS.titleMax) return fail('title.tooLong', { max: LIMITS.titleMax });
  return ok(title);
}

/** Card text is kept as typed (line breaks and all) but for hidden controls, only refused when blank or huge. */
export function validCardText(typed: string): Result<string> {
  const raw = withoutHiddenControls(typed);
  if (isBlankText(raw)) return fail('text.empty');
  if (raw.length > LIMITS.cardTextMax) return fail('text.tooLong', { max: LIMITS.cardTextMax });
  // Cheap bound first: a UTF-8 character is at most 4 bytes.
  if (raw.length * 4 > LIMITS.cardTextMaxBytes && new TextEncoder().encode(raw).length > LIMITS.cardTextMaxBytes) {
    return fail('text.tooLarge', { maxKb: Math.floor(LIMITS.cardTextMaxBytes / 1000) });
  }
  return ok(raw);
}

/**
 * A planned duration in whole minutes. Accepts numbers and the strings a form field gives;
 * refuses negatives, fractions, NaN and text such as "10 min" rather than guessing.
 */
export function validDuration(raw: number | string): Result<number> {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (!/^\d+$/.test(text)) return fail('duration.invalid', { max: LIMITS.durationMaxMin });
  const minutes = Number(text);
  if (minutes > LIMITS.durationMaxMin) return fail('duration.invalid', { max: LIMITS.durationMaxMin });
  return ok(minutes);
}

/** An ISO calendar date (YYYY-MM-DD) that exists and lies within the bounds of time.ts, or empty for "not set". */
export function validDate(raw: string): Result<string> {
  const text = raw.trim();
  if (text === '') return ok('');
  return isoDateMs(text) === null ? fail('date.invalid') : ok(text);
}

export function validShortText(raw: string): Result<string> {
  const text = withoutHiddenControls(raw).replace(/[\t\n\r]+/g, ' ').trim();
  if (text.length > LIMITS.shortTextMax) return fail('text.tooLong', { max: LIMITS.shortTextMax });
  return ok(text);
}

export function validLanguage(raw: string): Result<Language> {
  return (LANGUAGES as readonly string[]).includes(raw) ? ok(raw as Language) : fail('language.invalid');
}

/** Notes, tasks, summaries and next steps are kept as written (line breaks and all), only refused when huge. */
export function validLongText(typed: string): Result<string> {
  const raw = withoutHiddenControls(typed);
  return raw.length > LIMITS.notesMax ? fail('text.tooLong', { max: LIMITS.notesMax }) : ok(raw);
}
