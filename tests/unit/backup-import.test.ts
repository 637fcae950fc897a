import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopSnapshot } from '../../shared/model';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { readStoredWorkshop } from '../../renderer/session/workshop-session';
import { importBackup } from '../../renderer/session/backup-import';
import { SEED_DAY_PATH, SEED_DAY_V1_PATH, seedDayFileWorkshop } from '../support/seed-day';

const stores: WorkshopStore[] = [];
let counter = 0;
async function freshStore(): Promise<WorkshopStore> {
  const store = await WorkshopStore.open(`backup-import-${Date.now()}-${counter++}`);
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.close()));

const seedDay = readFileSync(SEED_DAY_PATH, 'utf8');

describe('importing a backup into this laptop', () => {
  it('stores the workshop as it was, under its own id, and opens with the same snapshot', async () => {
    const store = await freshStore();
    const result = await importBackup(store, seedDay, 1000);
    expect(result).toEqual({ ok: true, id: 'seed-day', title: 'Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft', copy: false, zoneless: false, timeZone: 'Europe/Berlin', repairs: [] });
    const doc = await readStoredWorkshop(store, 'seed-day');
    expect(workshopSnapshot(doc)).toEqual(seedDayFileWorkshop(seedDay));
    expect((await store.listWorkshops()).workshops.map((row) => row.title)).toEqual(['Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft']);
  });

  it('imports a workshop that is already here as a second one, the first untouched', async () => {
    const store = await freshStore();
    await importBackup(store, seedDay);
    const second = await importBackup(store, seedDay);
    expect(second.ok && second.copy).toBe(true);
    const ids = (await store.listWorkshops()).workshops.map((row) => row.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('seed-day');
  });

  it('says when a backup names no time zone (written before workshops had one), and stores none for it', async () => {
    const store = await freshStore();
    const result = await importBackup(store, readFileSync(SEED_DAY_V1_PATH, 'utf8'));
    expect(result.ok && result.zoneless).toBe(true);
    if (!result.ok) return;
    // Not this computer's zone written in: the workshop's zone stays open until someone picks it.
    expect(workshopSnapshot(await readStoredWorkshop(store, result.id)).meta.timeZone).toBe('');
  });

  it('refuses a damaged file before the store is touched', async () => {
    const store = await freshStore();
    for (const text of [seedDay.slice(0, 3000), seedDay.replace('"schemaVersion": 1,', '"schemaVersion": 2,'), seedDay.replace('"attended": true', '"attended": 1')]) {
      const result = await importBackup(store, text);
      expect(result.ok).toBe(false);
    }
    expect(await store.listWorkshops()).toEqual({ workshops: [], damaged: [] });
  });
});
