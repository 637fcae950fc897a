import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, cardsSnapshot, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID } from '../../shared/model';
import { openPeerStore } from '../sync/peers/store';

/*
 * The sync tests' laptop disk (tests/sync/peers/store.ts). A laptop killed by a native crash is
 * started again on its file and must not do a step twice; that holds only if a step's update and
 * its record are on disk before the network (an update handler registered later) sends the update.
 * CI run on ec01fdf: a crash fell between the send and the write, and the restarted laptop added a
 * second card for the same step (multi-peer: "unknown" card).
 */

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function lines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the test laptop’s store', () => {
  it('has a step’s update and its record on disk when the network sees the update', () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-store-'));
    const file = join(dir, 'peer.jsonl');
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w1', title: 'Werkstatt', language: 'de' });
    const store = openPeerStore(file, doc);
    const seenByNetwork: Array<{ onDisk: Array<Record<string, unknown>> }> = [];
    doc.on('update', () => seenByNetwork.push({ onDisk: lines(file) }));

    const id = store.step(() => {
      const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'Radwege' });
      const cardId = result.ok ? result.value.id : '';
      return { value: cardId, records: [{ rid: 7, reply: { event: 'added', id: cardId } }] };
    });

    expect(seenByNetwork).toHaveLength(1);
    const onDisk = seenByNetwork[0]?.onDisk ?? [];
    expect(onDisk.some((line) => line.rid === 7)).toBe(true);
    // Started again on the file: the card is there once and the step is known as done.
    const again = createWorkshopDoc();
    const reopened = openPeerStore(file, again);
    expect(reopened.state.replies.get(7)).toEqual({ event: 'added', id });
    expect(cardsSnapshot(again).map((card) => card.id)).toEqual([id]);
  });

  it('writes the record of a step that changed nothing, and the changes of a step that threw', () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-store-'));
    const file = join(dir, 'peer.jsonl');
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w1', title: 'Werkstatt', language: 'de' });
    const store = openPeerStore(file, doc);
    store.step(() => ({ value: null, records: [{ fuzz: 'cut', progress: { index: 1 } }] }));
    expect(lines(file).some((line) => line.fuzz === 'cut')).toBe(true);
    expect(() =>
      store.step(() => {
        addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'half' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const again = createWorkshopDoc();
    openPeerStore(file, again);
    expect(cardsSnapshot(again).map((card) => card.text)).toEqual(['half']);
  });
});
