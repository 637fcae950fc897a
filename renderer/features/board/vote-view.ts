import { countedVotes, type Vote, type VoteRound, type VoteTargets } from '../../../shared/model';
import type { VoteView } from './board-types';

/** One object per distinct view, so memoised cards re-render only when their own dots change. */
const interned = new Map<string, VoteView>();
function viewOf(open: boolean, mine: number, total: number | null): VoteView {
  const key = `${open}|${mine}|${total}`;
  let view = interned.get(key);
  if (!view) interned.set(key, (view = { open, mine, total }));
  return view;
}

/**
 * What every card and group of a board shows of a round: while it is open the voter's own
 * dots (and everyone's unless hidden), after it closed the counted dots.
 */
export function voteViews(round: VoteRound | null, votes: readonly Vote[], voterId: string | null, targets: VoteTargets): (targetId: string) => VoteView | null {
  if (!round) return () => null;
  const totals = new Map<string, number>();
  const mine = new Map<string, number>();
  for (const vote of countedVotes(round, votes, targets)) {
    totals.set(vote.targetId, (totals.get(vote.targetId) ?? 0) + 1);
    if (vote.voterId === voterId) mine.set(vote.targetId, (mine.get(vote.targetId) ?? 0) + 1);
  }
  const open = round.state === 'open';
  const showTotals = !open || !round.hideResults;
  return (targetId) => {
    const total = totals.get(targetId) ?? 0;
    if (!open && total === 0) return null;
    return viewOf(open, mine.get(targetId) ?? 0, showTotals ? total : null);
  };
}

/** The round a board shows: the open one, else the last closed one. */
export function currentRound(rounds: readonly VoteRound[], boardId: string): VoteRound | null {
  const own = rounds.filter((round) => round.boardId === boardId);
  return own.find((round) => round.state === 'open') ?? own.at(-1) ?? null;
}
