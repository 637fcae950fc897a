import { addCard, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID } from '../../shared/model';
import type { Arrival } from '../fixtures/latency-card';

/*
 * The WebRTC floor of the latency benchmarks (bench/suites/peer-latency.ts): on the very
 * RTCPeerConnections Plenum's peer sync opened between the laptops, one extra data channel per
 * connection, pre-negotiated on both ends (`negotiated: true` and the same id, so no signaling and
 * no `datachannel` event that simple-peer would see), over which the sender hands a raw message of a
 * card update's size to every other laptop. No Yjs on either end, no y-webrtc, no encryption beyond
 * the channel's DTLS: what is left of a sample is the machine's WebRTC (and its two cores) alone.
 */

/** Above the ids simple-peer's own channels take (0, 1, … by DTLS role); libwebrtc allows up to 1023. */
export const FLOOR_CHANNEL_ID = 1000;
const FLOOR_LABEL = 'plenum-bench-floor';
const OPEN_TIMEOUT_MS = 10_000;

/** The part of a data channel the floor uses: the browser's and @roamhq/wrtc's alike. */
export interface FloorChannel {
  readonly readyState: string;
  binaryType: string;
  send(data: Uint8Array): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** The part of an RTCPeerConnection the floor uses. */
export interface FloorConnection {
  readonly connectionState: string;
  createDataChannel(label: string, init: { negotiated: boolean; id: number }): FloorChannel;
}

/**
 * `Base` (an RTCPeerConnection constructor) with every connection it makes added to `into`: handed
 * to simple-peer (as the page's global, or as wrtc's in Node) before the peer sync starts, so the
 * floor finds the connections without reaching into the peer sync.
 */
export function trackConnections<T extends abstract new (...args: never[]) => unknown>(Base: T, into: Set<unknown>): T {
  return new Proxy(Base, {
    construct(target, args, newTarget) {
      const connection = Reflect.construct(target, args, newTarget) as object;
      into.add(connection);
      return connection;
    },
  });
}

const seqOf = (data: unknown): number | null => {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  if (!bytes || bytes.byteLength < 4) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
};

/** A card update's bytes as addCard makes them: the floor's messages are that size. */
function cardUpdates(): (text: string) => Uint8Array {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'floor', title: 'Floor', language: 'de' });
  return (text) => {
    let update: Uint8Array | null = null;
    const keep = (bytes: Uint8Array) => {
      update = bytes;
    };
    doc.on('update', keep);
    const added = addCard(doc, { boardId: PLENARY_BOARD_ID, text });
    doc.off('update', keep);
    if (!added.ok || !update) throw new Error('floor: addCard made no update');
    return update;
  };
}

export interface Floor {
  /**
   * Opens the floor channel on every connected connection that has none yet and waits (bounded)
   * until each is open; the number of open floor channels.
   */
  open(connections: Iterable<unknown>): Promise<number>;
  /** Sends card `seq`'s message (`text` as a card update) to every open floor channel; the time just before the sends. */
  send(seq: number, text: string): number;
  /** Messages from other laptops since the last drain, stamped as they arrived. */
  drain(): Arrival[];
  close(): void;
}

export function startFloor(now: () => number): Floor {
  const channels = new Map<FloorConnection, FloorChannel>();
  const arrivals: Arrival[] = [];
  const update = cardUpdates();
  const openOne = (channel: FloorChannel) =>
    new Promise<boolean>((resolve) => {
      if (channel.readyState === 'open') {
        resolve(true);
        return;
      }
      const timer = setTimeout(() => resolve(false), OPEN_TIMEOUT_MS);
      channel.onopen = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  return {
    async open(connections) {
      for (const candidate of connections) {
        const connection = candidate as FloorConnection;
        if (channels.has(connection) || connection.connectionState !== 'connected') continue;
        const channel = connection.createDataChannel(FLOOR_LABEL, { negotiated: true, id: FLOOR_CHANNEL_ID });
        channel.binaryType = 'arraybuffer';
        channel.onmessage = (event) => {
          const at = now();
          const seq = seqOf(event.data);
          if (seq !== null) arrivals.push({ seq, at });
        };
        channels.set(connection, channel);
      }
      const opened = await Promise.all([...channels.values()].map(openOne));
      return opened.filter(Boolean).length;
    },
    send(seq, text) {
      // Built before the clock starts: the floor has no Yjs in its time.
      const body = update(text);
      const message = new Uint8Array(4 + body.byteLength);
      new DataView(message.buffer).setUint32(0, seq, true);
      message.set(body, 4);
      const at = now();
      for (const channel of channels.values()) if (channel.readyState === 'open') channel.send(message);
      return at;
    },
    drain: () => arrivals.splice(0),
    close() {
      for (const channel of channels.values()) channel.close();
      channels.clear();
    },
  };
}
