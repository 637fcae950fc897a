import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorkshopDoc, encodeWorkshopState, initWorkshop, metaSnapshot } from '../../shared/model';
import { renameWorkshop } from '../../renderer/session/workshop-library';
import { createStoredWorkshop, readStoredWorkshop } from '../../renderer/session/workshop-session';
import { WorkshopStore } from '../../renderer/storage/workshop-store';

const openStore = () => WorkshopStore.open(`library-${crypto.randomUUID()}`);

describe('renaming a workshop from the home screen', () => {
  it('writes the new title into the document and the list', async () => {
    const store = await openStore();
    const id = await createStoredWorkshop(store, { title: 'Alt', language: 'de' });
    expect(await renameWorkshop(store, id, '  Neu  ')).toEqual({ ok: true, value: true });
    const doc = await readStoredWorkshop(store, id);
    expect(metaSnapshot(doc).title).toBe('Neu');
    expect((await store.listWorkshops()).workshops.map((row) => row.title)).toEqual(['Neu']);
  });

  it('is refused on a table laptop, whose copy is the room’s, and changes nothing', async () => {
    const store = await openStore();
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'room-1', title: 'Vom Host', language: 'de' });
    await store.createJoinedWorkshop({ id: 'room-1', title: 'Vom Host', date: '', createdAt: 1, updatedAt: 1 }, encodeWorkshopState(doc), {
      workshopId: 'room-1',
      role: 'table',
      secret: 'K7QF2MXD9PAW',
      signaling: ['ws://127.0.0.1:1'],
      name: 'Tisch 1',
      tableId: null,
      updatedAt: 1,
    });
    const result = await renameWorkshop(store, 'room-1', 'Umbenannt');
    expect(result.ok).toBe(false);
    expect(metaSnapshot(await readStoredWorkshop(store, 'room-1')).title).toBe('Vom Host');
    expect(await store.countUpdates('room-1')).toBe(0);
  });
});
