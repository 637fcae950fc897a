import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
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
  return { doc, provider, room: provider.room, peers, overheard, key };
}

/**
 * What y-webrtc posted on its BroadcastChannel, decrypted: the message type and, for sync
 * messages, the sync step (2: an update). Its greeting when it connects (sync steps 0 and 1,
 * awareness, its peer id) is posted after an asynchronous encryption, so on a loaded machine
 * it may arrive at any time; an update (0, 2) is what sendDirectOnly keeps off the channel.
 */
async function kindsOnChannel(messages: readonly Uint8Array[], key: CryptoKey): Promise<number[][]> {
  return Promise.all(
    messages.map(async (data) => {
      const sealed = decoding.createDecoder(data);
      const name = decoding.readVarString(sealed);
      // Copies: WebCrypto takes views of a plain ArrayBuffer only.
      const iv = new Uint8Array(decoding.readVarUint8Array(sealed));
      const cipher = new Uint8Array(decoding.readVarUint8Array(sealed));
      const plain = new Uint8Array(await crypto.subtle.decrypt({ name, iv }, key, cipher));
      const decoder = decoding.createDecoder(plain);
      const type = decoding.readVarUint(decoder);
      return type === 0 ? [type, decoding.readVarUint(decoder)] : [type];
    }),
  );
}

const messageType = (message: Uint8Array) => decoding.readVarUint(decoding.createDecoder(message));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('peer sync sends each update once to each WebRTC peer', () => {
  it('an edit made here goes to every peer once, and not onto the BroadcastChannel', async () => {
    const { doc, peers, overheard, key } = await roomWithPeers(3);
    doc.getMap('cards').set('a', 'Bürgerbeteiligung früh planen');
    await settle();
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
