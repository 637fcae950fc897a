import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { entries, orderOf, str, itemIn } from './read';
import { fail, ok, type Result } from './result';
import type { CardGroup } from './schema';
import { validShortText } from './validate';

/*
 * Clustering. A group is an item of the `groups` collection; a card's membership is its own
 * `groupId` field. One field per card means a card dragged into two groups at once on two
 * laptops ends in exactly one of them (the field converges to one value), and a group dissolved
 * while a card is dropped into it loses no card: the card keeps pointing at a group that no
 * longer exists and is shown loose (`effectiveGroupId`).
 */

/** Groups of every board, in their order. */
export function groupsSnapshot(doc: WorkshopDoc): CardGroup[] {
  return entries(roots(doc).groups)
    .map(([id, group]) => ({
      id,
      boardId: str(group, 'boardId'),
      title: str(group, 'title'),
      order: orderOf(group),
      locked: group.get('locked') === true,
    }))
    .sort(compareOrdered);
}

/**
 * The group a card is shown in: its `groupId` if that group exists on the card's board, else
 * none (dissolved, or on another board after a concurrent move).
 */
export function effectiveGroupId(card: { boardId: string; groupId: string | null }, groups: ReadonlyMap<string, CardGroup>): string | null {
  if (card.groupId === null) return null;
  const group = groups.get(card.groupId);
  return group && group.boardId === card.boardId ? group.id : null;
}

export interface GroupedBoard<C> {
  groups: Array<{ group: CardGroup; cards: C[] }>;
  loose: C[];
}

/** A board's cards laid out in its groups and the loose rest, keeping the cards' order. */
export function layoutBoard<C extends { boardId: string; groupId: string | null }>(
  boardId: string,
  groups: readonly CardGroup[],
  cards: readonly C[],
): GroupedBoard<C> {
  const own = groups.filter((group) => group.boardId === boardId);
  const byId = new Map(own.map((group) => [group.id, group]));
  const members = new Map<string, C[]>(own.map((group) => [group.id, []]));
  const loose: C[] = [];
  for (const card of cards) {
    if (card.boardId !== boardId) continue;
    const groupId = effectiveGroupId(card, byId);
    if (groupId === null) loose.push(card);
    else members.get(groupId)?.push(card);
  }
  return { groups: own.map((group) => ({ group, cards: members.get(group.id) ?? [] })), loose };
}

export interface NewGroupInput {
  /** The cards that form the group: the dragged card and the one it was dropped on. */
  cardIds: readonly string[];
  title?: string;
}

/** Makes a group of cards of one board (a card dropped on another). */
export function groupCards(doc: WorkshopDoc, input: NewGroupInput): Result<CardGroup> {
  const { cards, boards } = roots(doc);
  const members = input.cardIds.flatMap((id) => {
    const card = itemIn(cards, id);
    return card ? [card] : [];
  });
  if (members.length === 0 || members.length !== input.cardIds.length) return fail('notFound');
  const boardIds = new Set(members.map((card) => str(card, 'boardId')));
  if (boardIds.size !== 1) return fail('group.sameBoard');
  const [boardId] = [...boardIds] as [string];
  if (!boards.has(boardId)) return fail('notFound');
  const title = validShortText(input.title ?? '');
  if (!title.ok) return title;
  const group: CardGroup = {
    id: newId(),
    boardId,
    title: title.value,
    order: keyAtEnd(groupsSnapshot(doc).filter((existing) => existing.boardId === boardId)),
    locked: false,
  };
  local(doc, () => {
    roots(doc).groups.set(group.id, itemMap({ ...group }));
    for (const card of members) card.set('groupId', group.id);
  });
  return ok(group);
}

/** Puts a card into a group (of the same board), or takes it out with `groupId` null. */
export function moveCardToGroup(doc: WorkshopDoc, cardId: string, groupId: string | null): Result<true> {
  const { cards, groups } = roots(doc);
  const card = itemIn(cards, cardId);
  if (!card) return fail('notFound');
  if (groupId !== null) {
    const group = itemIn(groups, groupId);
    if (!group) return fail('notFound');
    if (str(group, 'boardId') !== str(card, 'boardId')) return fail('group.sameBoard');
  }
  if ((card.get('groupId') ?? null) === groupId) return ok(true);
  local(doc, () => card.set('groupId', groupId));
  return ok(true);
}

export function renameGroup(doc: WorkshopDoc, groupId: string, rawTitle: string): Result<true> {
  const group = itemIn(roots(doc).groups, groupId);
  if (!group) return fail('notFound');
  const title = validShortText(rawTitle);
  if (!title.ok) return title;
  if (group.get('title') !== title.value) local(doc, () => group.set('title', title.value));
  return ok(true);
}

export function setGroupLocked(doc: WorkshopDoc, groupId: string, locked: boolean): Result<true> {
  const group = itemIn(roots(doc).groups, groupId);
  if (!group) return fail('notFound');
  if ((group.get('locked') === true) !== locked) local(doc, () => group.set('locked', locked));
  return ok(true);
}

/** Moves every card of `fromId` into `intoId` and removes `fromId`. */
export function mergeGroups(doc: WorkshopDoc, fromId: string, intoId: string): Result<true> {
  const { groups, cards } = roots(doc);
  const from = itemIn(groups, fromId);
  const into = itemIn(groups, intoId);
  if (!from || !into || fromId === intoId) return fail('notFound');
  if (str(from, 'boardId') !== str(into, 'boardId')) return fail('group.sameBoard');
  local(doc, () => {
    for (const [, card] of entries(cards)) if (card.get('groupId') === fromId) card.set('groupId', intoId);
    groups.delete(fromId);
  });
  return ok(true);
}

/** Removes a group; its cards stay on the board, loose. */
export function dissolveGroup(doc: WorkshopDoc, groupId: string): Result<true> {
  const { groups, cards } = roots(doc);
  if (!groups.has(groupId)) return fail('notFound');
  local(doc, () => {
    for (const [, card] of entries(cards)) if (card.get('groupId') === groupId) card.set('groupId', null);
    groups.delete(groupId);
  });
  return ok(true);
}
