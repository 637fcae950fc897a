// A program that is not Plenum: plain `yjs` + `y-webrtc` (and `fractional-indexing`, which
// docs/session-format.md names for order keys), no project code at all, in its own Node process.
// It joins a workshop the way the docs describe and reads and writes it following
// docs/session-format.md — the helpers below are the "Example with plain yjs" of that page.
//
//   node --import tsx tests/sync/peers/vanilla-workshop-peer.ts --signaling ws://127.0.0.1:PORT --room <workshop id> --password <join secret>
//
// stdin, one JSON per line:
//   {"cmd":"read"}                                   [workshop {schemaVersion, title, boards, plenary}]
//   {"cmd":"add-card","board":"…","text":"…"}         [card-added {id}] or [refused {message}]
//   {"cmd":"quit"}
// stdout, one JSON per line: {"event":"ready"} {"event":"arrived"} once the workshop is here,
//   {"event":"peers","webrtc":n}
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generateKeyBetween } from 'fractional-indexing';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const { values } = parseArgs({
  options: { signaling: { type: 'string' }, room: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  strict: true,
});
const { signaling, room, password } = values;
if (!signaling || !room || !password) throw new Error('--signaling, --room and --password are required');

// Node 20 has no global WebSocket; y-webrtc (lib0/websocket) looks it up when it connects.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;
// @roamhq/wrtc is CommonJS; simple-peer only needs the object.
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc');
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

// ---- from docs/session-format.md, "Example with plain yjs" --------------------------------
const SUPPORTED_VERSION = 1;

interface CardView {
  id: string;
  text: string;
  order: string;
}

const text = (map: Y.Map<unknown>, key: string) => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

/** The cards of one board in Plenum's order: by `order`, ties by id, both as plain strings. */
function boardCards(doc: Y.Doc, boardId: string): CardView[] {
  const cards: CardView[] = [];
  doc.getMap<unknown>('cards').forEach((card, id) => {
    if (!(card instanceof Y.Map) || card.get('boardId') !== boardId) return;
    cards.push({ id, text: text(card as Y.Map<unknown>, 'text'), order: text(card as Y.Map<unknown>, 'order') });
  });
  const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return cards.sort((a, b) => byString(a.order, b.order) || byString(a.id, b.id));
}

/** Adds a card at the end of a board, as one transaction. */
function addCard(doc: Y.Doc, boardId: string, cardText: string): string {
  if (!doc.getMap('boards').has(boardId)) throw new Error(`no board ${boardId}`);
  if (cardText.trim() === '' || cardText.length > 200_000) throw new Error('card text refused');
  const last = boardCards(doc, boardId).at(-1);
  const id = crypto.randomUUID();
  const now = Date.now();
  doc.transact(() => {
    const card = new Y.Map<unknown>();
    card.set('id', id);
    card.set('boardId', boardId);
    card.set('text', cardText);
    card.set('order', generateKeyBetween(last?.order ?? null, null));
    card.set('createdAt', now);
    card.set('updatedAt', now);
    doc.getMap('cards').set(id, card);
  }, 'vanilla-tool');
  return id;
}
// ----------------------------------------------------------------------------------------------

const doc = new Y.Doc();
// The room is the workshop id, the password the join secret (normalised: 12 characters, no dashes).
const provider = new WebrtcProvider(room, doc, {
  signaling: [signaling],
  password,
  peerOpts: { wrtc, config: { iceServers: [] } },
});
provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => emit({ event: 'peers', webrtc: webrtcPeers.length }));

/** A joining program starts empty: the workshop is here once `meta.schemaVersion` and the plenary board are. */
const arrived = () => typeof doc.getMap('meta').get('schemaVersion') === 'number' && doc.getMap('boards').has('plenary');
const onUpdate = () => {
  if (!arrived()) return;
  doc.off('update', onUpdate);
  emit({ event: 'arrived' });
};
doc.on('update', onUpdate);

function read(): Record<string, unknown> {
  const meta = doc.getMap<unknown>('meta');
  const version = meta.get('schemaVersion');
  if (typeof version !== 'number') throw new Error('not a Plenum workshop (yet)');
  if (version > SUPPORTED_VERSION) throw new Error(`written by a newer Plenum (version ${version})`);
  const boards: Array<{ id: string; kind: string; title: string }> = [];
  doc.getMap<unknown>('boards').forEach((board, id) => {
    if (board instanceof Y.Map) boards.push({ id, kind: text(board as Y.Map<unknown>, 'kind') === 'table' ? 'table' : 'plenary', title: text(board as Y.Map<unknown>, 'title') });
  });
  return { event: 'workshop', schemaVersion: version, id: meta.get('id'), title: meta.get('title'), boards, plenary: boardCards(doc, 'plenary') };
}

function quit(): never {
  provider.destroy();
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let command: { cmd?: unknown; board?: unknown; text?: unknown };
    try {
      command = JSON.parse(line) as typeof command;
    } catch {
      return;
    }
    try {
      if (command.cmd === 'read') emit(read());
      else if (command.cmd === 'add-card' && typeof command.board === 'string' && typeof command.text === 'string') {
        emit({ event: 'card-added', id: addCard(doc, command.board, command.text) });
      } else if (command.cmd === 'quit') quit();
    } catch (error) {
      emit({ event: 'refused', message: error instanceof Error ? error.message : String(error) });
    }
  })
  .on('close', quit);

emit({ event: 'ready' });
