import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay, type SignalingSocket } from '../../renderer/network/relay';
import { startRelay as startPreviousRelay } from '../fixtures/relay-c29cfef';

/*
 * A laptop on the previous version (tests/fixtures/relay-c29cfef.ts: the relay before issue 17)
 * and one on this version in the same room: the workshop and later edits reach each other both
 * ways, whoever holds the workshop, with the new laptop's hello (which the old one cannot open).
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A signaling server in memory: a publish reaches every other socket subscribed to its topic. */
function hub() {
  const sockets: Array<{ topics: Set<string>; onMessage: Set<(message: unknown) => void> }> = [];
  const socket = (): SignalingSocket => {
    const entry = { topics: new Set<string>(), onMessage: new Set<(message: unknown) => void>() };
    sockets.push(entry);
    return {
      connected: true,
      send(message: object) {
        const m = message as { type: string; topics?: string[]; topic?: string };
        if (m.type === 'subscribe') m.topics?.forEach((topic) => entry.topics.add(topic));
        if (m.type === 'unsubscribe') m.topics?.forEach((topic) => entry.topics.delete(topic));
        if (m.type === 'publish') for (const other of sockets) if (other !== entry && other.topics.has(m.topic ?? '')) other.onMessage.forEach((listener) => listener(message));
      },
      on(event: string, listener: (message?: unknown) => void) {
        if (event === 'message') entry.onMessage.add(listener);
      },
      off(event: string, listener: (message?: unknown) => void) {
        if (event === 'message') entry.onMessage.delete(listener);
      },
    } as SignalingSocket;
  };
  return { socket };
}

type Version = 'previous' | 'current';

function startLaptop(version: Version, name: string, server: ReturnType<typeof hub>, key: RelayKey, doc: Y.Doc, host: boolean) {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, role: host ? 'host' : 'table', tableId: null });
  const socket = server.socket();
  const common = { doc, awareness, topic: 'relay-compat', key, peerId: name, webrtcOrigin: {}, isDirect: () => false, onChange: () => undefined };
  const relay =
    version === 'previous'
      ? startPreviousRelay(common)
      : startRelay({ ...common, early: listenBeforeKey([socket], 'relay-compat'), answerHellos: host });
  cleanups.push(() => {
    relay.destroy();
    doc.destroy();
  });
  relay.attach(socket);
  return doc;
}

function workshop(cards: number): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('cards');
  for (let index = 0; index < cards; index += 1) map.set(`card-${index}`, `Karte ${index}: Bürgerbeteiligung früh planen`);
  return doc;
}

const cards = (doc: Y.Doc) => doc.getMap<string>('cards');

describe('the relay between the previous version and this one', () => {
  it.each<[Version, Version]>([
    ['previous', 'current'],
    ['current', 'previous'],
  ])('a moderator on the %s version and a table on the %s one: the workshop, then edits both ways', async (moderatorVersion, tableVersion) => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-compat');
    const server = hub();
    const moderator = startLaptop(moderatorVersion, 'moderator', server, key, workshop(300), true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const table = startLaptop(tableVersion, 'table', server, key, new Y.Doc(), false);
    await vi.waitFor(() => expect(cards(table).size).toBe(300), { timeout: 5000 });

    cards(table).set('from-table', 'Тема: енергоефективність');
    cards(moderator).set('from-moderator', 'Zusammenfassung');
    await vi.waitFor(() => expect(cards(moderator).get('from-table')).toBe('Тема: енергоефективність'), { timeout: 5000 });
    await vi.waitFor(() => expect(cards(table).get('from-moderator')).toBe('Zusammenfassung'), { timeout: 5000 });
  });
});
