import { readFileSync } from 'node:fs';
import type { WorkshopSnapshot } from '../../shared/model';
import { parseBackup } from '../../shared/model';
import { buildMinutes, type Minutes } from '../../shared/minutes';

/** The seed day's backup (tests/fixtures/seed-day.plenum, written by scripts/make-fixture.ts). */
export const SEED_DAY_PATH = 'tests/fixtures/seed-day.plenum';

export function seedDaySnapshot(): WorkshopSnapshot {
  const parsed = parseBackup(readFileSync(SEED_DAY_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`${SEED_DAY_PATH}: ${parsed.error.code} ${parsed.error.detail}`);
  return parsed.value;
}

/** Minutes of the seed day with a fixed clock and time zone, so every run writes the same text. */
export function seedDayMinutes(language: Minutes['language'], snapshot = seedDaySnapshot()): Minutes {
  return buildMinutes(snapshot, { language, timeZone: 'Europe/Berlin', now: Date.UTC(2023, 11, 7, 9, 0) });
}

/**
 * The workshop in the seed day's file as this version reads it. The file was written before
 * agenda items had `ranMs` and before the parking lot, so it is also a backup of an earlier
 * version: each item imports with `ranMs: 0`, the parking lot empty, everything else exactly as
 * in the file.
 */
export function seedDayFileWorkshop(text: string): unknown {
  const { workshop } = JSON.parse(text) as { workshop: { agenda: Array<Record<string, unknown>> } };
  return { parkingLot: [], ...workshop, agenda: workshop.agenda.map((item) => ({ ranMs: 0, ...item })) };
}
