// A Plenum laptop in its own Node process: the project's peer sync (y-webrtc + relay) over a
// workshop document, driven by a test over stdin/stdout. Separate processes, because Node 18+
// has a global BroadcastChannel that would sync providers of one process without any network.
//
//   node --import tsx tests/sync/peers/plenum-peer.ts --signaling ws://127.0.0.1:PORT --room R --secret S
//        [--host] [--block-webrtc] [--name N] [--seed-title T [--seed-cards N]] [--table-id ID]
//        [--store FILE [--start-offline]]
//
// --store: the laptop's disk (store.ts). A laptop started again on the same file (after a crash)
// opens the workshop it had instead of seeding one, answers a command it already did with the
// reply it gave then, and carries an interrupted random-edit run on where it stopped;
// --start-offline: it was offline when it crashed, and stays so until told to connect.
// A command may carry "rid": n, echoed in its reply (peer-process.ts matches them up).
//
// stdin, one JSON per line (replies in brackets):
//   {"cmd":"card","text":"…","board"?:"…"}          [added {ok, id}]
//   {"cmd":"edit","id":"…","text":"…"}              [edited {ok}]
//   {"cmd":"remove","id":"…"}                       [removed {ok}]
//   {"cmd":"agenda","title":"…","durationMin"?:n}   [agenda-added {ok, id}]
//   {"cmd":"move-agenda","id":"…","toIndex":n}      [agenda-moved {ok}]
//   {"cmd":"table","name":"…","topic"?:"…"}         [table-added {ok, id}]
//   {"cmd":"fuzz","tag":"…","seed":n,"ops":n,"minDelayMs"?:n,"maxDelayMs"?:n}
//        random edits from a seeded PRNG (see fuzz.ts)                     [fuzz-done {tag, log}]
//   {"cmd":"disconnect"}  {"cmd":"connect"}          [disconnected] [connected]
//   {"cmd":"snapshot"}                               [snapshot {snapshot}]
//   {"cmd":"digest"}                                 [digest {hash, cards, agenda, boards}]
//   {"cmd":"status"}                                 [status {status, presence, names}]
//   {"cmd":"garbage","seq":n,"kinds"?:[…]}           [garbage-sent {seq, count}] (see garbage.ts)
//   {"cmd":"ping","id":n}                            [pong {id, at}]
//   {"cmd":"quit"}  (end of stdin quits too)
// stdout, one JSON per line: {"event":"ready"} {"event":"snapshot","snapshot":…}
//   {"event":"status","status":…} {"event":"card-seen","id":"…","text":"…","at":ms} (once per card id)
//   {"event":"uncaught","kind":"exception"|"rejection","message":"…"}: an error nobody caught. A
//   browser (and Electron's renderer) reports those and carries on; Node would exit, so this
//   process reports them the same way and carries on, and the test decides what they mean.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  addAgendaItem,
  addCard,
  addTable,
  agendaSnapshot,
  boardsSnapshot,
  cardsSnapshot,
  createWorkshopDoc,
  initWorkshop,
  moveAgendaItem,
  PLENARY_BOARD_ID,
  removeCard,
  ROOT,
  updateCardText,
  workshopSnapshot,
} from '../../../shared/model';
import { startPeerSync } from '../../../renderer/network/peer-sync';
import { BrowserLikeWebSocket } from './browser-websocket';
import { runFuzz, type FuzzLog } from './fuzz';
import { GARBAGE_KINDS, sendGarbage } from './garbage';
import { openPeerStore } from './store';

const { values } = parseArgs({
  options: {
    signaling: { type: 'string', multiple: true },
    room: { type: 'string' },
    secret: { type: 'string' },
    name: { type: 'string', default: 'peer' },
    host: { type: 'boolean', default: false },
    'block-webrtc': { type: 'boolean', default: false },
    'seed-title': { type: 'string' },
    'table-id': { type: 'string' },
    'seed-cards': { type: 'string' },
    store: { type: 'string' },
    'start-offline': { type: 'boolean', default: false },
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
    'table-id': z.string().optional(),
    'seed-cards': z.coerce.number().int().min(0).optional(),
    store: z.string().optional(),
    'start-offline': z.boolean(),
  })
  .parse(values);

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
const stackOf = (error: unknown) => (error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : '');
process.on('uncaughtException', (error) => emit({ event: 'uncaught', kind: 'exception', message: describeError(error), stack: stackOf(error) }));
process.on('unhandledRejection', (error) => emit({ event: 'uncaught', kind: 'rejection', message: describeError(error), stack: stackOf(error) }));

// Node 20 has no global WebSocket; y-webrtc (lib0/websocket) looks it up when it connects. One
// that behaves like the browser's when a handler throws: see browser-websocket.ts.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket = BrowserLikeWebSocket;
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc');

const doc = createWorkshopDoc();
const store = args.store ? openPeerStore(args.store, doc) : null;
// Only the creator seeds, and only once: a joining laptop starts empty and receives the workshop.
if (!store?.state.restored) {
  store?.hold();
  if (args['seed-title']) initWorkshop(doc, { id: args.room, title: args['seed-title'], language: 'de' });
  // A big workshop to start with: n cards of ≈ 200 characters on the plenary.
  for (let index = 0; index < (args['seed-cards'] ?? 0); index += 1) {
    addCard(doc, { boardId: PLENARY_BOARD_ID, text: `seed ${index} ${'Bürgerbeteiligung und Energiewende im Stadtteil, громада і транспорт. '.repeat(3)}` });
  }
  store?.save();
}

// One event per card id the first time this laptop holds it, in one pass over the map (no sort).
const seen = new Set<string>();
const cardsMap = doc.getMap<unknown>(ROOT.cards);
doc.on('update', () => {
  if (cardsMap.size === seen.size) return;
  for (const [id, card] of cardsMap) {
    if (seen.has(id)) continue;
    seen.add(id);
    const text = card instanceof Y.Map ? (card.get('text') as unknown) : undefined;
    emit({ event: 'card-seen', id, text, at: performance.timeOrigin + performance.now() });
  }
});

const sync = await startPeerSync({
  doc,
  room: args.room,
  secret: args.secret,
  signaling: args.signaling,
  identity: { name: args.name, role: args.host ? 'host' : 'table', tableId: args['table-id'] ?? null },
  wrtc,
  host: args.host,
  blockWebrtc: args['block-webrtc'],
});
if (args['start-offline']) sync.disconnect();
sync.subscribe(() => emit({ event: 'status', status: sync.status() }));

const command = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('card'), text: z.string(), board: z.string().optional() }),
  z.object({ cmd: z.literal('edit'), id: z.string(), text: z.string() }),
  z.object({ cmd: z.literal('remove'), id: z.string() }),
  z.object({ cmd: z.literal('agenda'), title: z.string(), durationMin: z.number().optional() }),
  z.object({ cmd: z.literal('move-agenda'), id: z.string(), toIndex: z.number() }),
  z.object({ cmd: z.literal('table'), name: z.string(), topic: z.string().optional() }),
  z.object({
    cmd: z.literal('fuzz'),
    tag: z.string(),
    seed: z.number(),
    ops: z.number().int().min(0),
    minDelayMs: z.number().min(0).default(2),
    maxDelayMs: z.number().min(0).default(20),
  }),
  z.object({ cmd: z.literal('disconnect') }),
  z.object({ cmd: z.literal('connect') }),
  z.object({ cmd: z.literal('snapshot') }),
  z.object({ cmd: z.literal('digest') }),
  z.object({ cmd: z.literal('status') }),
  z.object({ cmd: z.literal('garbage'), seq: z.number().default(0), kinds: z.array(z.enum(GARBAGE_KINDS)).optional() }),
  z.object({ cmd: z.literal('ping'), id: z.number() }),
  z.object({ cmd: z.literal('quit') }),
]);

function quit(): never {
  sync.destroy();
  // wrtc keeps native threads alive; leave without waiting for them.
  process.exit(0);
}

/** Commands that change the workshop: done once, even when sent again after a crash. */
const CHANGES: ReadonlySet<string> = new Set(['card', 'edit', 'remove', 'agenda', 'move-agenda', 'table', 'fuzz']);

const fuzzProgress = z.object({ index: z.number().int().min(0), draws: z.number().int().min(0), log: z.custom<FuzzLog>((value) => typeof value === 'object' && value !== null) });

function handle(input: z.infer<typeof command>, rid: number | undefined): void {
  const durable = store !== null && rid !== undefined && CHANGES.has(input.cmd);
  const done = rid === undefined ? undefined : store?.state.replies.get(rid);
  if (durable && done) {
    emit(done);
    return;
  }
  const reply = (event: Record<string, unknown>): void => {
    emit(rid === undefined ? event : { ...event, rid });
  };
  // A change's updates and its reply reach the disk together, before the network sees them: after a
  // crash, either both are on disk (the command is not done again) or neither (nobody else has it).
  const change = (work: () => Record<string, unknown>): void => {
    if (!durable || !store) {
      reply(work());
      return;
    }
    const full = store.step(() => {
      const event = { ...work(), rid: rid ?? 0 };
      return { value: event, records: [{ rid: rid ?? 0, reply: event }] };
    });
    emit(full);
  };
  switch (input.cmd) {
    case 'card':
      return change(() => {
        const result = addCard(doc, { boardId: input.board ?? PLENARY_BOARD_ID, text: input.text });
        return { event: 'added', ok: result.ok, id: result.ok ? result.value.id : null };
      });
    case 'edit':
      return change(() => ({ event: 'edited', ok: updateCardText(doc, input.id, input.text).ok }));
    case 'remove':
      return change(() => ({ event: 'removed', ok: removeCard(doc, input.id).ok }));
    case 'agenda':
      return change(() => {
        const result = addAgendaItem(doc, { title: input.title, durationMin: input.durationMin ?? 15 });
        return { event: 'agenda-added', ok: result.ok, id: result.ok ? result.value.id : null };
      });
    case 'move-agenda':
      return change(() => ({ event: 'agenda-moved', ok: moveAgendaItem(doc, input.id, input.toIndex).ok }));
    case 'table':
      return change(() => {
        const result = addTable(doc, { name: input.name, topic: input.topic ?? '' });
        return { event: 'table-added', ok: result.ok, id: result.ok ? result.value.id : null };
      });
    case 'fuzz':
      {
        const saved = fuzzProgress.safeParse(store?.state.fuzz.get(input.tag));
        void runFuzz(
          doc,
          { ...input, name: args.name },
          {
            resume: saved.success ? saved.data : undefined,
            step: store ? (work) => store.step(() => ({ value: undefined, records: [{ fuzz: input.tag, progress: { ...work() } }] })) : undefined,
          },
        ).then((log) => reply({ event: 'fuzz-done', tag: input.tag, log }));
      }
      return;
    case 'disconnect':
      sync.disconnect();
      reply({ event: 'disconnected' });
      return;
    case 'connect':
      sync.connect();
      reply({ event: 'connected' });
      return;
    case 'snapshot':
      reply({ event: 'snapshot', snapshot: workshopSnapshot(doc) });
      return;
    case 'digest': {
      const hash = createHash('sha256').update(JSON.stringify(workshopSnapshot(doc))).digest('hex');
      reply({ event: 'digest', hash, cards: cardsSnapshot(doc).length, agenda: agendaSnapshot(doc).length, boards: boardsSnapshot(doc).length });
      return;
    }
    case 'status': {
      const presence = sync.presence();
      reply({ event: 'status', status: sync.status(), presence: presence.length, names: presence.map((entry) => entry.identity.name) });
      return;
    }
    case 'garbage':
      void sendGarbage({ url: args.signaling[0] ?? '', room: args.room, secret: args.secret, kinds: input.kinds }).then(
        (count) => reply({ event: 'garbage-sent', seq: input.seq, count }),
        (error: unknown) => reply({ event: 'garbage-failed', seq: input.seq, message: describeError(error) }),
      );
      return;
    case 'ping':
      reply({ event: 'pong', id: input.id, at: performance.timeOrigin + performance.now() });
      return;
    case 'quit':
      quit();
  }
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      emit({ event: 'error', message: 'not JSON' });
      return;
    }
    const parsed = command.safeParse(raw);
    if (!parsed.success) {
      emit({ event: 'error', message: parsed.error.message });
      return;
    }
    const rid = (raw as { rid?: unknown }).rid;
    handle(parsed.data, typeof rid === 'number' && Number.isInteger(rid) ? rid : undefined);
  })
  // The test process is gone (or closed our stdin): never outlive it.
  .on('close', quit);
emit({ event: 'ready' });
