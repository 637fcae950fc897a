import { PLENARY_BOARD_ID, type AgendaItem, type Board, type Participant, type RunState, type VoteRound } from '../model';

/*
 * Which board a phone is shown and may write on, and which round it votes in: one answer that
 * both the view (view.ts) and the checks (apply.ts) use, so a phone can only act on what it sees.
 *
 * - During small-group work (the running or paused agenda item is of kind groupWork), a person
 *   seated at a table (Participant.tableId) is shown their table's board and writes on it.
 * - Otherwise, while the moderator has opened the plenary's board for capture (roles'
 *   plenaryOpen, the same switch that opens it to the table laptops), every phone writes there.
 * - Otherwise a phone writes nowhere; it is shown the board of an open round it takes part in
 *   (the plenary's, else its table's), to vote on.
 *
 * The round is the open round of the board shown. A phone without a claim, or whose person was
 * removed from the roster, is shown the plenary only while it is open or voted on, and writes nowhere
 * (apply.ts refuses it as unknownPerson first).
 */

export interface ScopeInput {
  run: RunState;
  agenda: readonly AgendaItem[];
  boards: readonly Board[];
  participants: readonly Participant[];
  voteRounds: readonly VoteRound[];
  /** Whether the moderator opened the plenary's board for capture (rolesSnapshot). */
  plenaryOpen: boolean;
}

export interface PhoneScope {
  /** The board the phone is shown; null: none. */
  board: Board | null;
  /** Whether the phone may add cards there now (and edit or delete its own). */
  writable: boolean;
  /** The open round of that board; null: none. */
  round: VoteRound | null;
}

/** Whether the day is in small-group work: the current item (running or paused) is of kind groupWork. */
export function inGroupWork(run: RunState, agenda: readonly AgendaItem[]): boolean {
  if (run.status !== 'running' && run.status !== 'paused') return false;
  return agenda.find((item) => item.id === run.currentId)?.kind === 'groupWork';
}

/** The open round of a board (the latest, should a peer have opened two). */
function openRound(rounds: readonly VoteRound[], boardId: string): VoteRound | null {
  return rounds.filter((round) => round.boardId === boardId && round.state === 'open').at(-1) ?? null;
}

export function phoneScope(input: ScopeInput, participantId: string | null): PhoneScope {
  const person = participantId === null ? undefined : input.participants.find((entry) => entry.id === participantId);
  const table = person?.tableId ? input.boards.find((board) => board.id === person.tableId && board.kind === 'table') : undefined;
  const plenary = input.boards.find((board) => board.id === PLENARY_BOARD_ID);
  const scope = (board: Board | undefined, writable: boolean): PhoneScope =>
    board ? { board, writable: writable && person !== undefined, round: openRound(input.voteRounds, board.id) } : { board: null, writable: false, round: null };
  if (table && inGroupWork(input.run, input.agenda)) return scope(table, true);
  if (plenary && input.plenaryOpen) return scope(plenary, true);
  if (plenary && openRound(input.voteRounds, plenary.id)) return scope(plenary, false);
  if (table && openRound(input.voteRounds, table.id)) return scope(table, false);
  return scope(undefined, false);
}
