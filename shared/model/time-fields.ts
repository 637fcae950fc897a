import { z } from 'zod';
import { LIMITS } from './schema';
import { isKnownTimeZone, isoDateMs, isTimestamp, RAN_MS_MAX } from './time';

/*
 * The checks of time.ts for files (backups): a wrong value is refused with where and what, not
 * read as 0. Apart from time.ts because zod builds its schemas at import, and time.ts is on the
 * app's start (through plain.ts), which checks no file. The model's index exports these; plain.ts does not.
 */

/** A timestamp field of a file: 0 ("not yet") or an instant within the bounds. */
export const timestampField = z
  .number()
  .refine((value) => value === 0 || isTimestamp(value), { message: 'expected a time between 1970 and 2100 (ms since 1970), 0 when not set' });

/** A calendar date field of a file: '' or a real ISO date within the bounds. */
export const isoDateField = z.string().refine((value) => value === '' || isoDateMs(value) !== null, { message: 'expected an ISO date (YYYY-MM-DD) that exists, or ""' });

export const durationMinField = z.number().finite().min(0).max(LIMITS.durationMaxMin);

export const ranMsField = z.number().finite().min(0).max(RAN_MS_MAX);

/** A time-zone field of a file: '' or a zone name this runtime knows. */
export const timeZoneField = z.string().refine((value) => value === '' || isKnownTimeZone(value), { message: 'expected an IANA time zone such as "Europe/Berlin", or ""' });
