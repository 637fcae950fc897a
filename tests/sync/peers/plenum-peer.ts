// A Plenum laptop in its own Node process: the project's peer sync (y-webrtc + relay) over a
// workshop document, driven by a test over stdin/stdout. Separate processes, because Node 18+
// has a global BroadcastChannel that would sync providers of one process without any network.
//
//   node --import tsx tests/sync/peers/plenum-peer.ts --signaling ws://127.0.0.1:PORT --room R --secret S
//        [--host] [--block-webrtc] [--name N] [--seed-title T]
//
// stdin, one JSON per line:
//   {"cmd":"card","text":"…"}  {"cmd":"disconnect"}  {"cmd":"connect"}  {"cmd":"snapshot"}  {"cmd":"status"}  {"cmd":"quit"}
//   {"cmd":"garbage"} publishes undecodable bytes on the relay topic (a broken peer)
// stdout, one JSON per line: {"event":"ready"} {"event":"cards","count":n} {"event":"snapshot","snapshot":…}
//   {"event":"status","status":…} {"event":"card-seen","text":"…","at":ms}
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { addCard, cardsSnapshot, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID, workshopSnapshot } from '../../../shared/model';
import { startPeerSync } from '../../../renderer/session/peer-sync';

const { values } = parseArgs({
  options: {
    signaling: { type: 'string', multiple: true },
    room: { type: 'string' },
    secret: { type: 'string' },
    name: { type: 'string', default: 'peer' },
    host: { type: 'boolean', default: false },
    'block-webrtc': { type: 'boolean', default: false },
    'seed-title': { type: 'string' },
  },
  strict: true,
});
const args = z
  .object({
    signaling: z.array(z.string().startsWith('ws://')).min(1),
    room: z.string().min(1),
    secret: z.string().min(1),
    name: z.string(),
    host: z.boolean(),
    'block-webrtc': z.boolean(),
    'seed-title': z.string().optional(),
  })
  .parse(values);

const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc');
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const doc = createWorkshopDoc();
// Only the creator seeds: a joining laptop starts empty and receives the workshop.
if (args['seed-title']) initWorkshop(doc, { id: args.room, title: args['seed-title'], language: 'de' });

const seen = new Set<string>();
doc.on('update', () => {
  for (const card of cardsSnapshot(doc)) {
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    emit({ event: 'card-seen', text: card.text, at: performance.timeOrigin + performance.now() });
  }
});

const sync = await startPeerSync({
  doc,
  room: args.room,
  secret: args.secret,
  signaling: args.signaling,
  identity: { name: args.name, role: args.host ? 'host' : 'table', tableId: null },
  wrtc,
  host: args.host,
  blockWebrtc: args['block-webrtc'],
});
sync.subscribe(() => emit({ event: 'status', status: sync.status() }));

const command = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('card'), text: z.string() }),
  z.object({ cmd: z.literal('disconnect') }),
  z.object({ cmd: z.literal('connect') }),
  z.object({ cmd: z.literal('snapshot') }),
  z.object({ cmd: z.literal('status') }),
  z.object({ cmd: z.literal('quit') }),
]);

createInterface({ input: process.stdin }).on('line', (line) => {
  const parsed = command.safeParse(JSON.parse(line));
  if (!parsed.success) return emit({ event: 'error', message: parsed.error.message });
  const input = parsed.data;
  switch (input.cmd) {
    case 'card': {
      const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text: input.text });
      emit({ event: 'added', ok: result.ok });
      break;
    }
    case 'disconnect':
      sync.disconnect();
      break;
    case 'connect':
      sync.connect();
      break;
    case 'snapshot':
      emit({ event: 'snapshot', snapshot: workshopSnapshot(doc) });
      break;
    case 'status':
      emit({ event: 'status', status: sync.status(), presence: sync.presence().length });
      break;
    case 'quit':
      sync.destroy();
      process.exit(0);
  }
});
emit({ event: 'ready' });
