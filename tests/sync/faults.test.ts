import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { converge, fuzzAll, fuzzErrors, newRoom, roomArgs, runSeed, seedNote, sleep, status, stopAll, type Room } from './cluster';
import { uncaughtBesidesRestarts } from './faults-known';
import { PeerProcess } from './peer-process';
import type { FuzzLog } from './peers/fuzz';
import { deriveSeed } from '../support/prng';
import { SignalingTestClient, ofType } from './peers/signaling-client';

/*
 * Faults around the peer sync, each laptop in its own process:
 *  - the signaling server goes away mid-session and comes back on the same port: laptops reconnect
 *    to it by themselves, the host registers its room again, and nothing written meanwhile is lost;
 *  - a broken laptop sends malformed messages to the server and garbage on the room's relay topic
 *    (as an outsider and as an insider holding the join secret) and on the room topic itself: the
 *    others ignore it and keep syncing.
 */

const FILE = 'tests/sync/faults.test.ts';
const SEED = runSeed();
const NOTE = seedNote(SEED, FILE);

let servers: SignalingServer[] = [];
let peers: PeerProcess[] = [];

afterEach(async () => {
  await stopAll(peers);
  peers = [];
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(port = 0): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port });
  servers.push(server);
  return server;
}

async function start(name: string, room: Room, extra: string[] = []): Promise<PeerProcess> {
  const peer = await PeerProcess.start(name, [...roomArgs(room), ...extra], { readyTimeoutMs: 60_000 });
  peers.push(peer);
  return peer;
}

const seedFor = (phase: string) => (peer: PeerProcess) => deriveSeed(SEED, phase, peer.name);

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${NOTE} ${what}: not within ${timeoutMs} ms`);
    await sleep(200);
  }
}

function expectNothingLost(logs: readonly FuzzLog[], snapshot: { cards: Array<{ id: string }> }, label: string): void {
  expect(fuzzErrors(logs).unexpected, `${NOTE} ${label}: operations that threw`).toEqual([]);
  const cards = new Set(snapshot.cards.map((card) => card.id));
  const removed = new Set(logs.flatMap((log) => log.removed));
  const lost = logs.flatMap((log) => log.added).filter((card) => !removed.has(card.id) && !cards.has(card.id));
  expect(lost.map((card) => card.text), `${NOTE} ${label}: cards lost`).toEqual([]);
}

describe('signaling server closed and restarted on the same port mid-session', () => {
  it('the laptops reconnect by themselves, the host registers its room again, nothing written meanwhile is lost', async () => {
    const first = await serve();
    const port = first.port;
    const room = newRoom(`ws://127.0.0.1:${port}`);
    const host = await start('moderator', room, ['--host', '--seed-title', 'Server restart']);
    const tables = await Promise.all([start('table-1', room), start('table-2', room)]);
    const everyone = [host, ...tables];
    await converge(everyone, 15_000, `${NOTE} after joining:`);
    const before = await fuzzAll(everyone, 'before', seedFor('before'), 15, 30_000);

    await first.close();
    servers = servers.filter((server) => server !== first);
    await waitFor('every laptop notices the server is gone', async () => (await Promise.all(everyone.map(status))).every((entry) => entry.status.servers === 0), 10_000);
    // Written while there is no server (WebRTC connections that are already open keep working).
    const during = await fuzzAll(everyone, 'during', seedFor('during'), 15, 30_000);
    await sleep(1000);

    const second = await serve(port);
    await waitFor('every laptop reconnects to the restarted server', async () => (await Promise.all(everyone.map(status))).every((entry) => entry.status.servers === 1), 15_000);
    const after = await fuzzAll(everyone, 'after', seedFor('after'), 10, 30_000);
    await converge(everyone, 15_000, `${NOTE} after the restart:`);
    expectNothingLost([...before, ...during, ...after], (await host.snapshot()) as { cards: Array<{ id: string }> }, 'after the restart');

    // The host registered its room with the new server again: a table's join check succeeds.
    const checker = await SignalingTestClient.connect(room.url);
    try {
      checker.send({ type: 'plenum-join-check', verifier: await joinVerifier(room.secret) });
      expect(await checker.next(ofType('plenum-join-result'), 5000), NOTE).toEqual({ type: 'plenum-join-result', ok: true, room: room.room });
    } finally {
      checker.close();
    }
    // And a laptop that joins only now finds the room through the new server and receives everything.
    const late = await start('table-late', room);
    await converge([...everyone, late], 15_000, `${NOTE} the late table:`);
    expect(second.stats().messagesRelayed, NOTE).toBeGreaterThan(0);
    for (const peer of [...everyone, late]) expect(uncaughtBesidesRestarts(peer, [...everyone, late]), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
  }, 90_000);
});

describe('a broken laptop sends garbage', () => {
  it('malformed messages and garbage on the relay topic: the others ignore it and keep syncing, directly and through the relay', async () => {
    const server = await serve();
    const room = newRoom(`ws://127.0.0.1:${server.port}`);
    const host = await start('moderator', room, ['--host', '--seed-title', 'Garbage']);
    const [table, relayOnly, broken] = await Promise.all([start('table', room), start('relay-only', room, ['--block-webrtc']), start('broken', room)]);
    const honest = [host, table, relayOnly].filter((peer): peer is PeerProcess => peer !== undefined);
    if (!table || !relayOnly || !broken) throw new Error('peers missing');
    await converge([...honest, broken], 15_000, `${NOTE} after joining:`);
    const ignoredBefore = server.stats().messagesIgnored;

    // The broken laptop sends its garbage (see tests/sync/peers/garbage.ts) three times while the others edit.
    const editing = fuzzAll(honest, 'during', seedFor('during'), 20, 30_000);
    for (let seq = 0; seq < 3; seq += 1) {
      const sent = await broken.request({ cmd: 'garbage', seq }, 'garbage-sent', 20_000);
      expect(Number(sent.count), NOTE).toBeGreaterThan(20);
    }
    const during = await editing;
    const after = await fuzzAll(honest, 'after', seedFor('after'), 10, 30_000);
    await converge([...honest, broken], 15_000, `${NOTE} after the garbage:`);
    expectNothingLost([...during, ...after], (await host.snapshot()) as { cards: Array<{ id: string }> }, 'after the garbage');

    // The server stayed up and ignored what it could not parse.
    expect(server.stats().messagesIgnored - ignoredBefore, NOTE).toBeGreaterThanOrEqual(3 * 9);
    const relayStatus = await status(relayOnly);
    expect(relayStatus.status.path, `${NOTE} the relay-only table still uses the relay`).toBe('relay');
    // It still hears the three other laptops. (The insider's garbage is sealed with the room key, so
    // the relay counts its sender as one more relay peer for 35 s: see the report.)
    expect(relayStatus.status.relayPeers, NOTE).toBeGreaterThanOrEqual(3);
    for (const peer of honest) {
      expect(peer.alive, `${NOTE} ${peer.name} is still running`).toBe(true);
      // The relay (Plenum's code) drops every kind of garbage without an error.
      expect(peer.uncaught().filter((event) => !isYWebrtcRoomTopicError(event)), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
    }
  }, 90_000);
});

/**
 * y-webrtc itself (not Plenum) decrypts every message on the room topic without catching: garbage
 * there becomes an uncaught exception (synchronous decode error) or an unhandled rejection
 * (AES-GCM failure) in every laptop of the room. A browser logs them and goes on; the test allows
 * exactly these. See the report of issue 3.
 */
function isYWebrtcRoomTopicError(event: Record<string, unknown>): boolean {
  const message = String(event.message);
  return /OperationError|Unexpected end of array|Integer out of Range|not valid for encoding utf-8|Unknown encryption/i.test(message);
}

describe('large updates', () => {
  // WebRTC data channels carry at most 256 KiB per message and y-webrtc sends each update as one
  // (and swallows the send error). A larger card used to get stuck, and every later edit of its
  // author with it. The model now refuses a card over LIMITS.cardTextMaxBytes (240 kB of UTF-8).
  it('a card too large for one WebRTC message is refused; the largest allowed one arrives, and so do later edits', async () => {
    const server = await serve();
    const room = newRoom(`ws://127.0.0.1:${server.port}`);
    const host = await start('moderator', room, ['--host', '--seed-title', 'Large']);
    const table = await start('table', room);
    await waitFor('a direct connection', async () => (await status(table)).status.directPeers === 1, 15_000);
    const refused = host.next((event) => event.event === 'added' && event.ok === false);
    host.send({ cmd: 'card', text: `too large ${'ж'.repeat(140_000)}` });
    await refused;
    const largest = `large ${'ж'.repeat(119_000)}`;
    host.send({ cmd: 'card', text: largest });
    host.send({ cmd: 'card', text: 'small, after the large one' });
    await table.seesCard('small, after the large one', 15_000);
    await table.seesCard(largest, 1000);
  }, 40_000);
});

describe('the host leaves', () => {
  it('tables already connected keep syncing with each other when the moderator and the server are gone', async () => {
    const server = await serve();
    const room = newRoom(`ws://127.0.0.1:${server.port}`);
    const host = await start('moderator', room, ['--host', '--seed-title', 'Host leaves']);
    const first = await start('table-1', room);
    const second = await start('table-2', room);
    await waitFor('the tables connected to each other directly', async () => (await status(first)).status.directPeers === 2 && (await status(second)).status.directPeers === 2, 20_000);

    // Battery empty: the moderator's laptop and its signaling server are gone.
    await host.kill();
    peers = peers.filter((peer) => peer !== host);
    await server.close();
    servers = servers.filter((candidate) => candidate !== server);

    first.send({ cmd: 'card', text: 'after the host left, from table 1' });
    second.send({ cmd: 'card', text: 'after the host left, from table 2' });
    await second.seesCard('after the host left, from table 1', 15_000);
    await first.seesCard('after the host left, from table 2', 15_000);
    expect(await first.snapshot()).toEqual(await second.snapshot());
  }, 60_000);
});
