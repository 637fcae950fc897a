import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, loadDraft, MAX_DRAFTS, saveDraft, settleDraft } from '../../participant/app/draft';
import type { KeyValueStore } from '../../participant/link/phone-storage';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

const typed = (text: string, commandId: string | null = null) => ({ text, anonymous: false, commandId });

describe('phone drafts', () => {
  it('keeps a draft per board: text typed for one board is not offered on another', () => {
    const storage = memoryStore();
    saveDraft('plenary-a', typed('Zollfreie Einfuhr von Baumaterial'), storage);
    expect(loadDraft('table-b', storage)).toEqual(EMPTY_DRAFT);
    expect(loadDraft('plenary-a', storage)).toEqual(typed('Zollfreie Einfuhr von Baumaterial'));
    saveDraft('table-b', typed('Mentoring für Gründerinnen'), storage);
    expect(loadDraft('plenary-a', storage).text).toBe('Zollfreie Einfuhr von Baumaterial');
    expect(loadDraft('table-b', storage).text).toBe('Mentoring für Gründerinnen');
  });

  it('forgets a board’s draft once it is empty and unsent', () => {
    const storage = memoryStore();
    saveDraft('board', typed('idea'), storage);
    saveDraft('board', EMPTY_DRAFT, storage);
    expect(storage.values.size).toBe(0);
  });

  it('settles a sent draft by its answer even while its board is not on screen', () => {
    const storage = memoryStore();
    saveDraft('plenary', typed('taken', 'c1'), storage);
    saveDraft('table', typed('refused', 'c2'), storage);
    settleDraft({ id: 'c1', ok: true }, storage);
    settleDraft({ id: 'c2', ok: false, refusal: { code: 'boardLocked' } }, storage);
    expect(loadDraft('plenary', storage)).toEqual(EMPTY_DRAFT);
    expect(loadDraft('table', storage)).toEqual(typed('refused'));
  });

  it('keeps the newest drafts when there are more boards than it keeps', () => {
    const storage = memoryStore();
    for (let index = 0; index < MAX_DRAFTS + 3; index += 1) saveDraft(`board-${index}`, typed(`idea ${index}`), storage, 1000 + index);
    expect(loadDraft('board-0', storage)).toEqual(EMPTY_DRAFT);
    expect(loadDraft('board-2', storage)).toEqual(EMPTY_DRAFT);
    expect(loadDraft('board-3', storage).text).toBe('idea 3');
    expect(loadDraft(`board-${MAX_DRAFTS + 2}`, storage).text).toBe(`idea ${MAX_DRAFTS + 2}`);
  });

  it('hands the previous version’s single draft to the first board that asks, once', () => {
    const storage = memoryStore({ 'plenum.phone.draft': JSON.stringify({ text: 'from before the update', anonymous: true, commandId: null }) });
    expect(loadDraft('first', storage)).toEqual({ text: 'from before the update', anonymous: true, commandId: null });
    expect(loadDraft('second', storage)).toEqual(EMPTY_DRAFT);
    expect(loadDraft('first', storage).text).toBe('from before the update');
  });

  it('reads damaged or foreign entries as no draft, never throws', () => {
    for (const raw of ['{', '[]', '42', 'null', JSON.stringify({ board: 'text' }), JSON.stringify({ board: { text: 7 } }), JSON.stringify({ board: [] })]) {
      const storage = memoryStore({ 'plenum.phone.drafts': raw, 'plenum.phone.draft': raw });
      expect(loadDraft('board', storage)).toEqual(EMPTY_DRAFT);
    }
    const storage = memoryStore({ 'plenum.phone.drafts': JSON.stringify({ ok: { text: 'kept', anonymous: 'yes', commandId: 5 }, bad: { text: null } }) });
    expect(loadDraft('ok', storage)).toEqual(typed('kept'));
  });

  it('keeps working where storage throws', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadDraft('board', refusing)).toEqual(EMPTY_DRAFT);
    expect(() => saveDraft('board', typed('x'), refusing)).not.toThrow();
    expect(() => settleDraft({ id: 'c', ok: true }, refusing)).not.toThrow();
  });
});
