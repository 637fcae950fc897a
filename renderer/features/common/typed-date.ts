import { isoDateMs } from '../../../shared/model/plain';

/** The first and last day a date field offers: the dates the model stores (shared/model/time.ts). */
export const FIRST_DATE = { year: 1970, month: 1, day: 1 } as const;
export const LAST_DATE = { year: 2099, month: 12, day: 31 } as const;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** What a date typed into a field comes to once the person leaves it. */
export type TypedDate = { ok: true; date: DayParts; iso: string } | { ok: false; problem: 'outOfRange' };

const pad = (value: number, length: number) => String(value).padStart(length, '0');

export function isoOfDay({ year, month, day }: DayParts): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const FIRST_ISO = isoOfDay(FIRST_DATE);
const LAST_ISO = isoOfDay(LAST_DATE);

/** The date as stored when the model takes it ('2026-12-31'), null for any other (year 26, 2100). */
export function storableIso(date: DayParts): string | null {
  const iso = isoOfDay(date);
  // Four-digit years sort as text; isoDateMs also refuses days that do not exist.
  return iso >= FIRST_ISO && iso <= LAST_ISO && isoDateMs(iso) !== null ? iso : null;
}

/**
 * A typed date as the field settles it: a year of one or two digits ("31.12.26") is this
 * century's, as people write it on paper and as no workshop date before 1970 can be meant; any
 * other date outside FIRST_DATE…LAST_DATE is refused (not silently dropped).
 */
export function settleTypedDate(typed: DayParts): TypedDate {
  const date = typed.year < 100 ? { ...typed, year: 2000 + typed.year } : typed;
  const iso = storableIso(date);
  return iso === null ? { ok: false, problem: 'outOfRange' } : { ok: true, date, iso };
}
