import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  actionItemsSnapshot,
  agendaSnapshot,
  addAgendaItem,
  createWorkshopDoc,
  initWorkshop,
  isoDateMs,
  metaSnapshot,
  runSnapshot,
  validDate,
  voteRoundsSnapshot,
  workshopSnapshot,
  ROOT,
} from '../../shared/model';
import { parseBackup } from '../../shared/model';
import { buildMinutes, renderMinutes } from '../../shared/minutes';
import { runMinutesCli } from '../../electron/services/minutes-cli';
import { SEED_DAY_PATH } from '../support/seed-day';

const seedDay = readFileSync(SEED_DAY_PATH, 'utf8');

/** The workshop of a backup file as plain JSON, loose enough to break any field of it. */
type Fields = Record<string, unknown>;
interface LooseWorkshop {
  meta: Fields;
  run: Fields;
  agenda: Fields[];
  actions: Fields[];
  votes: Fields[];
}

function nth(list: Fields[], index: number): Fields {
  const item = list[index];
  if (!item) throw new Error(`the seed day has no item ${index}`);
  return item;
}

/**
 * The seed day's backup with one change made to its parsed JSON, without its checksum (as a file
 * from before checksums): the change is refused for what it is, not as damage in transit.
 */
function editedSeedDay(edit: (workshop: LooseWorkshop) => void): string {
  const file = JSON.parse(seedDay) as { checksum?: string; workshop: LooseWorkshop };
  delete file.checksum;
  edit(file.workshop);
  return JSON.stringify(file);
}

describe('calendar dates', () => {
  it('are dates that exist, within 1970–2100', () => {
    expect(isoDateMs('2023-12-06')).toBe(Date.UTC(2023, 11, 6));
    expect(isoDateMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['Montag', '2023-02-30', '2023-13-01', '2023-1-1', '0000-01-01', '1969-12-31', '2100-01-02', '9999-12-31', ' 2023-12-06', '']) {
      expect(isoDateMs(bad), bad).toBeNull();
    }
    expect(validDate('2023-02-29').ok).toBe(false);
    expect(validDate('').ok).toBe(true);
  });
});

describe('a backup with a date or time that is none is refused with where', () => {
  it.each([
    ['meta.date not a date', (w: LooseWorkshop) => (w.meta.date = 'Montag'), 'workshop.meta.date'],
    ['meta.date of a day that does not exist', (w: LooseWorkshop) => (w.meta.date = '2023-02-30'), 'workshop.meta.date'],
    ['actualStart beyond what Date holds', (w: LooseWorkshop) => (nth(w.agenda, 0).actualStart = 9e15), 'workshop.agenda[0].actualStart'],
    ['actualEnd after 2100', (w: LooseWorkshop) => (nth(w.agenda, 1).actualEnd = Date.UTC(2200, 0, 1)), 'workshop.agenda[1].actualEnd'],
    ['ranMs of a century', (w: LooseWorkshop) => (nth(w.agenda, 0).ranMs = 3.2e12), 'workshop.agenda[0].ranMs'],
    ['durationMin beyond a day', (w: LooseWorkshop) => (nth(w.agenda, 0).durationMin = 1e9), 'workshop.agenda[0].durationMin'],
    ['an action due on no date', (w: LooseWorkshop) => (nth(w.actions, 0).due = '31.12.2023'), 'workshop.actions[0].due'],
    ['a vote at a negative time', (w: LooseWorkshop) => (nth(w.votes, 0).at = -5), 'workshop.votes[0].at'],
    ['the run started in the far future', (w: LooseWorkshop) => (w.run.itemStartedAt = 8.64e15), 'workshop.run.itemStartedAt'],
  ])('%s', (_name, edit, where) => {
    const parsed = parseBackup(editedSeedDay(edit));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('backup.invalid');
      expect(parsed.error.detail).toContain(where);
    }
  });

  it('while the seed day itself imports', () => {
    expect(parseBackup(seedDay).ok).toBe(true);
  });
});

describe('the CLI refuses such a backup instead of crashing', () => {
  it('exits 1 with a message for every format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-time-bounds-'));
    const file = join(dir, 'far.plenum');
    writeFileSync(file, editedSeedDay((w) => (nth(w.agenda, 0).actualStart = 9e15)));
    for (const format of ['md', 'html', 'docx', 'csv', 'ics']) {
      const err: string[] = [];
      const code = await runMinutesCli([file, '--format', format, '--out', join(dir, `out.${format}`)], { out: () => undefined, err: (line) => err.push(line) });
      expect(code).toBe(1);
      expect(err.join('\n')).toContain('workshop.agenda[0].actualStart');
    }
  });
});

describe('the document readers bound what a peer wrote', () => {
  function docWithItem() {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w', title: 'T', language: 'de', now: Date.UTC(2024, 0, 1) });
    const added = addAgendaItem(doc, { title: 'Input', durationMin: 10 });
    if (!added.ok) throw new Error('no item');
    const item = doc.getMap<Y.Map<unknown>>(ROOT.agenda).get(added.value.id);
    if (!item) throw new Error('no item map');
    return { doc, item };
  }

  it('reads a time past 8.64e15, a negative one and a century-long run as "not set"', () => {
    const { doc, item } = docWithItem();
    doc.transact(() => {
      item.set('actualStart', 9e15);
      item.set('actualEnd', -1);
      item.set('ranMs', 3.2e12);
      item.set('durationMin', 1e300);
    });
    const [read] = agendaSnapshot(doc);
    expect(read).toMatchObject({ actualStart: 0, actualEnd: 0, ranMs: 0, durationMin: 0 });
  });

  it('reads a meta date or a due date that is no date as missing', () => {
    const { doc } = docWithItem();
    doc.transact(() => {
      doc.getMap(ROOT.meta).set('date', 'Montag');
      doc.getMap(ROOT.meta).set('createdAt', 1e20);
      const action = new Y.Map<unknown>();
      action.set('title', 'Do');
      action.set('due', '2023-02-30');
      doc.getMap(ROOT.actions).set('a1', action);
      doc.getMap(ROOT.run).set('itemStartedAt', Number.MAX_VALUE);
      const round = new Y.Map<unknown>();
      round.set('budget', 1e12);
      round.set('openedAt', 8.7e15);
      doc.getMap(ROOT.voteRounds).set('r1', round);
    });
    expect(metaSnapshot(doc)).toMatchObject({ date: '', createdAt: 0 });
    expect(actionItemsSnapshot(doc)[0]?.due).toBe('');
    expect(runSnapshot(doc).itemStartedAt).toBe(0);
    expect(voteRoundsSnapshot(doc)[0]).toMatchObject({ budget: 50, openedAt: 0 });
  });

  it('so the minutes of such a document render in every format', async () => {
    const { doc, item } = docWithItem();
    doc.transact(() => {
      item.set('actualStart', 9e15);
      item.set('actualEnd', 9.1e15);
      doc.getMap(ROOT.meta).set('date', 'Montag');
    });
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'de', timeZone: 'Europe/Berlin', now: Date.UTC(2024, 0, 2) });
    for (const format of ['md', 'html', 'docx', 'csv', 'ics'] as const) {
      await expect(renderMinutes(minutes, format)).resolves.toBeDefined();
    }
  });
});
