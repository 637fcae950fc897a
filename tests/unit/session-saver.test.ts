import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom as mulberry32 } from '../support/prng';
import {
  addAgendaItem,
  addCard,
  applyWorkshopUpdates,
  cardsSnapshot,
  createWorkshopDoc,
  encodeWorkshopState,
  moveAgendaItem,
  PLENARY_BOARD_ID,
  removeAgendaItem,
  removeCard,
  syncDocs,
  updateAgendaItem,
  updateCardText,
  updateMeta,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { StorageError } from '../../renderer/storage/storage-error';
import { COMPACT_AFTER_UPDATES, WorkshopStore } from '../../renderer/storage/workshop-store';
import { createStoredWorkshop, openWorkshopSession, type WorkshopSession } from '../../renderer/session/workshop-session';
import type { SaveStatus } from '../../renderer/session/saver';

let counter = 0;
const freshName = () => `session-saver-${process.pid}-${Date.now()}-${(counter += 1)}`;

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function newSession(): Promise<{ store: WorkshopStore; id: string; session: WorkshopSession }> {
  const store = await WorkshopStore.open(freshName());
  cleanup.push(() => store.close());
  const id = await createStoredWorkshop(store, { title: 'Saved', language: 'en' });
  const session = await openWorkshopSession(store, id);
  return { store, id, session };
}

async function reopen(store: WorkshopStore, id: string): Promise<WorkshopSession> {
  const session = await openWorkshopSession(store, id);
  cleanup.push(() => session.close());
  return session;
}

function card(doc: WorkshopDoc, text: string): string {
  const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text });
  if (!result.ok) throw new Error(result.error.code);
  return result.value.id;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}


describe('saving a workshop while it is edited', () => {
  it('writes a new venue and room to the home screen row, also when they change within the refresh interval', async () => {
    const { store, id, session } = await newSession();
    updateMeta(session.doc, { venue: 'Rathaus', room: 'Saal 1' });
    await session.saver.flush();
    expect(await store.getIndexRow(id)).toMatchObject({ venue: 'Rathaus', room: 'Saal 1' });
    // At once again: a place change is written with its update, not only at the next timed refresh.
    updateMeta(session.doc, { room: 'Saal 2' });
    await session.saver.flush();
    expect(await store.getIndexRow(id)).toMatchObject({ venue: 'Rathaus', room: 'Saal 2' });
    await session.close();
  });

  it('keeps 5,000 edits across close and reopen, with the update log compacted along the way', async () => {
    const { store, id, session } = await newSession();
    const compactions = vi.spyOn(store, 'replaceState');
    const random = mulberry32(2024);
    const pick = <T>(items: readonly T[]): T => must(items[Math.floor(random() * items.length)], 'an element');
    const doc = session.doc;
    let largestLog = 0;

    // Ids are tracked here rather than read from snapshots each time: the test measures the saver.
    const cards: string[] = [];
    const agenda: string[] = [];
    const take = (ids: string[]) => must(ids.splice(Math.floor(random() * ids.length), 1)[0], 'an id');
    for (let n = 0; n < 5000; n += 1) {
      const roll = random();
      if (roll < 0.22 || cards.length === 0) cards.push(card(doc, `card ${n}\nsecond line`));
      else if (roll < 0.52) updateCardText(doc, pick(cards), `edited ${n}`);
      else if (roll < 0.66) removeCard(doc, take(cards));
      else if (roll < 0.74 || agenda.length < 2) {
        const added = addAgendaItem(doc, { title: `item ${n}`, durationMin: n % 120 });
        if (added.ok) agenda.push(added.value.id);
      } else if (roll < 0.88) moveAgendaItem(doc, pick(agenda), Math.floor(random() * agenda.length));
      else if (roll < 0.93) updateAgendaItem(doc, pick(agenda), { durationMin: n % 90, notes: `note ${n}` });
      else if (roll < 0.97) removeAgendaItem(doc, take(agenda));
      else updateMeta(doc, { title: `Saved ${n}` });
      if (n % 7 === 0) await nextTask();
      if (n % 250 === 0) largestLog = Math.max(largestLog, await store.countUpdates(id));
    }
    await session.saver.flush();
    expect(session.saver.status()).toEqual({ state: 'saved' });
    largestLog = Math.max(largestLog, await store.countUpdates(id));
    const expected = workshopSnapshot(doc);
    await session.close();

    expect(compactions.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(largestLog).toBeLessThan(COMPACT_AFTER_UPDATES + 100);
    expect(await store.getIndexRow(id)).toMatchObject({ title: expected.meta.title });

    const again = await reopen(store, id);
    expect(workshopSnapshot(again.doc)).toEqual(expected);
    expect(expected.cards.map((c) => c.id).sort()).toEqual([...cards].sort());
    expect(expected.agenda.map((item) => item.id).sort()).toEqual([...agenda].sort());
    expect(expected.cards.length).toBeGreaterThan(100);
  });

  it('saves a change that came from another laptop', async () => {
    const { store, id, session } = await newSession();
    const peer = createWorkshopDoc();
    applyWorkshopUpdates(peer, [encodeWorkshopState(session.doc)]);
    card(peer, 'from the other table');
    syncDocs(session.doc, peer);
    await session.saver.flush();
    await session.close();
    const again = await reopen(store, id);
    expect(cardsSnapshot(again.doc).map((c) => c.text)).toEqual(['from the other table']);
  });

  it('writes nothing when a workshop is only opened and read', async () => {
    const { store, id, session } = await newSession();
    const append = vi.spyOn(store, 'appendUpdates');
    session.live.get('cards');
    await session.saver.flush();
    await session.close();
    expect(append).not.toHaveBeenCalled();
    expect(await store.countUpdates(id)).toBe(0);
  });

  it('flush waits for an edit made while the log was being compacted', async () => {
    const { store, id, session } = await newSession();
    const doc = session.doc;
    for (let n = 0; n < COMPACT_AFTER_UPDATES - 1; n += 1) card(doc, `card ${n}`);
    await session.saver.flush();

    // Compaction is held until released; an append that starts once compaction has begun is
    // slow (a busy disk), so it is still running when compaction ends.
    let releaseCompaction!: () => void;
    const compacting = new Promise<void>((resolve) => (releaseCompaction = resolve));
    let compactionStarted = false;
    const compact = store.replaceState.bind(store);
    vi.spyOn(store, 'replaceState').mockImplementation(async (...args) => {
      compactionStarted = true;
      await compacting;
      return compact(...args);
    });
    const append = store.appendUpdates.bind(store);
    const writes: Array<{ done: boolean }> = [];
    vi.spyOn(store, 'appendUpdates').mockImplementation(async (...args) => {
      const write = { done: false };
      writes.push(write);
      if (compactionStarted) await new Promise((resolve) => setTimeout(resolve, 100));
      const count = await append(...args);
      write.done = true;
      return count;
    });

    card(doc, 'the one that fills the log');
    await vi.waitFor(() => expect(store.replaceState).toHaveBeenCalled(), { timeout: 10_000 });
    const lateId = card(doc, 'written during compaction');
    const flushed = session.saver.flush();
    releaseCompaction();
    await flushed;

    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((write) => write.done)).toBe(true);
    expect(session.saver.status()).toEqual({ state: 'saved' });
    await session.close();
    const again = await reopen(store, id);
    expect(cardsSnapshot(again.doc).some((c) => c.id === lateId)).toBe(true);
  });
});

describe('a storage error while saving', () => {
  it('is reported as storage.quota, rejects flush, and the edit is written on retry', async () => {
    const { store, id, session } = await newSession();
    const statuses: SaveStatus[] = [];
    session.saver.subscribe(() => statuses.push(session.saver.status()));
    const append = vi.spyOn(store, 'appendUpdates').mockRejectedValueOnce(quotaError());

    const cardId = card(session.doc, 'must not be lost');
    const flushed = session.saver.flush();
    const error: unknown = await flushed.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('storage.quota');
    const status = session.saver.status();
    expect(status.state).toBe('error');
    expect(status.state === 'error' && status.error.code).toBe('storage.quota');
    expect(status.state === 'error' && status.pending).toBe(1);
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'error']);
    expect(await store.countUpdates(id)).toBe(0);

    session.saver.retry();
    await session.saver.flush();
    expect(session.saver.status()).toEqual({ state: 'saved' });
    expect(append).toHaveBeenCalledTimes(2);
    expect(append.mock.calls[1]?.[1]).toEqual(append.mock.calls[0]?.[1]);
    await session.close();

    const again = await reopen(store, id);
    expect(cardsSnapshot(again.doc).map((c) => [c.id, c.text])).toEqual([[cardId, 'must not be lost']]);
  });

  it('keeps edits made after the failure and writes them together with the failed one', async () => {
    const { store, id, session } = await newSession();
    vi.spyOn(store, 'appendUpdates').mockRejectedValueOnce(quotaError());
    card(session.doc, 'first');
    await session.saver.flush().catch(() => undefined);
    expect(session.saver.status().state).toBe('error');
    card(session.doc, 'second');
    await session.saver.flush();
    expect(session.saver.status()).toEqual({ state: 'saved' });
    await session.close();
    const again = await reopen(store, id);
    expect(cardsSnapshot(again.doc).map((c) => c.text)).toEqual(['first', 'second']);
  });

  it('does not make closing hang, and closing writes what the failed attempt could not', async () => {
    const { store, id, session } = await newSession();
    vi.spyOn(store, 'appendUpdates').mockRejectedValueOnce(quotaError());
    card(session.doc, 'saved on close');
    await session.saver.flush().catch(() => undefined);
    expect(session.saver.status().state).toBe('error');

    const closed = session.close().then(() => 'closed');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('hung'), 2000));
    expect(await Promise.race([closed, timeout])).toBe('closed');

    const again = await reopen(store, id);
    expect(cardsSnapshot(again.doc).map((c) => c.text)).toEqual(['saved on close']);
  });
});
