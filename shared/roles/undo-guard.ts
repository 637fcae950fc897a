import { boardsSnapshot, groupsSnapshot, PLENARY_BOARD_ID, voteRoundsSnapshot, type UndoGuard, type UndoTouch, type WorkshopDoc } from '../model';
import type { Caller } from './commands';
import { can, canWriteOn } from './permissions';

/** Why a laptop may not undo (or redo) a step now. */
export type UndoRefusal = 'role' | 'locked' | 'voteClosed';

/*
 * Undo writes into the document like any edit, so it asks what the commands ask (commands.ts),
 * at the moment of the undo: a table laptop that was a moderator, or wrote on a board the
 * moderator has locked since, or put dots in a round that has ended, would otherwise change
 * the moderator's day with Ctrl+Z (QA, session 18). An ended round is ended for the moderator
 * too: reopening it is its own step (undo that, then the dots).
 */

/** Roots a table laptop may change (judged further by board, lock and round below); every other root is the moderator's. */
const TABLE_ROOTS = new Set<UndoTouch['root']>(['cards', 'groups', 'votes', 'actions', 'parkingLot']);

export function undoGuard(doc: WorkshopDoc, caller: Caller): UndoGuard<UndoRefusal> {
  return (touches) => {
    const role = caller.role();
    const rounds = new Map(voteRoundsSnapshot(doc).map((round) => [round.id, round]));
    for (const touch of touches) {
      if (touch.root === 'votes' && touch.roundId !== null && rounds.get(touch.roundId)?.state === 'closed') return 'voteClosed';
    }
    if (role === 'moderator') return null;
    const seat = caller.seat();
    const boards = new Map(boardsSnapshot(doc).map((board) => [board.id, board]));
    const groups = new Map(groupsSnapshot(doc).map((group) => [group.id, group]));
    for (const touch of touches) {
      if (!TABLE_ROOTS.has(touch.root)) return 'role';
      if (touch.root === 'votes' && !can(role, 'vote.cast')) return 'role';
      if (touch.root === 'actions' && !can(role, 'actions.write')) return 'role';
      if (touch.root === 'parkingLot' && !canWriteOn(role, { id: PLENARY_BOARD_ID, kind: 'plenary' }, seat)) return 'role';
      if (touch.root !== 'cards' && touch.root !== 'groups') continue;
      const board = touch.boardId === null ? undefined : boards.get(touch.boardId);
      if (!board || !canWriteOn(role, board, seat)) return 'role';
      if (board.locked) return 'locked';
      const groupId = touch.root === 'groups' ? touch.id : touch.groupId;
      if (groupId !== null && groups.get(groupId)?.locked === true) return 'locked';
    }
    return null;
  };
}
