import { currentZoneName, isTimestamp, systemTimeZone, timeZoneOrEmpty } from './model/plain';

/*
 * Clock times of instants (when an item started, when the signal went out, the room's clock) as
 * the app and the projector show them: in the workshop's time zone, so a laptop set to Kyiv or
 * Tokyo shows a Berlin workshop's times as the room's clocks do. Planned times computed from the
 * day's start ('HH:MM', already the venue's time) need no zone and do not come through here.
 */

/** The zone a workshop's clock times are shown in: its own, or this computer's when it has none (older workshops). */
export function shownTimeZone(stored: string): string {
  return timeZoneOrEmpty(stored) || systemTimeZone();
}

/** Whether `timeZone` is this computer's, however the runtime spells it (ICU 78 says "Europe/Kiev" for "Europe/Kyiv"). */
export function isComputerTimeZone(timeZone: string): boolean {
  const computer = systemTimeZone();
  if (timeZone === computer) return true;
  try {
    return currentZoneName(new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone) === computer;
  } catch {
    return false;
  }
}

// One formatter per zone: building one costs far more than formatting with it, and a wall ticks.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:05" (24 h, every UI language) of an instant in `timeZone`; '' for no time (0: "not yet"; damaged) or a zone this runtime does not know. */
export function clockTimeIn(ms: number, timeZone: string): string {
  if (ms === 0 || !isTimestamp(ms)) return '';
  let format = clockFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    } catch {
      return '';
    }
    clockFormats.set(timeZone, format);
  }
  // The instant and the zone are checked above; should the runtime still refuse, a missing clock
  // time in a row is better than the agenda or the run bar replaced by an error.
  try {
    return format.format(ms);
  } catch {
    return '';
  }
}

/** One part of how a zone names itself in `locale` at `at` ('short': "MEZ"; 'shortOffset': "GMT+1"). */
function zoneNamePart(timeZone: string, locale: string, at: number, style: 'short' | 'shortOffset'): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** The short name of a zone in `locale` at `at` ("MEZ"; "GMT+9" where the locale has none). */
export function timeZoneShortName(timeZone: string, locale: string, at: number): string {
  return zoneNamePart(timeZone, locale, at, 'short');
}

/**
 * A zone as people recognise it, at the instant `at` (summer time changes it): "Europe/Berlin
 * (MEZ, GMT+1)"; only the offset where the locale has no short name ("Asia/Tokyo (GMT+9)").
 */
export function timeZoneLabel(timeZone: string, locale: string, at: number): string {
  const offset = zoneNamePart(timeZone, locale, at, 'shortOffset');
  const short = zoneNamePart(timeZone, locale, at, 'short');
  const names = [short, offset].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  return names.length > 0 ? `${timeZone} (${names.join(', ')})` : timeZone;
}
