import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addAgendaItem,
  addCard,
  applyWorkshopUpdates,
  createWorkshopDoc,
  encodeWorkshopState,
  initWorkshop,
  LIMITS,
  onWorkshopUpdate,
  PLENARY_BOARD_ID,
  updateCardText,
  workshopSnapshot,
  type WorkshopDoc,
  type WorkshopSnapshot,
} from '../../shared/model';
import { PlenumDb, STORE_VERSION, type WorkshopIndexRow } from '../../renderer/storage/plenum-db';
import { StorageError, toStorageError } from '../../renderer/storage/storage-error';
import { WorkshopStore } from '../../renderer/storage/workshop-store';

let counter = 0;
/** Every test its own database. */
const freshName = () => `storage-store-${process.pid}-${Date.now()}-${(counter += 1)}`;

const open: WorkshopStore[] = [];
async function openStore(name = freshName()): Promise<WorkshopStore> {
  const store = await WorkshopStore.open(name);
  open.push(store);
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of open.splice(0)) store.close();
});

function row(id: string, title: string, updatedAt: number): Omit<WorkshopIndexRow, 'deletedAt'> {
  return { id, title, date: '', venue: '', room: '', createdAt: updatedAt, updatedAt };
}

/** A workshop document and the updates it produced after its first state. */
function workshopWithUpdates(id: string, edits: number): { doc: WorkshopDoc; initial: Uint8Array; updates: Uint8Array[] } {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id, title: `Workshop ${id}`, language: 'en', now: 1 });
  const initial = encodeWorkshopState(doc);
  const updates: Uint8Array[] = [];
  const stop = onWorkshopUpdate(doc, (update) => updates.push(update));
  let last = '';
  for (let i = 0; i < edits; i += 1) {
    if (i % 3 === 0) {
      const added = addCard(doc, { boardId: PLENARY_BOARD_ID, text: `card ${i}`, now: i });
      if (added.ok) last = added.value.id;
    } else if (i % 3 === 1) updateCardText(doc, last, `card ${i}, edited`, i);
    else addAgendaItem(doc, { title: `item ${i}`, durationMin: i % 60 });
  }
  stop();
  return { doc, initial, updates };
}

async function storedSnapshot(store: WorkshopStore, id: string): Promise<WorkshopSnapshot> {
  const stored = await store.loadWorkshop(id);
  const doc = createWorkshopDoc();
  expect(applyWorkshopUpdates(doc, stored.updates)).toEqual({ ok: true, value: true });
  return workshopSnapshot(doc);
}

async function rawOpen(name: string, version: number, upgrade: (db: IDBDatabase) => void = () => undefined): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

async function rawVersion(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const result = { version: db.version, stores: [...db.objectStoreNames].sort() };
      db.close();
      resolve(result);
    };
    request.onerror = () => reject(request.error);
  });
}

async function expectStorageError(promise: Promise<unknown>, code: StorageError['code']): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe(code);
}

describe('the workshop index', () => {
  it('lists stored workshops, most recently changed first', async () => {
    const store = await openStore();
    await store.createWorkshop(row('old', 'Old', 100), encodeWorkshopState(workshopWithUpdates('old', 0).doc));
    await store.createWorkshop(row('new', 'New', 200), encodeWorkshopState(workshopWithUpdates('new', 0).doc));
    const list = await store.listWorkshops();
    expect(list.workshops.map((w) => w.id)).toEqual(['new', 'old']);
    expect(list.damaged).toEqual([]);
    expect(await store.getIndexRow('old')).toEqual({ ...row('old', 'Old', 100), deletedAt: null });
  });

  it('lists an index row of the wrong shape as damaged and still lists the good ones', async () => {
    const name = freshName();
    const store = await openStore(name);
    await store.createWorkshop(row('good', 'Good', 100), encodeWorkshopState(workshopWithUpdates('good', 0).doc));
    const raw = new PlenumDb(name);
    await raw.workshops.put({ id: 'bad', title: 'Broken', date: 20250101, createdAt: 'yesterday', updatedAt: 1 } as unknown as WorkshopIndexRow);
    await raw.workshops.put({ id: 'worse', title: 7 } as unknown as WorkshopIndexRow);
    raw.close();

    const list = await store.listWorkshops();
    expect(list.workshops.map((w) => w.id)).toEqual(['good']);
    expect(list.damaged.map(({ id, title }) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'bad', title: 'Broken' },
      { id: 'worse', title: '' },
    ]);
    expect(list.damaged.find((w) => w.id === 'bad')?.reason).toMatch(/date|createdAt/);
    expect(await store.getIndexRow('bad')).toBeUndefined();
  });

  it('lists a row written before the place existed, and a damaged place, as not set', async () => {
    const name = freshName();
    const store = await openStore(name);
    const raw = new PlenumDb(name);
    await raw.workshops.put({ id: 'older', title: 'Older', date: '', createdAt: 1, updatedAt: 1, deletedAt: null } as unknown as WorkshopIndexRow);
    await raw.workshops.put({ id: 'junk', title: 'Junk', date: '', venue: 42, room: 'x'.repeat(LIMITS.shortTextMax + 1), createdAt: 1, updatedAt: 2, deletedAt: null } as unknown as WorkshopIndexRow);
    raw.close();

    const list = await store.listWorkshops();
    expect(list.damaged).toEqual([]);
    expect(list.workshops.map(({ id, venue, room }) => ({ id, venue, room }))).toEqual([
      { id: 'junk', venue: '', room: '' },
      { id: 'older', venue: '', room: '' },
    ]);
  });

  it('hides a deleted workshop, brings it back on restore, and purges all of it', async () => {
    const store = await openStore();
    const { doc, updates } = workshopWithUpdates('gone', 9);
    await store.createWorkshop(row('gone', 'Gone', 100), encodeWorkshopState(doc));
    await store.appendUpdates('gone', updates, {});
    await store.createWorkshop(row('kept', 'Kept', 50), encodeWorkshopState(workshopWithUpdates('kept', 0).doc));

    await store.markDeleted('gone', 1000);
    expect((await store.listWorkshops()).workshops.map((w) => w.id)).toEqual(['kept']);
    await store.restoreWorkshop('gone');
    expect((await store.listWorkshops()).workshops.map((w) => w.id)).toEqual(['gone', 'kept']);

    await store.markDeleted('gone', 1000);
    expect(await store.purgeDeleted(999)).toBe(0);
    expect(await store.countUpdates('gone')).toBe(updates.length);
    expect(await store.purgeDeleted(1000)).toBe(1);
    expect(await store.getIndexRow('gone')).toBeUndefined();
    expect(await store.countUpdates('gone')).toBe(0);
    await expectStorageError(store.loadWorkshop('gone'), 'storage.damaged');
    await store.restoreWorkshop('gone');
    expect((await store.listWorkshops()).workshops.map((w) => w.id)).toEqual(['kept']);
    expect((await storedSnapshot(store, 'kept')).meta.id).toBe('kept');
  });
});

describe('the update log', () => {
  it('appends updates, returns their sequence numbers and refreshes the index row when asked', async () => {
    const store = await openStore();
    const { doc, initial, updates } = workshopWithUpdates('w', 12);
    await store.createWorkshop(row('w', 'Before', 1), initial);
    const first = await store.appendUpdates('w', updates.slice(0, 5), { title: 'After' }, 77);
    expect(first).toHaveLength(5);
    const rest = await store.appendUpdates('w', updates.slice(5), null, 78);
    expect(rest).toHaveLength(updates.length - 5);
    expect(Math.min(...rest)).toBeGreaterThan(Math.max(...first));
    expect(await store.countUpdates('w')).toBe(updates.length);
    expect(await store.getIndexRow('w')).toMatchObject({ title: 'After', updatedAt: 77 });
    expect(await storedSnapshot(store, 'w')).toEqual(workshopSnapshot(doc));
  });

  it('appends in one strict transaction and leaves a missing index row missing', async () => {
    const store = await openStore();
    const { initial, updates } = workshopWithUpdates('w', 3);
    await store.createWorkshop(row('w', 'W', 1), initial);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await store.appendUpdates('w', updates, { title: 'W2' }, 5);
    // A relaxed commit may be lost with the battery: the saver reports "saved" only after a strict one.
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.[2]).toEqual({ durability: 'strict' });
    expect(await store.getIndexRow('w')).toMatchObject({ title: 'W2', updatedAt: 5 });

    const keys = await store.appendUpdates('nowhere', updates, { title: 'X' }, 6);
    expect(keys).toHaveLength(updates.length);
    expect(await store.getIndexRow('nowhere')).toBeUndefined();
  });

  it('appends after the connection was closed under it (another window deleted the database)', async () => {
    const name = freshName();
    const store = await openStore(name);
    const { initial, updates } = workshopWithUpdates('w', 2);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    await expect(store.appendUpdates('w', updates, null)).resolves.toHaveLength(updates.length);
    expect(await store.countUpdates('w')).toBe(updates.length);
  });

  it('does not append to a store its owner closed, nor open it again', async () => {
    const store = await openStore();
    const { initial, updates } = workshopWithUpdates('w', 2);
    await store.createWorkshop(row('w', 'W', 1), initial);
    store.close();
    await expect(store.appendUpdates('w', updates, null)).rejects.toMatchObject({ code: 'storage.unavailable' });
    await expect(store.countUpdates('w')).rejects.toThrow();
  });

  it('compactLog folds the log into the state and keeps the workshop identical', async () => {
    const store = await openStore();
    const { doc, initial, updates } = workshopWithUpdates('w', 60);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await store.appendUpdates('w', updates, {});
    const before = await storedSnapshot(store, 'w');
    expect(before).toEqual(workshopSnapshot(doc));

    await store.compactLog('w');
    expect(await store.countUpdates('w')).toBe(0);
    const loaded = await store.loadWorkshop('w');
    expect(loaded.updates).toHaveLength(1);
    expect(await storedSnapshot(store, 'w')).toEqual(before);
  });

  it('compactLog leaves other workshops\' logs alone', async () => {
    const store = await openStore();
    const a = workshopWithUpdates('a', 6);
    const b = workshopWithUpdates('b', 6);
    await store.createWorkshop(row('a', 'A', 1), a.initial);
    await store.createWorkshop(row('b', 'B', 1), b.initial);
    await store.appendUpdates('a', a.updates, {});
    await store.appendUpdates('b', b.updates, {});
    await store.compactLog('a');
    expect(await store.countUpdates('a')).toBe(0);
    expect(await store.countUpdates('b')).toBe(b.updates.length);
    expect(await storedSnapshot(store, 'b')).toEqual(workshopSnapshot(b.doc));
  });

  it('replaceState swaps state and log for one encoded state and keeps the workshop identical', async () => {
    const store = await openStore();
    const { initial, updates } = workshopWithUpdates('w', 30);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await store.appendUpdates('w', updates, {});
    const stored = await store.loadWorkshop('w');
    const doc = createWorkshopDoc();
    applyWorkshopUpdates(doc, stored.updates);
    const before = workshopSnapshot(doc);

    expect(await store.replaceState('w', encodeWorkshopState(doc), stored.seqs, stored.generation)).toBe(true);
    expect(await store.countUpdates('w')).toBe(0);
    expect(await storedSnapshot(store, 'w')).toEqual(before);
    expect((await store.loadWorkshop('w')).generation).toBe(stored.generation + 1);
  });

  it('replaceState refuses when another window compacted meanwhile', async () => {
    const store = await openStore();
    const { initial, updates } = workshopWithUpdates('w', 8);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await store.appendUpdates('w', updates, null);
    const stored = await store.loadWorkshop('w');
    const doc = createWorkshopDoc();
    applyWorkshopUpdates(doc, stored.updates);
    await store.compactLog('w');
    expect(await store.replaceState('w', encodeWorkshopState(doc), stored.seqs, stored.generation)).toBe(false);
  });

  it('replaceState refuses when an unread row lies among the rows it would drop', async () => {
    const store = await openStore();
    const { initial, updates } = workshopWithUpdates('w', 6);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await store.appendUpdates('w', updates, null);
    const stored = await store.loadWorkshop('w');
    const doc = createWorkshopDoc();
    applyWorkshopUpdates(doc, stored.updates);
    const unread = stored.seqs.slice(0, 2).concat(stored.seqs.slice(3));
    expect(await store.replaceState('w', encodeWorkshopState(doc), unread, stored.generation)).toBe(false);
    expect(await store.countUpdates('w')).toBe(updates.length);
  });

  it('replaceState drops only its own rows by range, leaving other workshops\' interleaved rows', async () => {
    const store = await openStore();
    const a = workshopWithUpdates('a', 6);
    const b = workshopWithUpdates('b', 6);
    await store.createWorkshop(row('a', 'A', 1), a.initial);
    await store.createWorkshop(row('b', 'B', 1), b.initial);
    for (let i = 0; i < 6; i += 1) {
      await store.appendUpdates('a', a.updates.slice(i, i + 1), null);
      await store.appendUpdates('b', b.updates.slice(i, i + 1), null);
    }
    const stored = await store.loadWorkshop('a');
    expect(await store.replaceState('a', encodeWorkshopState(a.doc), stored.seqs, stored.generation)).toBe(true);
    expect(await store.countUpdates('a')).toBe(0);
    expect(await store.countUpdates('b')).toBe(6);
    expect(await storedSnapshot(store, 'b')).toEqual(workshopSnapshot(b.doc));
    expect(await storedSnapshot(store, 'a')).toEqual(workshopSnapshot(a.doc));
  });

  it('replaceState keeps a row another window appended after what it read', async () => {
    const store = await openStore();
    const { doc: writer, initial, updates } = workshopWithUpdates('w', 10);
    await store.createWorkshop(row('w', 'W', 1), initial);
    await store.appendUpdates('w', updates, {});
    const stored = await store.loadWorkshop('w');
    const reader = createWorkshopDoc();
    applyWorkshopUpdates(reader, stored.updates);

    const late: Uint8Array[] = [];
    const stop = onWorkshopUpdate(writer, (update) => late.push(update));
    addCard(writer, { boardId: PLENARY_BOARD_ID, text: 'written by the other window', now: 5 });
    stop();
    await store.appendUpdates('w', late, {});

    expect(await store.replaceState('w', encodeWorkshopState(reader), stored.seqs, stored.generation)).toBe(true);
    expect(await store.countUpdates('w')).toBe(late.length);
    const after = await storedSnapshot(store, 'w');
    expect(after).toEqual(workshopSnapshot(writer));
    expect(after.cards.map((card) => card.text)).toContain('written by the other window');
  });
});

describe('damaged rows', () => {
  it('reports a state that is not binary data as storage.damaged', async () => {
    const name = freshName();
    const store = await openStore(name);
    await store.createWorkshop(row('w', 'W', 1), encodeWorkshopState(workshopWithUpdates('w', 0).doc));
    const raw = new PlenumDb(name);
    await raw.states.put({ workshopId: 'w', state: 'not bytes' as unknown as Uint8Array, compactedAt: 1 });
    raw.close();
    await expectStorageError(store.loadWorkshop('w'), 'storage.damaged');
  });

  it('reports a logged update that is not binary data as storage.damaged', async () => {
    const name = freshName();
    const store = await openStore(name);
    await store.createWorkshop(row('w', 'W', 1), encodeWorkshopState(workshopWithUpdates('w', 0).doc));
    const raw = new PlenumDb(name);
    await raw.updates.add({ workshopId: 'w', update: [1, 2, 3] as unknown as Uint8Array });
    raw.close();
    await expectStorageError(store.loadWorkshop('w'), 'storage.damaged');
  });
});

describe('a store written by a newer Plenum', () => {
  const newer = STORE_VERSION * 10 + 10;

  it('is refused with storage.newer', async () => {
    const name = freshName();
    await rawOpen(name, newer);
    await expectStorageError(WorkshopStore.open(name), 'storage.newer');
  });

  it('is refused and left untouched even when its tables differ from ours', async () => {
    const name = freshName();
    await rawOpen(name, newer, (db) => {
      db.createObjectStore('workshops', { keyPath: 'id' });
      db.createObjectStore('states', { keyPath: 'workshopId' });
      db.createObjectStore('updates', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('votes', { keyPath: 'id' });
    });
    await expectStorageError(WorkshopStore.open(name), 'storage.newer');
    expect(await rawVersion(name)).toEqual({ version: newer, stores: ['states', 'updates', 'votes', 'workshops'] });
  });

  it('is refused where the browser cannot list its databases', async () => {
    const name = freshName();
    await rawOpen(name, STORE_VERSION * 10 + 1);
    vi.spyOn(indexedDB, 'databases').mockRejectedValue(new Error('not supported'));
    await expectStorageError(WorkshopStore.open(name), 'storage.newer');
  });

  it('does not stop a store of the current layout from opening again', async () => {
    const name = freshName();
    const first = await WorkshopStore.open(name);
    await first.createWorkshop(row('w', 'W', 1), encodeWorkshopState(workshopWithUpdates('w', 0).doc));
    first.close();
    const again = await openStore(name);
    expect((await again.listWorkshops()).workshops.map((w) => w.id)).toEqual(['w']);
  });
});

describe('toStorageError', () => {
  it.each([
    ['a quota error', new DOMException('full', 'QuotaExceededError'), 'storage.quota'],
    ['a quota error wrapped by Dexie', Object.assign(new Error('wrapped'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), 'storage.quota'],
    ['a version error', new DOMException('newer', 'VersionError'), 'storage.newer'],
    ['IndexedDB missing', Object.assign(new Error('no idb'), { name: 'MissingAPIError' }), 'storage.unavailable'],
    ['anything else', new TypeError('boom'), 'storage.failed'],
    ['a thrown string', 'boom', 'storage.failed'],
  ] as const)('maps %s to %s', (_label, raw, code) => {
    expect(toStorageError(raw).code).toBe(code);
  });
});
