import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkshopDoc, encodeWorkshopState, initWorkshop } from '../../shared/model';
import { PlenumDb, type WorkshopIndexRow } from '../../renderer/storage/plenum-db';
import { StorageError } from '../../renderer/storage/storage-error';
import { WorkshopStore } from '../../renderer/storage/workshop-store';

// The store's zod checks are a chunk of their own (the start does without them); here it does not
// load, as when a web host was updated under an open tab or the network is gone.
vi.mock('../../renderer/storage/row-schemas', () => {
  throw new Error('Failed to fetch dynamically imported module: row-schemas.js');
});

const open: WorkshopStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('the store when its checks do not load', () => {
  it('still lists the sound workshops, and a damaged row as damaged', async () => {
    const name = `checks-not-loaded-${process.pid}-${Date.now()}`;
    const store = await WorkshopStore.open(name);
    open.push(store);
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'good', title: 'Gut', language: 'de' });
    await store.createWorkshop({ id: 'good', title: 'Gut', date: '', venue: '', room: '', createdAt: 1, updatedAt: 1 }, encodeWorkshopState(doc));
    const raw = new PlenumDb(name);
    await raw.workshops.put({ id: 'bad', title: 'Kaputt', date: 20250101 } as unknown as WorkshopIndexRow);
    raw.close();

    const list = await store.listWorkshops();
    expect(list.workshops.map((row) => row.id)).toEqual(['good']);
    expect(list.damaged).toEqual([{ id: 'bad', title: 'Kaputt', reason: 'refused (the details could not be loaded)' }]);
  });

  it('says the code did not load where it needs the checks, not that storage failed', async () => {
    const store = await WorkshopStore.open(`checks-not-loaded-connection-${process.pid}-${Date.now()}`);
    open.push(store);
    const failure = await store.getConnection('good').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).code).toBe('codeNotLoaded');
  });
});
