import {
  actionFromCard,
  actionItemsSnapshot,
  addActionItem,
  addAgendaItem,
  addCard,
  addAuthor,
  addParticipant,
  addParticipants,
  addStakeholderGroup,
  addTable,
  applyAgendaTemplate,
  assignTables,
  boardsSnapshot,
  cardById,
  closeVoteRound,
  demoteLaptop,
  fail,
  hideTableFromPlenary,
  moveAgendaItem,
  moveTable,
  nextItem,
  ok,
  openVoteRound,
  parkQuestion,
  pauseRun,
  previousItem,
  promoteLaptop,
  removeActionItem,
  removeAgendaItem,
  removeParkedQuestion,
  removeParticipant,
  removeStakeholderGroup,
  removeTable,
  renameStakeholderGroup,
  restoreActionItem,
  restoreAgendaItem,
  restoreParkedQuestion,
  restoreParticipant,
  restoreStakeholderGroup,
  resumeRun,
  runSnapshot,
  sendTwoMinuteSignal,
  setAttendance,
  setBoardLocked,
  setGroupLocked,
  setParkedTakenUp,
  setPlenaryOpen,
  setProjectorView,
  showTableInPlenary,
  startRun,
  continueRun,
  restoreRunRecord,
  updateActionItem,
  updateAgendaItem,
  updateMeta,
  updateParkedText,
  updateParticipant,
  updateTable,
  PLENARY_BOARD_ID,
  type ActionInput,
  type ActionItem,
  type ActionPatch,
  type CardInput,
  type Result,
  type RunState,
  type WorkshopDoc,
} from '../model';
import { can, canWriteOn, type Action, type Role, type Seat } from './permissions';

/*
 * The command layer: every operation one role may do and the other may not goes through here,
 * so a keyboard shortcut, a forgotten button or a stale screen cannot bypass the permission
 * table. The UI asks `can` too, to hide or disable a control with an explanation; this is the
 * guard behind it. Features may not import the guarded model operations directly (eslint).
 */

/** What the guard asks at the moment of the call: the role may change while a screen is open. */
export interface Caller {
  role(): Role;
  seat(): Seat;
}

/** The refusal of an operation this role may not do. */
export const forbidden = (action: Action): Result<never> => fail('role.forbidden', { action });

/** What a guarded operation reports: the operation's own result, or `true` for one without. */
type Outcome<R> = [R] extends [Result<infer T>] ? Result<T> : Result<true>;

/** Runs `op` only when the caller's role may do `action`. */
function guard<A extends unknown[], R>(caller: Caller, action: Action, op: (...args: A) => R) {
  return (...args: A): Outcome<R> => {
    if (!can(caller.role(), action)) return forbidden(action) as Outcome<R>;
    return (op(...args) ?? ok(true)) as Outcome<R>;
  };
}

/** Starts, pauses or resumes, whichever fits the run's state. */
function toggleRun(doc: WorkshopDoc, now: number): Result<RunState> {
  const { status } = runSnapshot(doc);
  if (status === 'running') return pauseRun(doc, now);
  if (status === 'paused') return resumeRun(doc, now);
  return startRun(doc, now);
}

/** The workshop-wide fields only the minutes use. */
export interface MinutesDetails {
  moderator?: string;
  minuteTaker?: string;
  distribution?: string;
  nextSteps?: string;
  followUpDate?: string;
}

/** Only these fields: a patch with a title or a time zone in it does not slip past their own commands. */
function pickMinutesDetails(patch: MinutesDetails): MinutesDetails {
  const { moderator, minuteTaker, distribution, nextSteps, followUpDate } = patch;
  return { moderator, minuteTaker, distribution, nextSteps, followUpDate };
}

export type WorkshopCommands = ReturnType<typeof workshopCommands>;

/** The guarded operations on one workshop document, for the laptop `caller` describes. */
export function workshopCommands(doc: WorkshopDoc, caller: Caller) {
  const as = <A extends unknown[], R>(action: Action, op: (doc: WorkshopDoc, ...args: A) => R) =>
    guard(caller, action, (...args: A) => op(doc, ...args));
  const onPlenary = () => canWriteOn(caller.role(), { id: PLENARY_BOARD_ID, kind: 'plenary' }, caller.seat());
  /** Whether this laptop may write the action items of `boardId` (null: the plenary's), as it may write cards there. */
  const writesActionsOf = (boardId: string | null | undefined) => {
    if (!can(caller.role(), 'actions.write')) return false;
    // The moderator writes every item, also one of a table deleted since.
    if (caller.role() === 'moderator') return true;
    if (!boardId || boardId === PLENARY_BOARD_ID) return onPlenary();
    const board = boardsSnapshot(doc).find((entry) => entry.id === boardId);
    return board !== undefined && canWriteOn(caller.role(), board, caller.seat());
  };
  const actionBoard = (id: string) => actionItemsSnapshot(doc).find((item) => item.id === id)?.boardId;
  /** Why a table may not write these action items: it has no table yet, or they belong to another board. */
  const refusedActions = () => (caller.role() === 'table' && caller.seat().tableId === null ? fail('role.noTable') : fail('role.otherBoard'));
  return {
    doc,
    caller,
    agenda: {
      add: as('agenda.edit', addAgendaItem),
      update: as('agenda.edit', updateAgendaItem),
      remove: as('agenda.edit', removeAgendaItem),
      restore: as('agenda.edit', restoreAgendaItem),
      move: as('agenda.edit', moveAgendaItem),
      applyTemplate: as('agenda.edit', applyAgendaTemplate),
      /** The day's start time and available minutes. */
      settings: as('agenda.edit', (target, patch: { startTime?: string; availableMin?: number | string }) => updateMeta(target, patch)),
    },
    run: {
      toggle: as('run.control', toggleRun),
      /** Start on a day that already ran: afresh (its times cleared) or continuing where it stopped. */
      restart: as('run.control', (target, now: number) => startRun(target, now, { afresh: true })),
      continue: as('run.control', continueRun),
      /** The undo of a restart: the run and the times it cleared. */
      restore: as('run.control', restoreRunRecord),
      next: as('run.control', nextItem),
      previous: as('run.control', previousItem),
      signal: as('run.control', sendTwoMinuteSignal),
      projector: as('run.control', setProjectorView),
    },
    votes: {
      open: as('vote.manage', openVoteRound),
      close: as('vote.manage', closeVoteRound),
    },
    locks: {
      board: as('board.lock', setBoardLocked),
      group: as('board.lock', setGroupLocked),
    },
    tables: {
      add: as('tables.edit', addTable),
      update: as('tables.edit', updateTable),
      remove: as('tables.edit', removeTable),
      move: as('tables.edit', moveTable),
      show: as('tables.edit', showTableInPlenary),
      hide: as('tables.edit', hideTableFromPlenary),
    },
    roster: {
      update: as('roster.edit', updateParticipant),
      remove: as('roster.edit', removeParticipant),
      restore: as('roster.edit', restoreParticipant),
      add: as('roster.edit', addParticipant),
      addMany: as('roster.edit', addParticipants),
      mix: as('roster.edit', assignTables),
      /** Who came: several people at once, one undo step. */
      attendance: as('roster.edit', setAttendance),
      addGroup: as('roster.edit', addStakeholderGroup),
      renameGroup: as('roster.edit', renameStakeholderGroup),
      removeGroup: as('roster.edit', removeStakeholderGroup),
      restoreGroup: as('roster.edit', restoreStakeholderGroup),
      /** A person named as the author of cards at a board: tables may, it is how they say who writes. */
      addAuthor: as('author.add', addAuthor),
    },
    workshop: {
      rename: as('workshop.edit', (target, title: string) => updateMeta(target, { title })),
      /** Where the workshop takes place: both fields at once, so a refused one changes neither. */
      place: as('workshop.edit', (target, place: { venue: string; room: string }) => updateMeta(target, { venue: place.venue, room: place.room })),
      /** The IANA zone every clock time of the workshop is shown in. */
      timeZone: as('workshop.edit', (target, timeZone: string) => updateMeta(target, { timeZone })),
      /** What the minutes' header and close need that the rest of the workshop does not say. */
      minutes: as('workshop.edit', (target, patch: MinutesDetails) => updateMeta(target, pickMinutesDetails(patch))),
    },
    room: {
      openPlenary: as('plenary.open', setPlenaryOpen),
      promote: as('roles.change', promoteLaptop),
      demote: as('roles.change', demoteLaptop),
    },
    parkingLot: {
      /** Parking and rewording a question: whoever may write on the plenary's board. */
      add: (input: Parameters<typeof parkQuestion>[1]) => (onPlenary() ? parkQuestion(doc, input) : forbidden('cards.write')),
      edit: (id: string, text: string) => (onPlenary() ? updateParkedText(doc, id, text) : forbidden('cards.write')),
      takenUp: as('parkingLot.manage', setParkedTakenUp),
      remove: as('parkingLot.manage', removeParkedQuestion),
      restore: as('parkingLot.manage', restoreParkedQuestion),
    },
    /**
     * Action items: a table writes those of the boards it may write cards on (its own table's,
     * the plenary's while it is open to the tables), so it cannot rename, close or delete the
     * plenary's or another table's; the moderator all of them.
     */
    actions: {
      /** Whether this laptop may change the items of `boardId` (null: the plenary's): the rows it shows as editable. */
      writable: (boardId: string | null) => writesActionsOf(boardId),
      /** A new item of `input.boardId` (null or absent: the plenary's). */
      add(input: ActionInput): Result<ActionItem> {
        return writesActionsOf(input.boardId) ? addActionItem(doc, input) : refusedActions();
      },
      /** An item from a card: the card's board's. */
      fromCard(cardId: string, input: Parameters<typeof actionFromCard>[2] = {}): Result<ActionItem> {
        const card = cardById(doc, cardId);
        return !card || writesActionsOf(card.boardId) ? actionFromCard(doc, cardId, input) : refusedActions();
      },
      update(id: string, patch: ActionPatch): Result<true> {
        if (!writesActionsOf(actionBoard(id))) return refusedActions();
        if (patch.boardId !== undefined && !writesActionsOf(patch.boardId)) return refusedActions();
        return updateActionItem(doc, id, patch);
      },
      remove(id: string): Result<true> {
        return writesActionsOf(actionBoard(id)) ? removeActionItem(doc, id) : refusedActions();
      },
      /** The undo of a delete. */
      restore(item: ActionItem): Result<true> {
        if (!writesActionsOf(item.boardId)) return refusedActions();
        restoreActionItem(doc, item);
        return ok(true);
      },
    },
    cards: {
      /** A card on a board this laptop may write on (its table; the plenary while open). */
      add(input: CardInput): ReturnType<typeof addCard> {
        const board = boardsSnapshot(doc).find((entry) => entry.id === input.boardId);
        if (board && !canWriteOn(caller.role(), board, caller.seat())) return forbidden('cards.write');
        return addCard(doc, input);
      },
    },
  };
}

/** Commands for a document nobody else shares (tests, the bench): the moderator's, unrestricted. */
export function ownCommands(doc: WorkshopDoc): WorkshopCommands {
  return workshopCommands(doc, { role: () => 'moderator', seat: () => ({ tableId: null, plenaryOpen: true }) });
}
