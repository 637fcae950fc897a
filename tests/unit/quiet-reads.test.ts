import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebrtcConn, type WebrtcProvider } from 'y-webrtc';
import type * as YWebrtc from 'y-webrtc';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { startPeerSync, type PeerSync } from '../../renderer/network/peer-sync';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';

/*
 * What a laptop does when a message arrives over one of its WebRTC connections: the real peer
 * sync (y-webrtc and the simple-peer build it imports), with a connection made as y-webrtc makes
 * one for a laptop that announced itself, over a stand-in WebRTC whose data channel the test
 * feeds. The card is applied, and no timer is left behind (renderer/network/quiet-reads.ts):
 * simple-peer's stream scheduled two no-op reads per message.
 */

const made = vi.hoisted(() => ({ providers: [] as unknown[] }));
vi.mock('y-webrtc', async (importOriginal) => {
  const original = await importOriginal<typeof YWebrtc>();
  class Captured extends original.WebrtcProvider {
    constructor(...args: ConstructorParameters<typeof original.WebrtcProvider>) {
      super(...args);
      made.providers.push(this);
    }
  }
  return { ...original, WebrtcProvider: Captured };
});

interface StandInChannel {
  onmessage: ((event: { data: ArrayBuffer }) => void) | null;
}

/** A WebRTC that never connects: enough for simple-peer to make its data channel, which the test then feeds. */
function standInWebrtc(channels: StandInChannel[]) {
  const never = () => new Promise<never>(() => undefined);
  class RTCPeerConnection {
    connectionState = 'new';
    createDataChannel() {
      const channel = { readyState: 'connecting', onmessage: null, close: () => undefined, send: () => undefined };
      channels.push(channel);
      return channel;
    }
    createOffer = never;
    createAnswer = never;
    setLocalDescription = never;
    setRemoteDescription = never;
    addIceCandidate = () => Promise.resolve();
    getSenders = () => [];
    close = () => undefined;
  }
  // Descriptions and candidates are never made: the offer never comes.
  return { RTCPeerConnection };
}

const started: PeerSync[] = [];
afterEach(() => {
  for (const sync of started.splice(0)) sync.destroy();
  made.providers.length = 0;
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('a message over a WebRTC connection', () => {
  it('is applied, and leaves no timer behind', async () => {
    const channels: StandInChannel[] = [];
    const doc = new Y.Doc();
    started.push(
      await startPeerSync({
        doc,
        room: `quiet-reads-${crypto.randomUUID()}`,
        secret: 'K7QF2MXD9PAW',
        signaling: [],
        identity: { name: 'Tisch 1', role: 'table', tableId: null },
        wrtc: standInWebrtc(channels),
      }),
    );
    const provider = made.providers[0] as WebrtcProvider | undefined;
    const room = provider?.room;
    if (!room) throw new Error('no y-webrtc room');
    // As y-webrtc does when another laptop announces itself.
    room.webrtcConns.set('laptop-2', new WebrtcConn(null as never, true, 'laptop-2', room));
    const channel = channels[0];
    if (!channel?.onmessage) throw new Error('simple-peer did not listen on its data channel');

    const cards = new Y.Doc();
    const message = (text: string) => {
      const known = Y.encodeStateVector(cards);
      cards.getMap('cards').set(text, text);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(cards, known));
      return { data: encoding.toUint8Array(encoder).slice().buffer };
    };
    // The first message after the connection opens: simple-peer's stream starts flowing a moment after.
    channel.onmessage(message('Bürgerbeteiligung früh planen'));
    await vi.waitFor(() => expect(doc.getMap('cards').get('Bürgerbeteiligung früh planen')).toBeDefined(), { timeout: 5000 });

    // Between these two readings only the message's own handling runs (synchronously).
    const before = timers();
    channel.onmessage(message('Energieeffizienz in Kommunen'));
    const after = timers();
    expect(doc.getMap('cards').get('Energieeffizienz in Kommunen')).toBe('Energieeffizienz in Kommunen');
    expect(after).toBe(before);
  });
});
