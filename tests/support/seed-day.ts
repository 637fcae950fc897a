import { readFileSync } from 'node:fs';
import type { WorkshopSnapshot } from '../../shared/model';
import { parseBackup } from '../../shared/model';
import { buildMinutes, type Minutes } from '../../shared/minutes';

/** The seed day's backup (tests/fixtures/seed-day.plenum, written by scripts/make-fixture.ts). */
export const SEED_DAY_PATH = 'tests/fixtures/seed-day.plenum';

/**
 * The seed day as an earlier Plenum wrote it (before checksums, the workshop's time zone, the
 * minutes' fields, summaries and decisions): what tests of reading old backups read.
 */
export const SEED_DAY_V1_PATH = 'tests/fixtures/seed-day-v1.plenum';

export function seedDaySnapshot(path = SEED_DAY_PATH): WorkshopSnapshot {
  const parsed = parseBackup(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.code} ${parsed.error.detail}`);
  return parsed.value;
}

/** Minutes of the seed day with a fixed clock and time zone, so every run writes the same text. */
export function seedDayMinutes(language: Minutes['language'], snapshot = seedDaySnapshot()): Minutes {
  return buildMinutes(snapshot, { language, timeZone: 'Europe/Berlin', now: Date.UTC(2023, 11, 7, 9, 0) });
}

/**
 * The workshop in the earlier seed day's file (SEED_DAY_V1_PATH) as this version reads it. The file was written before
 * agenda items had `ranMs`, summary and decisions, before the parking lot, the workshop's time
 * zone and minutes fields, and before action items kept `updatedAt`, so it is also a backup of
 * an earlier version: each of these imports empty (an action item as unchanged since created),
 * everything else exactly as in the file.
 */
export function seedDayFileWorkshop(text: string): unknown {
  const { workshop } = JSON.parse(text) as {
    workshop: { meta: Record<string, unknown>; agenda: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> };
  };
  const meta = { timeZone: '', moderator: '', minuteTaker: '', distribution: '', nextSteps: '', followUpDate: '', ...workshop.meta };
  return {
    parkingLot: [],
    ...workshop,
    meta,
    agenda: workshop.agenda.map((item) => ({ ranMs: 0, summary: '', decisions: '', ...item })),
    actions: workshop.actions.map((item) => ({ updatedAt: item.createdAt, ...item })),
  };
}
