import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { startRelay, type Relay } from '../../renderer/network/relay';
import { deriveRelayKey } from '../../shared/protocol/relay-crypto';
import { memoryHub } from '../support/relay-hub';

// With a full mesh the relay carries greetings and presence, no edit: every card would otherwise
// also go, sealed and base64-encoded, through the host's server to the whole room (issue 17; the
// bench counts it too, peer-latency-20). An edit goes on the relay once some laptop heard there
// has no direct connection.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the relay with a full mesh', () => {
  it('sends no edit while every laptop it hears is directly connected, and does once one is not', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-test');
    const server = memoryHub();
    let direct = false;
    const start = (peerId: string, isDirect: () => boolean) => {
      const doc = new Y.Doc();
      const relay: Relay = startRelay({ doc, awareness: new Awareness(doc), topic: 'relay-test', key, peerId, webrtcOrigin: { room: peerId }, isDirect, onChange: () => undefined });
      cleanups.push(() => {
        relay.destroy();
        doc.destroy();
      });
      relay.attach(server.socket());
      return { doc, relay };
    };
    const moderator = start('moderator', () => direct);
    const table = start('table', () => false);
    await vi.waitFor(() => expect(moderator.relay.relayOnlyPeers()).toEqual(['table']), { timeout: 10_000 });

    direct = true;
    moderator.doc.getMap('cards').set('a', 'über WebRTC');
    direct = false;
    moderator.doc.getMap('cards').set('b', 'über den Relay');
    // The second edit arrives; the first never went, so Yjs holds the second back, waiting for it.
    await vi.waitFor(() => expect(table.doc.store.pendingStructs?.missing.get(moderator.doc.clientID)).toBe(0), { timeout: 10_000 });
    expect([...table.doc.getMap('cards').keys()]).toEqual([]);
  });
});
