import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorkshopDoc, encodeWorkshopState, initWorkshop, syncDocs, workshopSnapshot } from '../../shared/model';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { openWorkshopSession } from '../../renderer/session/workshop-session';

let names = 0;
const openStore = () => WorkshopStore.open(`joined-${names++}-${Date.now()}`);

async function joined(store: WorkshopStore, id: string): Promise<void> {
  await store.createJoinedWorkshop(
    { id, title: '', date: '', createdAt: 1, updatedAt: 1 },
    encodeWorkshopState(createWorkshopDoc()),
    { workshopId: id, role: 'table', secret: 'K7QF2MXD9PAW', signaling: ['ws://127.0.0.1:4444'], name: 'Tisch 1', tableId: null, updatedAt: 1 },
  );
}

describe('a workshop joined from a table laptop', () => {
  it('opens empty while it waits for the others, then holds what they send and keeps it', async () => {
    const store = await openStore();
    await joined(store, 'room-1');
    const session = await openWorkshopSession(store, 'room-1');
    expect(session.live.get('meta').schemaVersion).toBe(0);
    expect(await store.getConnection('room-1')).toMatchObject({ role: 'table', name: 'Tisch 1' });

    const host = createWorkshopDoc();
    initWorkshop(host, { id: 'room-1', title: 'Vom Host', language: 'de' });
    syncDocs(host, session.doc);
    await session.saver.flush();
    await session.close();

    const again = await openWorkshopSession(store, 'room-1');
    expect(workshopSnapshot(again.doc)).toEqual(workshopSnapshot(host));
    expect((await store.listWorkshops()).workshops.map((row) => row.title)).toEqual(['Vom Host']);
    await again.close();
  });

  it('is refused like any other when nothing ties it to a table (no connection record)', async () => {
    const store = await openStore();
    await joined(store, 'room-2');
    await store.removeConnection('room-2');
    await expect(openWorkshopSession(store, 'room-2')).rejects.toMatchObject({ name: 'WorkshopOpenError' });
  });
});
