import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  addCard,
  addTable,
  agendaSnapshot,
  applyWorkshopUpdates,
  cardsSnapshot,
  createUndoHistory,
  createWorkshopDoc,
  encodeWorkshopState,
  metaSnapshot,
  moveAgendaItem,
  PLENARY_BOARD_ID,
  removeCard,
  syncDocs,
  updateCardText,
  updateMeta,
  workshopSnapshot,
  type UndoStep,
  type WorkshopDoc,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';


function peerOf(doc: WorkshopDoc): WorkshopDoc {
  const peer = createWorkshopDoc();
  applyWorkshopUpdates(peer, [encodeWorkshopState(doc)]);
  return peer;
}

const texts = (doc: WorkshopDoc) => cardsSnapshot(doc).map((card) => card.text);

function addText(doc: WorkshopDoc, text: string): string {
  const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text });
  if (!result.ok) throw new Error(result.error.code);
  return result.value.id;
}

describe('createUndoHistory', () => {
  it('undoes and redoes own changes one action at a time', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    expect(undo.canUndo()).toBe(false);
    const id = addText(doc, 'first');
    addText(doc, 'second');
    updateCardText(doc, id, 'first, edited');

    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual(['first', 'second']);
    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual(['first']);
    expect(undo.canRedo()).toBe(true);
    expect(undo.redo()).toBe(true);
    expect(texts(doc)).toEqual(['first', 'second']);
    expect(undo.undo()).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual([]);
    expect(undo.undo()).toBe(false);
    expect(undo.canUndo()).toBe(false);
  });

  it('brings back a removed card with its text and restores a renamed title', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    const id = addText(doc, 'keep\nme');
    updateMeta(doc, { title: 'Renamed' });
    removeCard(doc, id);
    undo.undo();
    expect(texts(doc)).toEqual(['keep\nme']);
    undo.undo();
    expect(metaSnapshot(doc).title).toBe('Workshop');
  });

  it('says which card the step undone or redone last changed, so the focus can go there', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    const first = addText(doc, 'Erste');
    const second = addText(doc, 'Zweite');
    expect(undo.lastTouches()).toEqual([]);
    removeCard(doc, first);
    expect(undo.undo()).toBe(true);
    expect(undo.lastTouches()).toMatchObject([{ root: 'cards', id: first, boardId: PLENARY_BOARD_ID }]);
    expect(undo.redo()).toBe(true);
    expect(undo.lastTouches()).toMatchObject([{ root: 'cards', id: first }]);
    expect(undo.undo()).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(undo.lastTouches()).toMatchObject([{ root: 'cards', id: second }]);
    undo.destroy();
  });

  it('undoes an agenda move', () => {
    const doc = newWorkshop();
    for (const title of ['A', 'B', 'C']) addAgendaItem(doc, { title, durationMin: 5 });
    const undo = createUndoHistory(doc);
    moveAgendaItem(doc, agendaSnapshot(doc)[2]?.id ?? '', 0);
    expect(agendaSnapshot(doc).map((item) => item.title)).toEqual(['C', 'A', 'B']);
    undo.undo();
    expect(agendaSnapshot(doc).map((item) => item.title)).toEqual(['A', 'B', 'C']);
  });

  it('does not undo a change that came from another laptop', () => {
    const doc = newWorkshop();
    const peer = peerOf(doc);
    const undo = createUndoHistory(doc);
    addText(doc, 'mine');
    addText(peer, 'theirs');
    syncDocs(doc, peer);
    expect(texts(doc).sort()).toEqual(['mine', 'theirs']);

    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual(['theirs']);
    expect(undo.undo()).toBe(false);
    expect(texts(doc)).toEqual(['theirs']);
  });

  it('undoes only its own edit when another laptop edited a different card', () => {
    const doc = newWorkshop();
    const shared = addText(doc, 'shared');
    const peer = peerOf(doc);
    const undo = createUndoHistory(doc);
    const mine = addText(doc, 'mine');
    updateCardText(peer, shared, 'shared, edited remotely');
    syncDocs(doc, peer);
    undo.undo();
    expect(cardsSnapshot(doc).map((card) => [card.id, card.text])).toEqual([[shared, 'shared, edited remotely']]);
    expect(cardsSnapshot(doc).some((card) => card.id === mine)).toBe(false);
    syncDocs(doc, peer);
    expect(workshopSnapshot(peer)).toEqual(workshopSnapshot(doc));
  });

  it('tells subscribers when the history changes, until destroyed', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    let calls = 0;
    undo.subscribe(() => (calls += 1));
    addText(doc, 'one');
    expect(calls).toBeGreaterThan(0);
    const seen = calls;
    undo.destroy();
    addText(doc, 'two');
    expect(calls).toBe(seen);
  });
});

describe('a step that changes thousands of items', () => {
  it('finds which items it touched by reading each root once, not once per changed item (a mix of 2,000 people)', async () => {
    const { addParticipants, addTable, assignTables, participantsSnapshot } = await import('../../shared/model');
    const Y = await import('yjs');
    const { vi } = await import('vitest');
    const doc = newWorkshop();
    const table = addTable(doc, { name: 'Tisch 1' });
    if (!table.ok) throw new Error(table.error.code);
    const added = addParticipants(doc, Array.from({ length: 2000 }, (_, index) => ({ name: `Person ${index}`, organisation: '', stakeholderGroup: '', email: '' })));
    if (!added.ok) throw new Error(added.error.code);
    const undo = createUndoHistory(doc);
    const forEach = vi.spyOn(Y.Map.prototype, 'forEach');
    try {
      expect(assignTables(doc, added.value.map((person) => ({ id: person.id, tableId: table.value.id, fixedToTable: false }))).ok).toBe(true);
      // Looking each changed person's map up among all 2,000 walked the roster 2,000 times.
      expect(forEach.mock.calls.length).toBeLessThan(10);
    } finally {
      forEach.mockRestore();
    }
    expect(participantsSnapshot(doc).every((person) => person.tableId === table.value.id)).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(participantsSnapshot(doc).every((person) => person.tableId === '')).toBe(true);
  });
});

describe('an undo says what it did and where', () => {
  it('reports each step: the card taken away or brought back, its words and its board', () => {
    const doc = newWorkshop();
    const table = addTable(doc, { name: 'Tisch 2' });
    if (!table.ok) throw new Error(table.error.code);
    const undo = createUndoHistory(doc);
    const steps: UndoStep[] = [];
    undo.onStep((step) => steps.push(step));
    const added = addCard(doc, { boardId: table.value.id, text: 'Nur am Tisch' });
    if (!added.ok) throw new Error(added.error.code);
    const plenary = addText(doc, 'Im Plenum');
    updateCardText(doc, plenary, 'Im Plenum, geändert');

    expect(undo.undo()).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(undo.redo()).toBe(true);
    expect(steps.map((step) => [step.direction, step.changes.map(({ change, label, boardId }) => ({ change, label, boardId }))])).toEqual([
      ['undo', [{ change: 'changed', label: 'Im Plenum', boardId: PLENARY_BOARD_ID }]],
      ['undo', [{ change: 'removed', label: 'Im Plenum', boardId: PLENARY_BOARD_ID }]],
      ['undo', [{ change: 'removed', label: 'Nur am Tisch', boardId: table.value.id }]],
      ['redo', [{ change: 'added', label: 'Nur am Tisch', boardId: table.value.id }]],
    ]);
  });

  it('a refused or empty undo reports no step', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    const steps: UndoStep[] = [];
    undo.onStep((step) => steps.push(step));
    expect(undo.undo()).toBe(false);
    addText(doc, 'eins');
    undo.setGuard(() => 'role');
    expect(undo.undo()).toBe(false);
    expect(steps).toEqual([]);
  });
});
