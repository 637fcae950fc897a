import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { addParticipant, addTable, assignTables, createUndoHistory, participantsSnapshot, removeTable } from '../../shared/model';
import { newWorkshop } from '../support/workshop';
import { removeMessage } from '../../renderer/features/tables/TablesPanel';
import { uiTexts, type UiLanguage } from '../../renderer/i18n/resources';

async function translate(language: UiLanguage) {
  const instance = i18next.createInstance();
  await instance.init({ resources: { [language]: { translation: uiTexts[language] } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
  return (key: string, options?: Record<string, unknown>) => instance.t(key, options);
}

describe('deleting a table where people are seated', () => {
  it('seats them at no table, and one undo puts them back', () => {
    const doc = newWorkshop();
    const t2 = addTable(doc, { name: 'T2' });
    const t3 = addTable(doc, { name: 'T3' });
    const ada = addParticipant(doc, { name: 'Ada', organisation: '', stakeholderGroup: '', email: '' });
    const bob = addParticipant(doc, { name: 'Bob', organisation: '', stakeholderGroup: '', email: '' });
    if (!t2.ok || !t3.ok || !ada.ok || !bob.ok) throw new Error('setup');
    assignTables(doc, [{ id: ada.value.id, tableId: t2.value.id, fixedToTable: true }, { id: bob.value.id, tableId: t3.value.id, fixedToTable: false }]);
    const undo = createUndoHistory(doc);
    expect(removeTable(doc, t2.value.id).ok).toBe(true);
    expect(participantsSnapshot(doc).map((person) => [person.name, person.tableId, person.fixedToTable])).toEqual([['Ada', '', false], ['Bob', t3.value.id, false]]);
    undo.undo();
    expect(participantsSnapshot(doc).map((person) => [person.name, person.tableId, person.fixedToTable])).toEqual([['Ada', t2.value.id, true], ['Bob', t3.value.id, false]]);
  });

  it('says so in the question, in plural forms, and nothing of it when nobody sits there', async () => {
    const en = await translate('en');
    expect(removeMessage(en, 'T2', 0)).toBe('Table “T2” and all its cards will be deleted on every laptop.');
    expect(removeMessage(en, 'T2', 1)).toBe('Table “T2” and all its cards will be deleted on every laptop. 1 person seated there goes back to no table.');
    expect(removeMessage(en, 'T2', 3)).toMatch(/ 3 people seated there go back to no table\.$/);
    const uk = await translate('uk');
    expect([1, 2, 5].map((count) => removeMessage(uk, 'T2', count).split('. ')[1])).toEqual([
      '1 особа, що сидить там, залишиться без столу.',
      '2 особи, що сидять там, залишаться без столу.',
      '5 осіб, що сидять там, залишаться без столу.',
    ]);
  });
});
