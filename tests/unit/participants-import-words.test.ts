import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model';
import { guessMapping } from '../../shared/participants/csv-columns';
import { readCsvTable } from '../../shared/participants/csv-table';
import { planImport, type RowProblem } from '../../shared/participants/import-plan';
import { rowProblemText } from '../../renderer/features/participants/ImportProblems';
import { uiTexts, type UiLanguage } from '../../renderer/i18n/resources';

function table(text: string) {
  const read = readCsvTable(text);
  if (!read.ok) throw new Error('unreadable');
  return read.table;
}

async function translate(language: UiLanguage) {
  const instance = i18next.createInstance();
  await instance.init({ resources: { [language]: { translation: uiTexts[language] } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
  return (key: string, options?: Record<string, unknown>) => instance.t(key, options);
}

describe('what the import says about a row', () => {
  const short = (found: number): RowProblem => ({ line: 3, code: 'fieldCount', expected: 2, found });

  it('counts the fields found in the language’s plural forms', async () => {
    const en = await translate('en');
    expect(rowProblemText(en, short(1))).toMatch(/^1 field instead of 2\./);
    expect(rowProblemText(en, short(3))).toMatch(/^3 fields instead of 2\./);
    const de = await translate('de');
    expect(rowProblemText(de, short(1))).toMatch(/^1 Feld statt 2\./);
    const uk = await translate('uk');
    expect([1, 3, 5, 21].map((found) => rowProblemText(uk, short(found)).split(' ').slice(0, 2).join(' '))).toEqual(['1 поле', '3 поля', '5 полів', '21 поле']);
  });

  it('names the limit of a field that is too long: 200 for a name, 500 for the others', async () => {
    const csv = table(`Name;Organisation\r\n${'N'.repeat(LIMITS.titleMax + 1)};ok\r\nBob;${'O'.repeat(LIMITS.shortTextMax + 1)}\r\n`);
    const problems = planImport(csv, guessMapping(csv.header), []).problems;
    const en = await translate('en');
    expect(problems.map((problem) => rowProblemText(en, problem))).toEqual([
      '“Name (full)” is too long (at most 200 characters).',
      '“Organisation” is too long (at most 500 characters).',
    ]);
  });
});

describe('a person twice in the file', () => {
  it('is imported once and reported as twice in the file, not as already on the list', () => {
    const csv = table('Name;Organisation\r\nAda;Engines\r\nBob;Smiths\r\nada;ENGINES\r\n');
    const plan = planImport(csv, guessMapping(csv.header), [], []);
    expect(plan.participants.map((person) => person.name)).toEqual(['Ada', 'Bob']);
    expect(plan.skipped).toEqual([]);
    expect(plan.repeated).toEqual([4]);
  });
});
