import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SignalingServer } from '../../electron/services/signaling-server';
import { decodeRelayFrame } from '../../shared/protocol/relay-frame';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { PLENUM_MESSAGE } from '../../shared/protocol/signaling';
import { listenBeforeKey, startRelay, type EarlyRelay, type SignalingSocket } from '../../renderer/network/relay';
import type { RawSignalingSocket } from '../../renderer/network/relay-wire';
import { startRelay as startPreviousRelay } from '../fixtures/relay-c29cfef';
import { NodeSignalingSocket } from '../support/phone-net';
import { cardsWorkshop } from '../support/relay-hub';
import { signalingServers } from '../support/signaling-servers';

/*
 * The relay through the host's real signaling server (issue 17, join-2000): where the server takes
 * binary frames, the workshop travels as one frame, only to the laptop that joins, and that laptop
 * applies it as soon as the relay's key is there (before the relay itself runs, which waits for
 * y-webrtc's key). With a server that does not answer the offer (an older host) everything goes as
 * JSON; a laptop of the previous version (tests/fixtures/relay-c29cfef.ts) never offers frames and
 * gets the same messages as JSON from the new server, both ways.
 */

const TOPIC = 'relay-frames';
// Registered first, so its servers close last (after hooks run in reverse), once the relays and sockets are gone.
const servers = signalingServers();
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(): Promise<{ server: SignalingServer; url: string }> {
  const server = await servers.start();
  return { server, url: `ws://127.0.0.1:${server.port}` };
}

async function socketTo(url: string, frames: boolean): Promise<NodeSignalingSocket> {
  const socket = new NodeSignalingSocket(url, frames);
  cleanups.push(() => socket.close());
  await vi.waitFor(() => expect(socket.connected).toBe(true), { timeout: 10_000 });
  return socket;
}

const cards = (doc: Y.Doc) => doc.getMap<string>('cards');

function laptop(name: string, socket: SignalingSocket, key: RelayKey, doc: Y.Doc, more: { early?: EarlyRelay; answerHellos?: boolean; previous?: boolean } = {}) {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: 'table', tableId: null });
  const common = { doc, awareness, topic: TOPIC, key, peerId: name, webrtcOrigin: {}, isDirect: () => false, onChange: () => undefined };
  const relay = more.previous
    ? startPreviousRelay(common)
    : startRelay({ ...common, ...(more.early ? { early: more.early } : {}), answerHellos: more.answerHellos === true });
  cleanups.push(() => {
    relay.destroy();
    doc.destroy();
  });
  relay.attach(socket);
  return relay;
}

const accepted = (socket: NodeSignalingSocket) =>
  socket.received.some((message) => (message as { type?: unknown }).type === PLENUM_MESSAGE.relayBinary && (message as { ok?: unknown }).ok === true);
const frames = (socket: NodeSignalingSocket) => socket.received.filter((message): message is Uint8Array => message instanceof Uint8Array);

describe('the relay with binary frames', () => {
  it('a joining laptop gets the workshop as one frame, only it, and applies it with the relay key alone', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const { url } = await startServer();
    const [moderatorSocket, bystanderSocket] = await Promise.all([socketTo(url, true), socketTo(url, true)]);
    const moderator = cardsWorkshop(1000);
    laptop('moderator', moderatorSocket, key, moderator, { answerHellos: true });
    // A table that holds the workshop already.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(moderator));
    const bystander = laptop('bystander', bystanderSocket, key, copy);
    await vi.waitFor(() => expect(accepted(moderatorSocket) && accepted(bystanderSocket)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(bystander.relayOnlyPeers()).toEqual(['moderator']), { timeout: 10_000 });

    const joinerSocket = await socketTo(url, true);
    const early = listenBeforeKey([joinerSocket], TOPIC);
    const doc = new Y.Doc();
    cleanups.push(() => doc.destroy());
    // The relay's key is ready; y-webrtc's (which the relay waits for) is not: no relay runs yet.
    early.useKey(key, doc);
    await vi.waitFor(() => expect(cards(doc).size).toBe(1000), { timeout: 5000 });

    const received = frames(joinerSocket).map((bytes) => decodeRelayFrame(bytes));
    expect(received.map((frame) => frame?.header)).toEqual([{ topic: TOPIC, from: 'moderator', to: early.helloId }]);
    expect(received[0]?.payload.length).toBeGreaterThan(30_000);
    // Not to the laptop that did not ask, nor back to the moderator.
    expect(frames(bystanderSocket).every((bytes) => bytes.length < 30_000)).toBe(true);
    expect(frames(moderatorSocket).every((bytes) => bytes.length < 30_000)).toBe(true);

    // The relay starts once y-webrtc's key is there too: the workshop is not applied again.
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    laptop('joiner', joinerSocket, key, doc, { early });
    // The answer to its greeting (nothing more) and the moderator's presence, as frames too.
    await vi.waitFor(() => expect(frames(joinerSocket).length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    expect(updates).toEqual([]);
    cards(doc).set('from-joiner', 'Тема: енергоефективність');
    await vi.waitFor(() => expect(cards(moderator).get('from-joiner')).toBe('Тема: енергоефективність'), { timeout: 10_000 });
  });

  it('with a server that never answers the offer (an older host), every relay message goes as JSON', async () => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const sent: unknown[] = [];
    const raw: RawSignalingSocket = { readyState: 1, binaryType: 'blob', send: (data) => void sent.push(data) };
    const subscribers: Array<{ topics: Set<string>; listeners: Set<(message: unknown) => void> }> = [];
    /** An older server in memory: subscribe and publish (JSON objects), nothing else answered. */
    const oldServerSocket = (): SignalingSocket => {
      const entry = { topics: new Set<string>(), listeners: new Set<(message: unknown) => void>() };
      subscribers.push(entry);
      return {
        connected: true,
        ws: raw,
        send(message: object) {
          const m = message as { type: string; topics?: string[]; topic?: string };
          if (m.type === 'subscribe') m.topics?.forEach((topic) => entry.topics.add(topic));
          if (m.type === 'publish') for (const other of subscribers) if (other.topics.has(m.topic ?? '')) other.listeners.forEach((listener) => listener(structuredClone(message)));
        },
        on(event: string, listener: (message?: unknown) => void) {
          if (event === 'message') entry.listeners.add(listener);
        },
        off(event: string, listener: (message?: unknown) => void) {
          if (event === 'message') entry.listeners.delete(listener);
        },
      } as SignalingSocket;
    };
    const moderator = cardsWorkshop(300);
    laptop('moderator', oldServerSocket(), key, moderator, { answerHellos: true });
    const socket = oldServerSocket();
    const early = listenBeforeKey([socket], TOPIC);
    const doc = new Y.Doc();
    early.useKey(key, doc);
    laptop('table', socket, key, doc, { early });
    await vi.waitFor(() => expect(cards(doc).size).toBe(300), { timeout: 5000 });
    cards(doc).set('from-table', 'x');
    await vi.waitFor(() => expect(cards(moderator).get('from-table')).toBe('x'), { timeout: 10_000 });
    expect(sent).toEqual([]);
    expect(raw.binaryType).toBe('arraybuffer');
  });

  it.each([
    ['previous', 'current'],
    ['current', 'previous'],
  ])('a moderator on the %s version and a table on the %s one, through the new server: the workshop, then edits both ways', async (moderatorVersion, tableVersion) => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', TOPIC);
    const { url } = await startServer();
    const moderatorSocket = await socketTo(url, moderatorVersion === 'current');
    const moderator = cardsWorkshop(300);
    laptop('moderator', moderatorSocket, key, moderator, { answerHellos: true, previous: moderatorVersion === 'previous' });
    if (moderatorVersion === 'current') await vi.waitFor(() => expect(accepted(moderatorSocket)).toBe(true), { timeout: 10_000 });
    const tableSocket = await socketTo(url, tableVersion === 'current');
    const table = new Y.Doc();
    if (tableVersion === 'current') {
      const early = listenBeforeKey([tableSocket], TOPIC);
      early.useKey(key, table);
      laptop('table', tableSocket, key, table, { early });
    } else {
      laptop('table', tableSocket, key, table, { previous: true });
    }
    await vi.waitFor(() => expect(cards(table).size).toBe(300), { timeout: 5000 });
    cards(table).set('from-table', 'Тема: енергоефективність');
    cards(moderator).set('from-moderator', 'Zusammenfassung');
    await vi.waitFor(() => expect(cards(moderator).get('from-table')).toBe('Тема: енергоефективність'), { timeout: 5000 });
    await vi.waitFor(() => expect(cards(table).get('from-moderator')).toBe('Zusammenfassung'), { timeout: 5000 });
    // The laptop of the previous version got everything as JSON: no frame reached it.
    expect(frames(moderatorVersion === 'previous' ? moderatorSocket : tableSocket)).toEqual([]);
  });
});
