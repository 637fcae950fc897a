// A broken (or hostile) laptop that knows the join secret and connects to the room with vanilla
// y-webrtc, then sends garbage straight over its WebRTC data channels, where the honest laptops'
// y-webrtc decodes every message and applies Yjs updates with no validation of its own.
//
//   node --import tsx tests/sync/faults-webrtc-garbage-peer.ts --signaling ws://… --room R --password P
//
// stdin:  {"cmd":"garbage","seq":n} | {"cmd":"connected"} | {"cmd":"quit"}
// stdout: {"event":"ready"} | {"event":"peers","webrtc":n} | {"event":"garbage-sent","seq":n,"count":n,"peers":n}
//         | {"event":"connected","count":n} (open data channels)
import * as encoding from 'lib0/encoding';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { z } from 'zod';
import { ROOT } from '../../shared/model';

const { values } = parseArgs({
  options: { signaling: { type: 'string' }, room: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  strict: true,
});
const args = z.object({ signaling: z.string().startsWith('ws://'), room: z.string().min(1), password: z.string().min(1) }).parse(values);

const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc');
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
// This laptop's own decoding of the others' messages is not under test.
process.on('uncaughtException', () => undefined);
process.on('unhandledRejection', () => undefined);

const doc = new Y.Doc();
const provider = new WebrtcProvider(args.room, doc, { signaling: [args.signaling], password: args.password, peerOpts: { wrtc, config: { iceServers: [] } } });
provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => emit({ event: 'peers', webrtc: webrtcPeers.length }));

function random(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A well-formed Yjs update that writes what no Plenum laptop writes into the workshop's maps. */
function junkUpdate(seq: number): Uint8Array {
  const junk = new Y.Doc();
  junk.transact(() => {
    junk.getMap(ROOT.cards).set(`junk-number-${seq}`, 42);
    junk.getMap(ROOT.cards).set(`junk-text-${seq}`, 'not a card');
    const card = new Y.Map<unknown>();
    junk.getMap(ROOT.cards).set(`junk-fields-${seq}`, card);
    card.set('text', 12345);
    card.set('boardId', { not: 'a board' });
    card.set('order', null);
    junk.getMap(ROOT.boards).set(`junk-board-${seq}`, [1, 2, 3]);
    junk.getArray(`junk-root-${seq}`).push(['stray']);
  });
  return Y.encodeStateAsUpdate(junk);
}

function garbage(seq: number): Uint8Array[] {
  const truncated = Y.encodeStateAsUpdate(doc).slice(0, 3);
  return [
    new Uint8Array(0),
    random(64),
    message((e) => encoding.writeVarUint(e, 9)),
    // sync step 1 with a state vector that is no state vector
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, random(40)))),
    // sync step 2 and update with bytes that are no Yjs update, and a truncated one
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, random(64)))),
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, random(200)))),
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, truncated))),
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, Uint8Array.of(5, 200, 1, 9, 9, 9)))),
    // awareness that is no awareness update
    message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, random(50)))),
    // a valid update full of junk for the workshop's schema
    message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, junkUpdate(seq)))),
  ];
}

type Conn = { peer: { send(data: Uint8Array): void }; connected: boolean };
const command = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('garbage'), seq: z.number() }),
  z.object({ cmd: z.literal('connected') }),
  z.object({ cmd: z.literal('quit') }),
]);
const openConns = () => [...((provider.room?.webrtcConns ?? new Map()) as Map<string, Conn>).values()].filter((conn) => conn.connected);

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let parsed;
    try {
      parsed = command.safeParse(JSON.parse(line));
    } catch {
      return;
    }
    if (!parsed.success) return;
    if (parsed.data.cmd === 'quit') process.exit(0);
    if (parsed.data.cmd === 'connected') return emit({ event: 'connected', count: openConns().length });
    const conns = openConns();
    const frames = garbage(parsed.data.seq);
    for (const conn of conns) for (const frame of frames) conn.peer.send(frame);
    emit({ event: 'garbage-sent', seq: parsed.data.seq, count: frames.length, peers: conns.length });
  })
  .on('close', () => process.exit(0));

emit({ event: 'ready' });
