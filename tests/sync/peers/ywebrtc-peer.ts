// A vanilla y-webrtc peer in its own Node process (no project code), driven by a test over stdin/stdout.
// Separate processes because Node 18+ has a global BroadcastChannel: two providers in one process would sync
// through it and never touch the signaling server or WebRTC.
//
//   node --import tsx tests/sync/peers/ywebrtc-peer.ts --signaling ws://127.0.0.1:PORT --room R --password P
//
// stdin, one JSON per line:  {"cmd":"set","key":"k","value":"v"} | {"cmd":"quit"}
// stdout, one JSON per line: {"event":"ready"} | {"event":"peers","webrtc":n} | {"event":"map","entries":{...}}
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { z } from 'zod';

const { values } = parseArgs({
  options: { signaling: { type: 'string' }, room: { type: 'string' }, password: { type: 'string' } },
  strict: true,
});
const args = z.object({ signaling: z.string().startsWith('ws://'), room: z.string().min(1), password: z.string().min(1) }).parse(values);

// Node 20 has no global WebSocket; y-webrtc (lib0/websocket) looks it up when it connects.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;
// @roamhq/wrtc is CommonJS without a default export; simple-peer only needs the object.
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc');

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const doc = new Y.Doc();
const entries = doc.getMap<string>('entries');
const provider = new WebrtcProvider(args.room, doc, {
  signaling: [args.signaling],
  password: args.password,
  // No STUN or TURN: the room may be offline; host candidates are enough on one machine or one LAN.
  peerOpts: { wrtc, config: { iceServers: [] } },
});

provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => emit({ event: 'peers', webrtc: webrtcPeers.length }));
entries.observe(() => emit({ event: 'map', entries: entries.toJSON() }));

const command = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('set'), key: z.string(), value: z.string() }),
  z.object({ cmd: z.literal('quit') }),
]);

function quit(): void {
  provider.destroy();
  doc.destroy();
  // wrtc keeps native threads alive; leave without waiting for them.
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let parsed;
    try {
      parsed = command.safeParse(JSON.parse(line));
    } catch {
      return;
    }
    if (!parsed.success) return;
    if (parsed.data.cmd === 'quit') quit();
    else entries.set(parsed.data.key, parsed.data.value);
  })
  .on('close', quit);

emit({ event: 'ready' });
