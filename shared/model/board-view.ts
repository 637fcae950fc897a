import type { Board, Card, CardColour, CardGroup, StakeholderGroup } from './schema';

/*
 * What a board shows and allows, as pure functions of the snapshot: the board panel, the
 * projector and the tests all ask the same questions and get the same answers.
 */

export interface CardFilter {
  /** Words that must all occur in the text (case- and accent-insensitive); '' for none. */
  query?: string;
  colour?: CardColour | null;
  stakeholderGroup?: StakeholderGroup | null;
  /** A participant id; 'anonymous' for cards without an author. */
  author?: string | null;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

export function isFilterActive(filter: CardFilter): boolean {
  return Boolean(filter.query?.trim() || filter.colour || filter.stakeholderGroup || filter.author);
}

/** A predicate for the cards that match every given criterion. Folds the query once, not per card. */
export function cardMatcher(filter: CardFilter): (card: Card) => boolean {
  const words = fold(filter.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return (card) => {
    if (filter.colour && card.colour !== filter.colour) return false;
    if (filter.stakeholderGroup && card.stakeholderGroup !== filter.stakeholderGroup) return false;
    if (filter.author === 'anonymous' ? card.authorId !== null : filter.author && card.authorId !== filter.author) return false;
    if (words.length === 0) return true;
    const text = fold(card.text);
    return words.every((word) => text.includes(word));
  };
}

/** Who is at the keyboard: the moderator's app (or a lone laptop) or a table laptop. */
export type BoardRole = 'moderator' | 'table';

/**
 * Whether this laptop may move or delete a card. A lock only binds table laptops: the
 * moderator locked it and must still be able to tidy up. Adding, editing text and voting stay
 * open, so a locked board still collects ideas.
 */
export function canRearrange(role: BoardRole, board: Pick<Board, 'locked'> | undefined, group: Pick<CardGroup, 'locked'> | undefined): boolean {
  if (role === 'moderator') return true;
  return !board?.locked && !group?.locked;
}

/** Something being dragged on a board: a card or a whole group. */
export type DragSubject = { kind: 'card'; id: string } | { kind: 'group'; id: string };
/** Where it is dropped: on a card, on a group, or on the board outside any group. */
export type DropTarget = { kind: 'card'; id: string } | { kind: 'group'; id: string } | { kind: 'loose' };

/** What a drop means, as one model operation (see groups.ts); null when it means nothing. */
export type DropIntent =
  | { kind: 'newGroup'; cardIds: [string, string] }
  | { kind: 'join'; cardId: string; groupId: string }
  | { kind: 'leave'; cardId: string }
  | { kind: 'merge'; fromId: string; intoId: string };

/**
 * The meaning of a drop: a card on a loose card makes a group of the two, on a grouped card
 * or a group joins that group, on the open board leaves its group; a group on another group
 * (or on one of its cards) merges into it. `groupOf` gives a card's shown group (or null).
 */
export function dropIntent(subject: DragSubject, target: DropTarget, groupOf: (cardId: string) => string | null): DropIntent | null {
  const targetGroup = target.kind === 'group' ? target.id : target.kind === 'card' ? groupOf(target.id) : null;
  if (subject.kind === 'group') {
    return targetGroup && targetGroup !== subject.id ? { kind: 'merge', fromId: subject.id, intoId: targetGroup } : null;
  }
  const ownGroup = groupOf(subject.id);
  if (target.kind === 'loose') return ownGroup ? { kind: 'leave', cardId: subject.id } : null;
  if (target.kind === 'card' && target.id === subject.id) return null;
  if (targetGroup) return targetGroup === ownGroup ? null : { kind: 'join', cardId: subject.id, groupId: targetGroup };
  return target.kind === 'card' ? { kind: 'newGroup', cardIds: [target.id, subject.id] } : null;
}
