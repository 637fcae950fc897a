import { describe, expect, it } from 'vitest';
import type { Vote, VoteRound } from '../../shared/model';
import { currentRound, voteViews } from '../../renderer/features/board/vote-view';

const round = (over: Partial<VoteRound> = {}): VoteRound => ({
  id: 'r1',
  boardId: 'b',
  budget: 3,
  allowStacking: false,
  hideResults: false,
  state: 'open',
  openedAt: 1,
  closedAt: 0,
  ...over,
});
const targets: ReadonlySet<string> = new Set(['x', 'y', 'z']);
const vote = (id: string, voterId: string, targetId: string, at: number): Vote => ({ id, roundId: 'r1', voterId, targetId, at });

describe('what cards show of a vote round', () => {
  const votes = [vote('1', 'ana', 'x', 1), vote('2', 'ben', 'x', 2), vote('3', 'ana', 'y', 3)];

  it('while open: my dots and everyone’s, or only mine when results are hidden', () => {
    expect(voteViews(round(), votes, 'ana', targets)('x')).toEqual({ open: true, mine: 1, total: 2 });
    expect(voteViews(round({ hideResults: true }), votes, 'ana', targets)('x')).toEqual({ open: true, mine: 1, total: null });
    expect(voteViews(round(), votes, null, targets)('y')).toEqual({ open: true, mine: 0, total: 1 });
  });

  it('after closing: the counted dots, and nothing on cards without any', () => {
    const closed = round({ state: 'closed', hideResults: true });
    expect(voteViews(closed, votes, 'ana', targets)('x')).toEqual({ open: false, mine: 1, total: 2 });
    expect(voteViews(closed, votes, 'ana', targets)('z')).toBeNull();
  });

  it('hands out one object per distinct view, so unchanged cards keep their props', () => {
    const first = voteViews(round(), votes, 'ana', targets);
    const second = voteViews(round(), [...votes], 'ana', targets);
    expect(second('x')).toBe(first('x'));
  });

  it('shows no dots without a round; the open round wins over older closed ones', () => {
    expect(voteViews(null, votes, 'ana', targets)('x')).toBeNull();
    const rounds = [round({ id: 'old', state: 'closed' }), round({ id: 'other', boardId: 'c' }), round({ id: 'now' })];
    expect(currentRound(rounds, 'b')?.id).toBe('now');
    expect(currentRound(rounds.slice(0, 2), 'b')?.id).toBe('old');
    expect(currentRound(rounds, 'none')).toBeNull();
  });
});
