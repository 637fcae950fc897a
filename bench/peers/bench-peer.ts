// One laptop of a Node-side benchmark (bench/suites/peer-latency.ts, bench/suites/join-2000.ts),
// in its own process: Node 18+ has a global BroadcastChannel, so two providers in one process
// (or its workers) would sync through it and never touch the network.
//
//   node --import tsx bench/peers/bench-peer.ts --transport plenum|ywebsocket --url URL --room R
//        [--secret S] [--name N] [--host] [--seed-title T] [--fixture standard] [--phones]
//        [--ws-url URL]
//
// --ws-url (peer-latency-20): the process is also a laptop of the y-websocket network at URL (same
// room name, a document of its own, no BroadcastChannel), as each Chromium laptop is in both
// networks: twenty laptops are twenty processes, not forty. Commands name it with "net":"ywebsocket";
// without "net" they go to --transport's laptop.
//
// --phones (bench/suites/phones.ts): the seeded workshop's plenary is open for capture, so phones
// may add cards, and latency cards applied in this process (the host's phone hub applies a phone's
// card locally) count as arrivals too.
//
// Transports, the only difference between a benchmark and its baseline:
//   plenum      the project's peer sync (renderer/network/peer-sync.ts: y-webrtc over
//               @roamhq/wrtc, encrypted, with the relay through the signaling server at URL);
//   ywebsocket  y-websocket@2's WebsocketProvider to the y-websocket relay server at URL.
// Both edit the document with shared/model (addCard), exactly like the app.
//
// stdin, one JSON per line (replies in brackets):
//   {"cmd":"start"}                      connect the workshop document        [started]
//   {"cmd":"add","seq":n}                addCard "lat <seq> …" on the plenary [added {seq, at}]
//   {"cmd":"drain"}                      cards "lat <seq> …" written elsewhere that arrived since
//                                        the last drain                       [drained {arrivals: [{seq, at}]}]
//   {"cmd":"status"}                                                          [status {…}]
//   {"cmd":"ping","id":n}                this process's clock                 [pong {id, at}]
//   {"cmd":"floor-open"}                 the floor channel (bench/laptop/floor.ts) on each of the
//                                        plenum laptop's connections          [floor-opened {open}]
//   add / drain with "net":"floor"       a raw message over the floor channels instead of a card
//   {"cmd":"cpu"}                        process.cpuUsage() (µs) and the clock [cpu {user, system, at}]
//   {"cmd":"join","expect":n}            a fresh empty document joins the room: time from the
//                                        provider's start until it holds n cards [joined {ms, cards}]
//   {"cmd":"leave"}                      the joined document leaves again     [left]
//   {"cmd":"quit"}                       (end of stdin quits too)
// stdout: {"event":"ready"} and the replies. Arrivals are only recorded when they happen and
//   reported on "drain", after a sample: printing each at once cost the receiver a write and woke
//   the runner while the other laptops were still receiving. Times are the machine's monotonic clock
//   (process.hrtime: CLOCK_MONOTONIC on Linux) in milliseconds with ns resolution: one clock for
//   every process of the machine. Not `performance.timeOrigin + performance.now()`: Node samples
//   timeOrigin's wall-clock part and its monotonic part at slightly different moments while the
//   process starts, and on a loaded machine those moments lie tens of ms apart (32 ms measured
//   here with twenty processes starting), so two processes' timeOrigins disagree by that much.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { addCard, applyWorkshopUpdates, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID, ROOT, setPlenaryOpen, type WorkshopDoc } from '../../shared/model';
import { latencyCardText, watchLatencyCards, type Arrival } from '../fixtures/latency-card';
import { cardText, seededRandom } from '../fixtures/texts';
import { standardWorkshop } from '../fixtures/workshop';
import { startFloor, trackConnections } from '../laptop/floor';

const { values: args } = parseArgs({
  options: {
    transport: { type: 'string' },
    url: { type: 'string' },
    room: { type: 'string' },
    secret: { type: 'string', default: '' },
    name: { type: 'string', default: 'peer' },
    host: { type: 'boolean', default: false },
    'seed-title': { type: 'string' },
    fixture: { type: 'string' },
    phones: { type: 'boolean', default: false },
    'ws-url': { type: 'string' },
  },
  strict: true,
});
const { transport, url, room } = args;
if ((transport !== 'plenum' && transport !== 'ywebsocket') || !url || !room) throw new Error('--transport plenum|ywebsocket, --url and --room are required');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

// y-webrtc 10.3 takes a signaling answer meant for two other laptops as one for itself and sets a
// field on a connection it may not have (tests/sync/faults-known.ts): a browser logs the rejection
// and goes on, Node would quit the laptop. With twenty laptops joining one after the other on a
// loaded machine one of them met it (peer-latency-20). Anything else still ends the laptop.
process.on('unhandledRejection', (error) => {
  if (error instanceof TypeError && /setting 'glareToken'/.test(error.message) && (error.stack ?? '').includes('y-webrtc')) {
    process.stderr.write(`${args.name}: y-webrtc's stray answer (ignored, as a browser does)\n`);
    return;
  }
  process.stderr.write(`${args.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

interface Connection {
  status(): Record<string, unknown>;
  destroy(): void;
}

/** When the join's workshop message (the first over 100 kB) arrived, and whether as a binary frame: join-2000's breakdown. */
const trace: { bigAt?: number; binary?: boolean } = {};
class TracedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.addEventListener('message', (event) => {
      const data = event.data as unknown;
      const size = typeof data === 'string' ? data.length : data instanceof ArrayBuffer ? data.byteLength : (data as Buffer).length;
      if (size > 100_000 && trace.bigAt === undefined) {
        trace.bigAt = now();
        trace.binary = typeof data !== 'string';
      }
    });
  }
}

async function connect(doc: WorkshopDoc, which: 'plenum' | 'ywebsocket' = transport as 'plenum' | 'ywebsocket', server = String(url)): Promise<Connection> {
  if (which === 'plenum') {
    const { startPeerSync } = await import('../../renderer/network/peer-sync');
    const globals = globalThis as { WebSocket?: unknown };
    globals.WebSocket = TracedWebSocket;
    const native = createRequire(import.meta.url)('@roamhq/wrtc') as { RTCPeerConnection: abstract new (...args: never[]) => unknown };
    // Every connection the peer sync opens, for the floor channels.
    const wrtc = { ...native, RTCPeerConnection: trackConnections(native.RTCPeerConnection, peerConnections) };
    const sync = await startPeerSync({
      doc,
      room: String(room),
      secret: args.secret,
      signaling: [server],
      identity: { name: args.name, role: args.host ? 'host' : 'table', tableId: null },
      wrtc,
      host: args.host,
    });
    return { status: () => ({ ...sync.status() }), destroy: () => sync.destroy() };
  }
  const { WebsocketProvider } = await import('y-websocket');
  // A second network in this process (--ws-url) has a room of the same name: no BroadcastChannel.
  const provider = new WebsocketProvider(server, String(room), doc, { WebSocketPolyfill: TracedWebSocket as unknown as typeof globalThis.WebSocket, disableBc: which !== transport });
  return { status: () => ({ connected: provider.wsconnected, synced: provider.synced }), destroy: () => provider.destroy() };
}

const arrivals: Arrival[] = [];
const peerConnections = new Set<unknown>();
const floor = startFloor(now);
const floorRandom = seededRandom(7);

const doc = createWorkshopDoc();
if (args.fixture === 'standard') {
  const applied = applyWorkshopUpdates(doc, [standardWorkshop().fullState]);
  if (!applied.ok) throw new Error('fixture damaged');
} else if (args['seed-title']) {
  initWorkshop(doc, { id: String(room), title: args['seed-title'], language: 'de' });
}
if (args.phones && !setPlenaryOpen(doc, true).ok) throw new Error('--phones: cannot open the plenary for capture');
watchLatencyCards(doc, arrivals, now, { local: args.phones });
let connection: Connection | null = null;

/** The y-websocket laptop of --ws-url: its own document, arrivals and card texts. */
interface SecondLaptop {
  doc: WorkshopDoc;
  arrivals: Arrival[];
  random: () => number;
  connection: Connection | null;
}
const second: SecondLaptop | null = args['ws-url']
  ? { doc: createWorkshopDoc(), arrivals: [], random: seededRandom(7), connection: null }
  : null;
if (second) {
  if (args.host) initWorkshop(second.doc, { id: String(room), title: args['seed-title'] ?? 'Bench', language: 'de' });
  watchLatencyCards(second.doc, second.arrivals, now);
}
let joined: { doc: WorkshopDoc; connection: Connection | null } | null = null;
const random = seededRandom(7);

async function join(expect: number): Promise<void> {
  const fresh = createWorkshopDoc();
  const cards = fresh.getMap<unknown>(ROOT.cards);
  const holding = new Promise<{ at: number; via: string }>((resolve) => {
    const check = (_update: Uint8Array, origin: unknown) => {
      if (cards.size < expect) return;
      fresh.off('update', check);
      // Which path delivered the workshop: the relay's origin is a string, y-webrtc's its room object.
      resolve({ at: now(), via: typeof origin === 'string' ? origin : origin === null || origin === undefined ? 'none' : 'provider' });
    };
    fresh.on('update', check);
  });
  joined = { doc: fresh, connection: null };
  const started = now();
  trace.bigAt = undefined;
  joined.connection = await connect(fresh);
  const connected = now();
  const done = await holding;
  emit({ event: 'joined', ms: done.at - started, startMs: connected - started, via: done.via, cards: cards.size, bigMs: (trace.bigAt ?? NaN) - started, binary: trace.binary });
}

function leave(): void {
  joined?.connection?.destroy();
  joined?.doc.destroy();
  joined = null;
  emit({ event: 'left' });
}

function quit(): never {
  connection?.destroy();
  second?.connection?.destroy();
  joined?.connection?.destroy();
  // wrtc keeps native threads alive; leave without waiting for them.
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const command = JSON.parse(line) as { cmd: string; seq?: number; id?: number; expect?: number; net?: string };
    if (command.cmd === 'floor-open') {
      void floor.open(peerConnections).then((open) => emit({ event: 'floor-opened', open }));
      return;
    }
    if (command.net === 'floor' && command.cmd === 'add') {
      const seq = command.seq ?? 0;
      emit({ event: 'added', seq, at: floor.send(seq, latencyCardText(seq, cardText(floorRandom))) });
      return;
    }
    if (command.net === 'floor' && command.cmd === 'drain') {
      emit({ event: 'drained', arrivals: floor.drain() });
      return;
    }
    // --ws-url's laptop, when a command names it.
    const other = command.net === 'ywebsocket' && transport !== 'ywebsocket' ? second : null;
    if (command.net !== undefined && command.net !== transport && !other) throw new Error(`no ${command.net} laptop in this process`);
    const target = other ?? { doc, arrivals, random, connection };
    switch (command.cmd) {
      case 'start':
        if (other) {
          void connect(other.doc, 'ywebsocket', String(args['ws-url'])).then((opened) => {
            other.connection = opened;
            emit({ event: 'started' });
          });
          return;
        }
        void connect(doc).then((opened) => {
          connection = opened;
          emit({ event: 'started' });
        });
        return;
      case 'add': {
        const text = latencyCardText(command.seq ?? 0, cardText(target.random));
        const at = now();
        const result = addCard(target.doc, { boardId: PLENARY_BOARD_ID, text });
        if (!result.ok) throw new Error(`addCard: ${result.error.code}`);
        emit({ event: 'added', seq: command.seq, at });
        return;
      }
      case 'status':
        emit({
          event: 'status',
          ...(target.connection?.status() ?? {}),
          workshop: target.doc.getMap<unknown>(ROOT.boards).has(PLENARY_BOARD_ID),
          cards: target.doc.getMap<unknown>(ROOT.cards).size,
        });
        return;
      case 'drain':
        emit({ event: 'drained', arrivals: target.arrivals.splice(0) });
        return;
      case 'ping':
        emit({ event: 'pong', id: command.id, at: now() });
        return;
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        emit({ event: 'cpu', user, system, at: now() });
        return;
      }
      case 'join':
        void join(command.expect ?? 0);
        return;
      case 'leave':
        leave();
        return;
      case 'quit':
        quit();
    }
  })
  .on('close', quit);

emit({ event: 'ready' });
