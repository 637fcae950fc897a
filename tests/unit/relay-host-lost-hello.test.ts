import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type EarlyRelay, type Relay, type SignalingSocket } from '../../renderer/network/relay';
import { cardsWorkshop, memoryHub, sealedGreeting, type MemoryHub } from '../support/relay-hub';


/*
 * The tables answer a joining laptop with only what the host lacks (relay.ts, MESSAGE_HOST): when
 * the host's answer never arrives, the joining laptop must not wait for the next anti-entropy
 * greeting (15 s) to get the workshop. It greets each laptop alone once what the host named is
 * not here PROMISE_WAIT_MS after its greeting (before that fix: 15 s; before the host's word: 0.15 s).
 */
const TOPIC = 'relay-host-lost-hello';
const cleanups: Array<() => void> = [];
afterEach(() => { for (const c of cleanups.splice(0)) c(); });
function startLaptop(name: string, server: MemoryHub, key: RelayKey, doc: Y.Doc, more: { socket?: SignalingSocket; early?: EarlyRelay; answerHellos?: boolean } = {}) {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: 'table', tableId: null });
  const { socket = server.socket(), ...extra } = more;
  const relay: Relay = startRelay({ doc, awareness, topic: TOPIC, key, peerId: name, webrtcOrigin: {}, isDirect: () => false, onChange: () => undefined, ...extra });
  cleanups.push(() => { relay.destroy(); doc.destroy(); });
  relay.attach(socket);
  return { doc, relay, socket };
}
const workshop = (cards: number) => cardsWorkshop(cards, 'Bürgerbeteiligung früh planen. '.repeat(4));
const copyOf = (doc: Y.Doc) => { const c = new Y.Doc(); Y.applyUpdate(c, Y.encodeStateAsUpdate(doc)); return c; };

describe('lost hello answer', () => {
  it('the hello’s answer, handed to the host’s socket, never reaches the joiner (its connection dropped): the workshop still comes well before anti-entropy', { timeout: 20000 }, async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const source = workshop(400);
    const moderator = startLaptop('moderator', server, key, copyOf(source), { answerHellos: true });
    const table = startLaptop('table-1', server, key, copyOf(source));
    await vi.waitFor(() => expect(table.relay.relayOnlyPeers()).toHaveLength(1), { timeout: 5000 });
    for (const [name, doc] of [['moderator', moderator.doc], ['table-1', table.doc]] as const) {
      const probe = `barrier-${name}`;
      server.socket().send({ type: 'publish', topic: TOPIC, from: probe, to: name, data: await sealedGreeting(key, doc) });
      await vi.waitFor(() => expect(server.published.some((m) => m.from === name && m.to === probe)).toBe(true), { timeout: 5000 });
    }
    const dropped = server.socket();
    const early = listenBeforeKey([dropped], TOPIC);
    // The host answers the hello (sent on its socket: "delivered"); the joiner's connection drops before it arrives.
    await vi.waitFor(() => expect(server.published.some((m) => m.to === early.helloId)).toBe(true));
    await early.take();
    await vi.waitFor(() => expect(server.delivered.some((m) => m.to === early.helloId)).toBe(true));
    // Reconnected: a new socket, the same hello id in its greeting.
    const joiner = startLaptop('joiner', server, key, new Y.Doc(), { socket: server.socket(), early });
    // Well before anti-entropy's 15 s.
    await vi.waitFor(() => expect(joiner.doc.getMap('cards').size).toBe(400), { timeout: 8000 });
  });
});
