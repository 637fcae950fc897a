import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type EarlyRelay, type Relay, type SignalingSocket } from '../../renderer/network/relay';
import { cardsWorkshop, memoryHub, sealedGreeting, type MemoryHub } from '../support/relay-hub';


/* The host's answer lost after its word went out: the joining laptop still gets the workshop well before anti-entropy (see relay-host-lost-hello.test.ts). */
const TOPIC = 'relay-host-lost-answer';
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

describe('host answer lost after its word', () => {
  it('the host’s big answer is lost after its word went out: the workshop still comes well before anti-entropy', { timeout: 20000 }, async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const source = workshop(400);
    const hostSocket = server.socket();
    const moderator = startLaptop('moderator', server, key, copyOf(source), { answerHellos: true, socket: hostSocket });
    const table = startLaptop('table-1', server, key, copyOf(source));
    await vi.waitFor(() => expect(table.relay.relayOnlyPeers()).toHaveLength(1), { timeout: 5000 });
    for (const [name, doc] of [['moderator', moderator.doc], ['table-1', table.doc]] as const) {
      const probe = `barrier-${name}`;
      server.socket().send({ type: 'publish', topic: TOPIC, from: probe, to: name, data: await sealedGreeting(key, doc) });
      await vi.waitFor(() => expect(server.published.some((m) => m.from === name && m.to === probe)).toBe(true), { timeout: 5000 });
    }
    // The host's big answer to the joiner is lost on the way (its connection drops as it goes).
    const send = hostSocket.send.bind(hostSocket);
    hostSocket.send = (message: object) => {
      const m = message as { type?: string; to?: string; data?: string };
      if (m.type === 'publish' && m.to === 'joiner' && (m.data?.length ?? 0) > 10_000) return;
      send(message);
    };
    server.socket().send({ type: 'publish', topic: TOPIC, from: 'first', data: '' });
    const socket = server.socket();
    const early = listenBeforeKey([socket], TOPIC);
    const joiner = startLaptop('joiner', server, key, new Y.Doc(), { socket, early });
    // Well before anti-entropy's 15 s.
    await vi.waitFor(() => expect(joiner.doc.getMap('cards').size).toBe(400), { timeout: 8000 });
  });
});
