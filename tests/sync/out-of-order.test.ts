import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaItem, addCard, agendaSnapshot, createWorkshopDoc, initWorkshop, moveAgendaItem, PENDING_ORDER, PLENARY_BOARD_ID, type WorkshopDoc } from '../../shared/model';

/*
 * Updates of one laptop can reach another out of order: the relay seals and opens every message
 * asynchronously (AES-GCM in WebCrypto completes in any order), the same update travels over
 * WebRTC and over the relay, and y-webrtc forwards what it receives to its own peers. Yjs then
 * keeps an update whose predecessors from the same laptop are missing as pending — but applies its
 * deletions at once. A move writes the item's `order` anew, which deletes the old value: while the
 * move waits for its predecessor, the item has no `order` at all (reads as '', sorted first), and
 * fractional-indexing throws on '' as a neighbour key.
 *
 * Deterministic, in one process: laptop A adds a card (update 1) and then moves an agenda item
 * (update 2); laptop B receives update 2 first.
 */

function laptops(): { a: WorkshopDoc; b: WorkshopDoc; ids: string[] } {
  const a = createWorkshopDoc();
  initWorkshop(a, { id: 'w', title: 'Out of order', language: 'de' });
  const ids = ['Begrüßung', 'Tische', 'Berichte'].map((title) => {
    const item = addAgendaItem(a, { title, durationMin: 10 });
    if (!item.ok) throw new Error('addAgendaItem');
    return item.value.id;
  });
  const b = createWorkshopDoc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b, ids };
}

/** Update 1 (a card) and update 2 (the last agenda item moved to the front), as A sends them. */
function twoUpdates(a: WorkshopDoc, moved: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  a.on('update', record);
  addCard(a, { boardId: PLENARY_BOARD_ID, text: 'vorher geschrieben' });
  moveAgendaItem(a, moved, 0);
  a.off('update', record);
  return updates;
}

describe('updates that arrive out of order', () => {
  it('converge once the missing one arrives (Yjs)', () => {
    const { a, b, ids } = laptops();
    const [first, second] = twoUpdates(a, ids[2] ?? '');
    Y.applyUpdate(b, second ?? new Uint8Array());
    Y.applyUpdate(b, first ?? new Uint8Array());
    expect(agendaSnapshot(b)).toEqual(agendaSnapshot(a));
    expect(agendaSnapshot(b).map((item) => item.id)).toEqual([ids[2], ids[0], ids[1]]);
  });

  // Was a crash (seen about once in three multi-peer runs): a neighbour whose `order` is missing
  // made generateKeyBetween throw. order.ts now never computes a key from a missing one.
  it('moving an agenda item next to one whose move is still pending works', () => {
    const { a, b, ids } = laptops();
    const [, second] = twoUpdates(a, ids[2] ?? '');
    Y.applyUpdate(b, second ?? new Uint8Array());
    // B: the moved item has lost its old key and not yet received the new one.
    expect(agendaSnapshot(b).find((item) => item.id === ids[2])?.order).toBe(PENDING_ORDER);
    expect(moveAgendaItem(b, ids[1] ?? '', 0).ok).toBe(true);
  });

  // Same cause, visible to the user: the item jumped to the top of the agenda until the missing
  // update arrived. It now waits at the end.
  it('an agenda item whose move is pending keeps a place in the order, after the others', () => {
    const { a, b, ids } = laptops();
    const [, second] = twoUpdates(a, ids[2] ?? '');
    Y.applyUpdate(b, second ?? new Uint8Array());
    expect(agendaSnapshot(b).every((item) => item.order !== '')).toBe(true);
    expect(agendaSnapshot(b).at(-1)?.id).toBe(ids[2]);
  });
});
