import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model/plain';
import { indexRowSchema } from '../../renderer/storage/row-schemas';
import { readIndexRow } from '../../renderer/storage/workshop-store';

/*
 * The home list's rows are checked by readIndexRow at every start, without zod; a row it refuses is
 * listed as damaged with indexRowSchema's reason. Both must give the same answer for every row, or
 * a row would be listed as damaged with no reason, or a damaged one listed as sound.
 */

const sound = { id: 'w1', title: 'Zukunft Ost', date: '2026-12-06', venue: 'Rathaus', room: 'Saal 2', createdAt: 1, updatedAt: 2, deletedAt: null };
const long = 'x'.repeat(LIMITS.shortTextMax + 1);
const odd: unknown[] = [undefined, null, 0, 'row', [], [sound], new Date(0), Object.create(null) as unknown];
const values: unknown[] = [undefined, null, '', 'a', long, 0, -0, 1.5, -1, NaN, Infinity, -Infinity, true, [], {}, new Date(0), 10n];

/** The sound row with `key` set to `value` (or left out, for undefined). */
function withField(key: string, value: unknown): Record<string, unknown> {
  const row: Record<string, unknown> = Object.fromEntries(Object.entries(sound).filter(([name]) => name !== key));
  if (value !== undefined) row[key] = value;
  return row;
}

const rows: unknown[] = [
  sound,
  { ...sound, extra: 'dropped', deletedAt: 5 },
  ...odd,
  ...Object.keys(sound).flatMap((key) => values.map((value) => withField(key, value))),
  { ...sound, venue: long, room: 7, title: 3 },
];

describe('readIndexRow', () => {
  it.each(rows.map((row, index) => [index, row]))('answers row %i as indexRowSchema does', (_index, row) => {
    const parsed = indexRowSchema.safeParse(row);
    expect(readIndexRow(row)).toEqual(parsed.success ? parsed.data : null);
  });

  it('keeps the schema\'s key order and drops unknown keys', () => {
    const read = readIndexRow({ extra: 1, ...sound });
    expect(Object.keys(read ?? {})).toEqual(Object.keys(indexRowSchema.parse(sound)));
  });
});
