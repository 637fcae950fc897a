import { describe, expect, it } from 'vitest';
import { LIMITS, validCardText, validDate, validDuration, validLanguage, validShortText, validTitle } from '../../shared/model';

describe('validDuration', () => {
  it.each([
    ['a negative number', -5],
    ['a negative number as text', '-5'],
    ['a fraction as text', '1.5'],
    ['a fraction as number', 1.5],
    ['letters', 'abc'],
    ['a number followed by a unit', '10 min'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an empty field', ''],
    ['a blank field', '   '],
    ['more minutes than a day has', LIMITS.durationMaxMin + 1],
  ])('refuses %s with duration.invalid', (_label, raw) => {
    const result = validDuration(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('duration.invalid');
  });

  it.each([
    ['"0"', '0', 0],
    ['the number 90', 90, 90],
    ['" 45 " with spaces around', ' 45 ', 45],
    ['exactly a day', LIMITS.durationMaxMin, LIMITS.durationMaxMin],
  ])('accepts %s as whole minutes', (_label, raw, minutes) => {
    expect(validDuration(raw)).toEqual({ ok: true, value: minutes });
  });
});

describe('validDate', () => {
  it.each(['2024-02-29', '2025-12-31', ' 2025-01-05 '])('accepts the existing calendar date %s', (raw) => {
    expect(validDate(raw)).toEqual({ ok: true, value: raw.trim() });
  });

  it('accepts an empty date as "not set"', () => {
    expect(validDate('')).toEqual({ ok: true, value: '' });
  });

  it.each(['2023-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '25-01-05', '05.01.2025', '2025-1-5', 'tomorrow'])(
    'refuses %s with date.invalid',
    (raw) => {
      expect(validDate(raw)).toEqual({ ok: false, error: { code: 'date.invalid' } });
    },
  );
});

describe('titles, short texts, card texts and languages', () => {
  it('trims a title and refuses a blank or over-long one', () => {
    expect(validTitle('  Kick-off  ')).toEqual({ ok: true, value: 'Kick-off' });
    expect(validTitle(' \n\t ')).toEqual({ ok: false, error: { code: 'title.empty' } });
    expect(validTitle('x'.repeat(LIMITS.titleMax + 1))).toEqual({
      ok: false,
      error: { code: 'title.tooLong', params: { max: LIMITS.titleMax } },
    });
    expect(validTitle('x'.repeat(LIMITS.titleMax)).ok).toBe(true);
  });

  it('keeps card text exactly, refusing only blank or over-long text', () => {
    expect(validCardText('  first line\nsecond line\n')).toEqual({ ok: true, value: '  first line\nsecond line\n' });
    expect(validCardText('\n \n')).toEqual({ ok: false, error: { code: 'text.empty' } });
    expect(validCardText('x'.repeat(LIMITS.cardTextMax + 1))).toEqual({
      ok: false,
      error: { code: 'text.tooLong', params: { max: LIMITS.cardTextMax } },
    });
  });

  it('allows an empty short text but refuses one beyond the limit', () => {
    expect(validShortText('  ')).toEqual({ ok: true, value: '' });
    expect(validShortText('y'.repeat(LIMITS.shortTextMax + 1)).ok).toBe(false);
  });

  it('accepts only the languages Plenum is translated into', () => {
    expect(validLanguage('uk')).toEqual({ ok: true, value: 'uk' });
    expect(validLanguage('fr')).toEqual({ ok: false, error: { code: 'language.invalid' } });
    expect(validLanguage('DE')).toEqual({ ok: false, error: { code: 'language.invalid' } });
  });
});
