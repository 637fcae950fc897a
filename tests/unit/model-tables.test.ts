import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addTable,
  applyWorkshopUpdates,
  boardCards,
  boardsSnapshot,
  cardsSnapshot,
  createUndoHistory,
  createWorkshopDoc,
  encodeWorkshopState,
  hideTableFromPlenary,
  initWorkshop,
  LIMITS,
  moveTable,
  onWorkshopUpdate,
  PLENARY_BOARD_ID,
  removeTable,
  reportBackSnapshot,
  showTableInPlenary,
  shownCards,
  syncDocs,
  tablesFrom,
  tablesSnapshot,
  updateTable,
  workshopSnapshot,
  type Board,
  type WorkshopDoc,
} from '../../shared/model';

function newWorkshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'w1', title: 'Workshop', language: 'de', now: 1 });
  return doc;
}

function peerOf(doc: WorkshopDoc): WorkshopDoc {
  const peer = createWorkshopDoc();
  applyWorkshopUpdates(peer, [encodeWorkshopState(doc)]);
  return peer;
}

function table(doc: WorkshopDoc, name: string, topic?: string): Board {
  const result = addTable(doc, topic === undefined ? { name } : { name, topic });
  if (!result.ok) throw new Error(`could not add table: ${result.error.code}`);
  return result.value;
}

function card(doc: WorkshopDoc, boardId: string, text: string): string {
  const result = addCard(doc, { boardId, text, now: 1 });
  if (!result.ok) throw new Error(`could not add card: ${result.error.code}`);
  return result.value.id;
}

const names = (doc: WorkshopDoc) => tablesSnapshot(doc).map((t) => t.name);
const shownNames = (doc: WorkshopDoc) => {
  const byId = new Map(tablesSnapshot(doc).map((t) => [t.id, t.name]));
  return reportBackSnapshot(doc).map((id) => byId.get(id));
};

/** Counts the updates `change` writes: 0 means the document was left alone. */
function writes(doc: WorkshopDoc, change: () => void): number {
  let count = 0;
  const stop = onWorkshopUpdate(doc, () => (count += 1));
  change();
  stop();
  return count;
}

function expectConverged(a: WorkshopDoc, b: WorkshopDoc): void {
  syncDocs(a, b);
  expect(workshopSnapshot(b)).toEqual(workshopSnapshot(a));
  expect(tablesSnapshot(b)).toEqual(tablesSnapshot(a));
  expect(reportBackSnapshot(b)).toEqual(reportBackSnapshot(a));
}

describe('adding tables', () => {
  it('adds a table board with its name and topic, after the plenary', () => {
    const doc = newWorkshop();
    const board = table(doc, '  Webinar series on energy efficiency ', ' Who pays? ');
    expect(board).toMatchObject({ kind: 'table', title: 'Webinar series on energy efficiency', topic: 'Who pays?' });
    expect(boardsSnapshot(doc)).toEqual([
      { id: PLENARY_BOARD_ID, kind: 'plenary', title: '', topic: '', order: expect.any(String), locked: false },
      board,
    ]);
    expect(tablesSnapshot(doc)).toEqual([
      { id: board.id, name: 'Webinar series on energy efficiency', topic: 'Who pays?', order: board.order, cardCount: 0 },
    ]);
  });

  it('leaves the topic empty when none is given', () => {
    const doc = newWorkshop();
    expect(table(doc, 'Insurance').topic).toBe('');
  });

  it('appends each new table after the others', () => {
    const doc = newWorkshop();
    for (const name of ['One', 'Two', 'Three']) table(doc, name);
    expect(names(doc)).toEqual(['One', 'Two', 'Three']);
  });

  it.each([
    [{ name: '   ' }, 'title.empty'],
    [{ name: 'x'.repeat(LIMITS.titleMax + 1) }, 'title.tooLong'],
    [{ name: 'Fine', topic: 'x'.repeat(LIMITS.shortTextMax + 1) }, 'text.tooLong'],
  ])('refuses %j with %s and writes nothing', (input, code) => {
    const doc = newWorkshop();
    let result: ReturnType<typeof addTable> | undefined;
    expect(writes(doc, () => (result = addTable(doc, input)))).toBe(0);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(tablesSnapshot(doc)).toEqual([]);
  });

  it('refuses to add a table to a workshop that has not arrived yet', () => {
    const doc = createWorkshopDoc();
    expect(writes(doc, () => expect(addTable(doc, { name: 'Early' })).toEqual({ ok: false, error: { code: 'notFound' } }))).toBe(0);
  });

  it('reads a table board without a topic field (as an older build wrote it) with an empty topic', () => {
    const doc = newWorkshop();
    const board = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ id: 'old', kind: 'table', title: 'Old table', order: 'a5' })) board.set(key, value);
    doc.getMap<Y.Map<unknown>>('boards').set('old', board);
    expect(tablesSnapshot(doc)).toEqual([{ id: 'old', name: 'Old table', topic: '', order: 'a5', cardCount: 0 }]);
  });
});

describe('changing tables', () => {
  it('renames a table and changes its topic, each field on its own', () => {
    const doc = newWorkshop();
    const { id } = table(doc, 'Energy', 'Costs');
    expect(updateTable(doc, id, { name: ' Energy efficiency ' })).toMatchObject({ ok: true, value: { name: 'Energy efficiency', topic: 'Costs' } });
    expect(updateTable(doc, id, { topic: '' })).toMatchObject({ ok: true, value: { name: 'Energy efficiency', topic: '' } });
    expect(tablesSnapshot(doc)[0]).toMatchObject({ name: 'Energy efficiency', topic: '' });
  });

  it('refuses the whole patch when one field is invalid', () => {
    const doc = newWorkshop();
    const { id } = table(doc, 'Energy', 'Costs');
    const before = workshopSnapshot(doc);
    let result: ReturnType<typeof updateTable> | undefined;
    expect(writes(doc, () => (result = updateTable(doc, id, { name: 'Renamed', topic: 'x'.repeat(LIMITS.shortTextMax + 1) })))).toBe(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'text.tooLong' } });
    expect(updateTable(doc, id, { name: '' })).toMatchObject({ ok: false, error: { code: 'title.empty' } });
    expect(workshopSnapshot(doc)).toEqual(before);
  });

  it('writes nothing when the values are unchanged', () => {
    const doc = newWorkshop();
    const { id } = table(doc, 'Energy', 'Costs');
    expect(writes(doc, () => updateTable(doc, id, { name: 'Energy', topic: 'Costs' }))).toBe(0);
  });

  it('refuses unknown ids and the plenary board', () => {
    const doc = newWorkshop();
    expect(updateTable(doc, 'nope', { name: 'X' })).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(writes(doc, () => updateTable(doc, PLENARY_BOARD_ID, { name: 'X' }))).toBe(0);
    expect(updateTable(doc, PLENARY_BOARD_ID, { name: 'X' })).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(boardsSnapshot(doc)[0]?.title).toBe('');
  });

  it('moves a table among the tables', () => {
    const doc = newWorkshop();
    const [, , c] = ['A', 'B', 'C'].map((name) => table(doc, name));
    expect(moveTable(doc, c?.id ?? '', 0)).toEqual({ ok: true, value: true });
    expect(names(doc)).toEqual(['C', 'A', 'B']);
    moveTable(doc, c?.id ?? '', 1);
    expect(names(doc)).toEqual(['A', 'C', 'B']);
    moveTable(doc, c?.id ?? '', 99);
    expect(names(doc)).toEqual(['A', 'B', 'C']);
    expect(boardsSnapshot(doc)[0]?.id).toBe(PLENARY_BOARD_ID);
  });

  it('moves a table between two tables that were added at the same time on two laptops', () => {
    const a = newWorkshop();
    const b = peerOf(a);
    table(a, 'From A');
    table(b, 'From B');
    syncDocs(a, b);
    const [first, second] = tablesSnapshot(a);
    expect(first?.order).toBe(second?.order);
    const moved = table(a, 'Moved');
    moveTable(a, moved.id, 1);
    expect(names(a)).toEqual([first?.name, 'Moved', second?.name]);
  });

  it('refuses to move unknown ids and the plenary board', () => {
    const doc = newWorkshop();
    table(doc, 'A');
    expect(writes(doc, () => expect(moveTable(doc, PLENARY_BOARD_ID, 1)).toEqual({ ok: false, error: { code: 'notFound' } }))).toBe(0);
    expect(moveTable(doc, 'nope', 0)).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('removing tables', () => {
  it('removes the table and its cards in one transaction, and leaves other boards alone', () => {
    const doc = newWorkshop();
    const gone = table(doc, 'Gone');
    const kept = table(doc, 'Kept');
    card(doc, gone.id, 'one');
    card(doc, gone.id, 'two');
    const keptCard = card(doc, kept.id, 'stays');
    const plenaryCard = card(doc, PLENARY_BOARD_ID, 'plenary stays');
    expect(writes(doc, () => expect(removeTable(doc, gone.id)).toEqual({ ok: true, value: true }))).toBe(1);
    expect(names(doc)).toEqual(['Kept']);
    expect(cardsSnapshot(doc).map((c) => c.id).sort()).toEqual([keptCard, plenaryCard].sort());
  });

  it('is undone in one step, table and cards together', () => {
    const doc = newWorkshop();
    const gone = table(doc, 'Gone', 'topic');
    card(doc, gone.id, 'one');
    const before = workshopSnapshot(doc);
    const undo = createUndoHistory(doc);
    removeTable(doc, gone.id);
    undo.undo();
    expect(workshopSnapshot(doc)).toEqual(before);
    expect(tablesSnapshot(doc)).toMatchObject([{ name: 'Gone', topic: 'topic', cardCount: 1 }]);
  });

  it('refuses to remove the plenary board, even one whose kind field says table', () => {
    const doc = newWorkshop();
    card(doc, PLENARY_BOARD_ID, 'keep me');
    const before = workshopSnapshot(doc);
    expect(writes(doc, () => expect(removeTable(doc, PLENARY_BOARD_ID)).toEqual({ ok: false, error: { code: 'notFound' } }))).toBe(0);
    doc.getMap<Y.Map<unknown>>('boards').get(PLENARY_BOARD_ID)?.set('kind', 'table');
    expect(removeTable(doc, PLENARY_BOARD_ID)).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(cardsSnapshot(doc)).toEqual(before.cards);
  });

  it('refuses an unknown id', () => {
    const doc = newWorkshop();
    expect(removeTable(doc, 'nope')).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('card counts', () => {
  it('counts the cards of each table', () => {
    const doc = newWorkshop();
    const one = table(doc, 'One');
    table(doc, 'Two');
    card(doc, one.id, 'a');
    card(doc, one.id, 'b');
    card(doc, PLENARY_BOARD_ID, 'not a table card');
    expect(tablesSnapshot(doc).map((t) => [t.name, t.cardCount])).toEqual([
      ['One', 2],
      ['Two', 0],
    ]);
    expect(tablesFrom(boardsSnapshot(doc), cardsSnapshot(doc))).toEqual(tablesSnapshot(doc));
  });
});

describe('two laptops changing tables at once converge', () => {
  it('two tables added at once both exist, in the same order on both', () => {
    const a = newWorkshop();
    const b = peerOf(a);
    table(a, 'From A');
    table(b, 'From B');
    expectConverged(a, b);
    expect(names(a).sort()).toEqual(['From A', 'From B']);
  });

  it('a rename on one laptop and a topic change on the other both survive', () => {
    const a = newWorkshop();
    const { id } = table(a, 'Energy');
    const b = peerOf(a);
    updateTable(a, id, { name: 'Energy efficiency' });
    updateTable(b, id, { topic: 'Who pays?' });
    expectConverged(a, b);
    expect(tablesSnapshot(a)).toMatchObject([{ name: 'Energy efficiency', topic: 'Who pays?' }]);
  });

  it('a table removed on one laptop while a card is added to it on the other: both agree, the orphan card is neither shown nor counted', () => {
    const a = newWorkshop();
    const gone = table(a, 'Gone');
    const kept = table(a, 'Kept');
    card(a, gone.id, 'known to both');
    card(a, kept.id, 'kept card');
    const b = peerOf(a);

    removeTable(a, gone.id);
    const orphan = card(b, gone.id, 'written while the table was removed');
    expectConverged(a, b);

    for (const doc of [a, b]) {
      expect(names(doc)).toEqual(['Kept']);
      expect(tablesSnapshot(doc).map((t) => t.cardCount)).toEqual([1]);
      // The orphan stays in the document (nobody deleted it), with a boardId naming no board …
      expect(cardsSnapshot(doc).find((c) => c.id === orphan)).toMatchObject({ boardId: gone.id });
      // … and every view that goes through the boards leaves it out.
      const shown = shownCards(boardsSnapshot(doc), cardsSnapshot(doc));
      expect(shown.map((c) => c.text)).toEqual(['kept card']);
      expect(boardCards(shown, gone.id)).toEqual([]);
      // Nobody can add to the removed table any more.
      expect(addCard(doc, { boardId: gone.id, text: 'late' })).toEqual({ ok: false, error: { code: 'notFound' } });
    }
  });

  it('a table renamed on one laptop while removed on the other ends removed on both', () => {
    const a = newWorkshop();
    const { id } = table(a, 'Gone');
    const b = peerOf(a);
    removeTable(a, id);
    updateTable(b, id, { name: 'Renamed' });
    expectConverged(a, b);
    expect(tablesSnapshot(a)).toEqual([]);
  });
});

describe('report-back', () => {
  it('shows tables in the plenary in the order they were brought there, and hides them', () => {
    const doc = newWorkshop();
    const [one, two, three] = ['One', 'Two', 'Three'].map((name) => table(doc, name));
    for (const t of [three, one, two]) expect(showTableInPlenary(doc, t?.id ?? '')).toEqual({ ok: true, value: true });
    expect(shownNames(doc)).toEqual(['Three', 'One', 'Two']);
    expect(hideTableFromPlenary(doc, one?.id ?? '')).toEqual({ ok: true, value: true });
    expect(shownNames(doc)).toEqual(['Three', 'Two']);
    showTableInPlenary(doc, one?.id ?? '');
    expect(shownNames(doc)).toEqual(['Three', 'Two', 'One']);
  });

  it('showing a shown table or hiding a hidden one writes nothing', () => {
    const doc = newWorkshop();
    const [one, two] = ['One', 'Two'].map((name) => table(doc, name));
    showTableInPlenary(doc, one?.id ?? '');
    showTableInPlenary(doc, two?.id ?? '');
    expect(writes(doc, () => expect(showTableInPlenary(doc, one?.id ?? '')).toEqual({ ok: true, value: true }))).toBe(0);
    expect(shownNames(doc)).toEqual(['One', 'Two']);
    hideTableFromPlenary(doc, one?.id ?? '');
    expect(writes(doc, () => expect(hideTableFromPlenary(doc, one?.id ?? '')).toEqual({ ok: true, value: true }))).toBe(0);
  });

  it('refuses the plenary board and unknown ids', () => {
    const doc = newWorkshop();
    table(doc, 'One');
    const before = encodeWorkshopState(doc);
    for (const id of [PLENARY_BOARD_ID, 'nope']) {
      expect(showTableInPlenary(doc, id)).toEqual({ ok: false, error: { code: 'notFound' } });
      expect(hideTableFromPlenary(doc, id)).toEqual({ ok: false, error: { code: 'notFound' } });
    }
    expect(encodeWorkshopState(doc)).toEqual(before);
    expect(reportBackSnapshot(doc)).toEqual([]);
  });

  it('shows nothing in a workshop without tables, and removing a table takes it off the plenary', () => {
    const doc = newWorkshop();
    expect(reportBackSnapshot(doc)).toEqual([]);
    const [one, two] = ['One', 'Two'].map((name) => table(doc, name));
    showTableInPlenary(doc, one?.id ?? '');
    showTableInPlenary(doc, two?.id ?? '');
    removeTable(doc, one?.id ?? '');
    expect(shownNames(doc)).toEqual(['Two']);
  });

  it('undoing a show hides the table again; undoing the first table keeps what others showed', () => {
    const a = newWorkshop();
    const undo = createUndoHistory(a);
    const first = table(a, 'First'); // creates the report-back map, outside the undo history
    const b = peerOf(a);
    const theirs = table(b, 'Theirs');
    showTableInPlenary(b, theirs.id);
    syncDocs(a, b);
    showTableInPlenary(a, first.id);
    expect(shownNames(a)).toEqual(['Theirs', 'First']);
    undo.undo(); // the show
    expect(shownNames(a)).toEqual(['Theirs']);
    undo.undo(); // the table
    expect(names(a)).toEqual(['Theirs']);
    expectConverged(a, b);
    expect(shownNames(b)).toEqual(['Theirs']);
  });

  it('tables shown at once on two laptops are both shown, in the same order on both', () => {
    const a = newWorkshop();
    const [one, two] = ['One', 'Two'].map((name) => table(a, name));
    const b = peerOf(a);
    showTableInPlenary(a, one?.id ?? '');
    showTableInPlenary(b, two?.id ?? '');
    expectConverged(a, b);
    expect(shownNames(a).sort()).toEqual(['One', 'Two']);
  });

  it('one table shown on both laptops at once is shown once', () => {
    const a = newWorkshop();
    const { id } = table(a, 'One');
    const b = peerOf(a);
    showTableInPlenary(a, id);
    showTableInPlenary(b, id);
    expectConverged(a, b);
    expect(reportBackSnapshot(a)).toEqual([id]);
  });

  it('a hide on one laptop and a show on the other both take effect', () => {
    const a = newWorkshop();
    const [one, two] = ['One', 'Two'].map((name) => table(a, name));
    showTableInPlenary(a, one?.id ?? '');
    const b = peerOf(a);
    hideTableFromPlenary(a, one?.id ?? '');
    showTableInPlenary(b, two?.id ?? '');
    expectConverged(a, b);
    expect(shownNames(a)).toEqual(['Two']);
  });

  it('a table shown on one laptop while removed on the other is shown on neither, and hiding clears the entry', () => {
    const a = newWorkshop();
    const { id } = table(a, 'Gone');
    const b = peerOf(a);
    removeTable(a, id);
    showTableInPlenary(b, id);
    expectConverged(a, b);
    expect(reportBackSnapshot(a)).toEqual([]);
    expect(writes(a, () => expect(hideTableFromPlenary(a, id)).toEqual({ ok: true, value: true }))).toBe(1);
  });

  it('two laptops that first show tables while apart keep both shows: the map exists from the start', () => {
    const a = newWorkshop();
    const b = peerOf(a); // no table yet: the report-back map was created with the plenary board
    const fromA = table(a, 'From A');
    const fromB = table(b, 'From B');
    showTableInPlenary(a, fromA.id);
    showTableInPlenary(b, fromB.id);
    expectConverged(a, b);
    expect(names(a).sort()).toEqual(['From A', 'From B']);
    expect(reportBackSnapshot(a)).toHaveLength(2);
  });
});
