import type * as Y from 'yjs';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { entries, num, str } from './read';
import { fail, ok, type Result } from './result';
import type { Board, BoardKind, Card } from './schema';
import { validCardText } from './validate';

/** All boards: the plenary first, then tables in their order. */
export function boardsSnapshot(doc: WorkshopDoc): Board[] {
  return entries(roots(doc).boards)
    .map(([id, board]) => ({
      id,
      kind: (str(board, 'kind') === 'table' ? 'table' : 'plenary') as BoardKind,
      title: str(board, 'title'),
      topic: str(board, 'topic'),
      order: str(board, 'order'),
    }))
    .sort((a, b) => (a.kind === b.kind ? compareOrdered(a, b) : a.kind === 'plenary' ? -1 : 1));
}

/** As `entries` tells item maps from anything else stored in a collection. */
const isItemMap = (value: unknown): value is Y.Map<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { get?: unknown }).get === 'function';

/** Every card of the workshop, in board order. */
export function cardsSnapshot(doc: WorkshopDoc): Card[] {
  // One pass straight into the result (no [id, map] pairs first): it runs on every open.
  const cards: Card[] = [];
  roots(doc).cards.forEach((card, id) => {
    if (!isItemMap(card)) return;
    cards.push({
      id,
      boardId: str(card, 'boardId'),
      text: str(card, 'text'),
      order: str(card, 'order'),
      createdAt: num(card, 'createdAt'),
      updatedAt: num(card, 'updatedAt'),
    });
  });
  return cards.sort(compareOrdered);
}

/** The cards of one board. */
export function boardCards(cards: readonly Card[], boardId: string): Card[] {
  return cards.filter((card) => card.boardId === boardId);
}

/**
 * The last card of a board by order, found in one pass over the raw maps: building and sorting
 * every card's snapshot made adding a card cost a millisecond at 2,000 cards.
 */
function lastOfBoard(doc: WorkshopDoc, boardId: string): Array<{ id: string; order: string }> {
  let last: { id: string; order: string } | null = null;
  for (const [id, card] of entries(roots(doc).cards)) {
    if (str(card, 'boardId') !== boardId) continue;
    const candidate = { id, order: str(card, 'order') };
    if (!last || compareOrdered(candidate, last) > 0) last = candidate;
  }
  return last ? [last] : [];
}

export interface CardInput {
  boardId: string;
  text: string;
  now?: number;
}

/** Adds a card at the end of a board. The text is stored exactly as given. */
export function addCard(doc: WorkshopDoc, input: CardInput): Result<Card> {
  if (!roots(doc).boards.has(input.boardId)) return fail('notFound');
  const text = validCardText(input.text);
  if (!text.ok) return text;
  const now = input.now ?? Date.now();
  const card: Card = {
    id: newId(),
    boardId: input.boardId,
    text: text.value,
    order: keyAtEnd(lastOfBoard(doc, input.boardId)),
    createdAt: now,
    updatedAt: now,
  };
  local(doc, () => roots(doc).cards.set(card.id, itemMap({ ...card })));
  return ok(card);
}

export function updateCardText(doc: WorkshopDoc, id: string, raw: string, now = Date.now()): Result<true> {
  const card = roots(doc).cards.get(id);
  if (!card) return fail('notFound');
  const text = validCardText(raw);
  if (!text.ok) return text;
  if (card.get('text') === text.value) return ok(true);
  local(doc, () => {
    card.set('text', text.value);
    card.set('updatedAt', now);
  });
  return ok(true);
}

export function removeCard(doc: WorkshopDoc, id: string): Result<true> {
  const { cards } = roots(doc);
  if (!cards.has(id)) return fail('notFound');
  local(doc, () => cards.delete(id));
  return ok(true);
}
