import { afterEach, describe, expect, it } from 'vitest';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { deriveSeed } from '../support/prng';
import { converge, fuzzAll, fuzzErrors, newRoom, roomArgs, runSeed, seedNote, sleep, status, stopAll, type Room } from './cluster';
import { isYWebrtcStrayAnswer } from './faults-known';
import { PeerProcess } from './peer-process';
import type { FuzzLog } from './peers/fuzz';
import { SignalingTestClient, ofType } from './peers/signaling-client';
import { SignalProcess } from './signal-process';

/*
 * The venue machine running `npm run signal` loses power mid-session (SIGKILL: no connection is
 * closed cleanly) and is started again on the same port. tests/sync/faults.test.ts closes an
 * in-process server politely; this one kills the real program. Laptops joined directly keep
 * syncing over WebRTC meanwhile; the table behind client isolation (relay only) is cut off until
 * the server is back. Everyone reconnects by themselves, the host registers its room again, and
 * nothing anybody wrote before, during or after is lost.
 */

const FILE = 'tests/sync/faults-signal-killed.test.ts';
const SEED = runSeed();
const NOTE = seedNote(SEED, FILE);

const output: string[] = [];
const log = { add: (source: string, text: string) => output.push(`${source}: ${text}`) };
let signal: SignalProcess | undefined;
let peers: PeerProcess[] = [];

afterEach(async () => {
  await stopAll(peers);
  peers = [];
  await signal?.stop();
});

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${NOTE} ${what}: not within ${timeoutMs} ms\n${output.slice(-20).join('\n')}`);
    await sleep(200);
  }
}

const seedFor = (phase: string) => (peer: PeerProcess) => deriveSeed(SEED, phase, peer.name);

describe('the signaling program killed and restarted on the same port', () => {
  it('laptops reconnect by themselves, the relay-only table catches up, the host registers again, nothing is lost', async () => {
    signal = await SignalProcess.start(log);
    const port = signal.port;
    const room: Room = newRoom(signal.url);
    const start = async (name: string, extra: string[] = []) => {
      const peer = await PeerProcess.start(name, [...roomArgs(room), ...extra], { readyTimeoutMs: 60_000 });
      peers.push(peer);
      return peer;
    };
    const host = await start('moderator', ['--host', '--seed-title', 'Stromausfall am Server']);
    const [direct, relayOnly] = await Promise.all([start('table-1'), start('table-relay', ['--block-webrtc'])]);
    if (!direct || !relayOnly) throw new Error('peers missing');
    await converge(peers, 20_000, `${NOTE} after joining:`);
    const before = await fuzzAll(peers, 'before', seedFor('before'), 12, 30_000);
    await converge(peers, 20_000, `${NOTE} before the kill:`);

    await signal.kill();
    await waitFor('every laptop notices the server is gone', async () => (await Promise.all(peers.map(status))).every((entry) => entry.status.servers === 0), 15_000);
    const during = await fuzzAll(peers, 'during', seedFor('during'), 12, 30_000);
    // Directly connected laptops keep syncing without the server.
    await converge([host, direct], 20_000, `${NOTE} the directly connected laptops while the server is down:`);

    signal = await SignalProcess.start(log, port);
    await waitFor('every laptop reconnects to the restarted server', async () => (await Promise.all(peers.map(status))).every((entry) => entry.status.servers === 1), 20_000);
    const after = await fuzzAll(peers, 'after', seedFor('after'), 8, 30_000);
    const tookMs = await converge(peers, 20_000, `${NOTE} after the restart:`);

    const logs: FuzzLog[] = [...before, ...during, ...after];
    expect(fuzzErrors(logs).unexpected, `${NOTE} operations that threw`).toEqual([]);
    const cards = new Set(((await host.snapshot()) as { cards: Array<{ id: string }> }).cards.map((card) => card.id));
    const removed = new Set(logs.flatMap((entry) => entry.removed));
    const lost = logs.flatMap((entry) => entry.added).filter((card) => !removed.has(card.id) && !cards.has(card.id));
    expect(lost.map((card) => card.text), `${NOTE} cards lost`).toEqual([]);
    expect((await status(relayOnly)).status.path, `${NOTE} the relay-only table is back on the relay`).toBe('relay');

    // The host registered its room with the new server: a table's join check succeeds.
    const checker = await SignalingTestClient.connect(room.url);
    try {
      checker.send({ type: 'plenum-join-check', verifier: await joinVerifier(room.secret) });
      expect(await checker.next(ofType('plenum-join-result'), 5000), NOTE).toEqual({ type: 'plenum-join-result', ok: true, room: room.room });
    } finally {
      checker.close();
    }
    for (const peer of peers) expect(peer.uncaught().filter((event) => !isYWebrtcStrayAnswer(event)), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
    console.log(`signal killed: converged ${tookMs} ms after the restart; ${NOTE}`);
  }, 120_000);
});
