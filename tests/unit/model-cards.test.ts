import type * as Y from 'yjs';
import { Map as YMap } from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addCard,
  addTable,
  boardCards,
  boardsSnapshot,
  cardsSnapshot,
  LIMITS,
  PLENARY_BOARD_ID,
  removeCard,
  setBoardLocked,
  updateCardDetails,
  updateCardText,
  type Card,
  type WorkshopDoc,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';


function added(doc: WorkshopDoc, text: string, now = 1000): Card {
  const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text, now });
  if (!result.ok) throw new Error(`could not add card: ${result.error.code}`);
  return result.value;
}

describe('adding cards', () => {
  it('adds a card to the plenary board with its times', () => {
    const doc = newWorkshop();
    const card = added(doc, 'More shade in the park', 5000);
    expect(card).toMatchObject({ boardId: PLENARY_BOARD_ID, text: 'More shade in the park', createdAt: 5000, updatedAt: 5000 });
    expect(cardsSnapshot(doc)).toEqual([card]);
    expect(boardCards(cardsSnapshot(doc), PLENARY_BOARD_ID)).toEqual([card]);
    expect(boardsSnapshot(doc).map((board) => board.id)).toEqual([PLENARY_BOARD_ID]);
  });

  it('puts a new card after the last card of its board, whatever else the cards hold', () => {
    const doc = newWorkshop();
    const table = addTable(doc, { name: 'Table 1' });
    if (!table.ok) throw new Error('no table');
    for (const text of ['one', 'two']) added(doc, text);
    const last = added(doc, 'three');
    // Later keys than the board's last card: on another board, and under keys that are no ids (a peer's junk).
    const gone = [added(doc, 'gone'), added(doc, 'gone too')];
    const later = gone[1]?.order ?? '';
    for (const card of gone) removeCard(doc, card.id);
    const tableCard = addCard(doc, { boardId: table.value.id, text: 'elsewhere' });
    if (!tableCard.ok) throw new Error('no table card');
    const cards = doc.getMap('cards') as Y.Map<unknown>;
    (cards.get(tableCard.value.id) as Y.Map<unknown>).set('order', later);
    const junk = new YMap<unknown>();
    cards.set('not an id', junk);
    junk.set('boardId', PLENARY_BOARD_ID);
    junk.set('order', later);
    cards.set('also not an id', 'text');

    const next = added(doc, 'four');
    expect(next.order > last.order).toBe(true);
    expect(next.order < later).toBe(true);
    expect(boardCards(cardsSnapshot(doc), PLENARY_BOARD_ID).map((card) => card.text)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('keeps cards in the order they were added', () => {
    const doc = newWorkshop();
    for (const text of ['one', 'two', 'three']) added(doc, text);
    expect(cardsSnapshot(doc).map((card) => card.text)).toEqual(['one', 'two', 'three']);
  });

  it.each([
    ['leading and trailing spaces', '  spaced  '],
    ['line breaks', 'first\nsecond\r\nthird\n\n'],
    ['tabs, emoji and Cyrillic', '\tЗустріч 👍\u00a0ok'],
  ])('stores text with %s exactly as typed', (_label, text) => {
    const doc = newWorkshop();
    added(doc, text);
    expect(cardsSnapshot(doc)[0]?.text).toBe(text);
  });

  it('stores a pasted 100,000-character card whole', () => {
    const doc = newWorkshop();
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 80 === 79 ? '\n' : String.fromCharCode(97 + (i % 26)))).join('');
    added(doc, text);
    const stored = cardsSnapshot(doc)[0]?.text ?? '';
    expect(stored.length).toBe(100_000);
    expect(stored === text).toBe(true);
  });

  it.each([
    ['empty text', '', 'text.empty'],
    ['blank text', ' \n\t ', 'text.empty'],
    ['text beyond the card limit', 'x'.repeat(LIMITS.cardTextMax + 1), 'text.tooLong'],
  ])('refuses %s and adds nothing', (_label, text, code) => {
    const doc = newWorkshop();
    expect(addCard(doc, { boardId: PLENARY_BOARD_ID, text })).toMatchObject({ ok: false, error: { code } });
    expect(cardsSnapshot(doc)).toEqual([]);
  });

  it('refuses a card for a board that does not exist', () => {
    const doc = newWorkshop();
    expect(addCard(doc, { boardId: 'table-9', text: 'lost' })).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(cardsSnapshot(doc)).toEqual([]);
  });
});

describe('editing cards', () => {
  it('replaces the text exactly and stamps updatedAt', () => {
    const doc = newWorkshop();
    const card = added(doc, 'draft', 1000);
    expect(updateCardText(doc, card.id, '  final\nversion ', 2000)).toEqual({ ok: true, value: true });
    expect(cardsSnapshot(doc)).toEqual([{ ...card, text: '  final\nversion ', updatedAt: 2000 }]);
  });

  it('writes nothing when the text did not change', () => {
    const doc = newWorkshop();
    const card = added(doc, 'same', 1000);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(updateCardText(doc, card.id, 'same', 2000)).toEqual({ ok: true, value: true });
    expect(updates).toHaveLength(0);
    expect(cardsSnapshot(doc)[0]?.updatedAt).toBe(1000);
  });

  it.each([
    ['blank text', '   ', 'text.empty'],
    ['text beyond the card limit', 'y'.repeat(LIMITS.cardTextMax + 1), 'text.tooLong'],
  ])('refuses %s and keeps the old text', (_label, text, code) => {
    const doc = newWorkshop();
    const card = added(doc, 'keep me');
    expect(updateCardText(doc, card.id, text)).toMatchObject({ ok: false, error: { code } });
    expect(cardsSnapshot(doc)).toEqual([card]);
  });

  it('reports an unknown card as notFound', () => {
    expect(updateCardText(newWorkshop(), 'nope', 'text')).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('removing cards', () => {
  it('removes exactly the card given', () => {
    const doc = newWorkshop();
    const [a, b, c] = ['a', 'b', 'c'].map((text) => added(doc, text)) as [Card, Card, Card];
    expect(removeCard(doc, b.id)).toEqual({ ok: true, value: true });
    expect(cardsSnapshot(doc)).toEqual([a, c]);
  });

  it('reports a card removed twice as notFound', () => {
    const doc = newWorkshop();
    const card = added(doc, 'once');
    removeCard(doc, card.id);
    expect(removeCard(doc, card.id)).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('card details: colour, author, stakeholder tag', () => {
  it('are stored, read back, cleared with null and refused when unknown', () => {
    const doc = newWorkshop();
    const added = addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'Energy audits', colour: 'green', authorId: 'p1', stakeholderGroup: 'municipality' });
    if (!added.ok) throw new Error('not added');
    const read = () => cardsSnapshot(doc).find((card) => card.id === added.value.id);
    expect(read()).toMatchObject({ colour: 'green', authorId: 'p1', stakeholderGroup: 'municipality', groupId: null });
    expect(updateCardDetails(doc, added.value.id, { authorId: null, colour: 'pink' }).ok).toBe(true);
    expect(read()).toMatchObject({ colour: 'pink', authorId: null, stakeholderGroup: 'municipality' });
    expect(updateCardDetails(doc, added.value.id, { colour: 'purple' as never })).toEqual({ ok: false, error: { code: 'colour.invalid' } });
    expect(updateCardDetails(doc, added.value.id, { stakeholderGroup: 'army' as never })).toEqual({ ok: false, error: { code: 'stakeholder.invalid' } });
    expect(read()).toMatchObject({ colour: 'pink' });
  });

  it('read as null when a peer wrote something unknown', () => {
    const doc = newWorkshop();
    const added = addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'x' });
    if (!added.ok) throw new Error('not added');
    doc.getMap<Y.Map<unknown>>('cards').get(added.value.id)?.set('colour', 42);
    expect(cardsSnapshot(doc)[0]?.colour).toBeNull();
  });
});

describe('locking a board', () => {
  it('is stored on the board, read back, and refused for an unknown board', () => {
    const doc = newWorkshop();
    expect(boardsSnapshot(doc)[0]?.locked).toBe(false);
    expect(setBoardLocked(doc, PLENARY_BOARD_ID, true).ok).toBe(true);
    expect(boardsSnapshot(doc)[0]?.locked).toBe(true);
    expect(setBoardLocked(doc, PLENARY_BOARD_ID, false).ok).toBe(true);
    expect(boardsSnapshot(doc)[0]?.locked).toBe(false);
    expect(setBoardLocked(doc, 'nope', true)).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});
