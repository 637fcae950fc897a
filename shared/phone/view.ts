import {
  blankTableNumbers,
  countedVotes,
  dotsLeft,
  voteTargetIds,
  effectiveGroupId,
  isBlankText,
  isId,
  layoutBoard,
  LIMITS,
  phonesSnapshot,
  PLENARY_BOARD_ID,
  rankVotes,
  rolesSnapshot,
  tablesFrom,
  type PhonesState,
  type VoteRound,
  type WorkshopDoc,
  type WorkshopSnapshot,
} from '../model';
import { PHONE_PROTOCOL_VERSION, PHONE_RESULTS_FOR_MS, PHONE_RESULTS_SHOWN, PHONE_TEXT_SHOWN, writerTag, type PhoneView } from './protocol';
import type { Phone } from './apply';
import { phoneScope } from './scope';

/*
 * What a phone is shown: read-only, compact, and only what it needs. The board is the one its
 * scope names (scope.ts), never the whole workshop; an author is named only where the minutes
 * would name them (consent), never on an anonymous card; hidden results stay hidden; no device
 * key, e-mail, organisation or other person's dots. Every text is cut to what the view's schema
 * allows, so junk a peer wrote into the document cannot make a phone refuse its view.
 *
 * Size: the board's cards are at most PHONE_VIEW_CARD_BYTES of JSON. A 2,000-card plenary is
 * about twice that (tests/unit/phone-view.test.ts measures it), so a board that large is sent
 * with the phone's own cards and the newest of the others that fit, and `omitted` says how many
 * were left out: a phone shows the latest ideas and its own, not a wall it cannot scroll anyway.
 */

/** The cards' share of a view, in UTF-8 bytes of JSON: with the rest, a view stays well under 256 KiB. */
export const PHONE_VIEW_CARD_BYTES = 192 * 1024;

/**
 * Which cards are a phone's, remembered: telling takes a hash per card (the document's writer tags
 * name nobody, protocol.ts), 2,000 of them for every view of every phone would keep the laptop busy.
 * A card's tag never changes, so the answer holds; one cache per room, kept by whoever sends the views.
 */
export interface OwnCardCache {
  isMine(phone: Phone, cardId: string, tag: string): boolean;
  /** Forgets the phones not listed (by device key): a phone that left costs no memory. */
  keepOnly(deviceKeys: ReadonlySet<string>): void;
}

export function createOwnCardCache(): OwnCardCache {
  const known = new Map<string, Map<string, { tag: string; mine: boolean }>>();
  return {
    isMine(phone, cardId, tag) {
      let cards = known.get(phone.deviceKey);
      if (!cards) known.set(phone.deviceKey, (cards = new Map()));
      const hit = cards.get(cardId);
      if (hit?.tag === tag) return hit.mine;
      const mine = writerTag(phone.deviceId, cardId) === tag;
      cards.set(cardId, { tag, mine });
      return mine;
    },
    keepOnly(deviceKeys) {
      for (const key of known.keys()) if (!deviceKeys.has(key)) known.delete(key);
    },
  };
}

/** Names offered to pick from, at most: a roster this long is typed into, not scrolled. */
export const PHONE_ROSTER_MAX = 500;

/** What a view needs besides the workshop snapshot: session state that no snapshot holds. */
export interface PhoneRoom {
  plenaryOpen: boolean;
  phones: PhonesState;
}

export function phoneRoom(doc: WorkshopDoc): PhoneRoom {
  return { plenaryOpen: rolesSnapshot(doc).plenaryOpen, phones: phonesSnapshot(doc) };
}

function isOwn(room: PhoneRoom, own: OwnCardCache, phone: Phone, cardId: string): boolean {
  const tag = room.phones.cardWriters.get(cardId);
  return tag !== undefined && own.isMine(phone, cardId, tag);
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);
/** A participant's or table's name, '' where a peer wrote it blank: the phone shows its own placeholder for ''. */
const nameOf = (raw: string): string => (isBlankText(raw) ? '' : clip(raw, LIMITS.titleMax));

/** UTF-8 length of a text, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is four bytes, two per half; a lone one is written as three (U+FFFD).
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

type ViewCard = NonNullable<PhoneView['board']>['cards'][number];

/**
 * The cards that fit the budget, in board order: the phone's own first in priority, then the
 * others newest first. Returns them and how many were left out.
 */
function withinBudget(cards: ReadonlyArray<{ view: ViewCard; createdAt: number }>): { cards: ViewCard[]; omitted: number } {
  const sizes = cards.map((card) => utf8Length(JSON.stringify(card.view)) + 1);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= PHONE_VIEW_CARD_BYTES) return { cards: cards.map((card) => card.view), omitted: 0 };
  const byPriority = cards.map((card, index) => ({ card, index })).sort((a, b) => Number(b.card.view.mine) - Number(a.card.view.mine) || b.card.createdAt - a.card.createdAt || b.index - a.index);
  const kept = new Set<number>();
  let used = 0;
  for (const { index } of byPriority) {
    const size = sizes[index] ?? 0;
    if (used + size > PHONE_VIEW_CARD_BYTES) continue;
    used += size;
    kept.add(index);
  }
  return { cards: cards.filter((_, index) => kept.has(index)).map((card) => card.view), omitted: cards.length - kept.size };
}

/** What the phone filed under `phone` is shown now (`now` is the laptop's clock). */
export function phoneView(snapshot: WorkshopSnapshot, room: PhoneRoom, phone: Phone, now: number, own: OwnCardCache = createOwnCardCache()): PhoneView {
  const claimed = room.phones.devices.get(phone.deviceKey);
  const person = snapshot.participants.find((entry) => entry.id === claimed) ?? null;
  const me = person?.id ?? null;
  const scope = phoneScope({ ...snapshot, plenaryOpen: room.plenaryOpen }, me);
  const { run } = snapshot;
  const running = run.status === 'running' || run.status === 'paused';
  const item = running ? snapshot.agenda.find((entry) => entry.id === run.currentId) : undefined;
  const named = new Map(snapshot.participants.filter((entry) => entry.consent).map((entry) => [entry.id, nameOf(entry.name)]));

  let board: PhoneView['board'] = null;
  if (scope.board) {
    const boardId = scope.board.id;
    const ownGroups = snapshot.groups.filter((group) => group.boardId === boardId);
    const groups = new Map(ownGroups.map((group) => [group.id, group]));
    const cards = snapshot.cards
      .filter((card) => card.boardId === boardId)
      .map((card) => ({
        createdAt: card.createdAt,
        view: {
          id: card.id,
          text: clip(card.text, PHONE_TEXT_SHOWN),
          cut: card.text.length > PHONE_TEXT_SHOWN,
          groupId: effectiveGroupId(card, groups),
          mine: isOwn(room, own, phone, card.id),
          author: card.authorId === null ? null : (named.get(card.authorId) ?? null),
        },
      }));
    const fitted = withinBudget(cards);
    // The number the laptops give a table without a name ("Table without a name 2"), so the
    // phone words the same placeholder in its own language and phone and wall agree.
    const unnamedNumber = scope.board.kind === 'table' ? blankTableNumbers(tablesFrom(snapshot.boards, [])).get(boardId) : undefined;
    board = {
      id: boardId,
      kind: scope.board.kind,
      title: nameOf(scope.board.title),
      ...(unnamedNumber === undefined ? {} : { unnamedNumber }),
      writable: scope.writable,
      locked: scope.board.locked,
      groups: ownGroups.map((group) => ({ id: group.id, title: clip(group.title, LIMITS.shortTextMax), locked: group.locked })),
      cards: fitted.cards,
      omitted: fitted.omitted,
    };
  }

  let round: PhoneView['round'] = null;
  if (scope.round) {
    const targets = voteTargetIds(snapshot.cards, snapshot.groups);
    const counted = countedVotes(scope.round, snapshot.votes, targets).filter((vote) => isId(vote.targetId));
    const mine = counted.filter((vote) => vote.voterId === me).map((vote) => ({ id: vote.id, targetId: vote.targetId }));
    let totals: Array<{ targetId: string; dots: number }> | null = null;
    if (!scope.round.hideResults) {
      // A list, not an object keyed by id: a peer can name a card "__proto__".
      const dots = new Map<string, number>();
      for (const vote of counted) dots.set(vote.targetId, (dots.get(vote.targetId) ?? 0) + 1);
      totals = [...dots].map(([targetId, count]) => ({ targetId, dots: count }));
    }
    round = { id: scope.round.id, budget: scope.round.budget, allowStacking: scope.round.allowStacking, left: me ? dotsLeft(scope.round, snapshot.votes, me, targets) : 0, mine, totals };
  }

  return {
    v: PHONE_PROTOCOL_VERSION,
    at: now,
    workshop: { title: clip(snapshot.meta.title, LIMITS.titleMax), language: snapshot.meta.language },
    me: person ? { participantId: person.id, name: nameOf(person.name) } : null,
    roster: snapshot.participants.filter((entry) => entry.consent).slice(0, PHONE_ROSTER_MAX).map((entry) => ({ participantId: entry.id, name: nameOf(entry.name) })),
    run: {
      status: run.status,
      itemStartedAt: run.itemStartedAt,
      pausedAt: run.pausedAt,
      signalled: item !== undefined && run.signalAt > 0 && run.signalItemId === item.id,
      item: item ? { id: item.id, title: clip(item.title, LIMITS.titleMax), kind: item.kind, task: clip(item.task, LIMITS.notesMax), durationMin: item.durationMin } : null,
    },
    board,
    round,
    results: round ? null : lastResults(snapshot, person?.tableId ?? null, now),
    actions: me
      ? snapshot.actions.filter((action) => action.ownerId === me).map((action) => ({ id: action.id, title: clip(action.title, LIMITS.titleMax), due: action.due, status: action.status }))
      : [],
  };
}

/**
 * The ranking of the round that ended last on the plenary or on `tableId`'s board, within
 * PHONE_RESULTS_FOR_MS: what the room looks at on the wall after a vote, for the people who voted
 * on their phones. Labels as the laptops' results word them (a group by its title, a card by its text).
 */
function lastResults(snapshot: WorkshopSnapshot, tableId: string | null, now: number): PhoneView['results'] {
  const boards = new Set([PLENARY_BOARD_ID, ...(tableId ? [tableId] : [])]);
  const ended = snapshot.voteRounds
    .filter((round) => round.state === 'closed' && boards.has(round.boardId) && now - round.closedAt <= PHONE_RESULTS_FOR_MS)
    .sort((a, b) => b.closedAt - a.closedAt)[0];
  const board = ended && snapshot.boards.find((entry) => entry.id === ended.boardId);
  if (!ended || !board) return null;
  const ranked = ranking(snapshot, ended);
  const shown = ranked.slice(0, PHONE_RESULTS_SHOWN);
  const unnamedNumber = board.kind === 'table' ? blankTableNumbers(tablesFrom(snapshot.boards, [])).get(board.id) : undefined;
  return {
    roundId: ended.id,
    board: { kind: board.kind, title: nameOf(board.title), ...(unnamedNumber === undefined ? {} : { unnamedNumber }) },
    ranked: shown,
    more: ranked.length - shown.length,
  };
}

/** Rankings by snapshot and round: the hub builds every phone's view from one snapshot, and the ranking is the same for all. */
const rankings = new WeakMap<WorkshopSnapshot, Map<string, NonNullable<PhoneView['results']>['ranked']>>();

function ranking(snapshot: WorkshopSnapshot, round: VoteRound): NonNullable<PhoneView['results']>['ranked'] {
  let known = rankings.get(snapshot);
  if (!known) rankings.set(snapshot, (known = new Map()));
  const found = known.get(round.id);
  if (found) return found;
  const ranked = rankRound(snapshot, round);
  known.set(round.id, ranked);
  return ranked;
}

function rankRound(snapshot: WorkshopSnapshot, round: VoteRound): NonNullable<PhoneView['results']>['ranked'] {
  const layout = layoutBoard(round.boardId, snapshot.groups, snapshot.cards);
  const order = [...layout.groups.flatMap(({ group, cards }) => [group.id, ...cards.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
  const groups = new Map(layout.groups.map(({ group }) => [group.id, group]));
  const cards = new Map(snapshot.cards.map((card) => [card.id, card]));
  return rankVotes(round, snapshot.votes, order).map((entry) => {
    const group = groups.get(entry.targetId);
    const label = group ? clip(group.title, LIMITS.shortTextMax) : clip(cards.get(entry.targetId)?.text ?? '', PHONE_TEXT_SHOWN);
    return { rank: entry.rank, label, group: group !== undefined, dots: entry.dots };
  });
}
