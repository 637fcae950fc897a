import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  PLENARY_BOARD_ID,
  addActionItem,
  addAgendaItem,
  addCard,
  addParticipant,
  addStakeholderGroup,
  addTable,
  createWorkshopDoc,
  initWorkshop,
  isBlankText,
  parkQuestion,
  updateCardText,
  updateMeta,
  updateParticipant,
  updateTable,
  validCardText,
  validDate,
  validDuration,
  validLanguage,
  validLongText,
  validShortText,
  validTitle,
  type Result,
} from '../../shared/model';

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

  it('drops the controls no text needs and the bidi overrides that turn the text after them around, keeping line breaks, tabs and right-to-left letters', () => {
    expect(validCardText('Kaffee\u0000 am\u0007 Markt\u001b[31m\n\tzweite Zeile')).toEqual({ ok: true, value: 'Kaffee am Markt[31m\n\tzweite Zeile' });
    expect(validCardText('evil\u202e — txt.exe\u202c und \u2067שלום\u2069')).toEqual({ ok: true, value: 'evil — txt.exe und שלום' });
    expect(validCardText('\u202e\u0000')).toEqual({ ok: false, error: { code: 'text.empty' } });
    expect(validTitle('Be\u202ernd\u0085 Müller')).toEqual({ ok: true, value: 'Bernd Müller' });
    // One line: a title pasted with its line break reads as the words it holds.
    expect(validTitle('Kick-off\nPlenum')).toEqual({ ok: true, value: 'Kick-off Plenum' });
    expect(validShortText('Stadt\tLwiw\u202d')).toEqual({ ok: true, value: 'Stadt Lwiw' });
    expect(validLongText('Erstens\r\nZweitens\u0000')).toEqual({ ok: true, value: 'Erstens\r\nZweitens' });
    // Joiners and marks that letters and emoji need stay.
    expect(validCardText('👩\u200d👩\u200d👧 \u200fمرحبا')).toEqual({ ok: true, value: '👩\u200d👩\u200d👧 \u200fمرحبا' });
  });

  it('accepts only the languages Plenum is translated into', () => {
    expect(validLanguage('uk')).toEqual({ ok: true, value: 'uk' });
    expect(validLanguage('fr')).toEqual({ ok: false, error: { code: 'language.invalid' } });
    expect(validLanguage('DE')).toEqual({ ok: false, error: { code: 'language.invalid' } });
  });
});

describe('text that shows nothing', () => {
  // Each would make a row, a card or a chip with nothing in it, as spaces would.
  const invisible = [
    ['a zero-width space', '\u200b'],
    ['a lone right-to-left override', '\u202e'],
    ['zero-width joiners and a byte order mark', '\u200d\u200c\ufeff'],
    ['a soft hyphen and a word joiner', '\u00ad\u2060'],
    ['an emoji variation selector alone', '\ufe0f'],
    ['a combining accent with no letter', '\u0301\u0308'],
    ['a Hangul filler', '\u3164'],
    ['the blank braille pattern', '\u2800'],
    ['a control character', '\u0007'],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
    ['a mix with line breaks', ' \u200b\n\u202e\t\u2066\u2069 '],
  ] as const;
  // Visible text that contains such characters stays text.
  const visible = ['zero\u200bwidth', '\u202eevil\u202c', '👩🏽‍🔬', '❤\ufe0f', 'e\u0301', 'ʻ', '.', 'ㅤa'];

  it.each(invisible)('isBlankText counts %s as blank', (_label, raw) => {
    expect(isBlankText(raw)).toBe(true);
  });

  it.each(visible)('isBlankText counts %j as text', (raw) => {
    expect(isBlankText(raw)).toBe(false);
  });

  it.each(invisible)('every title, name and text field refuses %s as it refuses spaces', (_label, raw) => {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w', title: 'W', language: 'de', now: 1 });
    const refusal = (result: Result<unknown>) => (result.ok ? 'accepted' : result.error.code);
    expect(refusal(validTitle(raw))).toBe('title.empty');
    expect(refusal(validCardText(raw))).toBe('text.empty');
    expect(refusal(updateMeta(doc, { title: raw }))).toBe('title.empty');
    expect(refusal(addCard(doc, { boardId: PLENARY_BOARD_ID, text: raw }))).toBe('text.empty');
    expect(refusal(addAgendaItem(doc, { title: raw, durationMin: 10 }))).toBe('title.empty');
    expect(refusal(addActionItem(doc, { title: raw }))).toBe('title.empty');
    expect(refusal(addParticipant(doc, { name: raw, organisation: '', stakeholderGroup: '', email: '', consent: false }))).toBe('name.empty');
    expect(refusal(addTable(doc, { name: raw }))).toBe('title.empty');
    expect(refusal(addStakeholderGroup(doc, raw))).toBe('title.empty');
    expect(refusal(parkQuestion(doc, { text: raw }))).toBe('text.empty');
    // Renames refuse it too.
    const card = addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'Idee' });
    const person = addParticipant(doc, { name: 'Anna', organisation: '', stakeholderGroup: '', email: '', consent: false });
    const table = addTable(doc, { name: 'Tisch 1' });
    if (!card.ok || !person.ok || !table.ok) throw new Error('fixture');
    expect(refusal(updateCardText(doc, card.value.id, raw))).toBe('text.empty');
    expect(refusal(updateParticipant(doc, person.value.id, { name: raw }))).toBe('name.empty');
    expect(refusal(updateTable(doc, table.value.id, { name: raw }))).toBe('title.empty');
  });
});
