import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { startSignalingServer } from '../../electron/services/signaling-server';
import { SignalingTestClient, ofType } from '../sync/peers/signaling-client';
import { signalingServers } from '../support/signaling-servers';

// Real sockets on 127.0.0.1, port 0 (tests/support/signaling-servers.ts closes them after each test).

const { start: startServer, connect } = signalingServers();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('y-webrtc signaling protocol', () => {
  it('a publish reaches every subscriber of its topic, the sender included, with the number of receivers', async () => {
    const server = await startServer();
    const [alice, bob, carol] = await Promise.all([connect(server), connect(server), connect(server)]);
    alice.send({ type: 'subscribe', topics: ['room-1'] });
    bob.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    carol.send({ type: 'subscribe', topics: ['room-2'] });
    await Promise.all([alice.roundTrip(), bob.roundTrip(), carol.roundTrip()]);

    const data = { type: 'announce', from: 'peer-a', nested: [1, 'two', { three: true }] };
    alice.send({ type: 'publish', topic: 'room-1', data });
    const expected = { type: 'publish', topic: 'room-1', data, clients: 2 };
    await expect(alice.next(ofType('publish'))).resolves.toEqual(expected);
    await expect(bob.next(ofType('publish'))).resolves.toEqual(expected);
    await carol.roundTrip();
    expect(carol.pending).toEqual([]);
  });

  it('lets a connection publish to a topic it has not joined, and drops a publish to a topic nobody joined', async () => {
    const server = await startServer();
    const [alice, outsider] = await Promise.all([connect(server), connect(server)]);
    alice.send({ type: 'subscribe', topics: ['room-1'] });
    await alice.roundTrip();
    outsider.send({ type: 'publish', topic: 'room-1', data: 'x' });
    outsider.send({ type: 'publish', topic: 'nobody-here', data: 'y' });
    await expect(alice.next(ofType('publish'))).resolves.toEqual({ type: 'publish', topic: 'room-1', data: 'x', clients: 1 });
    await outsider.roundTrip();
    await alice.roundTrip();
    expect([...outsider.pending, ...alice.pending]).toEqual([]);
    expect(server.stats().messagesRelayed).toBe(1);
  });

  it('stops delivering after unsubscribe, and forgets the topic when its last subscriber leaves', async () => {
    const server = await startServer();
    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    alice.send({ type: 'subscribe', topics: ['room-1'] });
    bob.send({ type: 'subscribe', topics: ['room-1'] });
    await Promise.all([alice.roundTrip(), bob.roundTrip()]);
    bob.send({ type: 'unsubscribe', topics: ['room-1'] });
    await bob.roundTrip();
    alice.send({ type: 'publish', topic: 'room-1', data: 'after' });
    await expect(alice.next(ofType('publish'))).resolves.toMatchObject({ clients: 1 });
    await bob.roundTrip();
    expect(bob.pending).toEqual([]);

    expect(server.stats().topics).toBe(1);
    alice.close();
    await alice.closed;
    await bob.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 0, connections: 1 });
  });

  it('answers ping with pong', async () => {
    const server = await startServer();
    const alice = await connect(server);
    alice.send({ type: 'ping' });
    await expect(alice.next()).resolves.toEqual({ type: 'pong' });
  });

  it('tells a laptop its clock (the room time), and ignores a malformed question', async () => {
    const server = await startServer();
    const alice = await connect(server);
    const before = Date.now();
    alice.send({ type: 'plenum-time', id: 7 });
    const reply = (await alice.next(ofType('plenum-time'))) as { id: number; now: number };
    expect(reply.id).toBe(7);
    expect(reply.now).toBeGreaterThanOrEqual(before);
    expect(reply.now).toBeLessThanOrEqual(Date.now());
    for (const bad of [{ type: 'plenum-time' }, { type: 'plenum-time', id: -1 }, { type: 'plenum-time', id: 'x' }, { type: 'plenum-time', id: 1.5 }]) alice.send(bad);
    await alice.roundTrip();
    expect(alice.pending.filter(ofType('plenum-time'))).toEqual([]);
    expect(server.stats().messagesIgnored).toBe(4);
  });

  it('closes a connection that stops answering WebSocket pings, and keeps the live one', async () => {
    const server = await startServer({ pingIntervalMs: 100 });
    const live = await connect(server);
    const dead = await connect(server, { autoPong: false });
    await expect(dead.closed).resolves.toBe(1006);
    await live.roundTrip();
    expect(server.stats().connections).toBe(1);
  });
});

describe('hardening: bad input', () => {
  const garbage = [
    '{',
    'not json at all',
    'null',
    '42',
    '"subscribe"',
    '[{"type":"ping"}]',
    '{}',
    '{"type":null}',
    '{"type":"unknown"}',
    '{"type":"PING"}',
    '{"type":"subscribe","topics":"room-1"}',
    '{"type":"subscribe","topics":[1,2,3]}',
    '{"type":"subscribe","topics":{"length":1000000}}',
    '{"type":"unsubscribe"}',
    '{"type":"publish"}',
    '{"type":"publish","topic":5,"data":"x"}',
    '{"type":"publish","topic":"","data":"x"}',
    '{"type":"plenum-host","room":"r"}',
    '{"type":"plenum-host","room":42,"verifier":"0123456789abcdef"}',
    '{"type":"plenum-join-check","verifier":42}',
    '{"type":"plenum-join-check","verifier":"short"}',
    '{"__proto__":{"type":"ping"}}',
    '',
  ];

  it('ignores malformed JSON, non-objects, unknown types and wrong field types; the connection stays usable', async () => {
    const server = await startServer();
    const [sender, bystander] = await Promise.all([connect(server), connect(server)]);
    bystander.send({ type: 'subscribe', topics: ['room-1'] });
    await bystander.roundTrip();
    for (const text of garbage) sender.sendRaw(text);
    await sender.roundTrip();
    expect(sender.pending).toEqual([]);
    expect(server.stats().messagesIgnored).toBe(garbage.length);

    // Both still work: the sender joins and publishes, the bystander receives.
    sender.send({ type: 'subscribe', topics: ['room-1'] });
    sender.send({ type: 'publish', topic: 'room-1', data: 'still here' });
    await expect(bystander.next(ofType('publish'))).resolves.toMatchObject({ data: 'still here', clients: 2 });
    expect(server.stats().connections).toBe(2);
  });

  it('refuses JSON nested too deep before parsing it, so one client cannot stall the server', async () => {
    const server = await startServer();
    const [sender, receiver] = await Promise.all([connect(server), connect(server)]);
    receiver.send({ type: 'subscribe', topics: ['room-1'] });
    await receiver.roundTrip();
    const depth = 1_000_000;
    const tooDeep = [
      `{"type":"publish","topic":"room-1","data":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      // 34 levels, over the limit of 32 (the brackets inside its string do not count either way).
      `{"type":"publish","topic":"room-1","data":${'['.repeat(33)}"[[[{{{"${']'.repeat(33)}}`,
    ];
    // The server runs in this process: what it hands JSON.parse is seen here (a million levels would stall it).
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const text of tooDeep) sender.sendRaw(text);
      await sender.roundTrip();
      expect(server.stats().messagesIgnored).toBe(2);

      // Nesting within the limit, and brackets inside strings, pass.
      const nested = { a: [[[{ b: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["' }]]] };
      const within = { type: 'publish', topic: 'room-1', data: nested };
      sender.send(within);
      await expect(receiver.next(ofType('publish'))).resolves.toMatchObject({ data: nested });
      const parsed = parse.mock.calls.map(([text]) => text);
      expect(parsed).toContain(JSON.stringify(within));
      expect(parsed.filter((text) => tooDeep.includes(text))).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('ignores binary frames, even ones holding a valid message', async () => {
    const server = await startServer();
    const [sender, other] = await Promise.all([connect(server), connect(server)]);
    sender.sendRaw(Buffer.from(JSON.stringify({ type: 'subscribe', topics: ['room-1'] })), true);
    sender.sendRaw(Buffer.from([0, 159, 146, 150]), true);
    await sender.roundTrip();
    other.send({ type: 'publish', topic: 'room-1', data: 'x' });
    await other.roundTrip();
    await sender.roundTrip();
    expect(sender.pending).toEqual([]);
    expect(server.stats()).toMatchObject({ messagesIgnored: 2, topics: 0 });
  });

  it('skips empty and over-long topic names inside an otherwise valid subscribe', async () => {
    const server = await startServer();
    const client = await connect(server);
    client.send({ type: 'subscribe', topics: ['', 'x'.repeat(513), 'ok'] });
    await client.roundTrip();
    expect(server.stats().topics).toBe(1);
  });

  it('closes only the connection that sends an oversized message', async () => {
    const server = await startServer({ maxPayloadBytes: 1024 });
    const [big, alice, bob] = await Promise.all([connect(server), connect(server), connect(server)]);
    alice.send({ type: 'subscribe', topics: ['room-1'] });
    bob.send({ type: 'subscribe', topics: ['room-1'] });
    await Promise.all([alice.roundTrip(), bob.roundTrip()]);
    big.send({ type: 'publish', topic: 'room-1', data: 'x'.repeat(2000) });
    await expect(big.closed).resolves.toBe(1009);

    alice.send({ type: 'publish', topic: 'room-1', data: 'x'.repeat(900) });
    await expect(bob.next(ofType('publish'))).resolves.toMatchObject({ clients: 2 });
    expect(server.stats().connections).toBe(2);
  });

  it('closes only the connection that sends a text frame that is not UTF-8', async () => {
    const server = await startServer();
    const [bad, good] = await Promise.all([connect(server), connect(server)]);
    bad.sendRaw(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), false);
    await expect(bad.closed).resolves.toBe(1007);
    await good.roundTrip();
  });

  it('drops messages over the per-connection rate, keeps the connection, and recovers', async () => {
    const server = await startServer({ messagesPerSecond: 50, messageBurst: 20 });
    const [flooder, other] = await Promise.all([connect(server), connect(server)]);
    for (let i = 0; i < 200; i++) flooder.send({ type: 'ping' });
    await other.roundTrip();
    await sleep(100);
    const pongs = flooder.received.filter(ofType('pong')).length;
    expect(pongs).toBeGreaterThanOrEqual(20);
    expect(pongs).toBeLessThan(40);
    expect(server.stats().messagesRateLimited).toBe(200 - pongs);
    await sleep(200);
    await flooder.roundTrip();
  });
});

describe('hardening: topic limits', () => {
  it('refuses topics beyond the per-connection limit', async () => {
    const server = await startServer({ maxTopicsPerConnection: 3 });
    const [greedy, publisher] = await Promise.all([connect(server), connect(server)]);
    greedy.send({ type: 'subscribe', topics: ['t1', 't2'] });
    greedy.send({ type: 'subscribe', topics: ['t2', 't3', 't4', 't5'] });
    await greedy.roundTrip();
    expect(server.stats().topics).toBe(3);
    publisher.send({ type: 'publish', topic: 't3', data: 'in' });
    publisher.send({ type: 'publish', topic: 't4', data: 'out' });
    await expect(greedy.next(ofType('publish'))).resolves.toMatchObject({ topic: 't3' });
    await publisher.roundTrip();
    await greedy.roundTrip();
    expect(greedy.pending).toEqual([]);

    // Leaving a topic frees its slot.
    greedy.send({ type: 'unsubscribe', topics: ['t1'] });
    greedy.send({ type: 'subscribe', topics: ['t4'] });
    await greedy.roundTrip();
    publisher.send({ type: 'publish', topic: 't4', data: 'now in' });
    await expect(greedy.next(ofType('publish'))).resolves.toMatchObject({ topic: 't4' });
  });

  it('refuses new topics beyond the server-wide limit, but still lets clients join existing ones', async () => {
    const server = await startServer({ maxTopics: 2 });
    const [first, second] = await Promise.all([connect(server), connect(server)]);
    first.send({ type: 'subscribe', topics: ['t1', 't2'] });
    await first.roundTrip();
    second.send({ type: 'subscribe', topics: ['t3', 't1'] });
    await second.roundTrip();
    expect(server.stats().topics).toBe(2);
    second.send({ type: 'publish', topic: 't1', data: 'x' });
    await expect(first.next(ofType('publish'))).resolves.toMatchObject({ clients: 2 });
  });
});

describe('hardening: connections', () => {
  it('accepts 200 connections at once from loopback, relays to all of them, and still serves two honest clients', async () => {
    const server = await startServer({ maxConnectionsPerAddress: 256 });
    const started = performance.now();
    const crowd = await Promise.all(Array.from({ length: 200 }, () => connect(server)));
    const acceptMs = performance.now() - started;
    expect(server.stats().connections).toBe(200);

    for (const client of crowd) client.send({ type: 'subscribe', topics: ['crowd'] });
    await Promise.all(crowd.map((client) => client.roundTrip(5000)));
    const fanOutStarted = performance.now();
    crowd[0]?.send({ type: 'publish', topic: 'crowd', data: 'to all' });
    const delivered = await Promise.all(crowd.map((client) => client.next(ofType('publish'), 5000)));
    const fanOutMs = performance.now() - fanOutStarted;
    expect(delivered.every((message) => message.clients === 200)).toBe(true);

    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    alice.send({ type: 'subscribe', topics: ['honest'] });
    bob.send({ type: 'subscribe', topics: ['honest'] });
    await Promise.all([alice.roundTrip(), bob.roundTrip()]);
    alice.send({ type: 'publish', topic: 'honest', data: 'from alice' });
    bob.send({ type: 'publish', topic: 'honest', data: 'from bob' });
    await expect(bob.next(ofType('publish', { data: 'from alice' }))).resolves.toMatchObject({ clients: 2 });
    await expect(alice.next(ofType('publish', { data: 'from bob' }))).resolves.toMatchObject({ clients: 2 });
    console.info(`signaling: 200 connections accepted in ${acceptMs.toFixed(0)} ms; one publish to 200 delivered in ${fanOutMs.toFixed(1)} ms`);
  });

  it('refuses connections beyond the per-address limit with HTTP 429, and frees the slot when one closes', async () => {
    const server = await startServer({ maxConnectionsPerAddress: 5 });
    const five = await Promise.all(Array.from({ length: 5 }, () => connect(server)));
    await expect(connect(server)).rejects.toThrow('refused with HTTP 429');
    expect(server.stats()).toMatchObject({ connections: 5, addresses: 1, connectionsRefused: 1 });
    await five[0]?.roundTrip();

    five[0]?.close();
    await five[0]?.closed;
    await sleep(20);
    const again = await connect(server);
    await again.roundTrip();
  });

  it('refuses connections beyond the total limit', async () => {
    const server = await startServer({ maxConnections: 3 });
    await Promise.all(Array.from({ length: 3 }, () => connect(server)));
    await expect(connect(server)).rejects.toThrow('refused with HTTP 429');
  });

  it('rejects with "port N is in use" when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startSignalingServer({ host: '127.0.0.1', port })).rejects.toThrow(`port ${port} is in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('close() ends every connection and frees the port', async () => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const client = await SignalingTestClient.connect(`ws://127.0.0.1:${server.port}`);
    await server.close();
    await expect(client.closed).resolves.toBe(1006);
    const reuse = await startSignalingServer({ host: '127.0.0.1', port: server.port });
    await reuse.close();
    expect(reuse.port).toBe(server.port);
  });
});
