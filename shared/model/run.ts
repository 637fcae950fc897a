import { itemIn } from './read';
import type * as Y from 'yjs';
import { agendaSnapshot } from './agenda';
import { roots, type WorkshopDoc } from './doc';
import { fail, ok, type Result } from './result';
import { timestampOrZero } from './time';
import {
  PROJECTOR_VIEWS,
  RUN_STATUSES,
  type AgendaItem,
  type ProjectorView,
  type RunState,
} from './schema';

/**
 * Origin of run changes (start, pause, next…). Not the undo origin on purpose: Ctrl+Z after
 * "next" must undo the last edit, not rewind the clock and erase the actual times.
 */
export const RUN_ORIGIN = 'plenum:run';

function runChange(doc: WorkshopDoc, change: (run: Y.Map<unknown>) => void): void {
  doc.transact(() => change(roots(doc).run), RUN_ORIGIN);
}

/** Sets only the fields that change: every write to a map key stays in the document's history. */
function write(map: Y.Map<unknown>, fields: Record<string, string | number>): void {
  for (const [key, value] of Object.entries(fields)) if (map.get(key) !== value) map.set(key, value);
}

/** The run as plain data; missing or damaged fields read as "not started". */
export function runSnapshot(doc: WorkshopDoc): RunState {
  const run = roots(doc).run;
  const text = (key: string) => {
    const value = run.get(key);
    return typeof value === 'string' ? value : '';
  };
  const time = (key: string) => timestampOrZero(run.get(key));
  const status = (RUN_STATUSES as readonly string[]).includes(text('status')) ? (text('status') as RunState['status']) : 'idle';
  const view = (PROJECTOR_VIEWS as readonly string[]).includes(text('projectorView')) ? (text('projectorView') as ProjectorView) : 'agenda';
  return {
    status,
    currentId: status === 'running' || status === 'paused' ? text('currentId') : '',
    itemStartedAt: time('itemStartedAt'),
    pausedAt: status === 'paused' ? time('pausedAt') : 0,
    signalAt: time('signalAt'),
    signalItemId: text('signalItemId'),
    projectorView: view,
    projectorBoardId: text('projectorBoardId'),
    projectorRoundId: text('projectorRoundId'),
  };
}

/** Sets the actual times of one agenda item (missing items are skipped: deleted meanwhile). */
function stamp(doc: WorkshopDoc, id: string, fields: { actualStart?: number; actualEnd?: number; ranMs?: number }): void {
  const item = itemIn(roots(doc).agenda, id);
  if (item) write(item, fields);
}

/** The actual times of an item that has not happened (yet, or again). */
const NOT_RUN = { actualStart: 0, actualEnd: 0, ranMs: 0 };

/** How long the current item has run at `now`, without its pauses; never negative (a clock set back). */
function elapsedAt(run: RunState, now: number): number {
  const until = run.status === 'paused' && run.pausedAt > 0 ? run.pausedAt : now;
  return Math.max(0, until - run.itemStartedAt);
}

/** Index of the running item in `items`; -1 when none runs or it was deleted meanwhile. */
function currentIndex(run: RunState, items: readonly AgendaItem[]): number {
  return run.currentId ? items.findIndex((item) => item.id === run.currentId) : -1;
}

/** Whether the agenda holds actual times of an earlier run: the minutes' record of the day. */
export function runHasRecord(doc: WorkshopDoc): boolean {
  return agendaSnapshot(doc).some((item) => item.actualStart > 0);
}

/**
 * Starts the day with the first agenda item. A day that already ran (actual times recorded) is
 * started afresh only when asked for by `afresh`: a new run clears the times of the earlier one,
 * which the minutes need, so one press of Start must not lose them (runRecord keeps them for undo).
 */
export function startRun(doc: WorkshopDoc, now: number, options: { afresh?: boolean } = {}): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status === 'running' || run.status === 'paused') return ok(run);
  const items = agendaSnapshot(doc);
  const first = items[0];
  if (!first) return fail('run.empty');
  if (!options.afresh && items.some((item) => item.actualStart > 0)) return fail('run.hasRecord');
  runChange(doc, (map) => {
    // A new run: the actual times of an earlier one would mix two days in the minutes.
    for (const item of items) stamp(doc, item.id, NOT_RUN);
    stamp(doc, first.id, { actualStart: now });
    write(map, { status: 'running', currentId: first.id, itemStartedAt: now, pausedAt: 0 });
  });
  return ok(runSnapshot(doc));
}

/**
 * Continues a day that already ran (reset, ended, or imported): with the first item that has not
 * finished, which starts now; the actual times recorded before stay.
 */
export function continueRun(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status === 'running' || run.status === 'paused') return ok(run);
  const items = agendaSnapshot(doc);
  if (items.length === 0) return fail('run.empty');
  const next = items.find((item) => item.actualEnd === 0);
  if (!next) return fail('run.nothingLeft');
  runChange(doc, (map) => {
    stamp(doc, next.id, { ...NOT_RUN, actualStart: now });
    write(map, { status: 'running', currentId: next.id, itemStartedAt: now, pausedAt: 0 });
  });
  return ok(runSnapshot(doc));
}

/** The run and every item's actual times as they are: what a restart would clear. */
export interface RunRecord {
  run: RunState;
  times: { id: string; actualStart: number; actualEnd: number; ranMs: number }[];
}

export function runRecord(doc: WorkshopDoc): RunRecord {
  return {
    run: runSnapshot(doc),
    times: agendaSnapshot(doc).map(({ id, actualStart, actualEnd, ranMs }) => ({ id, actualStart, actualEnd, ranMs })),
  };
}

/**
 * Puts a run and its actual times back as `runRecord` took them (the undo of a restart). Items
 * deleted meanwhile are skipped; what the projector shows is not part of the record and stays.
 */
export function restoreRunRecord(doc: WorkshopDoc, record: RunRecord): Result<RunState> {
  const { status, currentId, itemStartedAt, pausedAt, signalAt, signalItemId } = record.run;
  runChange(doc, (map) => {
    for (const { id, ...times } of record.times) stamp(doc, id, times);
    write(map, { status, currentId, itemStartedAt, pausedAt, signalAt, signalItemId });
  });
  return ok(runSnapshot(doc));
}

export function pauseRun(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status === 'paused') return ok(run);
  if (run.status !== 'running') return fail('run.notRunning');
  runChange(doc, (map) => write(map, { status: 'paused', pausedAt: now }));
  return ok(runSnapshot(doc));
}

/** Continues the paused item where it stopped: its start moves later by the length of the pause. */
export function resumeRun(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status === 'running') return ok(run);
  if (run.status !== 'paused') return fail('run.notRunning');
  // Elapsed at the pause is kept exactly, also when the clock was set back meanwhile (the "pause" is then negative).
  const elapsed = run.pausedAt - run.itemStartedAt;
  runChange(doc, (map) => write(map, { status: 'running', itemStartedAt: now - elapsed, pausedAt: 0 }));
  return ok(runSnapshot(doc));
}

/**
 * Ends the running item and starts the next one (running, also when the run was paused); after
 * the last item the day has ended. An item that was deleted while it ran is followed by the
 * first item that has not run yet.
 */
export function nextItem(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status !== 'running' && run.status !== 'paused') return fail('run.notRunning');
  const items = agendaSnapshot(doc);
  const index = currentIndex(run, items);
  const next = index >= 0 ? items[index + 1] : items.find((item) => item.actualStart === 0);
  runChange(doc, (map) => {
    if (run.currentId) stamp(doc, run.currentId, { actualEnd: now, ranMs: elapsedAt(run, now) });
    if (!next) {
      write(map, { status: 'ended', currentId: '', pausedAt: 0 });
      return;
    }
    stamp(doc, next.id, { ...NOT_RUN, actualStart: now });
    write(map, { status: 'running', currentId: next.id, itemStartedAt: now, pausedAt: 0 });
  });
  return ok(runSnapshot(doc));
}

/**
 * Goes back to the item before (a "next" pressed too early): that item continues with the time
 * it had run, without its pauses, and the item left has not happened yet.
 */
export function previousItem(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  const items = agendaSnapshot(doc);
  const index = run.status === 'ended' ? items.length : currentIndex(run, items);
  if (run.status === 'idle' || index <= 0) return fail('run.notRunning');
  const previous = items[index - 1];
  if (!previous) return fail('run.notRunning');
  // ranMs is trusted only when it fits the actual times (it can never exceed them): documents of
  // earlier versions have none, and a writer that does not know it leaves an old one in place.
  const wall = previous.actualStart > 0 && previous.actualEnd >= previous.actualStart ? previous.actualEnd - previous.actualStart : 0;
  const ran = previous.ranMs > 0 && previous.ranMs <= wall ? previous.ranMs : wall;
  const started = previous.actualStart > 0 ? previous.actualStart : now - ran;
  runChange(doc, (map) => {
    if (run.currentId) stamp(doc, run.currentId, NOT_RUN);
    stamp(doc, previous.id, { actualStart: started, actualEnd: 0, ranMs: 0 });
    write(map, { status: 'running', currentId: previous.id, itemStartedAt: now - ran, pausedAt: 0 });
  });
  return ok(runSnapshot(doc));
}

/** Back to "not started"; the actual times recorded so far stay for the minutes. */
export function resetRun(doc: WorkshopDoc): Result<RunState> {
  runChange(doc, (map) => write(map, { status: 'idle', currentId: '', itemStartedAt: 0, pausedAt: 0, signalAt: 0, signalItemId: '' }));
  return ok(runSnapshot(doc));
}

/** Tells every table that the running item has two minutes left (shown until the item changes). */
export function sendTwoMinuteSignal(doc: WorkshopDoc, now: number): Result<RunState> {
  const run = runSnapshot(doc);
  if (run.status !== 'running' && run.status !== 'paused') return fail('run.notRunning');
  runChange(doc, (map) => write(map, { signalAt: now, signalItemId: run.currentId }));
  return ok(runSnapshot(doc));
}

export interface ProjectorChoice {
  view: ProjectorView;
  /** For 'table': the table board to show. */
  boardId?: string;
  /** For 'votes': the round to show; '' or missing shows the latest. */
  roundId?: string;
}

/** Switches what every projector of the workshop shows. */
export function setProjectorView(doc: WorkshopDoc, choice: ProjectorChoice): Result<RunState> {
  if (!(PROJECTOR_VIEWS as readonly string[]).includes(choice.view)) return fail('notFound');
  if (choice.view === 'table') {
    const board = choice.boardId ? itemIn(roots(doc).boards, choice.boardId) : undefined;
    if (!board || board.get('kind') !== 'table') return fail('notFound');
  }
  runChange(doc, (map) => {
    const fields: Record<string, string> = { projectorView: choice.view };
    if (choice.view === 'table') fields.projectorBoardId = choice.boardId ?? '';
    if (choice.view === 'votes') fields.projectorRoundId = choice.roundId ?? '';
    write(map, fields);
  });
  return ok(runSnapshot(doc));
}

/** The views the projector toggle cycles through (a table needs choosing, so it is not in the cycle). */
const CYCLE: readonly ProjectorView[] = ['agenda', 'plenary', 'votes', 'join'];

/** The view after `view` in the toggle's cycle. */
export function nextProjectorView(view: ProjectorView): ProjectorView {
  const index = CYCLE.indexOf(view);
  return CYCLE[(index + 1) % CYCLE.length] ?? 'agenda';
}

/** How the remaining time is shown: amber with a fifth left, red in the last twentieth, over when past. */
export type TimerPhase = 'idle' | 'normal' | 'amber' | 'red' | 'over';

export interface RunClock {
  status: RunState['status'];
  item: AgendaItem | null;
  /** Position of the item in the agenda; -1 when none runs. */
  index: number;
  next: AgendaItem | null;
  elapsedMs: number;
  plannedMs: number;
  /** Negative once the item runs over. */
  remainingMs: number;
  overrunMs: number;
  phase: TimerPhase;
  /** Whether the "two minutes left" signal was sent for this item. */
  signalled: boolean;
}

/** The phase for `remainingMs` of `plannedMs`. */
export function timerPhase(remainingMs: number, plannedMs: number): Exclude<TimerPhase, 'idle'> {
  if (remainingMs < 0) return 'over';
  if (remainingMs * 20 <= plannedMs) return 'red';
  if (remainingMs * 5 <= plannedMs) return 'amber';
  return 'normal';
}

/**
 * The timer at `now`, from the timestamps alone: a laptop that slept, reloaded or joined late
 * gets the same answer as one that watched all along. A clock set back before the item's start
 * reads as no time elapsed, never as negative time.
 */
export function runClock(run: RunState, items: readonly AgendaItem[], now: number): RunClock {
  const index = currentIndex(run, items);
  const item = index >= 0 ? (items[index] ?? null) : null;
  if (!item || (run.status !== 'running' && run.status !== 'paused')) {
    return { status: run.status, item: null, index: -1, next: null, elapsedMs: 0, plannedMs: 0, remainingMs: 0, overrunMs: 0, phase: 'idle', signalled: false };
  }
  const elapsedMs = elapsedAt(run, now);
  const plannedMs = item.durationMin * 60_000;
  const remainingMs = plannedMs - elapsedMs;
  return {
    status: run.status,
    item,
    index,
    next: items[index + 1] ?? null,
    elapsedMs,
    plannedMs,
    remainingMs,
    overrunMs: Math.max(0, -remainingMs),
    phase: timerPhase(remainingMs, plannedMs),
    signalled: run.signalAt > 0 && run.signalItemId === item.id,
  };
}
