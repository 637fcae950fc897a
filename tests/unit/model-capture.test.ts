import { describe, expect, it } from 'vitest';
import {
  actionFromCard,
  actionItemsSnapshot,
  addActionItem,
  addCard,
  addParticipant,
  applyWorkshopUpdates,
  castVote,
  closeVoteRound,
  countedVotes,
  createWorkshopDoc,
  dissolveGroup,
  dotsLeft,
  encodeWorkshopState,
  filterActionItems,
  groupCards,
  groupsSnapshot,
  initWorkshop,
  layoutBoard,
  mergeGroups,
  moveCardToGroup,
  openVoteRound,
  PLENARY_BOARD_ID,
  rankVotes,
  removeActionItem,
  renameGroup,
  retractVote,
  setGroupLocked,
  syncDocs,
  updateActionItem,
  voteRoundsSnapshot,
  votesSnapshot,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { roots } from '../../shared/model/doc';

function workshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'w', title: 'Capture', language: 'de', now: 1 });
  return doc;
}

function peerOf(doc: WorkshopDoc): WorkshopDoc {
  const peer = createWorkshopDoc();
  applyWorkshopUpdates(peer, [encodeWorkshopState(doc)]);
  return peer;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const card = (doc: WorkshopDoc, text: string) => must(addCard(doc, { boardId: PLENARY_BOARD_ID, text })).id;
/** Several cards at once, typed as a tuple so they destructure without undefined. */
const cards = <T extends string[]>(doc: WorkshopDoc, ...texts: T) => texts.map((text) => card(doc, text)) as { [K in keyof T]: string };
const groupIdOf = (doc: WorkshopDoc, cardId: string) => roots(doc).cards.get(cardId)?.get('groupId') ?? null;
const person = (doc: WorkshopDoc, name: string) => must(addParticipant(doc, { name, organisation: '', stakeholderGroup: '', email: '' })).id;

/** The board's layout as plain ids, read from the raw card maps (groupId included). */
function layout(doc: WorkshopDoc) {
  const cards = [...roots(doc).cards.entries()].map(([id, map]) => ({
    id,
    boardId: String(map.get('boardId')),
    groupId: (map.get('groupId') as string | null | undefined) ?? null,
  }));
  const { groups, loose } = layoutBoard(PLENARY_BOARD_ID, groupsSnapshot(doc), cards);
  return { groups: groups.map((entry) => ({ id: entry.group.id, cards: entry.cards.map((c) => c.id).sort() })), loose: loose.map((c) => c.id).sort() };
}

describe('groups', () => {
  it('a card dropped on another makes a group of both; rename, lock, take out, dissolve', () => {
    const doc = workshop();
    const [a, b, c] = cards(doc, 'Webinar', 'Biomethan', 'Versicherung');
    const group = must(groupCards(doc, { cardIds: [a, b], title: 'Energie' }));
    expect(layout(doc)).toEqual({ groups: [{ id: group.id, cards: [a, b].sort() }], loose: [c] });
    must(renameGroup(doc, group.id, 'Energieeffizienz'));
    must(setGroupLocked(doc, group.id, true));
    expect(groupsSnapshot(doc)).toMatchObject([{ title: 'Energieeffizienz', locked: true }]);
    must(moveCardToGroup(doc, c, group.id));
    must(moveCardToGroup(doc, a, null));
    expect(layout(doc).groups[0]?.cards).toEqual([b, c].sort());
    must(dissolveGroup(doc, group.id));
    expect(layout(doc)).toEqual({ groups: [], loose: [a, b, c].sort() });
  });

  it('merging moves every card into the other group', () => {
    const doc = workshop();
    const ids = cards(doc, '1', '2', '3', '4');
    const first = must(groupCards(doc, { cardIds: ids.slice(0, 2) }));
    const second = must(groupCards(doc, { cardIds: ids.slice(2) }));
    must(mergeGroups(doc, first.id, second.id));
    expect(layout(doc)).toEqual({ groups: [{ id: second.id, cards: [...ids].sort() }], loose: [] });
  });

  it('refuses unknown cards and cards of different boards, and changes nothing', () => {
    const doc = workshop();
    const a = card(doc, 'a');
    expect(groupCards(doc, { cardIds: [a, 'missing'] })).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(groupsSnapshot(doc)).toEqual([]);
  });

  it('a card dragged into two groups at once on two laptops ends in exactly one', () => {
    const doc = workshop();
    const [a, b, c, d, moving] = cards(doc, 'a', 'b', 'c', 'd', 'moving');
    const left = must(groupCards(doc, { cardIds: [a, b] }));
    const right = must(groupCards(doc, { cardIds: [c, d] }));
    const peer = peerOf(doc);
    must(moveCardToGroup(doc, moving, left.id));
    must(moveCardToGroup(peer, moving, right.id));
    syncDocs(doc, peer);
    expect(layout(doc)).toEqual(layout(peer));
    const holding = layout(doc).groups.filter((group) => group.cards.includes(moving));
    expect(holding).toHaveLength(1);
    expect(layout(doc).loose).not.toContain(moving);
  });

  it('a group dissolved while a card is added to it loses no card', () => {
    const doc = workshop();
    const [a, b, late] = cards(doc, 'a', 'b', 'late');
    const group = must(groupCards(doc, { cardIds: [a, b] }));
    const peer = peerOf(doc);
    must(dissolveGroup(doc, group.id));
    must(moveCardToGroup(peer, late, group.id));
    syncDocs(doc, peer);
    expect(layout(doc)).toEqual({ groups: [], loose: [a, b, late].sort() });
    expect(layout(peer)).toEqual(layout(doc));
    expect(workshopSnapshot(doc)).toEqual(workshopSnapshot(peer));
  });

  it('a card added to a group on one laptop while the groups are merged on the other ends in the merged group', () => {
    const doc = workshop();
    const [a, b, c, d, late] = cards(doc, 'a', 'b', 'c', 'd', 'late');
    const from = must(groupCards(doc, { cardIds: [a, b] }));
    const into = must(groupCards(doc, { cardIds: [c, d] }));
    const peer = peerOf(doc);
    must(mergeGroups(doc, from.id, into.id));
    must(moveCardToGroup(peer, late, into.id));
    syncDocs(doc, peer);
    expect(layout(doc)).toEqual({ groups: [{ id: into.id, cards: [a, b, c, d, late].sort() }], loose: [] });
    expect(groupIdOf(peer, late)).toBe(into.id);
  });
});

describe('dot voting', () => {
  it('counts dots per participant, refuses a vote beyond the budget with a message, and ranks', () => {
    const doc = workshop();
    const [a, b, c] = cards(doc, 'a', 'b', 'c');
    const ada = person(doc, 'Ada');
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3, allowStacking: true, now: 10 }));
    must(castVote(doc, { roundId: round.id, voterId: ada, targetId: b, now: 11 }));
    must(castVote(doc, { roundId: round.id, voterId: ada, targetId: b, now: 12 }));
    must(castVote(doc, { roundId: round.id, voterId: ada, targetId: a, now: 13 }));
    expect(castVote(doc, { roundId: round.id, voterId: ada, targetId: c, now: 14 })).toEqual({ ok: false, error: { code: 'vote.budgetSpent', params: { budget: 3 } } });
    expect(votesSnapshot(doc)).toHaveLength(3);
    expect(rankVotes(round, votesSnapshot(doc), [a, b, c])).toEqual([
      { targetId: b, dots: 2, rank: 1 },
      { targetId: a, dots: 1, rank: 2 },
    ]);
  });

  it('without stacking a second dot on the same card is refused', () => {
    const doc = workshop();
    const a = card(doc, 'a');
    const ada = person(doc, 'Ada');
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3 }));
    must(castVote(doc, { roundId: round.id, voterId: ada, targetId: a }));
    expect(castVote(doc, { roundId: round.id, voterId: ada, targetId: a })).toEqual({ ok: false, error: { code: 'vote.noStacking' } });
  });

  it('a budget holds across two laptops of one participant voting at the same time', () => {
    const doc = workshop();
    const targets = cards(doc, 'a', 'b', 'c', 'd', 'e', 'f');
    const ada = person(doc, 'Ada');
    const bob = person(doc, 'Bob');
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3, now: 1 }));
    const laptop = peerOf(doc);
    // Each laptop sees a fresh budget and accepts three dots: six in all for Ada.
    targets.slice(0, 3).forEach((target, i) => must(castVote(doc, { roundId: round.id, voterId: ada, targetId: target, now: 10 + i * 2 })));
    targets.slice(3).forEach((target, i) => must(castVote(laptop, { roundId: round.id, voterId: ada, targetId: target, now: 11 + i * 2 })));
    must(castVote(laptop, { roundId: round.id, voterId: bob, targetId: targets[0] ?? '', now: 5 }));
    syncDocs(doc, laptop);
    for (const side of [doc, laptop]) {
      const counted = countedVotes(round, votesSnapshot(side), new Set(targets));
      expect(counted.filter((vote) => vote.voterId === ada)).toHaveLength(3);
      expect(dotsLeft(round, votesSnapshot(side), ada, new Set(targets))).toBe(0);
      expect(castVote(side, { roundId: round.id, voterId: ada, targetId: targets[5] ?? '' }).ok).toBe(false);
    }
    // Both laptops count the same three: Ada's earliest.
    expect(countedVotes(round, votesSnapshot(doc), new Set(targets)).map((vote) => vote.at)).toEqual([5, 10, 11, 12]);
    expect(rankVotes(round, votesSnapshot(doc), targets)).toEqual(rankVotes(round, votesSnapshot(laptop), targets));
  });

  it('one open round per board; a closed round takes no votes and no retractions', () => {
    const doc = workshop();
    const a = card(doc, 'a');
    const ada = person(doc, 'Ada');
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 2, hideResults: true }));
    expect(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 2 })).toEqual({ ok: false, error: { code: 'vote.roundOpen' } });
    const vote = must(castVote(doc, { roundId: round.id, voterId: ada, targetId: a }));
    must(closeVoteRound(doc, round.id, 99));
    expect(voteRoundsSnapshot(doc)).toMatchObject([{ state: 'closed', closedAt: 99, hideResults: true }]);
    expect(castVote(doc, { roundId: round.id, voterId: ada, targetId: a })).toEqual({ ok: false, error: { code: 'vote.closed' } });
    expect(retractVote(doc, vote.id)).toEqual({ ok: false, error: { code: 'vote.closed' } });
  });

  it('refuses a budget out of range and a voter not on the roster', () => {
    const doc = workshop();
    const a = card(doc, 'a');
    expect(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 0 }).ok).toBe(false);
    expect(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 2.5 }).ok).toBe(false);
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3 }));
    expect(castVote(doc, { roundId: round.id, voterId: 'stranger', targetId: a })).toEqual({ ok: false, error: { code: 'vote.unknownVoter' } });
  });

  it('a retracted dot frees the budget', () => {
    const doc = workshop();
    const [a, b] = cards(doc, 'a', 'b');
    const ada = person(doc, 'Ada');
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 1 }));
    const vote = must(castVote(doc, { roundId: round.id, voterId: ada, targetId: a }));
    must(retractVote(doc, vote.id));
    must(castVote(doc, { roundId: round.id, voterId: ada, targetId: b }));
    expect(rankVotes(round, votesSnapshot(doc), [a, b])).toEqual([{ targetId: b, dots: 1, rank: 1 }]);
  });
});

describe('action items', () => {
  it('live from creation to done, filterable by table, owner and status', () => {
    const doc = workshop();
    const ada = person(doc, 'Ada');
    const source = card(doc, 'Webinar-Serie zu Energieeffizienz aufsetzen\nmit zwei Verbänden');
    const fromCard = must(actionFromCard(doc, source, { ownerId: ada, due: '2024-01-31' }));
    expect(fromCard).toMatchObject({ title: 'Webinar-Serie zu Energieeffizienz aufsetzen', ownerId: ada, due: '2024-01-31', status: 'open', boardId: PLENARY_BOARD_ID, sourceCardId: source });
    // The dialog's title, when the moderator rewrote it, wins over the card's first line; the link to the card stays.
    const renamed = must(actionFromCard(doc, source, { title: 'Webinar planen' }));
    expect(renamed).toMatchObject({ title: 'Webinar planen', sourceCardId: source, boardId: PLENARY_BOARD_ID });
    must(removeActionItem(doc, renamed.id));
    const other = must(addActionItem(doc, { title: 'Workshop Kriegsrisikoversicherung', ownerOrganisation: 'GDV' }));
    must(updateActionItem(doc, fromCard.id, { status: 'inProgress' }));
    must(updateActionItem(doc, fromCard.id, { status: 'done' }));
    const items = actionItemsSnapshot(doc);
    expect(items.map((item) => item.status)).toEqual(['done', 'open']);
    expect(filterActionItems(items, { owner: ada }).map((item) => item.id)).toEqual([fromCard.id]);
    expect(filterActionItems(items, { owner: 'GDV' }).map((item) => item.id)).toEqual([other.id]);
    expect(filterActionItems(items, { status: 'open' }).map((item) => item.id)).toEqual([other.id]);
    expect(filterActionItems(items, { boardId: PLENARY_BOARD_ID }).map((item) => item.id)).toEqual([fromCard.id]);
    must(removeActionItem(doc, other.id));
    expect(actionItemsSnapshot(doc)).toHaveLength(1);
  });

  it('refuses an empty title, a bad date or status, and an unknown owner, changing nothing', () => {
    const doc = workshop();
    expect(addActionItem(doc, { title: ' ' }).ok).toBe(false);
    expect(addActionItem(doc, { title: 'x', due: '2024-02-30' }).ok).toBe(false);
    expect(addActionItem(doc, { title: 'x', status: 'later' })).toEqual({ ok: false, error: { code: 'status.invalid' } });
    expect(addActionItem(doc, { title: 'x', ownerId: 'nobody' })).toEqual({ ok: false, error: { code: 'notFound' } });
    const item = must(addActionItem(doc, { title: 'x' }));
    expect(updateActionItem(doc, item.id, { title: 'y', due: 'soon' }).ok).toBe(false);
    expect(actionItemsSnapshot(doc)[0]).toMatchObject({ title: 'x', due: '' });
  });
});
