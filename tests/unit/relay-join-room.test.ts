import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type EarlyRelay, type Relay, type SignalingSocket } from '../../renderer/network/relay';
import { BIG_PUBLISH_CHARS, cardsWorkshop, memoryHub, sealedGreeting, type MemoryHub, type Published } from '../support/relay-hub';

/*
 * A laptop joining through the relay a room of the moderator's laptop (the host) and three
 * tables, all holding a big workshop (issue 17): the host answers with the whole workshop, each
 * table with what the host lacks. Before, every table answered with a whole copy too: the joining
 * laptop received the workshop four times through the host's server and applied each.
 */

const TOPIC = 'relay-join-room';
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** What y-webrtc's updates come with: an edit made with it came over WebRTC, and the relay does not send it on. */
const overWebrtc = { webrtc: true };

function startLaptop(name: string, server: MemoryHub, key: RelayKey, doc: Y.Doc, more: { socket?: SignalingSocket; early?: EarlyRelay; answerHellos?: boolean } = {}) {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: 'table', tableId: null });
  const { socket = server.socket(), ...extra } = more;
  const relay: Relay = startRelay({ doc, awareness, topic: TOPIC, key, peerId: name, webrtcOrigin: overWebrtc, isDirect: () => false, onChange: () => undefined, ...extra });
  cleanups.push(() => {
    relay.destroy();
    doc.destroy();
  });
  relay.attach(socket);
  return { doc, relay, socket };
}

/** A workshop of `cards` cards of about 150 characters each (400 of them: ≈ 70 KB sealed, far more than BIG_PUBLISH_CHARS). */
const workshop = (cards: number) => cardsWorkshop(cards, 'Bürgerbeteiligung früh planen. '.repeat(4));
const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
const cardsOf = (doc: Y.Doc) => doc.getMap('cards').size;
const TABLES = ['table-1', 'table-2', 'table-3'];

let barriers = 0;
/** A barrier for "nothing more comes from `name`" (as in relay-join.test.ts): a greeting to it, and its answer awaited. */
async function nothingMoreFrom(server: MemoryHub, key: RelayKey, name: string, doc: Y.Doc): Promise<void> {
  barriers += 1;
  const probe = `barrier-${barriers}`;
  server.socket().send({ type: 'publish', topic: TOPIC, from: probe, to: name, data: await sealedGreeting(key, doc) });
  await vi.waitFor(() => expect(server.published.some((message) => message.from === name && message.to === probe)).toBe(true), { timeout: 5000 });
}

/** A room of a host (unless `host` is false) and three tables, each with a copy of a 400-card workshop, that have all heard each other. */
async function room(server: MemoryHub, key: RelayKey, host = true) {
  const source = workshop(400);
  cleanups.push(() => source.destroy());
  const moderator = host ? startLaptop('moderator', server, key, copyOf(source), { answerHellos: true }) : null;
  const tables = TABLES.map((name) => startLaptop(name, server, key, copyOf(source)));
  const everyone = [...(moderator ? [{ name: 'moderator', ...moderator }] : []), ...tables.map((table, index) => ({ name: TABLES[index] as string, ...table }))];
  for (const laptop of everyone) {
    await vi.waitFor(() => expect(laptop.relay.relayOnlyPeers()).toHaveLength(everyone.length - 1), { timeout: 5000 });
  }
  for (const laptop of everyone) await nothingMoreFrom(server, key, laptop.name, laptop.doc);
  return { source, moderator, tables, everyone };
}

/**
 * A laptop with an empty document joins as the app does (a hello, then its relay), while another laptop's hello has
 * just taken the host's HELLO_INTERVAL_MS: its greeting, with the hello's id, asks for everything.
 */
function join(server: MemoryHub, key: RelayKey) {
  server.socket().send({ type: 'publish', topic: TOPIC, from: 'first', data: '' });
  const socket = server.socket();
  const early = listenBeforeKey([socket], TOPIC);
  const joiner = startLaptop('joiner', server, key, new Y.Doc(), { socket, early });
  return { ...joiner, early };
}

/** What was sent to the joining laptop (to its peer id or its hello's), as sealed bytes. */
function toJoiner(server: MemoryHub, helloId: string): Published[] {
  return server.published.filter((message) => message.to === 'joiner' || message.to === helloId);
}
const bytes = (messages: readonly Published[]) => messages.reduce((sum, message) => sum + Math.floor((message.data.length * 3) / 4), 0);
const whole = (messages: readonly Published[]) => messages.filter((message) => message.data.length > BIG_PUBLISH_CHARS);

describe('joining a room of several laptops through the relay', () => {
  it('a laptop with an empty document gets the whole workshop once, from the host, and the tables’ answers are small', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const { source, everyone } = await room(server, key);
    const joiner = join(server, key);
    await vi.waitFor(() => expect(cardsOf(joiner.doc)).toBe(400), { timeout: 5000 });
    for (const laptop of everyone) await nothingMoreFrom(server, key, laptop.name, laptop.doc);
    const received = toJoiner(server, joiner.early.helloId);
    // Before: four whole copies (≈ 70 KB sealed each), one from each laptop of the room.
    expect(whole(received).map((message) => message.from)).toEqual(['moderator']);
    const fromTables = received.filter((message) => message.from !== 'moderator');
    expect(bytes(fromTables)).toBeLessThan(BIG_PUBLISH_CHARS);
    expect(bytes(received)).toBeLessThan(1.2 * bytes(whole(received)));
    expect(Y.encodeStateVector(joiner.doc)).toEqual(Y.encodeStateVector(source));
    expect(joiner.doc.getMap('cards').toJSON()).toEqual(source.getMap('cards').toJSON());
  });

  it('what a table holds and the host lacks still reaches the joining laptop', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const { moderator, tables } = await room(server, key);
    const [table] = tables;
    if (!table || !moderator) throw new Error('no room');
    // It came over WebRTC from a laptop the host is not connected to yet: the relay does not pass it on.
    table.doc.transact(() => {
      table.doc.getMap<string>('cards').set('only-here', 'Карта лише тут');
      table.doc.getMap<string>('cards').delete('card-7');
    }, overWebrtc);
    const joiner = join(server, key);
    // Well within the 15 s after which anti-entropy would have brought it.
    await vi.waitFor(() => expect(joiner.doc.getMap('cards').get('only-here')).toBe('Карта лише тут'), { timeout: 5000 });
    await vi.waitFor(() => expect(cardsOf(joiner.doc)).toBe(400), { timeout: 5000 });
    expect(joiner.doc.getMap('cards').has('card-7')).toBe(false);
    expect(moderator.doc.getMap('cards').has('only-here')).toBe(false);
    expect(joiner.doc.getMap('cards').toJSON()).toEqual(table.doc.getMap('cards').toJSON());
    expect(whole(toJoiner(server, joiner.early.helloId)).map((message) => message.from)).toEqual(['moderator']);
  });

  it('with no host in the room, the tables answer with everything', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const { source } = await room(server, key, false);
    const joiner = join(server, key);
    await vi.waitFor(() => expect(cardsOf(joiner.doc)).toBe(400), { timeout: 5000 });
    expect(joiner.doc.getMap('cards').toJSON()).toEqual(source.getMap('cards').toJSON());
  });

  it('a host that is heard but does not say it answers: the tables answer with everything after a while', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ bigDelayMs: 100 });
    const { source, moderator } = await room(server, key);
    if (!moderator) throw new Error('no host');
    // The host's connection is cut: nothing it sends leaves, and it is still heard (for a while).
    Object.defineProperty(moderator.socket, 'connected', { get: () => false });
    const joiner = join(server, key);
    await vi.waitFor(() => expect(cardsOf(joiner.doc)).toBe(400), { timeout: 5000 });
    expect(joiner.doc.getMap('cards').toJSON()).toEqual(source.getMap('cards').toJSON());
    expect(whole(toJoiner(server, joiner.early.helloId)).map((message) => message.from).sort()).toEqual(TABLES);
  });

  it('the joining laptop’s WebRTC greeting to a table waits for the host’s answer too', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const server = memoryHub({ holdBig: true });
    await room(server, key);
    const joiner = join(server, key);
    // The tables' answers (small) have come (each answers, greets back and says who it is), and are opened; the
    // host's (the workshop) is held back.
    for (const table of TABLES) {
      await vi.waitFor(() => expect(server.delivered.filter((message) => message.to === 'joiner' && message.from === table).length).toBe(3), { timeout: 5000 });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.heldBack()).toBeGreaterThan(0);
    let ended = false;
    const awaited = joiner.relay.answerFrom('table-1');
    expect(awaited).not.toBeNull();
    void awaited?.then(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    server.releaseHeld();
    await vi.waitFor(() => expect(ended).toBe(true), { timeout: 1000 });
    expect(cardsOf(joiner.doc)).toBe(400);
  });
});
