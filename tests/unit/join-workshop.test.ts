import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { joinWorkshop } from '../../renderer/network/join';
import { LAPTOP_NAME_MAX } from '../../shared/protocol/laptop-name';
import { addTable, createWorkshopDoc, encodeWorkshopState, initWorkshop, removeTable } from '../../shared/model';

// The host answers every code with this room: what is tested is what the laptop stores.
vi.mock('../../renderer/network/join-check', () => ({
  checkJoinCode: vi.fn((urls: readonly string[]) => Promise.resolve({ ok: true, room: 'room-join', url: urls[0] })),
}));

let names = 0;
const openStore = () => WorkshopStore.open(`join-${names++}-${Date.now()}`);
const request = { address: '127.0.0.1:4444', code: 'K7QF-2MXD-9PAW' };

describe('joining with a name for this laptop', () => {
  it('refuses a name longer than the store keeps with its own error, and stores nothing', async () => {
    const store = await openStore();
    const result = await joinWorkshop(store, { ...request, name: 'N'.repeat(LAPTOP_NAME_MAX + 1) });
    expect(result).toEqual({ ok: false, error: 'laptopName.tooLong' });
    expect(await store.getConnection('room-join')).toBeUndefined();
  });

  it('keeps a name of exactly the limit, trimmed, and a blank one as "Laptop"', async () => {
    const store = await openStore();
    const longest = 'N'.repeat(LAPTOP_NAME_MAX);
    expect(await joinWorkshop(store, { ...request, name: `  ${longest}  ` })).toMatchObject({ ok: true, connection: { name: longest } });
    expect(await joinWorkshop(store, { ...request, name: '   ' })).toMatchObject({ ok: true, connection: { name: 'Laptop' } });
  });
});

describe('joining a workshop again from the home screen', () => {
  /** A laptop that joined before and sat at "Nord", with the workshop as it last had it. */
  async function seatedAtNord(store: WorkshopStore, keepTable: boolean): Promise<string> {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'room-join', title: 'Klausur', language: 'de' });
    const nord = addTable(doc, { name: 'Nord' });
    if (!nord.ok) throw new Error('no table');
    if (!keepTable) removeTable(doc, nord.value.id);
    await store.createJoinedWorkshop(
      { id: 'room-join', title: 'Klausur', date: '', createdAt: 1, updatedAt: 1 },
      encodeWorkshopState(doc),
      { workshopId: 'room-join', role: 'table', secret: 'K7QF2MXD9PAW', signaling: ['ws://127.0.0.1:4444'], name: 'Tisch', tableId: nord.value.id, updatedAt: 1 },
    );
    return nord.value.id;
  }

  it('keeps the table the laptop worked at', async () => {
    const store = await openStore();
    const nord = await seatedAtNord(store, true);
    expect(await joinWorkshop(store, { ...request, name: 'Tisch' })).toMatchObject({ ok: true, connection: { tableId: nord } });
    expect(await store.getConnection('room-join')).toMatchObject({ tableId: nord });
  });

  it('does not keep a table the workshop no longer has', async () => {
    const store = await openStore();
    await seatedAtNord(store, false);
    expect(await joinWorkshop(store, { ...request, name: 'Tisch' })).toMatchObject({ ok: true, connection: { tableId: null } });
  });
});
