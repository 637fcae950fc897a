import { newJoinSecret } from '../../shared/protocol/join-secret';
import { summarize, type Series } from '../format';
import { STANDARD_WORKSHOP } from '../fixtures/workshop';
import { sleep, stopAll, type NodeProcess } from './node-process';
import { peerStatus, startPeer, startServer, type ServerHandle, type Transport } from './peer-network';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * join-2000: a table laptop joins a running workshop of 2,000 cards (the standard bench workshop,
 * bench/fixtures/workshop.ts, ≈ 900 KiB encoded) held by the moderator's laptop. Timed from the
 * provider's start on a fresh, empty document (for Plenum: startPeerSync, which derives the room
 * keys, connects to the signaling server, opens WebRTC and greets on the relay) until that document
 * holds all 2,000 cards. Baseline: the same through a y-websocket relay (the moderator's laptop
 * uploaded the workshop to the y-websocket server, which answers the joiner from its copy).
 *
 * The joiner is one process per transport that joins, leaves and joins again with a fresh document
 * each run, so process start-up (tsx, wrtc) is not timed; the two transports alternate run by run.
 */

const NAME = 'join-2000';
const BASELINE = 'y-websocket-join-2000';
const WARMUP = 2;
const RUNS = 15;
const CARDS = STANDARD_WORKSHOP.cards;

interface Side {
  transport: Transport;
  server: ServerHandle;
  moderator: NodeProcess;
  joiner: NodeProcess;
  samples: number[];
  /**
   * Per run: time until the provider was started (startPeerSync resolved: keys derived), which path delivered,
   * the join's time, when the workshop's message (the first over 100 kB) arrived and whether as a binary frame.
   */
  details: Array<{ startMs: number; via: string; ms: number; bigMs: number; binary: boolean }>;
}

async function startSide(transport: Transport): Promise<Side> {
  const server = await startServer(transport);
  const room = crypto.randomUUID();
  const secret = newJoinSecret();
  const started: NodeProcess[] = [];
  try {
    const moderator = await startPeer(transport, server, room, secret, `${transport}-moderator`, ['--host', '--fixture', 'standard']);
    started.push(moderator);
    const joiner = await startPeer(transport, server, room, secret, `${transport}-joiner`);
    started.push(joiner);
    await moderator.request({ cmd: 'start' }, 'started', 30_000);
    if (transport === 'ywebsocket') {
      const deadline = Date.now() + 15_000;
      while ((await peerStatus(moderator)).synced !== true) {
        if (Date.now() > deadline) throw new Error('the y-websocket moderator never synced');
        await sleep(100);
      }
    }
    return { transport, server, moderator, joiner, samples: [], details: [] };
  } catch (error) {
    await stopAll(started);
    await server.close();
    throw error;
  }
}

async function joinOnce(side: Side, record: boolean): Promise<void> {
  const joined = await side.joiner.request({ cmd: 'join', expect: CARDS }, 'joined', 60_000);
  await side.joiner.request({ cmd: 'leave' }, 'left');
  if (!record) return;
  side.samples.push(Number(joined.ms));
  side.details.push({ startMs: Number(joined.startMs), via: String(joined.via), bigMs: Number(joined.bigMs), binary: joined.binary === true, ms: Number(joined.ms) });
}

async function run(context: NodeBenchContext): Promise<Series[]> {
  const sides: Side[] = [];
  try {
    sides.push(await startSide('plenum'));
    sides.push(await startSide('ywebsocket'));
    for (let index = 0; index < WARMUP + RUNS; index += 1) {
      const order = index % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        await joinOnce(side, index >= WARMUP);
        // Let the moderator's laptop notice the departure before the next join.
        await sleep(300);
      }
      if ((index + 1) % 5 === 0) context.log(`join ${index + 1}/${WARMUP + RUNS}`);
    }
    const [ours, baseline] = sides;
    if (!ours || !baseline) throw new Error('missing side');
    const starts = summarize(ours.details.map((detail) => detail.startMs));
    const paths = new Map<string, number>();
    for (const { via } of ours.details) paths.set(via, (paths.get(via) ?? 0) + 1);
    context.log(`plenum: startPeerSync itself (room keys) median ${starts.median.toFixed(1)} ms; workshop delivered by ${[...paths].map(([via, count]) => `${via === 'provider' ? 'WebRTC' : via} ${count}×`).join(', ')}`);
    // Where the time goes: until the workshop's message arrived (on the relay: after the relay key, or
    // the hello's answer during it), and from there until it was applied (for Plenum: opened too).
    for (const side of sides) {
      const arrived = summarize(side.details.map((detail) => detail.bigMs)).median;
      const applied = summarize(side.details.map((detail) => detail.ms - detail.bigMs)).median;
      const frames = side.details.filter((detail) => detail.binary).length;
      context.log(`${side.transport}: workshop arrived after ${arrived.toFixed(1)} ms median, applied ${applied.toFixed(1)} ms later (binary ${frames}/${side.details.length})`);
    }
    return [
      // Issue 17: no slower than the relay (median ratio ≤ 1), and within a second as before.
      { name: NAME, unit: 'ms', samples: ours.samples, target: { metric: 'median', max: 1000, maxBaselineRatio: 1 }, baseline: BASELINE },
      { name: BASELINE, unit: 'ms', samples: baseline.samples },
    ];
  } finally {
    for (const side of sides) {
      await stopAll([side.moderator, side.joiner]);
      await side.server.close();
    }
  }
}

export const join2000: NodeBenchSuite = { run };
