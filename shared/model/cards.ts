import * as Y from 'yjs';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { isId, newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { bool, entries, oneOf, str, itemIn, timestamp } from './read';
import { fail, ok, type Result } from './result';
import { CARD_COLOURS, STAKEHOLDER_GROUPS, type Board, type BoardKind, type Card, type CardColour, type StakeholderGroup } from './schema';
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
      locked: bool(board, 'locked'),
    }))
    .sort((a, b) => (a.kind === b.kind ? compareOrdered(a, b) : a.kind === 'plenary' ? -1 : 1));
}

/** Locks or unlocks a board against moving and deleting its cards from a table laptop. */
export function setBoardLocked(doc: WorkshopDoc, boardId: string, locked: boolean): Result<true> {
  const board = itemIn(roots(doc).boards, boardId);
  if (!board) return fail('notFound');
  if ((board.get('locked') === true) !== locked) local(doc, () => board.set('locked', locked));
  return ok(true);
}

/** As `entries` tells item maps from anything else stored in a collection. */
const isItemMap = (value: unknown): value is Y.Map<unknown> => value instanceof Y.Map;

function readCard(id: string, card: Y.Map<unknown>): Card {
  return {
    id,
    boardId: str(card, 'boardId'),
    text: str(card, 'text'),
    order: str(card, 'order'),
    groupId: str(card, 'groupId') || null,
    colour: oneOf(card, 'colour', CARD_COLOURS),
    authorId: str(card, 'authorId') || null,
    stakeholderGroup: oneOf(card, 'stakeholderGroup', STAKEHOLDER_GROUPS),
    createdAt: timestamp(card, 'createdAt'),
    updatedAt: timestamp(card, 'updatedAt'),
  };
}

/** Every card of the workshop, in board order. */
export function cardsSnapshot(doc: WorkshopDoc): Card[] {
  // One pass straight into the result (no [id, map] pairs first): it runs on every open.
  const cards: Card[] = [];
  roots(doc).cards.forEach((card, id) => {
    if (isItemMap(card) && isId(id)) cards.push(readCard(id, card));
  });
  return cards.sort(compareOrdered);
}

/** One card as plain data, or null when there is none under the id: without reading every card. */
export function cardById(doc: WorkshopDoc, id: string): Card | null {
  const card = isId(id) ? itemIn(roots(doc).cards, id) : undefined;
  return card ? readCard(id, card) : null;
}

/** The cards of one board. */
export function boardCards(cards: readonly Card[], boardId: string): Card[] {
  return cards.filter((card) => card.boardId === boardId);
}

interface LastCard {
  id: string;
  order: string;
}

/** The last card of a board by order, found in one pass over the raw maps (no snapshots built or sorted). */
function scanLastOfBoard(doc: WorkshopDoc, boardId: string): LastCard | null {
  const found: { last: LastCard | null } = { last: null };
  roots(doc).cards.forEach((card: unknown, id) => {
    if (!isItemMap(card) || str(card, 'boardId') !== boardId) return;
    const candidate = { id, order: str(card, 'order') };
    // The id check (as in `entries`) only for a card that would become the last, not for every card.
    if ((found.last === null || compareOrdered(candidate, found.last) > 0) && isId(id)) found.last = candidate;
  });
  return found.last;
}

/**
 * Each board's last card (null: the board has none), per document, as the scan would find it:
 * at 2,000 cards the scan was most of a new card's script (board-add-card). Kept up to date by
 * every transaction (local, remote, undo) through the ids it changed: a card added or moved
 * later than a board's last becomes it; when the last card itself changes (deleted, moved to
 * another board, reordered) its board is forgotten and scanned again on the next call. A board
 * never asked about is not kept.
 */
const lastCards = new WeakMap<WorkshopDoc, Map<string, LastCard | null>>();

function lastCardsOf(doc: WorkshopDoc): Map<string, LastCard | null> {
  const known = lastCards.get(doc);
  if (known) return known;
  const kept = new Map<string, LastCard | null>();
  const cards = roots(doc).cards;
  const changedCard = (id: string) => {
    for (const [boardId, last] of kept) if (last?.id === id) kept.delete(boardId);
    const card: unknown = cards.get(id);
    if (!isItemMap(card) || !isId(id)) return;
    const boardId = str(card, 'boardId');
    if (!kept.has(boardId)) return;
    const last = kept.get(boardId) ?? null;
    const candidate = { id, order: str(card, 'order') };
    if (last === null || compareOrdered(candidate, last) > 0) kept.set(boardId, candidate);
  };
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (kept.size === 0) return;
    transaction.changed.forEach((keys, type) => {
      if (type instanceof Y.Map && type === cards) {
        keys.forEach((key) => key !== null && changedCard(key));
        return;
      }
      // A field of one card: its key under the cards' root is the card's id.
      const item = type._item;
      if (item && item.parent === cards && item.parentSub !== null) changedCard(item.parentSub);
    });
  });
  lastCards.set(doc, kept);
  return kept;
}

/** The last card of a board by order, for the order of a card added after it. */
function lastOfBoard(doc: WorkshopDoc, boardId: string): LastCard[] {
  // Inside a transaction, or while one's observers run, changes may not have reached the kept
  // cards yet (they arrive with afterTransaction): scan.
  if (doc._transaction !== null || doc._transactionCleanups.length > 0) {
    const last = scanLastOfBoard(doc, boardId);
    return last ? [last] : [];
  }
  const kept = lastCardsOf(doc);
  if (!kept.has(boardId)) kept.set(boardId, scanLastOfBoard(doc, boardId));
  const last = kept.get(boardId) ?? null;
  return last ? [last] : [];
}

export interface CardInput {
  /** The new card's id, for a writer that must recognise its own card when it sends again (a phone); a fresh one when missing. */
  id?: string;
  boardId: string;
  text: string;
  colour?: CardColour | null;
  authorId?: string | null;
  stakeholderGroup?: StakeholderGroup | null;
  now?: number;
}

/** The optional fields as stored: absent rather than null, so a plain card stays small on the wire. */
function optionalFields(card: Pick<Card, 'groupId' | 'colour' | 'authorId' | 'stakeholderGroup'>): Record<string, string> {
  const out: Record<string, string> = {};
  if (card.groupId) out.groupId = card.groupId;
  if (card.colour) out.colour = card.colour;
  if (card.authorId) out.authorId = card.authorId;
  if (card.stakeholderGroup) out.stakeholderGroup = card.stakeholderGroup;
  return out;
}

/** A card as the fields of its map in the document. */
export function cardFields(card: Card): Record<string, string | number> {
  const { id, boardId, text, order, createdAt, updatedAt } = card;
  return { id, boardId, text, order, createdAt, updatedAt, ...optionalFields(card) };
}

/** Adds a card at the end of a board. The text is stored exactly as given. */
export function addCard(doc: WorkshopDoc, input: CardInput): Result<Card> {
  if (!roots(doc).boards.has(input.boardId)) return fail('notFound');
  // A given id never replaces a card: the caller checks for its own first.
  if (input.id !== undefined && (!isId(input.id) || roots(doc).cards.has(input.id))) return fail('data.damaged');
  const text = validCardText(input.text);
  if (!text.ok) return text;
  const now = input.now ?? Date.now();
  const card: Card = {
    id: input.id ?? newId(),
    boardId: input.boardId,
    text: text.value,
    order: keyAtEnd(lastOfBoard(doc, input.boardId)),
    groupId: null,
    colour: input.colour ?? null,
    authorId: input.authorId ?? null,
    stakeholderGroup: input.stakeholderGroup ?? null,
    createdAt: now,
    updatedAt: now,
  };
  local(doc, () => roots(doc).cards.set(card.id, itemMap(cardFields(card))));
  return ok(card);
}

export interface CardPatch {
  colour?: CardColour | null;
  authorId?: string | null;
  stakeholderGroup?: StakeholderGroup | null;
}

/** Sets a card's colour, author or tag; only the fields given change (null clears one). */
export function updateCardDetails(doc: WorkshopDoc, id: string, patch: CardPatch, now = Date.now()): Result<true> {
  const card = itemIn(roots(doc).cards, id);
  if (!card) return fail('notFound');
  if (patch.colour != null && !CARD_COLOURS.includes(patch.colour)) return fail('colour.invalid');
  if (patch.stakeholderGroup != null && !STAKEHOLDER_GROUPS.includes(patch.stakeholderGroup)) return fail('stakeholder.invalid');
  const changes = Object.entries(patch).filter(([key, value]) => value !== undefined && (card.get(key) ?? null) !== value);
  if (changes.length === 0) return ok(true);
  local(doc, () => {
    for (const [key, value] of changes) {
      if (value === null) card.delete(key);
      else card.set(key, value);
    }
    card.set('updatedAt', now);
  });
  return ok(true);
}

export function updateCardText(doc: WorkshopDoc, id: string, raw: string, now = Date.now()): Result<true> {
  const card = itemIn(roots(doc).cards, id);
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
