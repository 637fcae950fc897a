import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  agendaSnapshot,
  addTable,
  createUndoHistory,
  nextItem,
  nextProjectorView,
  pauseRun,
  previousItem,
  removeAgendaItem,
  resetRun,
  restoreRunRecord,
  resumeRun,
  runHasRecord,
  runRecord,
  continueRun,
  runClock,
  runSnapshot,
  sendTwoMinuteSignal,
  setProjectorView,
  startRun,
  syncDocs,
  timerPhase,
  updateAgendaItem,
  createWorkshopDoc,
  ROOT,
  type WorkshopDoc,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';

const MIN = 60_000;
const T0 = Date.UTC(2026, 4, 12, 7, 0);

/** A workshop with items of the given minutes, titled A, B, C… */
function dayOf(...minutes: number[]): WorkshopDoc {
  const doc = newWorkshop();
  minutes.forEach((durationMin, index) => addAgendaItem(doc, { title: String.fromCharCode(65 + index), durationMin }));
  return doc;
}

const clockAt = (doc: WorkshopDoc, now: number) => runClock(runSnapshot(doc), agendaSnapshot(doc), now);
const byTitle = (doc: WorkshopDoc, title: string) => agendaSnapshot(doc).find((item) => item.title === title);

/** The agenda item's map in the document, to write what another program might have written. */
function storedItem(doc: WorkshopDoc, title: string): Y.Map<unknown> {
  const item = byTitle(doc, title);
  const stored = item ? doc.getMap<unknown>(ROOT.agenda).get(item.id) : undefined;
  if (!(stored instanceof Y.Map)) throw new Error(`no agenda item ${title}`);
  return stored;
}

describe('starting and moving through the agenda', () => {
  it('starts with the first item and records its actual start', () => {
    const doc = dayOf(10, 20);
    expect(startRun(doc, T0).ok).toBe(true);
    const clock = clockAt(doc, T0 + 3 * MIN);
    expect(clock.item?.title).toBe('A');
    expect(clock.elapsedMs).toBe(3 * MIN);
    expect(clock.remainingMs).toBe(7 * MIN);
    expect(clock.next?.title).toBe('B');
    expect(byTitle(doc, 'A')?.actualStart).toBe(T0);
  });

  it('refuses to start an empty agenda', () => {
    const doc = newWorkshop();
    const started = startRun(doc, T0);
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.code).toBe('run.empty');
    expect(runSnapshot(doc).status).toBe('idle');
  });

  it('next records the actual end of one item and the start of the following; after the last the day has ended', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 12 * MIN);
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: T0 + 12 * MIN });
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: T0 + 12 * MIN, actualEnd: 0 });
    expect(clockAt(doc, T0 + 13 * MIN)).toMatchObject({ elapsedMs: MIN, remainingMs: 19 * MIN });
    nextItem(doc, T0 + 30 * MIN);
    expect(runSnapshot(doc)).toMatchObject({ status: 'ended', currentId: '' });
    expect(byTitle(doc, 'B')?.actualEnd).toBe(T0 + 30 * MIN);
    expect(clockAt(doc, T0 + 31 * MIN).phase).toBe('idle');
  });

  it('previous goes back to the item before, which continues with the time it had run', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 4 * MIN);
    previousItem(doc, T0 + 5 * MIN);
    const clock = clockAt(doc, T0 + 5 * MIN);
    expect(clock.item?.title).toBe('A');
    expect(clock.elapsedMs).toBe(4 * MIN);
    // B has not happened yet; A has not ended.
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: 0, actualEnd: 0 });
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: 0 });
  });

  it('previous continues a paused item with the time it ran, not the pause', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    pauseRun(doc, T0 + 3 * MIN);
    resumeRun(doc, T0 + 8 * MIN);
    nextItem(doc, T0 + 10 * MIN);
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: T0 + 10 * MIN, ranMs: 5 * MIN });
    previousItem(doc, T0 + 11 * MIN);
    expect(clockAt(doc, T0 + 11 * MIN)).toMatchObject({ elapsedMs: 5 * MIN, remainingMs: 5 * MIN });
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: 0, ranMs: 0 });
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: 0, actualEnd: 0, ranMs: 0 });
    nextItem(doc, T0 + 13 * MIN);
    expect(byTitle(doc, 'A')?.ranMs).toBe(7 * MIN);
  });

  it('next during a pause records the time until the pause', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    pauseRun(doc, T0 + 4 * MIN);
    nextItem(doc, T0 + 9 * MIN);
    expect(byTitle(doc, 'A')).toMatchObject({ actualEnd: T0 + 9 * MIN, ranMs: 4 * MIN });
    previousItem(doc, T0 + 10 * MIN);
    expect(clockAt(doc, T0 + 10 * MIN).elapsedMs).toBe(4 * MIN);
  });

  it('previous ignores a ranMs longer than the item actually ran (left by a writer that does not know it)', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 3 * MIN);
    storedItem(doc, 'A').set('ranMs', 10 * MIN);
    previousItem(doc, T0 + 4 * MIN);
    expect(clockAt(doc, T0 + 4 * MIN).elapsedMs).toBe(3 * MIN);
  });

  it('previous on a document written before ranMs existed counts from the actual times', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 6 * MIN);
    storedItem(doc, 'A').delete('ranMs');
    expect(byTitle(doc, 'A')?.ranMs).toBe(0);
    previousItem(doc, T0 + 7 * MIN);
    expect(clockAt(doc, T0 + 7 * MIN).elapsedMs).toBe(6 * MIN);
  });

  it('previous after the end reopens the last item', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    nextItem(doc, T0 + 25 * MIN);
    previousItem(doc, T0 + 26 * MIN);
    expect(clockAt(doc, T0 + 26 * MIN)).toMatchObject({ status: 'running', elapsedMs: 15 * MIN });
    expect(clockAt(doc, T0 + 26 * MIN).item?.title).toBe('B');
  });

  it('previous on the first item and next before the start are refused', () => {
    const doc = dayOf(10);
    expect(nextItem(doc, T0).ok).toBe(false);
    startRun(doc, T0);
    expect(previousItem(doc, T0 + MIN).ok).toBe(false);
    expect(clockAt(doc, T0 + MIN).item?.title).toBe('A');
  });

  it('an item deleted while it runs is followed by the first item that has not run', () => {
    const doc = dayOf(10, 20, 30);
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    // This laptop refuses (see "deleting the running item"); a peer of an earlier version deletes.
    doc.getMap<unknown>(ROOT.agenda).delete(byTitle(doc, 'B')?.id ?? '');
    expect(clockAt(doc, T0 + 11 * MIN).phase).toBe('idle');
    nextItem(doc, T0 + 12 * MIN);
    expect(clockAt(doc, T0 + 12 * MIN).item?.title).toBe('C');
  });

  it('starting again afresh after the end begins a new run with fresh actual times', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    nextItem(doc, T0 + 30 * MIN);
    startRun(doc, T0 + 60 * MIN, { afresh: true });
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0 + 60 * MIN, actualEnd: 0 });
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: 0, actualEnd: 0 });
  });
});

describe('starting a day that already ran', () => {
  /** A, B, C: A ran 10 minutes, B ran 20, then the run was reset (or the file imported) with C not run. */
  function ranPartly(): WorkshopDoc {
    const doc = dayOf(10, 20, 30);
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    nextItem(doc, T0 + 30 * MIN);
    resetRun(doc);
    return doc;
  }
  const times = (doc: WorkshopDoc) => agendaSnapshot(doc).map(({ actualStart, actualEnd, ranMs }) => ({ actualStart, actualEnd, ranMs }));

  it('start is refused and keeps every recorded actual time', () => {
    const doc = ranPartly();
    const before = times(doc);
    expect(runHasRecord(doc)).toBe(true);
    const result = startRun(doc, T0 + 60 * MIN);
    expect(result.ok ? 'started' : result.error.code).toBe('run.hasRecord');
    expect(times(doc)).toEqual(before);
    expect(runSnapshot(doc).status).toBe('idle');
  });

  it('continue keeps the recorded times and goes on with the first item not finished', () => {
    const doc = ranPartly();
    expect(continueRun(doc, T0 + 60 * MIN).ok).toBe(true);
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: T0 + 10 * MIN, ranMs: 10 * MIN });
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: T0 + 10 * MIN, actualEnd: T0 + 30 * MIN });
    // C was running at the reset: it starts again now.
    expect(byTitle(doc, 'C')).toMatchObject({ actualStart: T0 + 60 * MIN, actualEnd: 0 });
    expect(clockAt(doc, T0 + 61 * MIN)).toMatchObject({ status: 'running', elapsedMs: MIN });
    expect(clockAt(doc, T0 + 61 * MIN).item?.title).toBe('C');
  });

  it('continue after every item finished is refused', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    const result = continueRun(doc, T0 + 20 * MIN);
    expect(result.ok ? 'continued' : result.error.code).toBe('run.nothingLeft');
    expect(runSnapshot(doc).status).toBe('ended');
  });

  it('a restart afresh can be put back: the run and all actual times as before', () => {
    const doc = ranPartly();
    const before = runRecord(doc);
    startRun(doc, T0 + 60 * MIN, { afresh: true });
    nextItem(doc, T0 + 61 * MIN);
    expect(byTitle(doc, 'B')?.actualEnd).toBe(0);
    restoreRunRecord(doc, before);
    expect(runRecord(doc)).toEqual(before);
  });

  it('Ctrl+Z after a restart does not bring the old times back (only the restart\'s own undo does)', () => {
    const doc = ranPartly();
    const undo = createUndoHistory(doc);
    startRun(doc, T0 + 60 * MIN, { afresh: true });
    undo.undo();
    expect(byTitle(doc, 'B')).toMatchObject({ actualStart: 0, actualEnd: 0 });
    undo.destroy();
  });
});

describe('deleting the running item', () => {
  it('is refused while it runs or is paused, and the run keeps its item and time', () => {
    const doc = dayOf(10, 20);
    startRun(doc, T0);
    const id = byTitle(doc, 'A')?.id ?? '';
    const result = removeAgendaItem(doc, id);
    expect(result.ok ? 'deleted' : result.error.code).toBe('run.itemRunning');
    pauseRun(doc, T0 + MIN);
    expect(removeAgendaItem(doc, id).ok).toBe(false);
    expect(clockAt(doc, T0 + 2 * MIN)).toMatchObject({ status: 'paused', elapsedMs: MIN });
    expect(clockAt(doc, T0 + 2 * MIN).item?.title).toBe('A');
  });

  it('is allowed once the run has moved on, and for items that do not run', () => {
    const doc = dayOf(10, 20, 30);
    startRun(doc, T0);
    expect(removeAgendaItem(doc, byTitle(doc, 'C')?.id ?? '').ok).toBe(true);
    nextItem(doc, T0 + 10 * MIN);
    expect(removeAgendaItem(doc, byTitle(doc, 'A')?.id ?? '').ok).toBe(true);
    expect(clockAt(doc, T0 + 11 * MIN).item?.title).toBe('B');
  });
});

describe('pause and resume', () => {
  it('the clock stands still while paused and continues where it stopped', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    pauseRun(doc, T0 + 2 * MIN);
    expect(clockAt(doc, T0 + 30 * MIN)).toMatchObject({ status: 'paused', elapsedMs: 2 * MIN, remainingMs: 8 * MIN });
    resumeRun(doc, T0 + 30 * MIN);
    expect(clockAt(doc, T0 + 31 * MIN)).toMatchObject({ status: 'running', elapsedMs: 3 * MIN, remainingMs: 7 * MIN });
  });

  it('several pauses add up', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    pauseRun(doc, T0 + MIN);
    resumeRun(doc, T0 + 5 * MIN);
    pauseRun(doc, T0 + 6 * MIN);
    resumeRun(doc, T0 + 20 * MIN);
    expect(clockAt(doc, T0 + 21 * MIN).elapsedMs).toBe(3 * MIN);
  });

  it('resume without a pause and pause before the start change nothing', () => {
    const doc = dayOf(10);
    expect(pauseRun(doc, T0).ok).toBe(false);
    startRun(doc, T0);
    resumeRun(doc, T0 + MIN);
    expect(clockAt(doc, T0 + 2 * MIN).elapsedMs).toBe(2 * MIN);
  });

  it('next from a pause starts the next item running', () => {
    const doc = dayOf(10, 10);
    startRun(doc, T0);
    pauseRun(doc, T0 + MIN);
    nextItem(doc, T0 + 5 * MIN);
    expect(clockAt(doc, T0 + 6 * MIN)).toMatchObject({ status: 'running', elapsedMs: MIN });
  });
});

describe('overrun and phase', () => {
  it('turns amber with a fifth left, red in the last twentieth, and over after the planned time', () => {
    const planned = 20 * MIN;
    expect(timerPhase(planned, planned)).toBe('normal');
    expect(timerPhase(4 * MIN + 1, planned)).toBe('normal');
    expect(timerPhase(4 * MIN, planned)).toBe('amber');
    expect(timerPhase(MIN + 1, planned)).toBe('amber');
    expect(timerPhase(MIN, planned)).toBe('red');
    expect(timerPhase(0, planned)).toBe('red');
    expect(timerPhase(-1, planned)).toBe('over');
  });

  it('shows by how much an item runs over', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    expect(clockAt(doc, T0 + 13 * MIN + 30_000)).toMatchObject({ phase: 'over', overrunMs: 3 * MIN + 30_000, remainingMs: -(3 * MIN + 30_000) });
  });

  it('a planned duration changed while the item runs changes the remaining time at once', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    updateAgendaItem(doc, byTitle(doc, 'A')?.id ?? '', { durationMin: 30 });
    expect(clockAt(doc, T0 + 13 * MIN)).toMatchObject({ phase: 'normal', remainingMs: 17 * MIN });
  });
});

describe('a clock that jumps', () => {
  it('a laptop that slept through the end of an item wakes to the right overrun', () => {
    const doc = dayOf(10, 10);
    startRun(doc, T0);
    expect(clockAt(doc, T0 + MIN).remainingMs).toBe(9 * MIN);
    // Lid closed for 45 minutes: no ticks happened, the timestamps still tell.
    expect(clockAt(doc, T0 + 46 * MIN)).toMatchObject({ elapsedMs: 46 * MIN, overrunMs: 36 * MIN, phase: 'over' });
  });

  it('a clock set back before the item began reads as no time elapsed, not negative time', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    const clock = clockAt(doc, T0 - 5 * MIN);
    expect(clock.elapsedMs).toBe(0);
    expect(clock.remainingMs).toBe(10 * MIN);
    expect(clock.phase).toBe('normal');
  });

  it('a pause across sleep keeps the elapsed time of before the pause', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    pauseRun(doc, T0 + 4 * MIN);
    resumeRun(doc, T0 + 4 * MIN + 8 * 60 * MIN);
    expect(clockAt(doc, T0 + 5 * MIN + 8 * 60 * MIN).elapsedMs).toBe(5 * MIN);
  });

  it('a clock set back during a pause neither loses nor adds the time the item had run', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    pauseRun(doc, T0 + 4 * MIN);
    resumeRun(doc, T0 + 2 * MIN);
    expect(clockAt(doc, T0 + 2 * MIN).elapsedMs).toBe(4 * MIN);
    expect(clockAt(doc, T0 + 6 * MIN).elapsedMs).toBe(8 * MIN);
  });
});

describe('the run in the shared document', () => {
  it('a laptop that joins late shows the same remaining time as the moderator', () => {
    const moderator = dayOf(10, 45);
    startRun(moderator, T0);
    nextItem(moderator, T0 + 9 * MIN);
    pauseRun(moderator, T0 + 20 * MIN);
    resumeRun(moderator, T0 + 25 * MIN);
    const table = createWorkshopDoc();
    syncDocs(moderator, table);
    const now = T0 + 40 * MIN;
    expect(clockAt(table, now)).toEqual(clockAt(moderator, now));
    expect(clockAt(table, now)).toMatchObject({ elapsedMs: 26 * MIN, remainingMs: 19 * MIN });
  });

  it('undo of an edit does not rewind the run', () => {
    const doc = dayOf(10, 10);
    const undo = createUndoHistory(doc);
    updateAgendaItem(doc, byTitle(doc, 'A')?.id ?? '', { title: 'Welcome' });
    startRun(doc, T0);
    nextItem(doc, T0 + 10 * MIN);
    undo.undo();
    // The rename is undone; the times the run recorded stay.
    expect(byTitle(doc, 'Welcome')).toBeUndefined();
    expect(byTitle(doc, 'A')).toMatchObject({ actualStart: T0, actualEnd: T0 + 10 * MIN });
    expect(clockAt(doc, T0 + 11 * MIN).item?.title).toBe('B');
    undo.destroy();
  });

  it('the two-minute signal is marked for the running item only', () => {
    const doc = dayOf(10, 10);
    startRun(doc, T0);
    sendTwoMinuteSignal(doc, T0 + 8 * MIN);
    expect(clockAt(doc, T0 + 8 * MIN).signalled).toBe(true);
    nextItem(doc, T0 + 10 * MIN);
    expect(clockAt(doc, T0 + 10 * MIN).signalled).toBe(false);
  });

  it('damaged run fields read as not started', () => {
    const doc = dayOf(10);
    startRun(doc, T0);
    const copy = createWorkshopDoc();
    syncDocs(doc, copy);
    copy.getMap('run').set('status', 'sprinting');
    copy.getMap('run').set('itemStartedAt', 'soon');
    expect(runSnapshot(copy)).toMatchObject({ status: 'idle', currentId: '', itemStartedAt: 0 });
  });
});

describe('projector view', () => {
  it('switches to a table only when the table exists', () => {
    const doc = newWorkshop();
    expect(setProjectorView(doc, { view: 'table', boardId: 'nope' }).ok).toBe(false);
    const table = addTable(doc, { name: 'Tisch 1' });
    if (!table.ok) throw new Error(table.error.code);
    expect(setProjectorView(doc, { view: 'table', boardId: table.value.id }).ok).toBe(true);
    expect(runSnapshot(doc)).toMatchObject({ projectorView: 'table', projectorBoardId: table.value.id });
  });

  it('the toggle cycles agenda → plenary board → votes → join code → agenda', () => {
    const seen = ['agenda'];
    for (let step = 0; step < 4; step += 1) seen.push(nextProjectorView(seen[seen.length - 1] as 'agenda'));
    expect(seen).toEqual(['agenda', 'plenary', 'votes', 'join', 'agenda']);
    expect(nextProjectorView('table')).toBe('agenda');
  });
});
