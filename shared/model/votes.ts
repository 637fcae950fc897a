import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { isId, newId } from './ids';
import { entries, num, str, itemIn, timestamp } from './read';
import { fail, ok, type Result } from './result';
import type { Vote, VoteRound } from './schema';

/*
 * Dot voting. A vote is an item of its own (not a counter), so two laptops that vote at the
 * same moment both keep their dots. A participant's budget holds across laptops: when two
 * laptops of one person vote concurrently past the budget, every laptop counts the same
 * votes — the person's first `budget` by time (then id) — and ignores the rest. Each laptop
 * also refuses a vote beyond what it already sees, with a message.
 *
 * A dot counts only while its card or group exists. Deleting a card or dissolving a group
 * leaves its dots in the document (so undoing the delete brings them back with the card) but
 * takes them out of every count: while the round is open they are the voter's again, and a
 * result never names a target nobody can see. Every reader (the board, the results, the
 * projector, the phones, the minutes) counts through `countedVotes` with the same targets.
 */

export const MAX_BUDGET = 50;

export function voteRoundsSnapshot(doc: WorkshopDoc): VoteRound[] {
  return entries(roots(doc).voteRounds)
    .map(([id, round]) => ({
      id,
      boardId: str(round, 'boardId'),
      budget: Math.min(MAX_BUDGET, Math.max(1, Math.floor(num(round, 'budget', 1)))),
      allowStacking: round.get('allowStacking') === true,
      hideResults: round.get('hideResults') === true,
      state: (round.get('state') === 'closed' ? 'closed' : 'open') as VoteRound['state'],
      openedAt: timestamp(round, 'openedAt'),
      closedAt: timestamp(round, 'closedAt'),
    }))
    .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
}

export function votesSnapshot(doc: WorkshopDoc): Vote[] {
  return entries(roots(doc).votes)
    .map(([id, vote]) => ({ id, roundId: str(vote, 'roundId'), voterId: str(vote, 'voterId'), targetId: str(vote, 'targetId'), at: timestamp(vote, 'at') }))
    .sort(compareVotes);
}

function compareVotes(a: Vote, b: Vote): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The ids a dot can count on: every card and group that exists. */
export function voteTargetIds(cards: ReadonlyArray<{ id: string }>, groups: ReadonlyArray<{ id: string }>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const card of cards) ids.add(card.id);
  for (const group of groups) ids.add(group.id);
  return ids;
}

/** Which cards and groups exist, as far as counting asks: a Set of their ids, or anything that answers `has` the same. */
export type VoteTargets = Pick<ReadonlySet<string>, 'has'>;

/**
 * The votes of a round that count: those on an existing target (`targets`), per participant
 * the first `budget` (by time, then id), and without stacking only the first dot per
 * participant and target. Every laptop computes the same set from the same document.
 */
export function countedVotes(round: VoteRound, votes: readonly Vote[], targets: VoteTargets): Vote[] {
  const spent = new Map<string, number>();
  const seen = new Set<string>();
  const counted: Vote[] = [];
  for (const vote of votes.filter((v) => v.roundId === round.id && targets.has(v.targetId)).sort(compareVotes)) {
    const used = spent.get(vote.voterId) ?? 0;
    if (used >= round.budget) continue;
    const pair = `${vote.voterId}\u0000${vote.targetId}`;
    if (!round.allowStacking && seen.has(pair)) continue;
    seen.add(pair);
    spent.set(vote.voterId, used + 1);
    counted.push(vote);
  }
  return counted;
}

/** How many dots a participant has left in a round. */
export function dotsLeft(round: VoteRound, votes: readonly Vote[], voterId: string, targets: VoteTargets): number {
  return round.budget - countedVotes(round, votes, targets).filter((vote) => vote.voterId === voterId).length;
}

/**
 * How many dots of a round lie on cards or groups that are gone, counted as they were cast:
 * what a closed round's result no longer ranks, said in a line so its total does not shrink unseen.
 */
export function dotsOnRemoved(round: VoteRound, votes: readonly Vote[], targets: VoteTargets): number {
  const cast = new Set(votes.filter((vote) => vote.roundId === round.id).map((vote) => vote.targetId));
  return countedVotes(round, votes, cast).filter((vote) => !targets.has(vote.targetId)).length;
}

export interface RankedTarget {
  targetId: string;
  dots: number;
  /** 1 for the most dots; equal dots share a rank. */
  rank: number;
}

/**
 * The cards and groups of `targetOrder` (a board's existing targets, in its order) by dots,
 * most first; ties keep that order. Only those targets count, so a deleted card or a dissolved
 * group never takes a rank (the first is always 1).
 */
export function rankVotes(round: VoteRound, votes: readonly Vote[], targetOrder: readonly string[]): RankedTarget[] {
  const dots = new Map<string, number>();
  for (const vote of countedVotes(round, votes, new Set(targetOrder))) dots.set(vote.targetId, (dots.get(vote.targetId) ?? 0) + 1);
  const position = new Map(targetOrder.map((id, index) => [id, index]));
  const sorted = [...dots]
    .map(([targetId, count]) => ({ targetId, dots: count }))
    .sort((a, b) => b.dots - a.dots || (position.get(a.targetId) ?? Infinity) - (position.get(b.targetId) ?? Infinity) || (a.targetId < b.targetId ? -1 : 1));
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map((entry, index) => {
    if (entry.dots !== previous) rank = index + 1;
    previous = entry.dots;
    return { ...entry, rank };
  });
}

export interface RoundInput {
  boardId: string;
  budget: number;
  allowStacking?: boolean;
  hideResults?: boolean;
  now?: number;
}

/** Opens a round on a board; one open round per board at a time. */
export function openVoteRound(doc: WorkshopDoc, input: RoundInput): Result<VoteRound> {
  if (!roots(doc).boards.has(input.boardId)) return fail('notFound');
  if (!Number.isInteger(input.budget) || input.budget < 1 || input.budget > MAX_BUDGET) return fail('vote.budgetInvalid', { max: MAX_BUDGET });
  if (voteRoundsSnapshot(doc).some((round) => round.boardId === input.boardId && round.state === 'open')) return fail('vote.roundOpen');
  const round: VoteRound = {
    id: newId(),
    boardId: input.boardId,
    budget: input.budget,
    allowStacking: input.allowStacking ?? false,
    hideResults: input.hideResults ?? false,
    state: 'open',
    openedAt: input.now ?? Date.now(),
    closedAt: 0,
  };
  local(doc, () => roots(doc).voteRounds.set(round.id, itemMap({ ...round })));
  return ok(round);
}

export function closeVoteRound(doc: WorkshopDoc, roundId: string, now = Date.now()): Result<true> {
  const round = itemIn(roots(doc).voteRounds, roundId);
  if (!round) return fail('notFound');
  if (round.get('state') === 'closed') return ok(true);
  local(doc, () => {
    round.set('state', 'closed');
    round.set('closedAt', now);
  });
  return ok(true);
}

export interface VoteInput {
  /** The dot's id, for a voter that must recognise its own dot when it sends again (a phone); a fresh one when missing. */
  id?: string;
  roundId: string;
  voterId: string;
  targetId: string;
  now?: number;
}

function existingTargets(doc: WorkshopDoc): ReadonlySet<string> {
  const { cards, groups } = roots(doc);
  return new Set([...cards.keys(), ...groups.keys()]);
}

/** Puts one dot; refused when the round is closed, the budget is spent, or stacking is off. */
export function castVote(doc: WorkshopDoc, input: VoteInput): Result<Vote> {
  const { voteRounds, participants, cards, groups } = roots(doc);
  const round = voteRoundsSnapshot(doc).find((candidate) => candidate.id === input.roundId);
  if (!round || !voteRounds.has(input.roundId)) return fail('notFound');
  if (round.state === 'closed') return fail('vote.closed');
  if (!participants.has(input.voterId)) return fail('vote.unknownVoter');
  if (!cards.has(input.targetId) && !groups.has(input.targetId)) return fail('notFound');
  // A given id never replaces a dot: the caller checks for its own first.
  if (input.id !== undefined && (!isId(input.id) || roots(doc).votes.has(input.id))) return fail('data.damaged');
  const votes = votesSnapshot(doc);
  const mine = countedVotes(round, votes, existingTargets(doc)).filter((vote) => vote.voterId === input.voterId);
  if (mine.length >= round.budget) return fail('vote.budgetSpent', { budget: round.budget });
  if (!round.allowStacking && mine.some((vote) => vote.targetId === input.targetId)) return fail('vote.noStacking');
  const vote: Vote = { id: input.id ?? newId(), roundId: round.id, voterId: input.voterId, targetId: input.targetId, at: input.now ?? Date.now() };
  local(doc, () => roots(doc).votes.set(vote.id, itemMap({ ...vote })));
  return ok(vote);
}

/** Takes one of a participant's dots back while the round is open. */
export function retractVote(doc: WorkshopDoc, voteId: string): Result<true> {
  const { votes, voteRounds } = roots(doc);
  const vote = itemIn(votes, voteId);
  if (!vote) return fail('notFound');
  if (itemIn(voteRounds, str(vote, 'roundId'))?.get('state') === 'closed') return fail('vote.closed');
  local(doc, () => votes.delete(voteId));
  return ok(true);
}
