import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { cardsSnapshot } from '../../shared/model';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { openWorkshopSession } from '../../renderer/session/workshop-session';
import type { Series } from '../format';
import { standardWorkshop, type SeededWorkshop } from '../fixtures/workshop';
import { countRows, sleep } from '../lib/idb';
import type { BenchContext, BenchSuite } from './types';

/*
 * Opening a stored 2,000-card workshop, the way the app does it, against y-indexeddb.
 *
 * On disk (both sides, the same bytes): one compacted state with 1,800 cards plus a log of 200
 * single-card updates, as after a working session (every edit is appended to the log).
 *
 *  - open-workshop-2000: fresh WorkshopStore.open + openWorkshopSession + live.get('cards').
 *    The store is RE-SEEDED before every run (state + the same 200-row log restored, untimed), so
 *    each measured open is the first open after a session: read the state and the 201-row log
 *    (one read transaction, both requests at once), apply the state while the log is being read,
 *    apply the log, check the schema, bind live snapshots, undo and saver, read the cards.
 *    (Until 70322ed openWorkshopSession also wrote the compacted state back before returning;
 *    now the saver folds the log a second after the open, off the timed path, and a session
 *    closed within that second, as here, does not fold it at all.)
 *    Re-seeding rather than a warm-up because the baseline reads the full log on every open too
 *    (y-indexeddb only compacts at 500 rows), so both sides read the same data every run.
 *  - open-workshop-2000-compacted: meant as the steady state (one state row). NOTE: since the
 *    compaction moved into the saver (see above) its warm-up no longer compacts anything, so this
 *    series also reads state + 200-row log; it differs from open-workshop-2000 only in not being
 *    re-seeded right before each run. open-workshop-2000 is usually 5–30 % slower than it; with a
 *    500 ms pause after the re-seed instead of 50 ms the gap mostly closed, so it looks like the
 *    re-seed's writes still settling in the browser's IndexedDB backend.
 *  - y-indexeddb-open-2000 (baseline): fresh Y.Doc + IndexeddbPersistence + whenSynced + the cards.
 *    y-indexeddb adds one 2-byte row per open (the empty doc's state); harmless, left as it is.
 *
 * Timed: from opening the database to the 2,000 cards read as plain objects. Closing is not timed.
 * The three are interleaved and their order rotates every round, so drift on a shared machine
 * hits all of them alike.
 */

const CARDS = 2000;
const WARMUP_ROUNDS = 2;
const ROUNDS = 25;

const OURS = 'open-workshop-2000';
const OURS_COMPACTED = 'open-workshop-2000-compacted';
const BASELINE = 'y-indexeddb-open-2000';
type Variant = typeof OURS | typeof OURS_COMPACTED | typeof BASELINE;

const indexRow = (workshop: SeededWorkshop) => ({
  id: workshop.id,
  title: workshop.title,
  date: '2025-06-14',
  createdAt: workshop.createdAt,
  updatedAt: workshop.createdAt,
});

/** Our store as the app leaves it: created with the state, then one appendUpdates per card. */
async function seedOurs(name: string, workshop: SeededWorkshop): Promise<void> {
  const store = await WorkshopStore.open(name);
  try {
    await store.createWorkshop(indexRow(workshop), workshop.state);
    for (const update of workshop.log) await store.appendUpdates(workshop.id, [update], { title: workshop.title });
  } finally {
    store.close();
  }
}

/**
 * Puts state + log back after an open compacted them. The 200 rows go in one transaction here
 * (seeding took 200): the rows, and so what an open reads, are the same.
 */
async function reseedOurs(name: string, workshop: SeededWorkshop): Promise<void> {
  const store = await WorkshopStore.open(name);
  try {
    const { seqs, generation } = await store.loadWorkshop(workshop.id);
    if (!(await store.replaceState(workshop.id, workshop.state, seqs, generation))) throw new Error('re-seed: state not replaced');
    await store.appendUpdates(workshop.id, workshop.log, { title: workshop.title });
    const logLength = await store.countUpdates(workshop.id);
    if (logLength !== workshop.log.length) throw new Error(`re-seed: log holds ${logLength} updates`);
  } finally {
    store.close();
  }
}

/** The same document through y-indexeddb: state first, then each single-card update, as it stores them. */
async function seedBaseline(name: string, workshop: SeededWorkshop): Promise<void> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  Y.applyUpdate(doc, workshop.state);
  for (const update of workshop.log) Y.applyUpdate(doc, update);
  // y-indexeddb reports no writes; a later transaction on the store waits for all of them.
  if (!persistence.db) throw new Error('y-indexeddb synced without a database');
  const rows = await countRows(persistence.db, 'updates');
  if (rows !== workshop.log.length + 2) throw new Error(`y-indexeddb holds ${rows} rows`);
  await persistence.destroy();
  doc.destroy();
}

async function openOurs(name: string, id: string): Promise<number> {
  const start = performance.now();
  const store = await WorkshopStore.open(name);
  const session = await openWorkshopSession(store, id);
  const cards = session.live.get('cards');
  const elapsed = performance.now() - start;
  if (cards.length !== CARDS) throw new Error(`${name}: opened ${cards.length} cards, expected ${CARDS}`);
  await session.close();
  store.close();
  return elapsed;
}

async function openBaseline(name: string): Promise<number> {
  const start = performance.now();
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const cards = cardsSnapshot(doc);
  const elapsed = performance.now() - start;
  if (cards.length !== CARDS) throw new Error(`${name}: opened ${cards.length} cards, expected ${CARDS}`);
  await persistence.destroy();
  doc.destroy();
  return elapsed;
}

export const openWorkshop: BenchSuite = {
  name: 'open-workshop',
  description: `open a stored ${CARDS}-card workshop (state + 200-update log) and read its cards, ours vs y-indexeddb`,
  async run(context: BenchContext): Promise<Series[]> {
    context.log('building the workshop document');
    const workshop = standardWorkshop();
    const names = {
      ours: context.databaseName('open-ours'),
      compacted: context.databaseName('open-ours-compacted'),
      baseline: context.databaseName('open-y-indexeddb'),
    };
    context.log(`seeding (state ${(workshop.state.byteLength / 1024).toFixed(0)} KiB + ${workshop.log.length} updates)`);
    await seedOurs(names.ours, workshop);
    await seedOurs(names.compacted, workshop);
    await seedBaseline(names.baseline, workshop);

    /** Untimed, before every run: let the previous run's I/O (and the re-seed's) settle, then collect its garbage. */
    const settle = async () => {
      await sleep(50);
      context.collectGarbage();
    };
    let reseedNeeded = false;
    const open: Record<Variant, () => Promise<number>> = {
      [OURS]: async () => {
        if (reseedNeeded) await reseedOurs(names.ours, workshop);
        reseedNeeded = true;
        return settle().then(() => openOurs(names.ours, workshop.id));
      },
      [OURS_COMPACTED]: () => settle().then(() => openOurs(names.compacted, workshop.id)),
      [BASELINE]: () => settle().then(() => openBaseline(names.baseline)),
    };
    const order: Variant[] = [OURS, OURS_COMPACTED, BASELINE];
    const samples: Record<Variant, number[]> = { [OURS]: [], [OURS_COMPACTED]: [], [BASELINE]: [] };
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
      for (const name of rotated) {
        const elapsed = await open[name]();
        if (round >= WARMUP_ROUNDS) samples[name].push(elapsed);
      }
      if ((round + 1) % 5 === 0) context.log(`round ${round + 1}/${WARMUP_ROUNDS + ROUNDS}`);
    }

    for (const name of Object.values(names)) await context.deleteDatabase(name);
    // Issue 17: at most half of y-indexeddb's median (until then: no slower than it).
    const target = { metric: 'median', max: 100, maxBaselineRatio: 0.5 } as const;
    return [
      { name: OURS, unit: 'ms', samples: samples[OURS], target, baseline: BASELINE },
      { name: OURS_COMPACTED, unit: 'ms', samples: samples[OURS_COMPACTED], target, baseline: BASELINE },
      { name: BASELINE, unit: 'ms', samples: samples[BASELINE] },
    ];
  },
};
