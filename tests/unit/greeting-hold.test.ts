import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { holdSyncGreeting, syncStep1Message } from '../../renderer/network/greeting-hold';

/*
 * A WebRTC connection's greeting (sync step 1) waits while the relay's answer is on its way, and
 * then says what the laptop holds by then (renderer/network/greeting-hold.ts).
 */

/** The state vector a sync step 1 carries, as client → clock. */
function stateVectorOf(message: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(message);
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 0]);
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

function connection(doc: Y.Doc, awaited: () => Promise<void> | null) {
  const sent: Uint8Array[] = [];
  const peer = { send: (message: Uint8Array) => void sent.push(message) };
  holdSyncGreeting(peer, awaited, doc);
  return { peer, sent };
}

describe('the WebRTC greeting while the relay brings the workshop', () => {
  it('waits for the relay’s answer, then greets with what the laptop holds then; other messages go at once', async () => {
    const doc = new Y.Doc();
    let answered: () => void = () => undefined;
    const answer = new Promise<void>((resolve) => (answered = resolve));
    const { peer, sent } = connection(doc, () => answer);
    peer.send(syncStep1Message(doc));
    const awareness = Uint8Array.of(1, 3, 0, 0, 0);
    peer.send(awareness);
    expect(sent).toEqual([awareness]);

    // The relay's answer: the workshop.
    const moderator = new Y.Doc();
    moderator.getMap('cards').set('a', 'Bürgerbeteiligung früh planen');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(moderator));
    answered();
    await answer;
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    expect(stateVectorOf(sent[1] ?? new Uint8Array())).toEqual(new Map([[moderator.clientID, 1]]));
  });

  it('greets at once when nothing is awaited (a laptop not heard on the relay)', () => {
    const doc = new Y.Doc();
    const { peer, sent } = connection(doc, () => null);
    const greeting = syncStep1Message(doc);
    peer.send(greeting);
    expect(sent).toEqual([greeting]);
  });

  it('a connection closed while waiting is left alone', async () => {
    const doc = new Y.Doc();
    const answer = Promise.resolve();
    const peer: { send(message: Uint8Array): void } = {
      send: () => {
        throw new Error('connection closed');
      },
    };
    holdSyncGreeting(peer, () => answer, doc);
    peer.send(syncStep1Message(doc));
    await answer;
    await Promise.resolve();
  });
});
