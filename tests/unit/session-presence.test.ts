import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey } from '../../shared/protocol/relay-crypto';
import { HEARTBEAT_MS, keepPresence, PRESENCE_TIMEOUT_MS } from '../../renderer/network/presence';
import { startRelay, type Relay } from '../../renderer/network/relay';
import { memoryHub, type MemoryHub } from '../support/relay-hub';

/*
 * How fast a laptop that leaves is gone from the others' count and presence list: at once when
 * it says goodbye, after PRESENCE_TIMEOUT_MS of silence when it vanishes.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

function laptop(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: 'table', tableId: null });
  cleanups.push(() => doc.destroy());
  return { doc, awareness };
}

describe('keepPresence', () => {
  it('renews this laptop’s presence every HEARTBEAT_MS, and drops another laptop not heard for PRESENCE_TIMEOUT_MS', () => {
    const here = laptop('Moderation');
    const quiet = laptop('Tisch 1');
    const talking = laptop('Tisch 2');
    for (const other of [quiet, talking]) applyAwarenessUpdate(here.awareness, encodeAwarenessUpdate(other.awareness, [other.doc.clientID]), 'test');
    const t0 = Date.now();
    const heardAt = (client: number, at: number) => {
      const meta = here.awareness.meta.get(client);
      if (meta) meta.lastUpdated = at;
    };
    heardAt(here.doc.clientID, t0);
    heardAt(quiet.doc.clientID, t0);
    heardAt(talking.doc.clientID, t0);
    const clock = () => here.awareness.meta.get(here.doc.clientID)?.clock;
    const before = clock();

    keepPresence(here.awareness, t0 + HEARTBEAT_MS - 100, 'test');
    expect(clock()).toBe(before);
    keepPresence(here.awareness, t0 + HEARTBEAT_MS + 100, 'test');
    expect(clock()).toBe((before ?? 0) + 1);

    // Tisch 2 renews itself; Tisch 1 has fallen silent.
    heardAt(talking.doc.clientID, t0 + PRESENCE_TIMEOUT_MS - 1000);
    keepPresence(here.awareness, t0 + PRESENCE_TIMEOUT_MS - 1, 'test');
    expect(here.awareness.getStates().has(quiet.doc.clientID)).toBe(true);
    keepPresence(here.awareness, t0 + PRESENCE_TIMEOUT_MS + 1, 'test');
    expect([...here.awareness.getStates().keys()].sort()).toEqual([here.doc.clientID, talking.doc.clientID].sort());
  });
});

async function relayLaptop(name: string, server: MemoryHub, key: Awaited<ReturnType<typeof deriveRelayKey>>) {
  const { doc, awareness } = laptop(name);
  let changes = 0;
  const left: string[] = [];
  const relay: Relay = startRelay({
    doc,
    awareness,
    topic: 'relay-test',
    key,
    peerId: name,
    webrtcOrigin: null,
    isDirect: () => false,
    onChange: () => (changes += 1),
    onLeave: (peerId) => left.push(peerId),
  });
  cleanups.push(() => relay.destroy());
  relay.attach(server.socket());
  return { doc, awareness, relay, changes: () => changes, left };
}

describe('the relay', () => {
  it('drops a laptop that says goodbye at once, with its presence', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-test');
    const server = memoryHub();
    const moderator = await relayLaptop('moderator', server, key);
    const table = await relayLaptop('table', server, key);
    await vi.waitFor(() => expect(moderator.relay.relayOnlyPeers()).toEqual(['table']), { timeout: 10_000 });
    await vi.waitFor(() => expect(moderator.awareness.getStates().has(table.doc.clientID)).toBe(true), { timeout: 10_000 });

    table.relay.leave();
    await vi.waitFor(() => expect(moderator.relay.relayOnlyPeers()).toEqual([]), { timeout: 1000 });
    expect(moderator.awareness.getStates().has(table.doc.clientID)).toBe(false);
    // Told on, so a WebRTC connection to it still opening goes too (peer-sync.ts).
    expect(moderator.left).toEqual(['table']);
    // Gone for the table's side as well: it hears nothing and sends nothing until attached again.
    expect(table.relay.relayOnlyPeers()).toEqual([]);
  });

  it('drops a laptop not heard for PRESENCE_TIMEOUT_MS', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-test');
    const server = memoryHub();
    const moderator = await relayLaptop('moderator', server, key);
    const table = await relayLaptop('table', server, key);
    await vi.waitFor(() => expect(moderator.relay.relayOnlyPeers()).toEqual(['table']), { timeout: 10_000 });
    await vi.waitFor(() => expect(table.relay.relayOnlyPeers()).toEqual(['moderator']), { timeout: 10_000 });
    // The table vanishes: nothing more comes from it, not even a goodbye.
    vi.advanceTimersByTime(PRESENCE_TIMEOUT_MS - 1000);
    expect(moderator.relay.relayOnlyPeers()).toEqual(['table']);
    vi.advanceTimersByTime(2000);
    expect(moderator.relay.relayOnlyPeers()).toEqual([]);
  });
});
