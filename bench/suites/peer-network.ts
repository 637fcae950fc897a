import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { newJoinSecret } from '../../shared/protocol/join-secret';
import { clockOffset, NodeProcess, sleep, stopAll } from './node-process';
import type { Arrival, SampleNet, Transport } from '../laptop/api';
import type { NodeBenchContext } from './node-types';
import type { LatencyLaptop, LatencyNetwork } from './latency-sample';

/**
 * The two networks the peer benchmarks compare, each laptop a Node process of bench/peers/bench-peer.ts:
 *
 *  - `plenum`: the project's signaling server (electron/services/signaling-server.ts, in this runner
 *    process, on 127.0.0.1 and a free port) and laptops with the project's peer sync (y-webrtc over
 *    @roamhq/wrtc, encrypted with the join secret, plus the relay);
 *  - `ywebsocket` (the baseline): y-websocket@2's relay server (bench/peers/ywebsocket-server.ts, a
 *    process of its own) and laptops with y-websocket's WebsocketProvider.
 *
 * Both edit with shared/model; only the transport differs.
 */
export type { Transport } from '../laptop/api';

export interface Network {
  transport: Transport;
  url: string;
  room: string;
  secret: string;
  peers: NodeProcess[];
  close(): Promise<void>;
}

export interface Status {
  directPeers?: number;
  connected?: boolean;
  synced?: boolean;
  workshop?: boolean;
  cards?: number;
}

export async function peerStatus(peer: NodeProcess): Promise<Status> {
  return (await peer.request({ cmd: 'status' }, 'status')) as Status;
}

export function connectable(peer: NodeProcess): Connectable {
  return {
    start: async () => {
      await peer.request({ cmd: 'start' }, 'started', 30_000);
    },
    status: () => peerStatus(peer),
  };
}

export interface ServerHandle {
  url: string;
  /** Messages the Plenum signaling server has passed on so far (relay and signaling). */
  relayed?: () => number;
  close(): Promise<void>;
}

export async function startServer(transport: Transport): Promise<ServerHandle> {
  if (transport === 'plenum') {
    const server: SignalingServer = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    return { url: `ws://127.0.0.1:${server.port}`, relayed: () => server.stats().messagesRelayed, close: () => server.close() };
  }
  const { process: server, ready } = await NodeProcess.start('y-websocket server', 'ywebsocket-server.ts', [], (event) => event.event === 'listening');
  return { url: `ws://127.0.0.1:${Number(ready.port)}`, close: () => server.stop() };
}

export async function startPeer(transport: Transport, server: ServerHandle, room: string, secret: string, name: string, extra: string[] = []): Promise<NodeProcess> {
  const args = ['--transport', transport, '--url', server.url, '--room', room, '--name', name, ...(transport === 'plenum' ? ['--secret', secret] : []), ...extra];
  return (await NodeProcess.start(name, 'bench-peer.ts', args)).process;
}

/** Polls `check` every 100 ms until it holds (true) or `timeoutMs` has passed (false). */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

/** A laptop of either runtime as the network set-up drives it. */
export interface Connectable {
  start(): Promise<void>;
  status(): Promise<Status>;
}

/**
 * Refuses a Plenum network without a full mesh: the latency benchmarks measure the direct path,
 * and a pair without a WebRTC connection would sync through the relay instead. Logs the mesh.
 */
export async function checkFullMesh(laptops: readonly Connectable[], context: NodeBenchContext, when: string): Promise<void> {
  const links = (await Promise.all(laptops.map((laptop) => laptop.status()))).map((status) => status.directPeers ?? 0);
  context.log(`plenum ${when}: ${laptops.length} laptops, WebRTC connections per laptop ${links.join(',')}`);
  if (links.some((count) => count !== laptops.length - 1)) throw new Error(`plenum ${when}: not a full mesh (${links.join(',')}): some cards would go through the relay, not peer to peer`);
}

/**
 * Connects `laptops` to their network one after the other, each Plenum laptop once the earlier ones
 * have their WebRTC connections to it, as tables arriving in a room do. (Laptops that announce
 * themselves at the same instant glare; Plenum settles that in one round trip since session 13,
 * fresh-answer.ts, but the y-websocket baseline has nothing alike to compare with.) Resolves once every laptop holds the workshop (and, for
 * Plenum, the mesh is full).
 */
export async function connectOneByOne(transport: Transport, laptops: readonly Connectable[], context: NodeBenchContext): Promise<void> {
  const since = performance.now();
  for (const [index, laptop] of laptops.entries()) {
    await laptop.start();
    if (transport === 'plenum' && index > 0) await until(async () => ((await laptop.status()).directPeers ?? 0) >= index, 8000);
    if (transport === 'plenum' && laptops.length > 10 && (index + 1) % 5 === 0) context.log(`plenum: ${index + 1} laptops connected after ${((performance.now() - since) / 1000).toFixed(1)} s`);
  }
  const complete = (status: Status) => status.workshop === true && (transport === 'ywebsocket' || status.directPeers === laptops.length - 1);
  // Twenty laptops on a loaded machine were still missing connections 15 s after the last one
  // started (the stuck ones get a new offer after 10 s ± 25 %): 2 s per laptop, at least 15 s.
  await until(async () => (await Promise.all(laptops.map((laptop) => laptop.status()))).every(complete), Math.max(15_000, laptops.length * 2000));
  const statuses = await Promise.all(laptops.map((laptop) => laptop.status()));
  if (statuses.some((status) => status.workshop !== true)) throw new Error(`${transport}: not every laptop received the workshop`);
  if (transport === 'plenum') await checkFullMesh(laptops, context, 'before measuring');
}

/**
 * `count` Node laptops in one room, the first one creating the workshop (see connectOneByOne);
 * `hostArgs` are that first laptop's bench-peer.ts options.
 */
export async function startNetwork(transport: Transport, count: number, context: NodeBenchContext, hostArgs: readonly string[] = ['--seed-title', 'Bench']): Promise<Network> {
  const server = await startServer(transport);
  const room = crypto.randomUUID();
  const secret = newJoinSecret();
  const peers: NodeProcess[] = [];
  const close = async () => {
    await stopAll(peers);
    await server.close();
  };
  try {
    const started = await Promise.allSettled(
      Array.from({ length: count }, (_, index) =>
        startPeer(transport, server, room, secret, `${transport}-${index + 1}`, index === 0 ? ['--host', ...hostArgs] : []),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') peers.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await connectOneByOne(transport, peers.map(connectable), context);
    return { transport, url: server.url, room, secret, peers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Logs how far each laptop's clock is from this runner's: the one-way latencies rest on it. Refuses
 * to measure when one is off by more than its uncertainty plus 0.5 ms.
 */
export async function checkClocks(peers: readonly NodeProcess[], context: NodeBenchContext): Promise<void> {
  // One process at a time: concurrent pings would queue behind each other and widen the uncertainty.
  const offsets: Array<{ offsetMs: number; uncertaintyMs: number }> = [];
  for (const peer of peers) offsets.push(await clockOffset(async () => Number((await peer.request({ cmd: 'ping' }, 'pong')).at), 20));
  const worst = offsets.reduce((max, entry) => (Math.abs(entry.offsetMs) > Math.abs(max.offsetMs) ? entry : max));
  context.log(`clocks: largest offset of a laptop from the runner ${worst.offsetMs.toFixed(3)} ms (± ${worst.uncertaintyMs.toFixed(3)} ms) over ${peers.length} processes`);
  const off = offsets.find((entry) => Math.abs(entry.offsetMs) > entry.uncertaintyMs + 0.5);
  if (off) throw new Error(`a laptop's clock is ${off.offsetMs.toFixed(3)} ms off the runner's: one-way times would be wrong`);
}

/**
 * The floor channels (bench/laptop/floor.ts) on Plenum's connections, once its mesh is full: every
 * laptop opens its end, then each must have one open channel to every other laptop.
 */
export async function openFloor(laptops: ReadonlyArray<{ floorOpen(): Promise<number> }>, context: NodeBenchContext): Promise<void> {
  const open = await Promise.all(laptops.map((laptop) => laptop.floorOpen()));
  context.log(`floor: raw data channels per laptop on Plenum's connections ${open.join(',')}`);
  if (open.some((count) => count !== laptops.length - 1)) throw new Error(`floor: not a channel to every other laptop (${open.join(',')})`);
}

/** A Node laptop process as the latency samples drive it, in `net` (without: the process's own --transport). */
function nodeLatencyLaptop(peer: NodeProcess, net?: SampleNet): LatencyLaptop {
  const named = net === undefined ? {} : { net };
  return {
    name: peer.name,
    add: async (seq) => Number((await peer.request({ cmd: 'add', seq, ...named }, 'added')).at),
    drain: async () => {
      const { arrivals } = await peer.request({ cmd: 'drain', ...named }, 'drained');
      if (!Array.isArray(arrivals)) throw new Error(`${peer.name}: drained without arrivals`);
      return arrivals as Arrival[];
    },
  };
}

/** A Node network's laptops as the latency samples drive them (bench/suites/peer-latency.ts). */
export function latencyNetwork(network: Network): LatencyNetwork {
  return { transport: network.transport, laptops: network.peers.map((peer) => nodeLatencyLaptop(peer)) };
}

/** The floor (bench/laptop/floor.ts) on the Plenum laptops of these processes, opened and checked. */
export async function nodeFloor(peers: readonly NodeProcess[], context: NodeBenchContext): Promise<LatencyNetwork> {
  await openFloor(
    peers.map((peer) => ({ floorOpen: async () => Number((await peer.request({ cmd: 'floor-open' }, 'floor-opened', 30_000)).open) })),
    context,
  );
  return { transport: 'floor', laptops: peers.map((peer) => nodeLatencyLaptop(peer, 'floor')) };
}

/**
 * `count` Node laptops that are each in both networks, as the Chromium laptops are
 * (chromium-laptops.ts): one process per laptop holding a Plenum laptop and, through
 * bench-peer.ts's --ws-url, a y-websocket one, each with its own document. Half the processes of
 * two startNetwork calls: twenty laptops are twenty processes on two cores, not forty. Both networks
 * then run on the same processes and clocks, so load from either hits both alike.
 */
export async function startDualLaptops(count: number, context: NodeBenchContext): Promise<{ networks: LatencyNetwork[]; checkMesh(): Promise<void>; close(): Promise<void>; relayed?: () => number }> {
  const servers: ServerHandle[] = [];
  const peers: NodeProcess[] = [];
  const close = async () => {
    await stopAll(peers);
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    const plenum = await startServer('plenum');
    servers.push(plenum);
    const relay = await startServer('ywebsocket');
    servers.push(relay);
    const room = crypto.randomUUID();
    const secret = newJoinSecret();
    // Five at a time: twenty processes starting at once (tsx, wrtc) on two busy cores were each
    // still not ready after the minute NodeProcess.start waits.
    for (let first = 0; first < count; first += 5) {
      const started = await Promise.allSettled(
        Array.from({ length: Math.min(5, count - first) }, (_, offset) => {
          const index = first + offset;
          return startPeer('plenum', plenum, room, secret, `laptop-${index + 1}`, ['--ws-url', relay.url, ...(index === 0 ? ['--host', '--seed-title', 'Bench'] : [])]);
        }),
      );
      for (const result of started) if (result.status === 'fulfilled') peers.push(result.value);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    context.log(`${count} laptop processes ready, each in both networks`);
    const inNetwork = (peer: NodeProcess, net: Transport): Connectable => ({
      start: async () => {
        await peer.request({ cmd: 'start', net }, 'started', 30_000);
      },
      // Generous: twenty laptops forming their mesh on two busy cores answered late.
      status: async () => (await peer.request({ cmd: 'status', net }, 'status', 60_000)) as Status,
    });
    const mesh = peers.map((peer) => inNetwork(peer, 'plenum'));
    await connectOneByOne('plenum', mesh, context);
    await connectOneByOne('ywebsocket', peers.map((peer) => inNetwork(peer, 'ywebsocket')), context);
    await checkClocks(peers, context);
    const networks = (['plenum', 'ywebsocket'] as const).map((transport): LatencyNetwork => ({ transport, laptops: peers.map((peer) => nodeLatencyLaptop(peer, transport)) }));
    networks.push(await nodeFloor(peers, context));
    return { networks, checkMesh: () => checkFullMesh(mesh, context, 'after measuring'), close, relayed: plenum.relayed };
  } catch (error) {
    await close();
    throw error;
  }
}
