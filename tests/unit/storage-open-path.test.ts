import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCard, createWorkshopDoc, encodeWorkshopState, initWorkshop, onWorkshopUpdate, PLENARY_BOARD_ID } from '../../shared/model';
import { STORE_VERSION } from '../../renderer/storage/plenum-db';
import { StorageError } from '../../renderer/storage/storage-error';
import { WorkshopStore } from '../../renderer/storage/workshop-store';

/* The fast open path of the store: opening without listing databases, reading state and log at once. */

let counter = 0;
const freshName = () => `storage-open-path-${process.pid}-${Date.now()}-${(counter += 1)}`;

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

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** A workshop stored as the app leaves it: a state and a log of single-card updates. */
async function storedWorkshop(store: WorkshopStore, id: string, logCards: number): Promise<{ state: Uint8Array; log: Uint8Array[] }> {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id, title: id, language: 'en', now: 1 });
  const state = encodeWorkshopState(doc);
  await store.createWorkshop({ id, title: id, date: '', createdAt: 1, updatedAt: 1 }, state);
  const log: Uint8Array[] = [];
  const stop = onWorkshopUpdate(doc, (update) => log.push(update));
  for (let index = 0; index < logCards; index += 1) addCard(doc, { boardId: PLENARY_BOARD_ID, text: `card ${index}`, now: index });
  stop();
  for (const update of log) await store.appendUpdates(id, [update], null);
  return { state, log };
}

describe('opening the store', () => {
  it('does not list the databases of the origin', async () => {
    const list = vi.spyOn(indexedDB, 'databases');
    const name = freshName();
    (await WorkshopStore.open(name)).close();
    await openStore(name);
    expect(list).not.toHaveBeenCalled();
  });

  it('refuses a store of our layout version whose tables differ, and leaves it as it was', async () => {
    // Dexie would "patch" such a database by upgrading it to the next version.
    const name = freshName();
    await rawOpen(name, STORE_VERSION * 10, (db) => {
      db.createObjectStore('workshops', { keyPath: 'id' });
      db.createObjectStore('states', { keyPath: 'workshopId' });
    });
    const error = await rejection(WorkshopStore.open(name));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('storage.newer');
    expect(await rawVersion(name)).toEqual({ version: STORE_VERSION * 10, stores: ['states', 'workshops'] });
  });

  it('opens a store of the previous layout and upgrades it', async () => {
    const name = freshName();
    await rawOpen(name, 10, (db) => {
      db.createObjectStore('workshops', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      db.createObjectStore('states', { keyPath: 'workshopId' });
      db.createObjectStore('updates', { keyPath: 'seq', autoIncrement: true }).createIndex('workshopId', 'workshopId');
    });
    const store = await openStore(name);
    expect((await store.listWorkshops()).workshops).toEqual([]);
    store.close();
    expect(await rawVersion(name)).toEqual({ version: STORE_VERSION * 10, stores: ['connections', 'states', 'updates', 'workshops'] });
  });
});

describe('readWorkshop', () => {
  it('hands over the state first, then the log in write order, and reports the rows read', async () => {
    const store = await openStore();
    const { state, log } = await storedWorkshop(store, 'w', 12);
    await storedWorkshop(store, 'other', 3);
    const parts: Uint8Array[][] = [];
    const read = await store.readWorkshop('w', (updates) => parts.push(updates));
    expect(parts).toEqual([[state], log]);
    expect(read.seqs).toHaveLength(12);
    expect(read.lastSeq).toBe(Math.max(...read.seqs));
    expect(read.generation).toBe(0);
    expect(await store.loadWorkshop('w')).toEqual({ updates: [state, ...log], ...read });
  });

  it('hands over the state alone when there is no log', async () => {
    const store = await openStore();
    const { state } = await storedWorkshop(store, 'w', 0);
    const parts: Uint8Array[][] = [];
    expect(await store.readWorkshop('w', (updates) => parts.push(updates))).toEqual({ lastSeq: 0, seqs: [], generation: 0 });
    expect(parts).toEqual([[state]]);
  });

  it('rejects with what `take` throws, as it is, and hands over nothing after it', async () => {
    const store = await openStore();
    await storedWorkshop(store, 'w', 5);
    const refused = new Error('not for me');
    const take = vi.fn(() => {
      throw refused;
    });
    expect(await rejection(store.readWorkshop('w', take))).toBe(refused);
    expect(take).toHaveBeenCalledTimes(1);
    // The store is still usable.
    expect((await store.loadWorkshop('w')).updates).toHaveLength(6);
  });

  it('reports a workshop without state or log as damaged, handing over nothing', async () => {
    const store = await openStore();
    const take = vi.fn();
    const error = await rejection(store.readWorkshop('missing', take));
    expect((error as StorageError).code).toBe('storage.damaged');
    expect(take).not.toHaveBeenCalled();
  });
});
