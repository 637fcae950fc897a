import { describe, expect, it } from 'vitest';
import { FLOOR_CHANNEL_ID, startFloor, trackConnections, type FloorChannel, type FloorConnection } from '../../bench/laptop/floor';
import { addCard, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID } from '../../shared/model';

/** Two ends of a made-up connection whose floor channels deliver to each other at once. */
function pair(state = 'connected') {
  const made: Array<{ label: string; init: { negotiated: boolean; id: number }; channel: FakeChannel }> = [];
  class FakeChannel implements FloorChannel {
    readyState = 'connecting';
    binaryType = 'blob';
    sent: Uint8Array[] = [];
    other: FakeChannel | null = null;
    onopen: (() => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    send(data: Uint8Array) {
      this.sent.push(data);
      this.other?.onmessage?.({ data: data.slice().buffer });
    }
    close() {
      this.readyState = 'closed';
    }
  }
  const end = (): FloorConnection & { channel?: FakeChannel } => ({
    connectionState: state,
    createDataChannel(label, init) {
      const channel = new FakeChannel();
      made.push({ label, init, channel });
      this.channel = channel;
      // Opens a moment later, as a negotiated channel on a live connection does.
      setTimeout(() => {
        channel.readyState = 'open';
        channel.onopen?.();
      }, 1);
      return channel;
    },
  });
  const a = end();
  const b = end();
  /** Connects the two ends' channels once both exist. */
  const link = () => {
    if (!a.channel || !b.channel) throw new Error('no channels to link');
    a.channel.other = b.channel;
    b.channel.other = a.channel;
  };
  return { a, b, made, link };
}

describe('the WebRTC floor of the latency benchmarks', () => {
  it('opens one pre-negotiated channel per connected connection, once, and skips the others', async () => {
    const live = pair();
    const closed = pair('closed');
    const floor = startFloor(() => 0);
    expect(await floor.open([live.a, closed.a])).toBe(1);
    expect(await floor.open([live.a, closed.a])).toBe(1);
    expect(live.made).toHaveLength(1);
    expect(closed.made).toHaveLength(0);
    expect(live.made[0]?.init).toEqual({ negotiated: true, id: FLOOR_CHANNEL_ID });
    expect(live.made[0]?.channel.binaryType).toBe('arraybuffer');
    floor.close();
    expect(live.made[0]?.channel.readyState).toBe('closed');
  });

  it('carries the sample number to the other end, stamped there, in a message the size of a card update', async () => {
    const link = pair();
    let clock = 10;
    const sender = startFloor(() => clock);
    const receiver = startFloor(() => clock);
    await sender.open([link.a]);
    await receiver.open([link.b]);
    link.link();
    const text = 'lat 42 Energieeffizienz in Kommunen';
    const at = sender.send(42, text);
    clock = 13;
    sender.send(43, text);
    expect(at).toBe(10);
    const arrivals = receiver.drain();
    expect(arrivals.map((arrival) => arrival.seq)).toEqual([42, 43]);
    expect(arrivals[0]?.at).toBe(10);
    expect(receiver.drain()).toEqual([]);
    // A card update of the same text, as addCard makes it in a workshop (ids and clocks differ by a few bytes).
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w', title: 'W', language: 'de' });
    let size = 0;
    doc.on('update', (update: Uint8Array) => (size = update.byteLength));
    addCard(doc, { boardId: PLENARY_BOARD_ID, text });
    const message = link.made[0]?.channel.sent[0];
    expect(message?.byteLength).toBeGreaterThan(size - 8);
    expect(message?.byteLength).toBeLessThan(size + 16);
  });

  it('finds every connection a tracked constructor makes', () => {
    class Connection {
      constructor(readonly config: { iceServers: unknown[] }) {}
    }
    const seen = new Set<unknown>();
    const Tracked = trackConnections(Connection, seen);
    const made = new Tracked({ iceServers: [] });
    expect(made).toBeInstanceOf(Connection);
    expect(made.config).toEqual({ iceServers: [] });
    expect([...seen]).toEqual([made]);
  });
});
