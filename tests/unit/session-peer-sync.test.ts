import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { MAX_DIRECT_PEERS, openProvider, sendDirectOnly } from '../../renderer/network/peer-sync';

/*
 * sendDirectOnly replaces two handlers inside y-webrtc's Room (renderer/network/peer-sync.ts).
 * These tests run it on a real y-webrtc room, with stand-in connections in its connection map,
 * so that a y-webrtc upgrade that renames those fields fails here instead of silently bringing
 * back the echoes (ten laptops: 90 messages per card and per presence renewal instead of 9).
 */

interface SentTo {
  messages: Uint8Array[];
}

const providers: WebrtcProvider[] = [];
const channels: BroadcastChannel[] = [];

afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
  for (const provider of providers.splice(0)) provider.destroy();
});

async function roomWithPeers(count: number, relaySender: () => string | null = () => null) {
  const doc = new Y.Doc();
  const name = `session-peer-sync-${crypto.randomUUID()}`;
  // What a second tab would hear on y-webrtc's own BroadcastChannel; it must stay silent.
  const overheard: Uint8Array[] = [];
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<Uint8Array>) => overheard.push(event.data);
  channels.push(channel);
  const provider = new WebrtcProvider(name, doc, { signaling: [], password: 'K7QF2MXD9PAW' });
  providers.push(provider);
  const key = await provider.key;
  if (!key) throw new Error('no room key');
  const room = provider.room as unknown as { webrtcConns: Map<string, unknown> };
  const peers: SentTo[] = [];
  for (let index = 0; index < count; index += 1) {
    const sent: SentTo = { messages: [] };
    peers.push(sent);
    room.webrtcConns.set(`peer-${index}`, { connected: true, peer: { send: (message: Uint8Array) => sent.messages.push(message) }, destroy: () => undefined });
  }
  sendDirectOnly(provider.awareness, provider.room, relaySender);
  return { doc, provider, room: provider.room, peers, overheard, key, channel };
}

/**
 * What y-webrtc posted on its BroadcastChannel, decrypted: the message type and, for sync
 * messages, the sync step (2: an update). Its greeting when it connects (sync steps 0 and 1,
 * awareness, its peer id) is posted after an asynchronous encryption, so on a loaded machine
 * it may arrive at any time; an update (0, 2) is what sendDirectOnly keeps off the channel.
 */
async function kindsOnChannel(messages: readonly Uint8Array[], key: CryptoKey): Promise<number[][]> {
  return (await openedOnChannel(messages, key)).map((plain) => {
    const decoder = decoding.createDecoder(plain);
    const type = decoding.readVarUint(decoder);
    return type === 0 ? [type, decoding.readVarUint(decoder)] : [type];
  });
}

async function openedOnChannel(messages: readonly Uint8Array[], key: CryptoKey): Promise<Uint8Array[]> {
  return Promise.all(
    messages.map(async (data) => {
      const sealed = decoding.createDecoder(data);
      const name = decoding.readVarString(sealed);
      // Copies: WebCrypto takes views of a plain ArrayBuffer only.
      const iv = new Uint8Array(decoding.readVarUint8Array(sealed));
      const cipher = new Uint8Array(decoding.readVarUint8Array(sealed));
      return new Uint8Array(await crypto.subtle.decrypt({ name, iv }, key, cipher));
    }),
  );
}

const messageType = (message: Uint8Array) => decoding.readVarUint(decoding.createDecoder(message));

/**
 * A barrier for "nothing more goes on the BroadcastChannel": a second tab's greeting (sync step 1, holding nothing),
 * sealed as y-webrtc seals, posted now. y-webrtc answers it on the channel with all of `doc` (sync step 2) through the
 * same encryption, so whatever it posted for what happened before comes first. (Its own greeting when it connected
 * holds a sync step 2 too, of the document as it was then.)
 */
async function greetingAnswered(channel: BroadcastChannel, overheard: readonly Uint8Array[], key: CryptoKey, doc: Y.Doc): Promise<void> {
  const greeting = encoding.createEncoder();
  encoding.writeVarUint(greeting, 0);
  syncProtocol.writeSyncStep1(greeting, new Y.Doc());
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(greeting)));
  const sealed = encoding.createEncoder();
  encoding.writeVarString(sealed, 'AES-GCM');
  encoding.writeVarUint8Array(sealed, iv);
  encoding.writeVarUint8Array(sealed, cipher);
  channel.postMessage(encoding.toUint8Array(sealed));
  const holdsAllOfDoc = (plain: Uint8Array) => {
    const decoder = decoding.createDecoder(plain);
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return false;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
    return Buffer.from(Y.encodeStateVector(copy)).equals(Buffer.from(Y.encodeStateVector(doc)));
  };
  await vi.waitFor(async () => expect((await openedOnChannel(overheard, key)).some(holdsAllOfDoc)).toBe(true), { timeout: 5000 });
}

describe('peer sync sends each update once to each WebRTC peer', () => {
  it('an edit made here goes to every peer once, and not onto the BroadcastChannel', async () => {
    const { doc, peers, overheard, key, channel } = await roomWithPeers(3);
    doc.getMap('cards').set('a', 'Bürgerbeteiligung früh planen');
    await greetingAnswered(channel, overheard, key, doc);
    for (const peer of peers) expect(peer.messages.map(messageType)).toEqual([0]);
    expect(await kindsOnChannel(overheard, key)).not.toContainEqual([0, 2]);

    // y-webrtc's format: message type, sync message type (2: update), the update.
    const decoder = decoding.createDecoder(peers[0]?.messages[0] ?? new Uint8Array());
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2]);
    const other = new Y.Doc();
    Y.applyUpdate(other, decoding.readVarUint8Array(decoder));
    expect(other.getMap('cards').get('a')).toBe('Bürgerbeteiligung früh planen');
  });

  it('an update that arrived over WebRTC is not sent on; one that came through the relay is', async () => {
    const { doc, room, peers } = await roomWithPeers(2);
    const elsewhere = new Y.Doc();
    elsewhere.getMap('cards').set('b', 'Тема: енергоефективність');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), room);
    expect(peers.map((peer) => peer.messages.length)).toEqual([0, 0]);

    elsewhere.getMap('cards').set('c', 'via relay');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), 'plenum:relay');
    expect(peers.map((peer) => peer.messages.map(messageType))).toEqual([[0], [0]]);
  });

  it('an update that came through the relay does not go back over WebRTC to the laptop that sent it', async () => {
    let sender: string | null = null;
    const { doc, peers } = await roomWithPeers(2, () => sender);
    const moderator = new Y.Doc();
    for (let index = 0; index < 50; index += 1) moderator.getMap('cards').set(`card-${index}`, 'Bürgerbeteiligung früh planen');
    // What the relay does while it applies the moderator's answer (relay.applyingFrom()).
    sender = 'peer-0';
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(moderator), 'plenum:relay');
    sender = null;
    expect(peers.map((peer) => peer.messages.map(messageType))).toEqual([[], [0]]);
  });

  it('presence: this laptop’s own changes go to every peer; a renewal heard from a peer is not re-sent', async () => {
    const { provider, room, peers } = await roomWithPeers(3);
    provider.awareness.setLocalStateField('user', { name: 'Tisch 2', role: 'table', tableId: null });
    for (const peer of peers) expect(peer.messages.map(messageType)).toEqual([1]);

    const remote = new Y.Doc();
    const { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } = await import('y-protocols/awareness');
    const theirs = new Awareness(remote);
    theirs.setLocalStateField('user', { name: 'Moderation', role: 'host', tableId: null });
    applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(theirs, [remote.clientID]), room);
    theirs.setLocalStateField('user', { name: 'Moderation', role: 'host', tableId: 't1' });
    applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(theirs, [remote.clientID]), room);
    expect(provider.awareness.getStates().get(remote.clientID)).toMatchObject({ user: { tableId: 't1' } });
    for (const peer of peers) expect(peer.messages.map(messageType)).toEqual([1]);
    theirs.destroy();
  });
});

describe('every laptop opens enough WebRTC connections for a full mesh', () => {
  it('the cap is the same on every laptop, not y-webrtc’s 20 + random(15), and leaves room for twenty laptops and more', () => {
    // y-webrtc opens a connection to a newcomer only while it has fewer than maxConns; a pair
    // without one syncs through the relay (Plenum does not pass updates on). With y-webrtc's
    // random default, rooms of 22+ laptops got such pairs by chance.
    const caps = Array.from({ length: 8 }, () => {
      const doc = new Y.Doc();
      const provider = openProvider({ doc, room: `session-peer-sync-${crypto.randomUUID()}`, secret: 'K7QF2MXD9PAW', signaling: [] });
      providers.push(provider);
      return provider.maxConns;
    });
    expect(new Set(caps)).toEqual(new Set([MAX_DIRECT_PEERS]));
    expect(MAX_DIRECT_PEERS).toBeGreaterThanOrEqual(34);
  });
});
