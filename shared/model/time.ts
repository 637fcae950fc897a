import { LIMITS } from './schema';

/*
 * Bounds of every date and time the workshop stores. They come from disk, from backups and
 * from other laptops, and a number JavaScript calls finite can still be no date at all: past
 * 8.64e15 ms `new Date` is invalid and `Intl.DateTimeFormat.format` and `toISOString` throw.
 * Anything outside the bounds below is damage, read as "not set".
 */

/**
 * The epoch: the earliest instant a workshop's timestamps may name. Negative times are no
 * clock's; an early one is implausible but harmless to show, the danger is the far end.
 */
export const TIMESTAMP_MIN_MS = 0;
/** 2100-01-01T00:00Z: the latest, far inside what Date and Intl can format. */
export const TIMESTAMP_MAX_MS = Date.UTC(2100, 0, 1);

/**
 * The longest an agenda item may have run (ms without pauses): a year. Longer means a broken
 * clock or a forged value, and minutes that add it up would print nonsense.
 */
export const RAN_MS_MAX = 366 * 24 * 60 * 60 * 1000;

/** An instant within the bounds above (ms since epoch). */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= TIMESTAMP_MIN_MS && value <= TIMESTAMP_MAX_MS;
}

/** A stored timestamp: an instant within the bounds, or 0 for "not yet" / damaged. */
export function timestampOrZero(value: unknown): number {
  return isTimestamp(value) ? value : 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds of an ISO calendar date (YYYY-MM-DD) at UTC midnight, or null when `iso` is not
 * one that exists ('2023-02-30', '2023-13-01', 'Montag') or lies outside the bounds above.
 */
export function isoDateMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!isTimestamp(ms)) return null;
  // Date.UTC rolls 2023-02-30 over into March: only a date that comes back unchanged exists.
  return new Date(ms).toISOString().slice(0, 10) === iso ? ms : null;
}

/** A stored calendar date: the ISO date as it was when it is a real one, '' otherwise. */
export function isoDateOrEmpty(value: unknown): string {
  return typeof value === 'string' && isoDateMs(value) !== null ? value : '';
}

/** A planned duration in minutes as stored: 0…LIMITS.durationMaxMin, 0 when damaged. */
export function durationMinOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LIMITS.durationMaxMin ? value : 0;
}

/** How long an item ran as stored: 0…RAN_MS_MAX, 0 when damaged. */
export function ranMsOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= RAN_MS_MAX ? value : 0;
}

/** Longest IANA time-zone name we take; the longest real one has 32 characters. */
const TIME_ZONE_MAX = 64;

/**
 * Whether this runtime can show clock times in the IANA zone ("Europe/Berlin"): one it does
 * not know would throw wherever a clock time is shown. Kept as written, not as the runtime
 * spells it: Node 20's ICU says "Europe/Kiev" for "Europe/Kyiv".
 */
export function isKnownTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > TIME_ZONE_MAX) return false;
  const known = zoneVerdicts.get(value);
  if (known !== undefined) return known;
  let verdict: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value }).format(0);
    verdict = true;
  } catch {
    verdict = false;
  }
  // Bounded: a peer writing ever new names must not grow it without end.
  if (zoneVerdicts.size >= ZONE_VERDICTS_MAX) zoneVerdicts.clear();
  zoneVerdicts.set(value, verdict);
  return verdict;
}

/**
 * What the runtime said about each zone asked for. Building a formatter costs ≈ 0.3 ms, and the
 * meta snapshot asks on every read (the saver's index row once per write: card-to-disk); the
 * runtime's set of zones does not change while it runs.
 */
const zoneVerdicts = new Map<string, boolean>();
const ZONE_VERDICTS_MAX = 64;

/** The runtime's zones by their lower-case names, spelled by today's names; built on first use. */
let zonesByLowerCase: Map<string, string> | null = null;

/**
 * A known zone as the zone list spells it: the runtime takes "europe/berlin" as well, and a
 * backup or a peer that wrote it so showed it so, beside "Europe/Berlin" in the list. A zone the
 * list does not name (UTC, Etc/GMT+2) stays as written.
 */
export function zoneSpelling(zone: string): string {
  if (!zonesByLowerCase) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zonesByLowerCase = new Map(listed.flatMap((name) => [[name.toLowerCase(), currentZoneName(name)] as const, [currentZoneName(name).toLowerCase(), currentZoneName(name)] as const]));
  }
  return zonesByLowerCase.get(zone.toLowerCase()) ?? zone;
}

/** A stored time zone when this runtime knows it (spelled as the zone list does), else '' ("not set": the computer's zone). */
export function timeZoneOrEmpty(value: unknown): string {
  return isKnownTimeZone(value) ? zoneSpelling(value) : '';
}

/**
 * Zones ICU still lists under their old names, by the names the places use now: Kyiv above all
 * (Node 20 and Chromium report a Kyiv computer as "Europe/Kiev").
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Africa/Asmera': 'Africa/Asmara',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
};

/** A zone by the name its place uses today, where this runtime knows that name; else as given. */
export function currentZoneName(zone: string): string {
  const renamed = RENAMED_ZONES[zone];
  return renamed !== undefined && isKnownTimeZone(renamed) ? renamed : zone;
}

/** The zone of the computer this runs on, by today's name. */
export function systemTimeZone(): string {
  return currentZoneName(new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}
