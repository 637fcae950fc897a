import { describe, expect, it } from 'vitest';
import type { SignalingServer } from '../../electron/services/signaling-server';
import { MAX_IDS_PER_CONNECTION } from '../../electron/services/relay-routes';
import { toBase64 } from '../../shared/base64';
import { decodeRelayFrame, encodeRelayFrame, MAX_RELAY_FRAME_HEADER_BYTES, MAX_RELAY_PEER_ID_LENGTH } from '../../shared/protocol/relay-frame';
import { MAX_TOPIC_LENGTH, PLENUM_MESSAGE } from '../../shared/protocol/signaling';
import { ofType, type SignalingTestClient } from '../sync/peers/signaling-client';
import { signalingServers } from '../support/signaling-servers';

/*
 * The relay's path through the host's server (issue 17, join-2000): a relay message addressed to one
 * laptop goes to that laptop's connections only, and laptops that offered binary frames send and
 * get the sealed bytes as a frame the server passes on unparsed; laptops that did not (older ones)
 * get the same message as the JSON publish they always read. Bad frames are ignored, never relayed.
 */

const servers = signalingServers();
const startServer = servers.start;

async function connect(server: SignalingServer, topics: string[] = ['relay'], frames = false): Promise<SignalingTestClient> {
  const client = await servers.connect(server);
  if (frames) {
    client.send({ type: PLENUM_MESSAGE.relayBinary });
    await expect(client.next(ofType(PLENUM_MESSAGE.relayBinary))).resolves.toEqual({ type: PLENUM_MESSAGE.relayBinary, ok: true });
  }
  client.send({ type: 'subscribe', topics });
  await client.roundTrip();
  return client;
}


/**
 * Round trips one after the other: once the first (the sender) is back, the server has handled what it sent, and
 * each later client's pong comes after whatever was passed on to it.
 */
async function settle(...all: SignalingTestClient[]): Promise<void> {
  for (const client of all) await client.roundTrip();
}

const publishes = (client: SignalingTestClient) => client.received.filter((message) => message.type === 'publish');

describe('a relay message addressed to one laptop', () => {
  it('goes to the connections that spoke as its addressee, not to the others or back to its sender', async () => {
    const server = await startServer();
    const [moderator, joiner, other] = await Promise.all([connect(server), connect(server), connect(server)]);
    // Each says who it is on the topic (a greeting, a hello).
    joiner.send({ type: 'publish', topic: 'relay', from: 'joiner', data: '' });
    other.send({ type: 'publish', topic: 'relay', from: 'other', data: 'greeting' });
    await settle(joiner, other);
    await settle(moderator, joiner, other);
    const before = [publishes(moderator).length, publishes(joiner).length, publishes(other).length];

    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'joiner', data: 'the-workshop' });
    await expect(joiner.next(ofType('publish', { data: 'the-workshop' }))).resolves.toEqual({
      type: 'publish',
      topic: 'relay',
      from: 'moderator',
      to: 'joiner',
      data: 'the-workshop',
      clients: 3,
    });
    await settle(moderator, other);
    expect(publishes(moderator).length).toBe(before[0]);
    expect(publishes(other).length).toBe(before[2]);
  });

  it('goes to every subscriber while its addressee has not spoken on the topic (as before)', async () => {
    const server = await startServer();
    const [moderator, joiner] = await Promise.all([connect(server), connect(server)]);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'not-heard-yet', data: 'x' });
    await expect(joiner.next(ofType('publish', { data: 'x' }))).resolves.toMatchObject({ to: 'not-heard-yet' });
    await expect(moderator.next(ofType('publish', { data: 'x' }))).resolves.toMatchObject({ to: 'not-heard-yet' });
  });

  it('still reaches the addressee when another connection claims its id too, and is forgotten when it leaves the topic', async () => {
    const server = await startServer();
    const [moderator, joiner, impostor] = await Promise.all([connect(server), connect(server), connect(server)]);
    joiner.send({ type: 'publish', topic: 'relay', from: 'joiner', data: '' });
    impostor.send({ type: 'publish', topic: 'relay', from: 'joiner', data: '' });
    await settle(joiner, impostor);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'joiner', data: 'one' });
    await expect(joiner.next(ofType('publish', { data: 'one' }))).resolves.toMatchObject({ from: 'moderator' });
    await expect(impostor.next(ofType('publish', { data: 'one' }))).resolves.toMatchObject({ from: 'moderator' });

    joiner.send({ type: 'unsubscribe', topics: ['relay'] });
    impostor.close();
    await impostor.closed;
    await settle(joiner);
    // Nobody speaks as `joiner` any more: to every subscriber, as before.
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'joiner', data: 'two' });
    await expect(moderator.next(ofType('publish', { data: 'two' }))).resolves.toMatchObject({ to: 'joiner' });
  });

  it('reaches the addressee reconnected and silent while a stranger claims its id', async () => {
    const server = await startServer();
    const [moderator, laptop, stranger] = await Promise.all([connect(server), connect(server), connect(server)]);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', data: '' });
    laptop.send({ type: 'publish', topic: 'relay', from: 'laptop', data: '' });
    await settle(moderator, laptop);
    laptop.close();
    await laptop.closed;
    const again = await connect(server);
    stranger.send({ type: 'publish', topic: 'relay', from: 'laptop', data: '' });
    await settle(stranger);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'laptop', data: 'for-the-laptop' });
    await expect(again.next(ofType('publish', { data: 'for-the-laptop' }))).resolves.toMatchObject({ from: 'moderator', to: 'laptop' });
    await expect(stranger.next(ofType('publish', { data: 'for-the-laptop' }))).resolves.toMatchObject({ from: 'moderator' });
    // A laptop that spoke on the topic still gets only what is addressed to it.
    await settle(moderator);
    expect(publishes(moderator).some((message) => message.data === 'for-the-laptop')).toBe(false);
  });

  it('does not route on an id longer than a relay id: a megabyte `from` is not remembered', async () => {
    const server = await startServer();
    const [moderator, other, long] = await Promise.all([connect(server), connect(server), connect(server)]);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', data: '' });
    other.send({ type: 'publish', topic: 'relay', from: 'other', data: '' });
    const huge = 'x'.repeat(1024 * 1024);
    long.send({ type: 'publish', topic: 'relay', from: huge, data: '' });
    await settle(moderator, other, long);
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: huge, data: 'to-huge' });
    // Not learned: to every subscriber, as before routing existed.
    await expect(other.next(ofType('publish', { data: 'to-huge' }))).resolves.toMatchObject({ from: 'moderator' });
    await expect(moderator.next(ofType('publish', { data: 'to-huge' }))).resolves.toMatchObject({ from: 'moderator' });
    await expect(long.next(ofType('publish', { data: 'to-huge' }))).resolves.toMatchObject({ from: 'moderator' });
    const longest = 'y'.repeat(MAX_RELAY_PEER_ID_LENGTH);
    long.send({ type: 'publish', topic: 'relay', from: longest, data: '' });
    await settle(long);
    // The longest id a relay uses is still routed on.
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: longest, data: 'to-longest' });
    await expect(long.next(ofType('publish', { data: 'to-longest' }))).resolves.toMatchObject({ from: 'moderator' });
    await settle(moderator, other);
    expect(publishes(other).some((message) => message.data === 'to-longest')).toBe(false);
  });

  it('keeps at most a bounded number of ids per connection', async () => {
    const server = await startServer();
    const [moderator, chatty] = await Promise.all([connect(server), connect(server)]);
    for (let index = 0; index <= MAX_IDS_PER_CONNECTION; index += 1) chatty.send({ type: 'publish', topic: 'relay', from: `id-${index}`, data: '' });
    await settle(chatty);
    // The first id was dropped for the last: a message to it goes to everyone (the moderator's echo shows it).
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: 'id-0', data: 'to-first' });
    await expect(moderator.next(ofType('publish', { data: 'to-first' }))).resolves.toMatchObject({ to: 'id-0' });
    moderator.send({ type: 'publish', topic: 'relay', from: 'moderator', to: `id-${MAX_IDS_PER_CONNECTION}`, data: 'to-last' });
    await expect(chatty.next(ofType('publish', { data: 'to-last' }))).resolves.toMatchObject({ from: 'moderator' });
    await settle(moderator);
    expect(publishes(moderator).some((message) => message.data === 'to-last')).toBe(false);
  });
});

describe('binary relay frames', () => {
  const sealed = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 7) % 256);

  it('pass unchanged to laptops that offered frames, as JSON with the bytes in base64 to the others, never back to the sender', async () => {
    const server = await startServer();
    const [moderator, joiner, older] = await Promise.all([connect(server, ['relay'], true), connect(server, ['relay'], true), connect(server)]);
    const frame = encodeRelayFrame({ topic: 'relay', from: 'moderator' }, sealed);
    moderator.sendRaw(Buffer.from(frame), true);
    await expect(older.next(ofType('publish'))).resolves.toEqual({ type: 'publish', topic: 'relay', from: 'moderator', data: toBase64(sealed), clients: 3 });
    await settle(moderator, joiner);
    expect(joiner.binary).toHaveLength(1);
    expect(Buffer.compare(joiner.binary[0] as Buffer, Buffer.from(frame))).toBe(0);
    expect(moderator.binary).toHaveLength(0);
    expect(publishes(moderator)).toHaveLength(0);
  });

  it('addressed to one laptop, go to its connections only; the hello and greeting fields reach an older laptop', async () => {
    const server = await startServer();
    const [moderator, joiner, bystander, older] = await Promise.all([
      connect(server, ['relay'], true),
      connect(server, ['relay'], true),
      connect(server, ['relay'], true),
      connect(server),
    ]);
    joiner.send({ type: 'publish', topic: 'relay', from: 'hello-1', data: '' });
    // The bystander has greeted (a laptop silent on the topic gets directed messages too: it may be the addressee).
    bystander.send({ type: 'publish', topic: 'relay', from: 'bystander', data: '' });
    await settle(joiner, bystander);
    moderator.sendRaw(Buffer.from(encodeRelayFrame({ topic: 'relay', from: 'moderator', to: 'hello-1' }, sealed)), true);
    const greeting = encodeRelayFrame({ topic: 'relay', from: 'joiner', to: 'older', hello: 'hello-1' }, Uint8Array.of(1, 2, 3));
    older.send({ type: 'publish', topic: 'relay', from: 'older', data: 'hi' });
    await settle(older);
    joiner.sendRaw(Buffer.from(greeting), true);
    await expect(older.next(ofType('publish', { from: 'joiner' }))).resolves.toEqual({
      type: 'publish',
      topic: 'relay',
      from: 'joiner',
      to: 'older',
      hello: 'hello-1',
      data: toBase64(Uint8Array.of(1, 2, 3)),
      clients: 4,
    });
    await settle(moderator, joiner, bystander);
    expect(joiner.binary.map((bytes) => decodeRelayFrame(bytes)?.header)).toEqual([{ topic: 'relay', from: 'moderator', to: 'hello-1' }]);
    expect(bystander.binary).toHaveLength(0);
    expect(moderator.binary).toHaveLength(0);
  });

  it('may come from a laptop that did not offer them: only receivers must have', async () => {
    const server = await startServer();
    const [sender, receiver] = await Promise.all([connect(server), connect(server, ['relay'], true)]);
    sender.sendRaw(Buffer.from(encodeRelayFrame({ topic: 'relay', from: 's' }, Uint8Array.of(9))), true);
    await settle(sender, receiver);
    expect(receiver.binary).toHaveLength(1);
  });

  it('that are malformed are ignored and counted, never relayed, and the connection keeps working', async () => {
    const server = await startServer();
    const [sender, receiver, older] = await Promise.all([connect(server, ['relay'], true), connect(server, ['relay'], true), connect(server)]);
    const good = encodeRelayFrame({ topic: 'relay', from: 'a' }, Uint8Array.of(1));
    const header = (json: string) => {
      const head = Buffer.from(json);
      return Buffer.concat([Buffer.from([0x50, 0x52, 1, head.length >> 8, head.length & 0xff]), head, Buffer.from([1, 2])]);
    };
    const bad: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([0x50]),
      Buffer.from('{"type":"publish","topic":"relay","from":"a","data":"x"}'),
      Buffer.concat([Buffer.from([0x50, 0x52, 2]), Buffer.from(good).subarray(3)]),
      Buffer.from([0x50, 0x52, 1, 0xff, 0xff, 0x7b]),
      Buffer.from([0x50, 0x52, 1, 0x00, 0x09, 0x7b]),
      header('{"topic":"relay","from":"a"'),
      header('{"topic":"relay"}'),
      header('{"topic":"relay","from":""}'),
      header('{"topic":"relay","from":"a","to":5}'),
      header(`{"topic":"${'t'.repeat(MAX_TOPIC_LENGTH + 1)}","from":"a"}`),
      header(`{"topic":"relay","from":"${'a'.repeat(200)}"}`),
      header(`{"topic":"relay","from":"a","x":"${'y'.repeat(MAX_RELAY_FRAME_HEADER_BYTES)}"}`),
      Buffer.concat([Buffer.from([0x50, 0x52, 1, 0, 4]), Buffer.from([0xff, 0xfe, 0xfd, 0xfc])]),
      header('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'),
    ];
    const ignoredBefore = server.stats().messagesIgnored;
    for (const bytes of bad) sender.sendRaw(bytes, true);
    await settle(sender, receiver, older);
    expect(receiver.binary).toHaveLength(0);
    expect(publishes(older)).toHaveLength(0);
    expect(server.stats().messagesIgnored - ignoredBefore).toBe(bad.length);

    sender.sendRaw(Buffer.from(good), true);
    await settle(sender, receiver, older);
    expect(receiver.binary).toHaveLength(1);
    expect(publishes(older)).toHaveLength(1);
  });

  it('count against the message rate like any message, and an oversized one closes its connection alone', async () => {
    const server = await startServer({ messageBurst: 5, messagesPerSecond: 1, maxPayloadBytes: 64 * 1024 });
    const [sender, receiver] = await Promise.all([connect(server, ['relay'], true), connect(server, ['relay'], true)]);
    const frame = Buffer.from(encodeRelayFrame({ topic: 'relay', from: 'a' }, Uint8Array.of(1)));
    const before = server.stats();
    for (let index = 0; index < 20; index += 1) sender.sendRaw(frame, true);
    // Each frame was either passed on (to the one receiver) or refused for the rate.
    await expect.poll(() => server.stats().messagesRateLimited - before.messagesRateLimited + server.stats().messagesRelayed - before.messagesRelayed, { timeout: 10_000 }).toBe(20);
    expect(server.stats().messagesRelayed - before.messagesRelayed).toBeLessThanOrEqual(6);

    sender.sendRaw(Buffer.from(encodeRelayFrame({ topic: 'relay', from: 'a' }, new Uint8Array(70 * 1024))), true);
    await expect(sender.closed).resolves.toBe(1009);
    await settle(receiver);
  });

  it('from a phone are ignored', async () => {
    const server = await startServer();
    const moderator = await connect(server, ['relay'], true);
    moderator.send({ type: 'plenum-host', room: 'room-1', verifier: 'v'.repeat(32) });
    await moderator.next(ofType('plenum-host-result', { ok: true }));
    const phone = await connect(server, []);
    phone.send({ type: 'plenum-phone-join', verifier: 'v'.repeat(32) });
    await expect(phone.next(ofType('plenum-phone-joined'))).resolves.toMatchObject({ ok: true });
    const before = server.stats().messagesIgnored;
    phone.sendRaw(Buffer.from(encodeRelayFrame({ topic: 'relay', from: 'p' }, Uint8Array.of(1))), true);
    await settle(phone, moderator);
    expect(moderator.binary).toHaveLength(0);
    expect(server.stats().messagesIgnored).toBe(before + 1);
  });
});
