import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type EarlyRelay, type Relay, type SignalingSocket } from '../../renderer/network/relay';
import { cardsWorkshop, memoryHub, sealedGreeting, type MemoryHub } from '../support/relay-hub';


/*
 * After a hello's answer the host answers the greeting with an empty update, small and opened
 * before the big answer: that must not count as the host's answer, or the joining laptop greets
 * the tables over WebRTC while empty and each sends the workshop there.
 */
const TOPIC = 'relay-host-hold';
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

describe('WebRTC greeting hold in the hello path', () => {
  it('answerFrom(table) resolves only once the workshop is applied', async () => {
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
    const socket = server.socket();
    const early = listenBeforeKey([socket], TOPIC);
    await vi.waitFor(() => expect(server.published.some((m) => m.to === early.helloId)).toBe(true));
    const joiner = startLaptop('joiner', server, key, new Y.Doc(), { socket, early });
    // The WebRTC connection to the table opens as soon as the joiner has heard it on the relay.
    await vi.waitFor(() => expect(joiner.relay.relayOnlyPeers()).toContain('table-1'), { timeout: 5000 });
    let cardsWhenGreeting = -1;
    const wait = joiner.relay.answerFrom('table-1');
    await (wait ?? Promise.resolve()).then(() => { cardsWhenGreeting = joiner.doc.getMap('cards').size; });
    await vi.waitFor(() => expect(joiner.doc.getMap('cards').size).toBe(400), { timeout: 5000 });
    expect(cardsWhenGreeting).toBe(400);
  });
});
