import * as Y from 'yjs';
import { boardsSnapshot, cardsSnapshot } from './cards';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { isId, newId } from './ids';
import { compareOrdered, keyAtEnd, keysForMove } from './order';
import { entries, itemIn } from './read';
import { fail, ok, type Result } from './result';
import { PLENARY_BOARD_ID, REPORT_BACK_FIELD, type Board, type Card } from './schema';
import { validShortText, validTitle } from './validate';

/*
 * Breakout tables. A table is a board of kind 'table' in the `boards` collection, so its cards
 * are ordinary cards and every laptop holds every table. Its name lives in the board's `title`
 * field (the format predates tables having names of their own), its topic in `topic`.
 *
 * Removing a table deletes its cards, but only the cards this laptop knows of: a card added to
 * the table on another laptop at the same time survives the merge with a `boardId` that names
 * no board. Such an orphan is neither shown nor counted (`shownCards`, `tablesFrom`). It is not
 * swept away either: a laptop can receive a card before the board it belongs to (updates from
 * different laptops arrive independently), and deleting "orphans" there would delete a live
 * card on every laptop.
 */

/** A breakout table as the UI lists it. */
export interface Table {
  id: string;
  name: string;
  topic: string;
  order: string;
  /** Cards on the table's board. */
  cardCount: number;
}

/**
 * Origin of the one structural write that is not a user action: creating the empty report-back
 * map. Not `LOCAL_ORIGIN`, so undoing the action that happened to create it never deletes the
 * map together with the tables other laptops have shown in it meanwhile.
 */
const STRUCTURE_ORIGIN = 'plenum:structure';

/** The table boards in their order, with their card counts. Pure, for live snapshots of both areas. */
export function tablesFrom(boards: readonly Board[], cards: readonly Card[]): Table[] {
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.boardId, (counts.get(card.boardId) ?? 0) + 1);
  return boards
    .filter((board) => board.kind === 'table' && board.id !== PLENARY_BOARD_ID)
    .map((board) => ({ id: board.id, name: board.title, topic: board.topic, order: board.order, cardCount: counts.get(board.id) ?? 0 }))
    .sort(compareOrdered);
}

/** The workshop's breakout tables in their order. */
export function tablesSnapshot(doc: WorkshopDoc): Table[] {
  return tablesFrom(boardsSnapshot(doc), cardsSnapshot(doc));
}

/**
 * The cards that belong to an existing board: what lists, totals and minutes show. Leaves out
 * orphans (cards of a table removed on another laptop while they were written).
 */
export function shownCards(boards: readonly Board[], cards: readonly Card[]): Card[] {
  const ids = new Set(boards.map((board) => board.id));
  return cards.filter((card) => ids.has(card.boardId));
}

export interface TableInput {
  name: string;
  topic?: string;
}

/**
 * Adds a table at the end of the tables. Refused (`notFound`) while the workshop itself has not
 * arrived (no plenary board): a laptop must not write into a document it has not received.
 */
export function addTable(doc: WorkshopDoc, input: TableInput): Result<Board> {
  const name = validTitle(input.name);
  if (!name.ok) return name;
  const topic = validShortText(input.topic ?? '');
  if (!topic.ok) return topic;
  if (!plenaryMap(doc)) return fail('notFound');
  // Every laptop that knows a table also knows a report-back map: two laptops that never
  // synced are the only ones that can create it twice, which narrows that race to almost never.
  ensureReportBack(doc);
  const board: Board = {
    id: newId(),
    kind: 'table',
    title: name.value,
    topic: topic.value,
    order: keyAtEnd(tableBoards(doc)),
    locked: false,
  };
  local(doc, () => roots(doc).boards.set(board.id, itemMap({ ...board })));
  return ok(board);
}

export interface TablePatch {
  name?: string;
  topic?: string;
}

/** Renames a table or changes its topic; only the fields given change; an invalid field refuses the patch. */
export function updateTable(doc: WorkshopDoc, id: string, patch: TablePatch): Result<Table> {
  const board = tableMap(doc, id);
  if (!board) return fail('notFound');
  const clean: Record<string, string> = {};
  if (patch.name !== undefined) {
    const name = validTitle(patch.name);
    if (!name.ok) return name;
    clean.title = name.value;
  }
  if (patch.topic !== undefined) {
    const topic = validShortText(patch.topic);
    if (!topic.ok) return topic;
    clean.topic = topic.value;
  }
  local(doc, () => {
    for (const [key, value] of Object.entries(clean)) if (board.get(key) !== value) board.set(key, value);
  });
  const updated = tablesSnapshot(doc).find((table) => table.id === id);
  return updated ? ok(updated) : fail('notFound');
}

/**
 * Removes a table with its cards and its report-back entry, in one transaction (one undo step
 * brings all of it back). The people seated there go back to no table (what the dialog tells),
 * not to a seat at a table that is gone. The plenary board is not a table: `notFound`.
 */
export function removeTable(doc: WorkshopDoc, id: string): Result<true> {
  if (!tableMap(doc, id)) return fail('notFound');
  const { boards, cards, participants } = roots(doc);
  const cardIds = entries(cards)
    .filter(([, card]) => card.get('boardId') === id)
    .map(([cardId]) => cardId);
  const seated = entries(participants).filter(([, person]) => person.get('tableId') === id);
  local(doc, () => {
    for (const [, person] of seated) {
      person.set('tableId', '');
      person.set('fixedToTable', false);
    }
    for (const cardId of cardIds) cards.delete(cardId);
    reportBackMap(doc)?.delete(id);
    boards.delete(id);
  });
  return ok(true);
}

/** Moves a table to `toIndex` among the tables, counted without the table itself. */
export function moveTable(doc: WorkshopDoc, id: string, toIndex: number): Result<true> {
  if (!tableMap(doc, id)) return fail('notFound');
  const writes = keysForMove(tableBoards(doc), id, toIndex);
  const { boards } = roots(doc);
  local(doc, () => {
    for (const { id: boardId, order } of writes) itemIn(boards, boardId)?.set('order', order);
  });
  return ok(true);
}

/**
 * Brings a table's board to the plenary (report-back), after the tables already shown. Showing
 * a table that is shown already changes nothing, so it keeps its place.
 */
export function showTableInPlenary(doc: WorkshopDoc, tableId: string): Result<true> {
  if (!tableMap(doc, tableId)) return fail('notFound');
  const shown = ensureReportBack(doc);
  if (!shown) return fail('notFound');
  if (typeof shown.get(tableId) === 'string') return ok(true);
  const order = keyAtEnd(reportBackEntries(shown));
  local(doc, () => shown.set(tableId, order));
  return ok(true);
}

/** Takes a table's board off the plenary. Hiding a table that is not shown changes nothing. */
export function hideTableFromPlenary(doc: WorkshopDoc, tableId: string): Result<true> {
  const shown = reportBackMap(doc);
  if (shown?.has(tableId)) {
    // Also clears the entry of a table removed meanwhile on another laptop.
    local(doc, () => shown.delete(tableId));
    return ok(true);
  }
  return tableMap(doc, tableId) ? ok(true) : fail('notFound');
}

/** Ids of the tables shown in the plenary, in the order they were brought there; removed tables left out. */
export function reportBackSnapshot(doc: WorkshopDoc): string[] {
  const shown = reportBackMap(doc);
  if (!shown) return [];
  return reportBackEntries(shown)
    .filter(({ id }) => tableMap(doc, id) !== undefined)
    .sort(compareOrdered)
    .map(({ id }) => id);
}

/** The board map of an existing table; never the plenary, whatever its `kind` field says. */
function tableMap(doc: WorkshopDoc, id: string): Y.Map<unknown> | undefined {
  if (id === PLENARY_BOARD_ID) return undefined;
  const board: unknown = itemIn(roots(doc).boards, id);
  return board instanceof Y.Map && board.get('kind') === 'table' ? (board as Y.Map<unknown>) : undefined;
}

function tableBoards(doc: WorkshopDoc): Table[] {
  return tablesFrom(boardsSnapshot(doc), []);
}

function plenaryMap(doc: WorkshopDoc): Y.Map<unknown> | undefined {
  const plenary: unknown = itemIn(roots(doc).boards, PLENARY_BOARD_ID);
  return plenary instanceof Y.Map ? (plenary as Y.Map<unknown>) : undefined;
}

function reportBackMap(doc: WorkshopDoc): Y.Map<unknown> | undefined {
  const shown = plenaryMap(doc)?.get(REPORT_BACK_FIELD);
  return shown instanceof Y.Map ? (shown as Y.Map<unknown>) : undefined;
}

/**
 * The report-back map, created empty when missing. A nested map set by two laptops that have not
 * synced ends as one of the two (with its entries; the other's are lost), so it is created as
 * early as possible — with the first table — and never replaced once it exists.
 */
function ensureReportBack(doc: WorkshopDoc): Y.Map<unknown> | undefined {
  const existing = reportBackMap(doc);
  if (existing) return existing;
  const plenary = plenaryMap(doc);
  if (!plenary) return undefined;
  doc.transact(() => plenary.set(REPORT_BACK_FIELD, itemMap({})), STRUCTURE_ORIGIN);
  return reportBackMap(doc);
}

function reportBackEntries(shown: Y.Map<unknown>): Array<{ id: string; order: string }> {
  const out: Array<{ id: string; order: string }> = [];
  shown.forEach((order, id) => {
    if (typeof order === 'string' && isId(id)) out.push({ id, order });
  });
  return out.sort(compareOrdered);
}

/**
 * @internal writes a backup's report-back list onto the plenary board (restored before it) inside
 * the caller's transaction, with fresh order keys in the list's order.
 */
export function writeReportBack(doc: WorkshopDoc, tableIds: readonly string[]): void {
  const plenary = plenaryMap(doc);
  if (!plenary) return;
  const shown = new Y.Map<unknown>();
  let order: string | null = null;
  for (const tableId of tableIds) {
    order = keyAtEnd(order === null ? [] : [{ id: '', order }]);
    shown.set(tableId, order);
  }
  plenary.set(REPORT_BACK_FIELD, shown);
}
