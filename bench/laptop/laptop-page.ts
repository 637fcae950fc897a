// One laptop of the Chromium peer benchmarks (bench/suites/chromium-laptops.ts): Plenum's renderer
// code in a Chromium of its own, as at a table, connected to both networks of a run: the project's
// peer sync over Chromium's own WebRTC, and a y-websocket client, each with its own workshop
// document. Arrivals are only recorded here and collected by the runner after a sample, so that
// reporting them costs no CPU while the other laptops are still receiving.
import { WebsocketProvider } from 'y-websocket';
import { startPeerSync } from '../../renderer/network/peer-sync';
import { addCard, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID, ROOT, type WorkshopDoc } from '../../shared/model';
import { cardText, seededRandom } from '../fixtures/texts';
import { latencyCardText, watchLatencyCards } from '../fixtures/latency-card';
import type { Arrival, LaptopStart, LaptopStatus, PlenumLaptopApi, Transport } from './api';
import { startFloor, trackConnections } from './floor';

const now = () => performance.timeOrigin + performance.now();

// Every RTCPeerConnection the peer sync opens (simple-peer takes the global when it makes one), for
// the floor channels; this page has no other.
const peerConnections = new Set<unknown>();
window.RTCPeerConnection = trackConnections(window.RTCPeerConnection, peerConnections);
const floor = startFloor(now);
const floorRandom = seededRandom(7);

interface Connected {
  doc: WorkshopDoc;
  arrivals: Arrival[];
  /** Card texts: one seeded stream per network, so both send the same texts as in the Node laptops. */
  random: () => number;
  status(): LaptopStatus;
}

const connected = new Map<Transport, Connected>();

async function start(options: LaptopStart): Promise<void> {
  if (connected.has(options.transport)) throw new Error(`${options.transport} already started`);
  const doc = createWorkshopDoc();
  if (options.host) initWorkshop(doc, { id: options.room, title: 'Bench', language: 'de' });
  const arrivals: Arrival[] = [];
  watchLatencyCards(doc, arrivals, now);
  const holdsWorkshop = () => doc.getMap<unknown>(ROOT.boards).has(PLENARY_BOARD_ID);
  if (options.transport === 'plenum') {
    const sync = await startPeerSync({
      doc,
      room: options.room,
      secret: options.secret,
      signaling: [options.url],
      identity: { name: options.name, role: options.host ? 'host' : 'table', tableId: null },
      host: options.host,
    });
    connected.set('plenum', { doc, arrivals, random: seededRandom(7), status: () => ({ directPeers: sync.status().directPeers, workshop: holdsWorkshop() }) });
  } else {
    // No BroadcastChannel: this page is alone in its browser anyway.
    new WebsocketProvider(options.url, options.room, doc, { disableBc: true });
    connected.set('ywebsocket', { doc, arrivals, random: seededRandom(7), status: () => ({ workshop: holdsWorkshop() }) });
  }
}

function laptop(transport: Transport): Connected {
  const found = connected.get(transport);
  if (!found) throw new Error(`${transport} not started`);
  return found;
}

function answerClock(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.onmessage = () => socket.send(JSON.stringify({ at: now() }));
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`clock socket ${url} failed`));
  });
}

const api: PlenumLaptopApi = {
  now,
  answerClock,
  start,
  add(transport, seq) {
    const { doc, random } = laptop(transport);
    const text = latencyCardText(seq, cardText(random));
    const at = now();
    const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text });
    if (!result.ok) throw new Error(`addCard: ${result.error.code}`);
    return at;
  },
  drain: (transport) => laptop(transport).arrivals.splice(0),
  status: (transport) => laptop(transport).status(),
  floorOpen: () => floor.open(peerConnections),
  floorSend: (seq) => floor.send(seq, latencyCardText(seq, cardText(floorRandom))),
  floorDrain: () => floor.drain(),
};

window.plenumLaptop = api;
