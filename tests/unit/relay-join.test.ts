import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { toBase64 } from '../../shared/base64';
import { deriveRelayKey, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type EarlyRelay, type Relay, type SignalingSocket } from '../../renderer/network/relay';
import { cardsWorkshop, memoryHub, sealedGreeting, syncPayloads, type MemoryHub, type Published } from '../support/relay-hub';

/*
 * A laptop joining a big workshop through the relay (issue 17, join-2000): the workshop comes
 * once, the moderator's laptop seals it once while it does not change, and what came from a
 * laptop is known while it is applied (so it is not sent back to it over WebRTC).
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startLaptop(
  name: string,
  server: MemoryHub,
  key: RelayKey,
  doc = new Y.Doc(),
  more: { socket?: SignalingSocket; early?: EarlyRelay; answerHellos?: boolean } = {},
) {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: 'table', tableId: null });
  const { socket = server.socket(), ...extra } = more;
  const relay: Relay = startRelay({ doc, awareness, topic: 'relay-join', key, peerId: name, webrtcOrigin: {}, isDirect: () => false, onChange: () => undefined, ...extra });
  cleanups.push(() => {
    relay.destroy();
    doc.destroy();
  });
  relay.attach(socket);
  return { doc, relay };
}

/** A workshop of `cards` cards of about 150 characters each (400 of them seal to far more than BIG_PUBLISH_CHARS). */
const workshop = (cards: number) => cardsWorkshop(cards, 'Bürgerbeteiligung früh planen. '.repeat(4));

/** The sync step 2 messages a laptop sent to `to`, opened: the updates they carry. */
const stateAnswers = (published: readonly Published[], from: string, to: string, key: RelayKey) => syncPayloads(published, key, { from, to, kind: syncProtocol.messageYjsSyncStep2 });

/** relay.ts's MESSAGE_HELLO: a laptop's hello sealed with the relay key, its id inside (a wrong kind is never answered). */
const MESSAGE_HELLO = 3;
async function sealedHelloOf(id: string, key: RelayKey): Promise<string> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_HELLO);
  encoding.writeVarString(encoder, id);
  return toBase64(await sealRelayMessage(key, encoding.toUint8Array(encoder)));
}

const cardsOf = (doc: Y.Doc) => doc.getMap('cards').size;
/** The hub of these tests: it holds a big message back a while, as a real connection would. */
const hub = () => memoryHub({ bigDelayMs: 100 });

/** A laptop that has just started has its greeting and its presence out (both sealed, so not at once). */
async function greeted(server: MemoryHub, name: string): Promise<void> {
  await vi.waitFor(() => expect(server.published.filter((message) => message.from === name).length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
}

let barriers = 0;
/**
 * A barrier for "nothing more comes from `name`": a greeting sealed with the relay key, sent to it now, asking for
 * nothing it lacks (`doc`'s state vector), and its answer awaited. The laptop opens what it hears in the order heard
 * and seals its answers in the order it makes them, so anything it would still send because of what it heard before
 * is published before this answer.
 */
async function nothingMoreFrom(server: MemoryHub, key: RelayKey, name: string, doc: Y.Doc): Promise<void> {
  barriers += 1;
  const probe = `barrier-${barriers}`;
  server.socket().send({ type: 'publish', topic: 'relay-join', from: probe, to: name, data: await sealedGreeting(key, doc) });
  await vi.waitFor(() => expect(server.published.some((message) => message.from === name && message.to === probe)).toBe(true), { timeout: 5000 });
}

describe('joining through the relay', () => {
  it('a laptop with an empty document receives the workshop once', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    // The hub holds the workshop back until the test lets it go.
    const server = memoryHub({ holdBig: true });
    const moderator = startLaptop('moderator', server, key, workshop(400));
    // The moderator's laptop has been in the room for a while: its own greeting is out.
    await greeted(server, 'moderator');
    const table = startLaptop('table', server, key);
    // What the moderator sends with the workshop (its greeting to the table, when it greets back), sealed faster than
    // the workshop, has come and been answered before the workshop comes.
    await vi.waitFor(() => expect(server.heldBack()).toBe(1), { timeout: 5000 });
    await nothingMoreFrom(server, key, 'moderator', moderator.doc);
    await nothingMoreFrom(server, key, 'table', table.doc);
    server.releaseHeld();
    await vi.waitFor(() => expect(cardsOf(table.doc)).toBe(400), { timeout: 5000 });
    await nothingMoreFrom(server, key, 'moderator', moderator.doc);
    // Before, the table greeted the moderator back when the moderator's greeting (sealed faster
    // than the workshop) showed cards it lacked, and received all 400 cards a second time.
    const answers = await stateAnswers(server.published, 'moderator', 'table', key);
    expect(answers.filter((update) => update.length > 1000)).toHaveLength(1);
  });

  it('the moderator seals the whole workshop once while it does not change, and anew after an edit', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    const moderator = startLaptop('moderator', server, key, workshop(50));
    await greeted(server, 'moderator');
    const first = startLaptop('table-1', server, key);
    await vi.waitFor(() => expect(cardsOf(first.doc)).toBe(50), { timeout: 5000 });
    const second = startLaptop('table-2', server, key);
    await vi.waitFor(() => expect(cardsOf(second.doc)).toBe(50), { timeout: 5000 });
    const whole = (to: string) => server.published.filter((message) => message.from === 'moderator' && message.to === to).map((message) => message.data).sort((a, b) => b.length - a.length)[0];
    // The same sealed bytes (IV included) for both.
    expect(whole('table-2')).toBe(whole('table-1'));

    moderator.doc.getMap<string>('cards').set('late', 'Тема: енергоефективність');
    await vi.waitFor(() => expect(cardsOf(second.doc)).toBe(51), { timeout: 10_000 });
    const third = startLaptop('table-3', server, key);
    await vi.waitFor(() => expect(cardsOf(third.doc)).toBe(51), { timeout: 5000 });
    expect(third.doc.getMap('cards').get('late')).toBe('Тема: енергоефективність');
    expect(whole('table-3')).not.toBe(whole('table-1'));
  });

  it('says when the answer to its greeting has come from a laptop heard on the relay', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    // The hub holds the workshop back until the test lets it go.
    const server = memoryHub({ holdBig: true });
    startLaptop('moderator', server, key, workshop(400));
    await greeted(server, 'moderator');
    const table = startLaptop('table', server, key);
    expect(table.relay.answerFrom('moderator')).toBeNull();
    // The moderator's greeting back is small and comes before the workshop.
    let awaited: Promise<void> | null = null;
    await vi.waitFor(() => expect((awaited = table.relay.answerFrom('moderator'))).not.toBeNull(), { timeout: 5000 });
    await vi.waitFor(() => expect(server.heldBack()).toBe(1), { timeout: 5000 });
    expect(cardsOf(table.doc)).toBe(0);
    let ended = false;
    void (awaited as Promise<void> | null)?.then(() => {
      ended = true;
    });
    // The answer ended the wait, not ANSWER_WAIT_MAX_MS: not before the workshop came, and as soon as it was applied.
    const endedWhenApplied = new Promise<{ before: boolean; rightAfter: boolean }>((resolve) => {
      table.doc.once('update', () => {
        const before = ended;
        setImmediate(() => resolve({ before, rightAfter: ended }));
      });
    });
    server.releaseHeld();
    await expect(endedWhenApplied).resolves.toEqual({ before: false, rightAfter: true });
    expect(cardsOf(table.doc)).toBe(400);
    expect(table.relay.answerFrom('moderator')).toBeNull();
    expect(table.relay.answerFrom('nobody')).toBeNull();
  });

  it('a laptop says hello before its key is ready; the host answers with the workshop, which comes once', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    const moderator = startLaptop('moderator', server, key, workshop(400), { answerHellos: true });
    await greeted(server, 'moderator');
    const socket = server.socket();
    const early = listenBeforeKey([socket], 'relay-join');
    // The key is still being derived: the workshop is on its way already, and arrives before the relay runs.
    await vi.waitFor(() => expect(server.published.some((message) => message.to === early.helloId && message.data.length > 10_000)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(server.delivered.some((message) => message.to === early.helloId && message.data.length > 10_000)).toBe(true), { timeout: 10_000 });
    const table = startLaptop('table', server, key, new Y.Doc(), { socket, early });
    await vi.waitFor(() => expect(cardsOf(table.doc)).toBe(400), { timeout: 5000 });
    // The table greets once what came for its hello is applied.
    await greeted(server, 'table');
    await nothingMoreFrom(server, key, 'moderator', moderator.doc);
    const wholeStates = server.published.filter((message) => message.from === 'moderator' && message.data.length > 10_000);
    // The table greeted with what it held by then: nothing more to send.
    expect(wholeStates.map((message) => message.to)).toEqual([early.helloId]);
  });

  it('a key ready before the hello’s answer has come: the greeting is answered with nothing more, after the workshop', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    const moderator = startLaptop('moderator', server, key, workshop(400), { answerHellos: true });
    await greeted(server, 'moderator');
    const socket = server.socket();
    const early = listenBeforeKey([socket], 'relay-join');
    // The workshop is sent to the hello, but still on its way (the hub holds big messages 100 ms).
    await vi.waitFor(() => expect(server.published.some((message) => message.to === early.helloId)).toBe(true), { timeout: 10_000 });
    const table = startLaptop('table', server, key, new Y.Doc(), { socket, early });
    await vi.waitFor(() => expect(cardsOf(table.doc)).toBe(400), { timeout: 5000 });
    // The greeting's answer itself, then anything the moderator would send after it.
    await vi.waitFor(async () => expect(await stateAnswers(server.published, 'moderator', 'table', key)).not.toEqual([]), { timeout: 5000 });
    await nothingMoreFrom(server, key, 'moderator', moderator.doc);
    const wholeStates = server.published.filter((message) => message.from === 'moderator' && message.data.length > 10_000);
    // Before, the greeting with its empty state vector brought the whole workshop a second time.
    expect(wholeStates.map((message) => message.to)).toEqual([early.helloId]);
    const answers = await stateAnswers(server.published, 'moderator', 'table', key);
    expect(answers.map((update) => update.length)).toEqual([2]);
  });

  it('only the host answers hellos, one per HELLO_INTERVAL_MS; a table joins through its greeting all the same', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    const moderator = startLaptop('moderator', server, key, workshop(50), { answerHellos: true });
    const otherTable = startLaptop('other-table', server, key, workshop(50));
    await greeted(server, 'moderator');
    await greeted(server, 'other-table');
    const nothingMore = async () => {
      await nothingMoreFrom(server, key, 'moderator', moderator.doc);
      await nothingMoreFrom(server, key, 'other-table', otherTable.doc);
    };
    const hello = (from: string) => server.socket().send({ type: 'publish', topic: 'relay-join', from, data: '' });
    hello('stranger-1');
    hello('stranger-2');
    await nothingMore();
    expect(server.published.filter((message) => message.to?.startsWith('stranger')).map((message) => `${message.from} ${message.to}`)).toEqual(['moderator stranger-1']);

    const socket = server.socket();
    const early = listenBeforeKey([socket], 'relay-join');
    await nothingMore();
    // Within the interval: no answer to this hello; the greeting brings the workshop.
    expect(server.published.filter((message) => message.to === early.helloId)).toEqual([]);
    const table = startLaptop('table', server, key, new Y.Doc(), { socket, early });
    await vi.waitFor(() => expect(cardsOf(table.doc)).toBe(50), { timeout: 5000 });
  });

  it('within HELLO_INTERVAL_MS, the hello sealed with the relay key brings the workshop before the relay runs; a replayed copy brings nothing', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    startLaptop('moderator', server, key, workshop(400), { answerHellos: true });
    await greeted(server, 'moderator');
    // Another laptop's hello has just taken the interval.
    server.socket().send({ type: 'publish', topic: 'relay-join', from: 'first', data: '' });
    const socket = server.socket();
    const early = listenBeforeKey([socket], 'relay-join');
    const doc = new Y.Doc();
    cleanups.push(() => doc.destroy());
    // Its relay key is there, y-webrtc's (which the relay waits for) is not.
    early.useKey(key, doc);
    await vi.waitFor(() => expect(cardsOf(doc)).toBe(400), { timeout: 5000 });
    const toHello = () => server.published.filter((message) => message.to === early.helloId && message.data.length > 10_000);
    expect(toHello()).toHaveLength(1);

    // A stranger replays the sealed hello, under its id and under a fresh one: the host sends nothing more.
    const sealedHello = server.published.find((message) => message.from === early.helloId && message.data !== '');
    if (!sealedHello) throw new Error('no sealed hello');
    const barrier = await sealedHelloOf('barrier', key);
    const stranger = server.socket();
    stranger.send({ type: 'publish', topic: 'relay-join', from: early.helloId, data: sealedHello.data });
    stranger.send({ type: 'publish', topic: 'relay-join', from: 'stranger', data: sealedHello.data });
    // A barrier: a genuine sealed hello right after the replays, which the host answers. It opens what it hears in
    // the order heard (messages of the same size), so once this answer is out, any answer to the replays would be too.
    stranger.send({ type: 'publish', topic: 'relay-join', from: 'barrier', data: barrier });
    await vi.waitFor(() => expect(server.published.some((message) => message.to === 'barrier' && message.data.length > 10_000)).toBe(true), { timeout: 5000 });
    expect(toHello()).toHaveLength(1);
    expect(server.published.filter((message) => message.to === 'stranger')).toEqual([]);

    // Its greeting, once the relay runs, is answered with nothing more: the answer itself is awaited.
    const table = startLaptop('table', server, key, doc, { socket, early });
    await vi.waitFor(async () => expect(await stateAnswers(server.published, 'moderator', 'table', key)).not.toEqual([]), { timeout: 5000 });
    expect((await stateAnswers(server.published, 'moderator', 'table', key)).filter((update) => update.length > 1000)).toEqual([]);
    expect(table.relay.relayOnlyPeers()).toContain('moderator');
  });

  it('a hello answered while the host was cut from the server: its greeting brings the workshop', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    const hostSocket = server.socket();
    startLaptop('moderator', server, key, workshop(400), { answerHellos: true, socket: hostSocket });
    await greeted(server, 'moderator');
    // While the host is cut, the relay's every attempt to send finds the socket disconnected: counted here.
    let up = true;
    let refused = 0;
    Object.defineProperty(hostSocket, 'connected', {
      get: () => {
        if (!up) refused += 1;
        return up;
      },
    });
    up = false;
    const socket = server.socket();
    const early = listenBeforeKey([socket], 'relay-join');
    // The hello arrived; while its answer is sealed, the host's connection drops: it never leaves.
    await vi.waitFor(() => expect(refused).toBeGreaterThan(0), { timeout: 5000 });
    up = true;
    expect(server.published.filter((message) => message.to === early.helloId)).toEqual([]);
    const table = startLaptop('table', server, key, new Y.Doc(), { socket, early });
    // Before, the host took the workshop for sent and answered the greeting with nothing.
    await vi.waitFor(() => expect(cardsOf(table.doc)).toBe(400), { timeout: 5000 });
  });

  it('a relay that ends before its server connects leaves no hello behind', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const sent: unknown[] = [];
    const listeners = { connect: new Set<() => void>(), message: new Set<(message: unknown) => void>() };
    const socket = {
      connected: false,
      send: (message: object) => sent.push(message),
      on: (event: 'connect' | 'message', listener: () => void) => listeners[event]?.add(listener),
      off: (event: 'connect' | 'message', listener: () => void) => listeners[event]?.delete(listener),
    } as unknown as SignalingSocket;
    const early = listenBeforeKey([socket], 'relay-join');
    const table = startLaptop('table', hub(), key, new Y.Doc(), { socket, early });
    table.relay.destroy();
    // The socket connects later (y-webrtc shares it with a second mount, as under StrictMode).
    socket.connected = true;
    listeners.connect.forEach((listener) => listener());
    expect(sent).toEqual([]);
    expect(listeners.message.size).toBe(0);
  });

  it('while a laptop’s update is applied, the relay says whose it is', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-join');
    const server = hub();
    startLaptop('moderator', server, key, workshop(20));
    const tableDoc = new Y.Doc();
    const senders: Array<string | null> = [];
    let table: ReturnType<typeof startLaptop> | null = null;
    tableDoc.on('update', () => senders.push(table ? table.relay.applyingFrom() : 'unknown'));
    table = startLaptop('table', server, key, tableDoc);
    await vi.waitFor(() => expect(cardsOf(tableDoc)).toBe(20), { timeout: 5000 });
    expect(senders).toEqual(['moderator']);
    expect(table.relay.applyingFrom()).toBeNull();
    tableDoc.getMap<string>('cards').set('own', 'Eigene Karte');
    expect(senders).toEqual(['moderator', null]);
  });
});
