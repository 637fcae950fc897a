import { isoDateMs } from './format';
import type { ActionEntry, Minutes } from './model';

/*
 * The action items' due dates as an iCalendar file (RFC 5545).
 *
 * Each due date is an all-day VEVENT, not a VTODO: Google Calendar ignores VTODO entirely and
 * Outlook imports it only into its task list, if at all, so a VTODO would silently vanish for
 * most recipients, while an all-day event shows up on the due day everywhere. TRANSP:TRANSPARENT
 * keeps it from marking the day as busy. The status travels in the description; the owner and
 * their organisation in the summary too, so the calendar's day view says who.
 *
 * UID is stable per action item and workshop, and SEQUENCE and LAST-MODIFIED say which version of
 * the item an entry is, so importing the minutes again updates the entries instead of duplicating
 * them (a calendar keeps an entry whose SEQUENCE is not higher). Items without a due date have no
 * place in a calendar, and finished ones no more: both are left out.
 */

const encoder = new TextEncoder();

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): a line break becomes backslash-n, and the other
 * control characters, which TEXT may not hold, are dropped.
 */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n')
    .replace(/(?!\t)\p{Cc}/gu, '');
}

/**
 * A part of a UID. Ids are checked where they enter, but a calendar file is written from
 * whatever the minutes hold: percent-encoding keeps every id of the app (letters, digits, '-',
 * '_') as it is and leaves no line break, ';' or ',' for a broken id to inject anything with.
 */
export function icsUidPart(value: string): string {
  // Not encodeURIComponent: it throws on a lone surrogate, which a peer can write.
  return value.replace(/[^A-Za-z0-9_.-]/gu, (char) => Array.from(encoder.encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** Folds a content line at 75 octets (3.1) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (iso: string) => iso.replace(/-/g, '');

/** A UTC instant as an iCalendar DATE-TIME: 20231206T170000Z. */
export function icsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function nextDay(iso: string): string {
  const ms = isoDateMs(iso) ?? 0;
  return new Date(ms + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The entry's revision: whole seconds from the item's creation to the export (or its last
 * change, if a laptop's clock says that is later). Not to the last change alone: an undo takes
 * updatedAt back too, and a calendar that imported the changed item would then keep it, as it
 * would a renamed owner, which does not touch the item. So every later export is a newer
 * revision, which a calendar applies over what it has. A 32-bit integer, which calendar programs
 * read, lasts 68 years.
 */
export function icsSequence(action: Pick<ActionEntry, 'createdAt' | 'updatedAt'>, exportedAt: number): number {
  return Math.max(0, Math.floor((Math.max(exportedAt, action.updatedAt) - action.createdAt) / 1000));
}

/**
 * "Title – owner (organisation)", as the other exports show the owner: the calendar's day view says
 * who without opening the entry. An owner who did not consent to be named is "a participant"
 * there, and only their organisation tells the reader which side has the task.
 */
function summaryOf(action: ActionEntry): string {
  const who = action.owner && action.organisation ? `${action.owner} (${action.organisation})` : action.owner || action.organisation;
  return who ? `${action.title} – ${who}` : action.title;
}

function event(action: ActionEntry, minutes: Minutes, stamp: string): string[] {
  const { texts } = minutes;
  const description = [
    action.owner ? `${texts.owner}: ${action.owner}` : '',
    action.organisation ? `${texts.organisation}: ${action.organisation}` : '',
    `${texts.status}: ${action.statusText}`,
    `${texts.source}: ${action.source}`,
    `${texts.documentTitle}: ${minutes.title}`,
  ].filter(Boolean);
  return [
    'BEGIN:VEVENT',
    `UID:${icsUidPart(action.id)}@${icsUidPart(minutes.workshopId || 'workshop')}.plenum`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${icsSequence(action, minutes.generatedAt)}`,
    `LAST-MODIFIED:${icsDateTime(Math.max(action.updatedAt, action.createdAt))}`,
    // An all-day event is CONFIRMED or CANCELLED; an item still to do is a confirmed deadline.
    'STATUS:CONFIRMED',
    `DTSTART;VALUE=DATE:${basicDate(action.due)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(action.due))}`,
    `SUMMARY:${icsText(summaryOf(action))}`,
    `DESCRIPTION:${icsText(description.join('\n'))}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The action items with a due date as an iCalendar document (CRLF line ends, folded lines). */
export function renderActionsIcs(minutes: Minutes): string {
  const stamp = icsDateTime(minutes.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Plenum//Minutes//${minutes.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${minutes.texts.actions}: ${minutes.title}`)}`,
    ...minutes.actions.filter((action) => action.status !== 'done' && isoDateMs(action.due) !== null).flatMap((action) => event(action, minutes, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
