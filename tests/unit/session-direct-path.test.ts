import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebrtcConn, type WebrtcProvider } from 'y-webrtc';
import type * as YWebrtc from 'y-webrtc';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { startPeerSync, type PeerSync } from '../../renderer/network/peer-sync';
import type * as RelayModule from '../../renderer/network/relay';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';

/*
 * What a laptop does per message on the direct path (docs/performance.md, issue 17, third pass):
 * the real peer sync (y-webrtc and the simple-peer build it imports), with connections made as
 * y-webrtc makes them, over a stand-in WebRTC whose data channels the test feeds.
 *
 * - A message reaches y-webrtc without simple-peer's stream (renderer/network/quiet-reads.ts,
 *   directReads) once the stream flows with nothing buffered; before that, through it, in order.
 * - The relay asks, on every edit of this laptop, whether each laptop it hears is directly
 *   connected: that looks up the one connection instead of listing all of them each time.
 */

const made = vi.hoisted(() => ({ providers: [] as unknown[], relayOptions: [] as unknown[] }));
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
vi.mock('../../renderer/network/relay', async (importOriginal) => {
  const original = await importOriginal<typeof RelayModule>();
  return {
    ...original,
    startRelay: (options: RelayModule.RelayOptions) => {
      made.relayOptions.push(options);
      return original.startRelay(options);
    },
  };
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
  return { RTCPeerConnection };
}

const started: PeerSync[] = [];
afterEach(() => {
  for (const sync of started.splice(0)) sync.destroy();
  made.providers.length = 0;
  made.relayOptions.length = 0;
});

interface StreamPeer {
  push(chunk: unknown): boolean;
  pause(): void;
  resume(): void;
  on(event: 'data', listener: (data: Uint8Array) => void): void;
}

async function laptop() {
  const channels: StandInChannel[] = [];
  const doc = new Y.Doc();
  started.push(
    await startPeerSync({
      doc,
      room: `direct-path-${crypto.randomUUID()}`,
      secret: 'K7QF2MXD9PAW',
      signaling: [],
      identity: { name: 'Tisch 1', role: 'table', tableId: null },
      wrtc: standInWebrtc(channels),
    }),
  );
  const room = (made.providers[0] as WebrtcProvider | undefined)?.room;
  if (!room) throw new Error('no y-webrtc room');
  /** A connection as y-webrtc makes one when another laptop announces itself; its data channel and its simple-peer. */
  const connect = (id: string) => {
    const conn = new WebrtcConn(null as never, true, id, room);
    room.webrtcConns.set(id, conn);
    const channel = channels.at(-1);
    if (!channel?.onmessage) throw new Error('simple-peer did not listen on its data channel');
    return { conn, channel, peer: conn.peer as StreamPeer };
  };
  return { doc, room, connect };
}

/** y-webrtc's messages for cards written on another laptop, one after the other. */
function writer() {
  const source = new Y.Doc();
  return (text: string) => {
  const known = Y.encodeStateVector(source);
  source.getMap('cards').set(text, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(source, known));
  return { data: encoding.toUint8Array(encoder).slice().buffer };
  };
}

describe('a message over a WebRTC connection', () => {
  it('reaches y-webrtc without simple-peer copying it into its stream, once the stream flows', async () => {
    const { doc, connect } = await laptop();
    const { channel, peer } = connect('laptop-2');
    const message = writer();
    // The first message: simple-peer's stream starts flowing a moment after the connection is made.
    channel.onmessage?.(message('Bürgerbeteiligung früh planen'));
    await vi.waitFor(() => expect(doc.getMap('cards').get('Bürgerbeteiligung früh planen')).toBeDefined(), { timeout: 5000 });

    const push = vi.spyOn(peer, 'push');
    channel.onmessage?.(message('Energieeffizienz in Kommunen'));
    expect(doc.getMap('cards').get('Energieeffizienz in Kommunen')).toBe('Energieeffizienz in Kommunen');
    expect(push).not.toHaveBeenCalled();
  });

  it('keeps the order of messages that arrive while the stream holds some back', async () => {
    const { doc, connect } = await laptop();
    const { channel, peer } = connect('laptop-2');
    const message = writer();
    channel.onmessage?.(message('eins'));
    await vi.waitFor(() => expect(doc.getMap('cards').get('eins')).toBeDefined(), { timeout: 5000 });
    const seen: string[] = [];
    peer.on('data', (data) => seen.push(String(data.length)));
    const sizes: string[] = [];
    const send = (text: string) => {
      const m = message(text);
      sizes.push(String(m.data.byteLength));
      channel.onmessage?.(m);
    };
    peer.pause();
    send('zwei');
    peer.resume();
    // Flowing again, but 'zwei' still waits in the stream: 'drei' must come after it.
    send('drei und vier');
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 5000 });
    send('fünf, sechs, sieben');
    expect(seen).toEqual(sizes);
    expect([...doc.getMap('cards').keys()].sort()).toEqual(['drei und vier', 'eins', 'fünf, sechs, sieben', 'zwei']);
  });
});

describe('whether a laptop the relay hears is directly connected', () => {
  it('is answered from its own connection, without listing every connection', async () => {
    const { connect } = await laptop();
    const message = writer();
    const options = made.relayOptions[0] as RelayModule.RelayOptions | undefined;
    if (!options) throw new Error('no relay');
    const peers = Array.from({ length: 19 }, (_, index) => connect(`laptop-${index + 2}`));
    const talking = peers[3];
    if (!talking) throw new Error('no laptop');
    talking.conn.connected = true;
    talking.channel.onmessage?.(message('Hallo'));
    const conns = (made.providers[0] as WebrtcProvider).room?.webrtcConns;
    if (!conns) throw new Error('no connections');
    const listed = vi.spyOn(conns, Symbol.iterator);
    const entries = vi.spyOn(conns, 'entries');
    const answers = peers.map(({ conn }) => options.isDirect(conn.remotePeerId));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(options.isDirect('laptop-5')).toBe(true);
    expect(options.isDirect('laptop-4')).toBe(false);
    expect(options.isDirect('somebody-else')).toBe(false);
    expect(listed).not.toHaveBeenCalled();
    expect(entries).not.toHaveBeenCalled();
  });
});
