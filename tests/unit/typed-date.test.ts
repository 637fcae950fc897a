import { describe, expect, it } from 'vitest';
import { settleTypedDate, storableIso } from '../../renderer/features/common/typed-date';

describe('a date typed into a date field', () => {
  it('reads a year of one or two digits as this century’s (QA: "31 12 26" was shown and never saved)', () => {
    expect(settleTypedDate({ year: 26, month: 12, day: 31 })).toEqual({ ok: true, date: { year: 2026, month: 12, day: 31 }, iso: '2026-12-31' });
    expect(settleTypedDate({ year: 0, month: 2, day: 29 })).toMatchObject({ ok: true, iso: '2000-02-29' });
    expect(settleTypedDate({ year: 99, month: 1, day: 5 })).toMatchObject({ ok: true, iso: '2099-01-05' });
    expect(settleTypedDate({ year: 2024, month: 1, day: 30 })).toMatchObject({ ok: true, iso: '2024-01-30' });
  });

  it('refuses, with a reason, a date the model does not store, the field’s last day being the model’s', () => {
    for (const year of [2100, 2101, 1969, 202, 100]) {
      expect(settleTypedDate({ year, month: 12, day: 31 }), String(year)).toEqual({ ok: false, problem: 'outOfRange' });
    }
    // 2100-01-01 is the model's bound as a timestamp, but no day the field offers.
    expect(storableIso({ year: 2100, month: 1, day: 1 })).toBeNull();
    expect(storableIso({ year: 2099, month: 12, day: 31 })).toBe('2099-12-31');
    expect(storableIso({ year: 1970, month: 1, day: 1 })).toBe('1970-01-01');
    // While a year is being typed it reads 2, 20, 202: none of them is stored on the way.
    for (const year of [2, 20, 202]) expect(storableIso({ year, month: 12, day: 31 })).toBeNull();
    expect(storableIso({ year: 2023, month: 2, day: 30 })).toBeNull();
  });
});
