import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { applyWorkshopUpdates, cardsSnapshot, createWorkshopDoc, encodeWorkshopState } from '../../shared/model';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { openWorkshopSession } from '../../renderer/session/workshop-session';
import type { Series } from '../format';
import { buildConference, buildDay, DAY, type LongSession } from '../fixtures/long-session';
import { countRows, sleep } from '../lib/idb';
import type { BenchContext, BenchSuite } from './types';

/*
 * Issue 17's long sessions, on disk as the app's saver leaves them:
 *
 *  - open-workshop-10000: a two-day conference, 10,000 cards over 12 boards, made by 30,000
 *    updates. Our store: the workshop created with its state before the conference, opened as a
 *    session, and the 30,000 updates applied to it one by one as a laptop receives them from the
 *    others: the session's saver writes them and folds the log whenever it reaches 500 rows,
 *    exactly as in the app. The updates are handed over 500 at a time (then flush()), not one per
 *    write as in the room: the same rows and the same folds (at every 500th row), fewer
 *    transactions. Baseline: the same 30,000 updates applied to a document bound to y-indexeddb,
 *    500 to a transaction, until it has trimmed itself to one state row (see seedBaseline).
 *    Timed as open-workshop-2000: open the store → the cards as objects.
 *  - day-log: a simulated 8-hour day (bench/fixtures/long-session.ts, 57,600 edits), fed to the
 *    saver in the same way, 100 at a time. `day-log-store`: the bytes the store holds for the
 *    workshop at the end (state row + log rows) against a fresh compacted snapshot of the same
 *    document (`day-log-snapshot`); `day-log-open`: opening that store against opening a store
 *    that holds only the snapshot (`day-log-open-snapshot`).
 *
 * Each fixture is built once per page load (each suite builds its own; a run builds each once).
 */

const CONFERENCE_CARDS = 10_000;
const CONFERENCE_UPDATES = 30_000;

let conference: LongSession | undefined;
let day: LongSession | undefined;

const indexRow = (session: LongSession) => ({
  id: session.id,
  title: session.title,
  date: '2025-06-14',
  createdAt: session.createdAt,
  updatedAt: session.createdAt,
});

/** Updates that arrive from the other laptops: stored by the saver like any edit (not the store's own origin). */
const PEER_ORIGIN = 'bench:peer';

/**
 * Our store as the saver leaves it after `session`: created with the state before, then each
 * update applied to an open session on its own (one document update each, as from the network),
 * `chunk` at a time before waiting for the saver. Returns the rows the log holds at the end.
 */
async function seedThroughSaver(name: string, session: LongSession, chunk: number): Promise<number> {
  const store = await WorkshopStore.open(name);
  try {
    await store.createWorkshop(indexRow(session), session.initial);
    const open = await openWorkshopSession(store, session.id);
    for (let start = 0; start < session.updates.length; start += chunk) {
      for (const update of session.updates.slice(start, start + chunk)) {
        if (!applyWorkshopUpdates(open.doc, [update], PEER_ORIGIN).ok) throw new Error('seed: an update did not apply');
      }
      await open.saver.flush();
    }
    const cards = open.live.get('cards').length;
    await open.close();
    if (cards !== session.cards) throw new Error(`seed: ${cards} cards, expected ${session.cards}`);
    return await store.countUpdates(session.id);
  } finally {
    store.close();
  }
}

/** A store that holds only `state` for the workshop (a fresh compacted snapshot). */
async function seedSnapshot(name: string, session: LongSession, state: Uint8Array): Promise<void> {
  const store = await WorkshopStore.open(name);
  try {
    await store.createWorkshop(indexRow(session), state);
  } finally {
    store.close();
  }
}

/** The bytes the store holds for the workshop: its state row and its log rows. */
async function storedBytes(name: string, id: string): Promise<{ bytes: number; state: Uint8Array; rows: number }> {
  const store = await WorkshopStore.open(name);
  try {
    const stored = await store.loadWorkshop(id);
    const doc = createWorkshopDoc();
    applyWorkshopUpdates(doc, stored.updates);
    const state = encodeWorkshopState(doc);
    doc.destroy();
    return { bytes: stored.updates.reduce((sum, update) => sum + update.byteLength, 0), state, rows: stored.seqs.length };
  } finally {
    store.close();
  }
}

/**
 * The same updates through y-indexeddb, trimmed as it trims them. They are applied 500 to a
 * document transaction: one row each instead of 30,000 single-row transactions (minutes on this
 * machine). Fed one by one, y-indexeddb would have trimmed its rows to one state row
 * (`encodeStateAsUpdate` of the document) at 500 rows and a second idle, so that is what an open
 * reads; its own `storeState` makes that row here.
 */
async function seedBaseline(name: string, session: LongSession): Promise<number> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  Y.applyUpdate(doc, session.initial);
  const db = persistence.db;
  if (!db) throw new Error('y-indexeddb synced without a database');
  for (let start = 0; start < session.updates.length; start += 500) {
    doc.transact(() => {
      for (const update of session.updates.slice(start, start + 500)) Y.applyUpdate(doc, update);
    });
  }
  // 60 rows do not make it trim; 30,000 single-update rows would have (at 500 rows, a second
  // idle), so it is asked to, then waited for: storeState resolves before its writes are done.
  await countRows(db, 'updates');
  await storeState(persistence, true);
  let rows = await countRows(db, 'updates');
  for (let waited = 0; rows > 1 && waited < 10_000; waited += 50) {
    await sleep(50);
    rows = await countRows(db, 'updates');
  }
  if (rows !== 1) throw new Error(`y-indexeddb did not trim: ${rows} rows`);
  await persistence.destroy();
  doc.destroy();
  return rows;
}

async function openOurs(name: string, id: string, cards: number): Promise<number> {
  const start = performance.now();
  const store = await WorkshopStore.open(name);
  const session = await openWorkshopSession(store, id);
  const read = session.live.get('cards');
  const elapsed = performance.now() - start;
  if (read.length !== cards) throw new Error(`${name}: opened ${read.length} cards, expected ${cards}`);
  await session.close();
  store.close();
  return elapsed;
}

async function openBaseline(name: string, cards: number): Promise<number> {
  const start = performance.now();
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const read = cardsSnapshot(doc);
  const elapsed = performance.now() - start;
  if (read.length !== cards) throw new Error(`${name}: opened ${read.length} cards, expected ${cards}`);
  await persistence.destroy();
  doc.destroy();
  return elapsed;
}

/** Runs the openers interleaved, their order rotating each round, with a settled page before each. */
async function interleaved(context: BenchContext, openers: Record<string, () => Promise<number>>, warmup: number, rounds: number): Promise<Record<string, number[]>> {
  const names = Object.keys(openers);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + rounds; round += 1) {
    const rotated = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of rotated) {
      await sleep(50);
      context.collectGarbage();
      const elapsed = await openers[name]?.();
      if (elapsed !== undefined && round >= warmup) samples[name]?.push(elapsed);
    }
  }
  return samples;
}

const OPEN_10000 = 'open-workshop-10000';
const OPEN_10000_BASELINE = 'y-indexeddb-open-10000';

export const openWorkshop10000: BenchSuite = {
  // Not 'open-workshop-…': `npm run bench -- open` selects only the 2,000-card suite.
  name: 'conference-10000',
  description: `open a two-day conference (${CONFERENCE_CARDS.toLocaleString('en')} cards, 12 boards, ${CONFERENCE_UPDATES.toLocaleString('en')} updates as the saver leaves them) and read its cards, ours vs y-indexeddb`,
  async run(context: BenchContext): Promise<Series[]> {
    const started = performance.now();
    const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    context.log('building the conference');
    conference ??= buildConference(CONFERENCE_CARDS, CONFERENCE_UPDATES);
    const session = conference;
    const names = { ours: context.databaseName('open-10000'), baseline: context.databaseName('open-10000-y-indexeddb') };
    context.log(`seeding through the saver (${session.updates.length} updates) at ${seconds()}`);
    const logRows = await seedThroughSaver(names.ours, session, 500);
    const { bytes, rows } = await storedBytes(names.ours, session.id);
    context.log(`ours: ${(bytes / 1024).toFixed(0)} KiB, state + ${rows} log rows, at ${seconds()}`);
    if (rows !== logRows) throw new Error(`the log holds ${logRows} rows, ${rows} read`);
    const baselineRows = await seedBaseline(names.baseline, session);
    context.log(`y-indexeddb: ${baselineRows} rows at ${seconds()}`);
    const samples = await interleaved(
      context,
      {
        [OPEN_10000]: () => openOurs(names.ours, session.id, session.cards),
        [OPEN_10000_BASELINE]: () => openBaseline(names.baseline, session.cards),
      },
      1,
      10,
    );
    for (const name of Object.values(names)) await context.deleteDatabase(name);
    return [
      { name: OPEN_10000, unit: 'ms', samples: samples[OPEN_10000] ?? [], target: { metric: 'median', max: 300, maxBaselineRatio: 0.5 }, baseline: OPEN_10000_BASELINE },
      { name: OPEN_10000_BASELINE, unit: 'ms', samples: samples[OPEN_10000_BASELINE] ?? [] },
    ];
  },
};

const DAY_STORE = 'day-log-store';
const DAY_SNAPSHOT = 'day-log-snapshot';
const DAY_OPEN = 'day-log-open';
const DAY_OPEN_SNAPSHOT = 'day-log-open-snapshot';

export const dayLog: BenchSuite = {
  name: 'day-log',
  description: `a simulated ${DAY.hours}-hour day, ${DAY.laptops} laptops each editing every ${DAY.everySeconds} s, as the saver stores it: bytes and opening against a fresh compacted snapshot`,
  async run(context: BenchContext): Promise<Series[]> {
    const started = performance.now();
    const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    context.log('simulating the day');
    day ??= buildDay();
    const session = day;
    const names = { ours: context.databaseName('day-log'), snapshot: context.databaseName('day-log-snapshot') };
    context.log(`feeding the saver (${session.updates.length} updates, ${session.cards} cards at the end) at ${seconds()}`);
    await seedThroughSaver(names.ours, session, 100);
    const { bytes, state, rows } = await storedBytes(names.ours, session.id);
    context.log(`store: ${(bytes / 1024).toFixed(0)} KiB (state + ${rows} log rows), fresh snapshot ${(state.byteLength / 1024).toFixed(0)} KiB`);
    await seedSnapshot(names.snapshot, session, state);
    context.log(`opening at ${seconds()}`);
    const samples = await interleaved(
      context,
      {
        [DAY_OPEN]: () => openOurs(names.ours, session.id, session.cards),
        [DAY_OPEN_SNAPSHOT]: () => openOurs(names.snapshot, session.id, session.cards),
      },
      1,
      10,
    );
    for (const name of Object.values(names)) await context.deleteDatabase(name);
    return [
      // KiB of one measurement (the bytes do not vary); the absolute bound is only a sanity check.
      { name: DAY_STORE, unit: 'KiB', samples: [bytes / 1024], target: { metric: 'median', max: 65_536, maxBaselineRatio: 2 }, baseline: DAY_SNAPSHOT },
      { name: DAY_SNAPSHOT, unit: 'KiB', samples: [state.byteLength / 1024] },
      { name: DAY_OPEN, unit: 'ms', samples: samples[DAY_OPEN] ?? [], target: { metric: 'median', max: 1000, maxBaselineRatio: 1.5 }, baseline: DAY_OPEN_SNAPSHOT },
      { name: DAY_OPEN_SNAPSHOT, unit: 'ms', samples: samples[DAY_OPEN_SNAPSHOT] ?? [] },
    ];
  },
};
