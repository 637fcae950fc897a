import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { addCard, PLENARY_BOARD_ID } from '../../shared/model';
import { sendDirectOnly } from '../../renderer/network/peer-sync';
import { createStoredWorkshop, openWorkshopSession } from '../../renderer/session/workshop-session';
import { WorkshopStore } from '../../renderer/storage/workshop-store';

/*
 * The order docs/flows.md states for a local edit: the update leaves for the peers during the
 * Yjs transaction (the WebRTC send is synchronous), while the saver's write to disk, started in
 * the same transaction, commits a few milliseconds later. A peer may hold a card before its
 * author's disk does; the doc says why that is harmless. If this test fails, the order changed:
 * change the doc with it.
 */
describe('the order of a local edit', () => {
  it('is sent to the peers before the write to disk has committed, and is on disk once the saver has flushed', async () => {
    const store = await WorkshopStore.open(`order-${crypto.randomUUID()}`);
    const id = await createStoredWorkshop(store, { title: 'Reihenfolge', language: 'de' });
    let committed = 0;
    const append = store.appendUpdates.bind(store);
    vi.spyOn(store, 'appendUpdates').mockImplementation(async (...args) => {
      const seqs = await append(...args);
      committed += args[1].length;
      return seqs;
    });
    const session = await openWorkshopSession(store, id);

    // A peer connection as y-webrtc holds it, with Plenum's send handler (peer-sync.ts) in place.
    const awareness = new Awareness(session.doc);
    const atSend: Array<{ committed: number; saver: string }> = [];
    const room = {
      _docUpdateHandler: () => undefined,
      _awarenessUpdateHandler: () => undefined,
      webrtcConns: new Map([['peer', { peer: { send: () => atSend.push({ committed, saver: session.saver.status().state }) } }]]),
    };
    session.doc.on('update', room._docUpdateHandler);
    awareness.on('update', room._awarenessUpdateHandler);
    sendDirectOnly(awareness, room);

    const before = await store.countUpdates(id);
    expect(addCard(session.doc, { boardId: PLENARY_BOARD_ID, text: 'Erst beim Nachbarn, dann auf der Platte' }).ok).toBe(true);

    // Sent while the Yjs transaction ran: the write had started (the saver listens first) but not committed.
    expect(atSend).toEqual([{ committed: 0, saver: 'saving' }]);
    await session.saver.flush();
    expect(committed).toBe(1);
    expect(await store.countUpdates(id)).toBe(before + 1);
    expect(session.saver.status().state).toBe('saved');

    awareness.destroy();
    await session.close();
  });
});
