import { isoDateMs, isTimestamp, type Language } from '../model/plain';

export { isoDateMs };

/*
 * Dates and times as the minutes print them. Calendar dates (the workshop's date, due dates)
 * are formatted in UTC because they are days, not instants: formatting "2023-12-06" in a
 * time zone west of UTC would print the 5th. Clock times (when an agenda item actually ran)
 * are instants and need the workshop's time zone, which the caller passes.
 */

/** The documents' language tags (DOCX w:lang, the PDF's /Lang): a region, so spelling and hyphenation pick the right variant. */
export const DOCUMENT_LANGUAGE: Record<Language, string> = { de: 'de-DE', en: 'en-GB', uk: 'uk-UA' };

type Style = 'long' | 'short' | 'clock';
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per style, locale and zone: making one takes longer than formatting 200 due dates with it. */
function formatter(style: Style, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${locale} ${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** "6. Dezember 2023", "6 December 2023", "6 грудня 2023 р."; '' for an empty or invalid date. */
export function longDate(iso: string, locale: string): string {
  const ms = isoDateMs(iso);
  return ms === null ? '' : formatter('long', locale, 'UTC').format(ms);
}

/** "15.01.2024", "15/01/2024"; '' for an empty or invalid date. */
export function shortDate(iso: string, locale: string): string {
  const ms = isoDateMs(iso);
  return ms === null ? '' : formatter('short', locale, 'UTC').format(ms);
}

/** "09:05" in `timeZone`; '' for an instant that is no time of this century (Intl would throw). */
export function clockTime(ms: number, locale: string, timeZone: string): string {
  if (!isTimestamp(ms)) return '';
  return formatter('clock', locale, timeZone).format(ms);
}

/** An instant as a calendar date in `timeZone`, for "written on"; '' when it is no time of this century. */
export function instantDate(ms: number, locale: string, timeZone: string): string {
  if (!isTimestamp(ms)) return '';
  return formatter('long', locale, timeZone).format(ms);
}

/** One line of a multi-line text, for places that cannot hold a line break (rankings, CSV titles). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
