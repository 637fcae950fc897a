import { afterAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { converge, fuzzErrors, newRoom, roomArgs, runSeed, seedNote, status, stopAll, type Room } from './cluster';
import { isYWebrtcStrayAnswer } from './faults-known';
import { PeerProcess } from './peer-process';
import type { FuzzLog } from './peers/fuzz';
import { deriveSeed, pick, seededRandom } from '../support/prng';

/*
 * Thirty minutes of a workshop, compressed: ten laptops (the moderator and nine tables, one of
 * them behind Wi-Fi client isolation so only the relay reaches it), one tick per minute. In every
 * minute each laptop makes a random number of edits (cards on the plenary and the tables, agenda
 * items), and laptops drop off the network and come back at random (a closed lid, a Wi-Fi
 * hiccup), for one to five minutes, several at once, editing offline meanwhile. Halfway the
 * laptops online at that moment must agree; at the end, with everyone back, all ten must hold
 * the identical workshop and nothing anybody wrote may be missing or come back after deletion.
 *
 * The whole timeline (who edits how much in which minute, who drops when and for how long) comes
 * from one seed: PLENUM_SEED=<seed> replays it (see tests/sync/peers/fuzz.ts for what an edit
 * replay repeats). About 30–60 s on a loaded 2-core machine, mostly starting ten wrtc processes.
 */

const FILE = 'tests/sync/faults-long-session.test.ts';
const SEED = runSeed();
const NOTE = seedNote(SEED, FILE);
const TABLES = 9;
const MINUTES = 30;
/** Edits per laptop and minute: 0 … MAX_EDITS − 1. */
const MAX_EDITS = 6;
/** Chance per online table and minute to drop off the network. */
const DROP_CHANCE = 0.08;
const CONVERGE_MS = 30_000;
/**
 * Runs of the same seed when a laptop process dies inside wrtc (see PeerProcess.crashedNatively):
 * node-webrtc crashes now and then when a connection closes (node-webrtc#576, open), more often
 * on a loaded machine; three runs in a row crashed once on a clean clone while another benchmark
 * ran beside it. PeerProcess restarts such a laptop from its store and the session carries on;
 * this is the fallback for what a restart cannot mend (a laptop crashing more often than it
 * may be restarted). Any failure without such a crash still fails at once.
 */
const ATTEMPTS = 5;

let server: SignalingServer | undefined;
const peers: PeerProcess[] = [];

afterAll(async () => {
  await stopAll(peers);
  await server?.close();
});

/** One minute of the workshop: who makes how many edits, who drops off (for how many minutes). */
interface Minute {
  edits: number[];
  drops: Array<{ peer: number; minutes: number }>;
}

/** The seeded timeline. The moderator (peer 0) never drops: their laptop hosts. */
function timeline(seed: number, laptops: number): Minute[] {
  const random = seededRandom(deriveSeed(seed, 'timeline'));
  return Array.from({ length: MINUTES }, () => ({
    edits: Array.from({ length: laptops }, () => pick(random, MAX_EDITS)),
    drops: Array.from({ length: laptops - 1 }, (_, index) => index + 1)
      .filter(() => random() < DROP_CHANCE)
      .map((peer) => ({ peer, minutes: 1 + pick(random, 5) })),
  }));
}

async function fuzzMinute(laptops: readonly PeerProcess[], minute: number, edits: readonly number[]): Promise<FuzzLog[]> {
  const tag = `minute-${minute}`;
  const done = laptops.map((peer) => peer.next((event) => event.event === 'fuzz-done' && event.tag === tag, 30_000));
  laptops.forEach((peer, index) => peer.send({ cmd: 'fuzz', tag, seed: deriveSeed(SEED, tag, peer.name), ops: edits[index] ?? 0, minDelayMs: 1, maxDelayMs: 15 }));
  return (await Promise.all(done)).map((event) => event.log as FuzzLog);
}

type CardView = { id: string; text: string; boardId: string };

/** What the logs say was written, against the converged snapshot. */
function losses(logs: readonly FuzzLog[], snapshot: { cards: CardView[]; agenda: Array<{ id: string }> }, seeded: ReadonlySet<string>) {
  const removed = new Set(logs.flatMap((log) => log.removed));
  const texts = new Map<string, Set<string>>();
  for (const log of logs) for (const { id, text } of log.added) texts.set(id, new Set([text]));
  for (const log of logs) for (const { id, text } of log.edited) texts.get(id)?.add(text);
  const cards = new Map(snapshot.cards.map((card) => [card.id, card]));
  const agenda = new Set(snapshot.agenda.map((item) => item.id));
  return {
    lost: [...texts.keys()].filter((id) => !removed.has(id) && !cards.has(id)),
    resurrected: [...removed].filter((id) => cards.has(id)),
    unknown: [...cards.keys()].filter((id) => !texts.has(id) && !seeded.has(id)),
    wrongText: [...cards.values()].filter((card) => texts.has(card.id) && !texts.get(card.id)?.has(card.text)).map((card) => card.text),
    agendaLost: logs.flatMap((log) => log.agendaAdded).filter((id) => !agenda.has(id)),
  };
}

describe('a compressed 30-minute session', () => {
  it('ten laptops, random edits every minute, random drop-outs: all converge and nothing written is lost', async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await session();
      } catch (error) {
        // Only a native crash of a stand-in laptop is run again, with the same seed; any other
        // failure (divergence, loss, an error in Plenum's code) fails the test at once.
        const crashed = peers.filter((peer) => peer.crashedNatively).map((peer) => peer.name);
        if (crashed.length === 0 || attempt >= ATTEMPTS) throw error;
        console.log(`long session: attempt ${attempt}: ${crashed.join(', ')} crashed inside wrtc (SIGSEGV in node-webrtc, not Plenum); the same seed again; ${NOTE}`);
        await stopAll(peers);
        peers.length = 0;
        await server?.close();
        server = undefined;
      }
    }
  }, 600_000);
});

async function session(): Promise<void> {
  {
    const t0 = Date.now();
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room: Room = newRoom(`ws://127.0.0.1:${server.port}`);
    const moderator = await PeerProcess.start('moderator', [...roomArgs(room), '--host', '--seed-title', 'Bürgerwerkstatt 30 Minuten'], { readyTimeoutMs: 60_000 });
    peers.push(moderator);
    for (const name of ['Energie', 'Wohnen', 'Verkehr', 'Громада']) {
      expect((await moderator.request({ cmd: 'table', name }, 'table-added')).ok, NOTE).toBe(true);
    }
    const seededCard = await moderator.request({ cmd: 'card', text: 'Willkommen! Was wünschen Sie sich für den Stadtteil?' }, 'added');
    const started = await Promise.allSettled(
      Array.from({ length: TABLES }, (_, index) =>
        PeerProcess.start(`table-${index + 1}`, [...roomArgs(room), ...(index === TABLES - 1 ? ['--block-webrtc'] : [])], { readyTimeoutMs: 60_000 }),
      ),
    );
    peers.push(...started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await converge(peers, CONVERGE_MS, `${NOTE} after joining:`);
    const startedMs = Date.now() - t0;

    const plan = timeline(SEED, peers.length);
    /** Minute at which each offline laptop comes back. */
    const backAt = new Map<number, number>();
    const logs: FuzzLog[] = [];
    let drops = 0;
    let mostOffline = 0;
    for (const [minute, { edits, drops: dropping }] of plan.entries()) {
      for (const [index, at] of [...backAt]) {
        if (at > minute) continue;
        await peers[index]?.request({ cmd: 'connect' }, 'connected');
        backAt.delete(index);
      }
      for (const { peer: index, minutes } of dropping) {
        if (backAt.has(index)) continue;
        await peers[index]?.request({ cmd: 'disconnect' }, 'disconnected');
        backAt.set(index, minute + minutes);
        drops += 1;
      }
      mostOffline = Math.max(mostOffline, backAt.size);
      logs.push(...(await fuzzMinute(peers, minute, edits)));
      if (minute === MINUTES / 2) {
        const online = peers.filter((_, index) => !backAt.has(index));
        await converge(online, CONVERGE_MS, `${NOTE} minute ${minute}, the ${online.length} laptops online:`);
      }
    }
    for (const index of backAt.keys()) await peers[index]?.request({ cmd: 'connect' }, 'connected');

    const convergedMs = await converge(peers, CONVERGE_MS, `${NOTE} at the end, everyone back online:`);
    const snapshot = (await moderator.snapshot()) as { cards: CardView[]; agenda: Array<{ id: string }> };
    expect(losses(logs, snapshot, new Set([String(seededCard.id)])), `${NOTE} nothing lost`).toEqual({ lost: [], resurrected: [], unknown: [], wrongText: [], agendaLost: [] });
    const errors = fuzzErrors(logs);
    expect(errors.unexpected, `${NOTE} operations that threw`).toEqual([]);
    for (const peer of peers) expect(peer.uncaught().filter((event) => !isYWebrtcStrayAnswer(event)), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
    const strayAnswers = peers.reduce((sum, peer) => sum + peer.uncaught().filter(isYWebrtcStrayAnswer).length, 0);
    const statuses = await Promise.all(peers.map((peer) => status(peer)));
    expect(
      statuses.map((entry) => entry.status.state),
      NOTE,
    ).toEqual(peers.map(() => 'connected'));

    const edits = logs.reduce((sum, log) => sum + log.added.length + log.edited.length + log.removed.length + log.agendaAdded.length + log.agendaMoved + log.agendaRenamed, 0);
    expect(drops, `${NOTE} the timeline drops laptops`).toBeGreaterThan(0);
    console.log(
      `long session: ${MINUTES} minutes, ${edits} edits, ${drops} drop-outs (up to ${mostOffline} laptops offline at once), ` +
        `${snapshot.cards.length} cards at the end; started in ${startedMs} ms, converged ${convergedMs} ms after the last reconnect; ` +
        `y-webrtc stray answers: ${strayAnswers}; moves that threw on a pending order (known bug, out-of-order.test.ts): ${errors.pendingOrder}; test ${Date.now() - t0} ms; ${NOTE}`,
    );
  }
}
