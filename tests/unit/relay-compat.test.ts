import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { listenBeforeKey, startRelay } from '../../renderer/network/relay';
import { startRelay as startPreviousRelay } from '../fixtures/relay-c29cfef';
import { cardsWorkshop, memoryHub, type MemoryHub } from '../support/relay-hub';

/*
 * A laptop on the previous version (tests/fixtures/relay-c29cfef.ts: the relay before issue 17)
 * and one on this version in the same room: the workshop and later edits reach each other both
 * ways, whoever holds the workshop, with the new laptop's hello (which the old one cannot open).
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

type Version = 'previous' | 'current';

function startLaptop(version: Version, name: string, server: MemoryHub, key: RelayKey, doc: Y.Doc, host: boolean) {
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

const cards = (doc: Y.Doc) => doc.getMap<string>('cards');

describe('the relay between the previous version and this one', () => {
  it.each<[Version, Version]>([
    ['previous', 'current'],
    ['current', 'previous'],
  ])('a moderator on the %s version and a table on the %s one: the workshop, then edits both ways', async (moderatorVersion, tableVersion) => {
    const key = await deriveRelayKey('K7QF2MXD9PAW', 'relay-compat');
    const server = memoryHub();
    const moderator = startLaptop(moderatorVersion, 'moderator', server, key, cardsWorkshop(300), true);
    // The moderator has been in the room a while: its greeting is out.
    await vi.waitFor(() => expect(server.published.some((message) => message.from === 'moderator')).toBe(true), { timeout: 10_000 });
    const table = startLaptop(tableVersion, 'table', server, key, new Y.Doc(), false);
    await vi.waitFor(() => expect(cards(table).size).toBe(300), { timeout: 5000 });

    cards(table).set('from-table', 'Тема: енергоефективність');
    cards(moderator).set('from-moderator', 'Zusammenfassung');
    await vi.waitFor(() => expect(cards(moderator).get('from-table')).toBe('Тема: енергоефективність'), { timeout: 5000 });
    await vi.waitFor(() => expect(cards(table).get('from-moderator')).toBe('Zusammenfassung'), { timeout: 5000 });
  });
});
