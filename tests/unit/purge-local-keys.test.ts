import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../support/memory-storage';

/*
 * A workshop purged after its undo window leaves nothing of it on this laptop: neither in the
 * store nor in localStorage (its room clock, the join code it was shared with, the entry
 * preferences of its boards).
 */

afterEach(() => vi.unstubAllGlobals());

describe('purging deleted workshops', () => {
  it('removes their localStorage keys and keeps those of the others', async () => {
    vi.resetModules();
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    // zustand's persist reads window.localStorage.
    vi.stubGlobal('window', { localStorage: storage, addEventListener: () => undefined });
    const { WorkshopStore } = await import('../../renderer/storage/workshop-store');
    const { createStoredWorkshop } = await import('../../renderer/session/workshop-session');
    const { DELETE_GRACE_MS } = await import('../../renderer/session/workshop-library');
    const { forgetDeletedWorkshops } = await import('../../renderer/app/forget-deleted');
    const { setHostClock } = await import('../../renderer/network/host-clock');
    const { rememberHostCode, rememberedHostCode } = await import('../../renderer/network/host-code');
    const { useBoardPrefsStore } = await import('../../renderer/state/board-prefs');

    const store = await WorkshopStore.open(`purge-${crypto.randomUUID()}`);
    const gone = await createStoredWorkshop(store, { title: 'Gelöscht', language: 'de' }, 1000);
    const kept = await createStoredWorkshop(store, { title: 'Bleibt', language: 'de' }, 1000);
    for (const id of [gone, kept]) {
      setHostClock(id, { offsetMs: 120, roundTripMs: 4 });
      rememberHostCode(id, 'PXYKTV9B62W3');
      useBoardPrefsStore.getState().set(`${id}/plenary`, { colour: 'yellow' });
      useBoardPrefsStore.getState().set(`${id}/table-1`, { authorId: 'p1' });
    }
    await store.markDeleted(gone, 2000);

    expect(await forgetDeletedWorkshops(store, 2000 + DELETE_GRACE_MS)).toEqual([gone]);

    expect((await store.listWorkshops()).workshops.map((row) => row.id)).toEqual([kept]);
    expect(storage.getItem(`plenum.hostClock.${gone}`)).toBeNull();
    expect(storage.getItem(`plenum.hostClock.${kept}`)).not.toBeNull();
    expect(rememberedHostCode(gone)).toBeNull();
    expect(rememberedHostCode(kept)).toBe('PXYKTV9B62W3');
    const persisted = storage.getItem('plenum.board-prefs') ?? '';
    expect(persisted).toContain(kept);
    expect(persisted).not.toContain(gone);
    expect(Object.keys(useBoardPrefsStore.getState().byBoard).sort()).toEqual([`${kept}/plenary`, `${kept}/table-1`]);
  });

  it('keeps a workshop still inside its undo window, and its keys', async () => {
    vi.resetModules();
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const { WorkshopStore } = await import('../../renderer/storage/workshop-store');
    const { createStoredWorkshop } = await import('../../renderer/session/workshop-session');
    const { DELETE_GRACE_MS } = await import('../../renderer/session/workshop-library');
    const { forgetDeletedWorkshops } = await import('../../renderer/app/forget-deleted');
    const { setHostClock } = await import('../../renderer/network/host-clock');

    const store = await WorkshopStore.open(`purge-${crypto.randomUUID()}`);
    const id = await createStoredWorkshop(store, { title: 'Gerade gelöscht', language: 'de' }, 1000);
    setHostClock(id, { offsetMs: 120, roundTripMs: 4 });
    await store.markDeleted(id, 2000);

    expect(await forgetDeletedWorkshops(store, 2000 + DELETE_GRACE_MS - 1)).toEqual([]);
    expect(storage.getItem(`plenum.hostClock.${id}`)).not.toBeNull();
  });
});
