import { afterEach, describe, expect, it } from 'vitest';
import { addAgendaItem, agendaSnapshot, createWorkshopDoc, nextItem, runSnapshot, startRun, type WorkshopDoc } from '../../shared/model';
import { syncWindows } from '../../renderer/session/window-sync';
import { newWorkshop } from '../support/workshop';

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function open(doc: WorkshopDoc, id = 'w1'): void {
  stops.push(syncWindows(doc, id));
}

/** Resolves once `check` holds (BroadcastChannel delivers asynchronously), or fails after 5 s (a loaded machine is slow, not wrong). */
async function until(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5000) throw new Error('not delivered within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('syncWindows', () => {
  it('a projector opened later gets the whole workshop from the moderator window, then every step', async () => {
    const moderator = newWorkshop();
    addAgendaItem(moderator, { title: 'Begrüßung', durationMin: 10 });
    addAgendaItem(moderator, { title: 'Input', durationMin: 20 });
    startRun(moderator, 1000);
    open(moderator);

    const projector = createWorkshopDoc();
    open(projector);
    await until(() => runSnapshot(projector).status === 'running');
    expect(agendaSnapshot(projector).map((item) => item.title)).toEqual(['Begrüßung', 'Input']);

    nextItem(moderator, 2000);
    await until(() => runSnapshot(projector).currentId === agendaSnapshot(moderator)[1]?.id);
  });

  it('leaves other workshops alone', async () => {
    const a = newWorkshop();
    const b = createWorkshopDoc();
    open(a, 'one');
    open(b, 'two');
    addAgendaItem(a, { title: 'Nur hier', durationMin: 5 });
    // A barrier: an edit in another window of workshop two, made after a's, reaches b; a's would have come first.
    const other = createWorkshopDoc();
    open(other, 'two');
    addAgendaItem(other, { title: 'Nur dort', durationMin: 5 });
    await until(() => agendaSnapshot(b).length > 0);
    expect(agendaSnapshot(b).map((item) => item.title)).toEqual(['Nur dort']);
  });

  it('stops sending once stopped', async () => {
    const moderator = newWorkshop();
    const projector = createWorkshopDoc();
    const stop = syncWindows(moderator, 'w1');
    open(projector);
    await until(() => agendaSnapshot(projector).length === 0 && projector.share.size > 0);
    stop();
    addAgendaItem(moderator, { title: 'Danach', durationMin: 5 });
    // A barrier: an edit in a window opened after the moderator's edit reaches the projector; the moderator's would have come first.
    const other = createWorkshopDoc();
    open(other);
    addAgendaItem(other, { title: 'Später', durationMin: 5 });
    await until(() => agendaSnapshot(projector).length > 0);
    expect(agendaSnapshot(projector).map((item) => item.title)).toEqual(['Später']);
  });
});
