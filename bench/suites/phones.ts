import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startSignalingServer } from '../../electron/services/signaling-server';
import { openPhoneLink, type LinkSocketEvents, type SocketFactory } from '../../participant/link/phone-link';
import { startPhoneHub } from '../../renderer/network/phone-hub';
import type { SignalingSocket } from '../../renderer/network/relay';
import { addCard, cardsSnapshot, createWorkshopDoc, initWorkshop, onWorkshopUpdate, PLENARY_BOARD_ID, setPlenaryOpen, type WorkshopDoc } from '../../shared/model';
import type { PhoneLink } from '../../shared/phone';
import { joinVerifier } from '../../shared/protocol/join-secret';
import type { Series } from '../format';
import { NodeProcess } from './node-process';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * phones-60 (issue 16): 60 phones in the room. Every phone is the participant page's own link
 * (participant/link/phone-link.ts) over a `ws` socket, the server is Plenum's signaling server, the
 * moderator laptop's side is the phone hub (renderer/network/phone-hub.ts) on a workshop document:
 * all in this one Node process, on loopback. A phone adds a card; the sample ends when all 60 phones'
 * views show it (the hub coalesces views: at most one push per 60 ms).
 *
 * Baseline, in the same run: the same fan-out through a y-websocket@2 server (its own process,
 * bench/peers/ywebsocket-server.ts) to 60 WebsocketProvider clients holding the whole document, one
 * of them adding the card. Left out for now: the 8 laptops on top, the host's CPU while every phone
 * adds one card a second, and a phone's join with the 2,000-card workshop.
 */

const PHONES = 60;
const WARMUP = 3;
const SAMPLES = 30;
const TARGET_P95_MS = 150;
const SECRET = 'K7QF2MXD9PAW';
const ROOM = 'b6f1e9c0-7a53-4d2e-9a51-6c0e3f4d2b10';
const TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`phones bench: timed out waiting for ${what}`);
    await sleep(2);
  }
}

const wsFactory: SocketFactory = (url: string, events: LinkSocketEvents) => {
  const ws = new WebSocket(url);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    events.close();
  };
  ws.on('open', () => events.open());
  ws.on('message', (data, isBinary) => {
    if (!isBinary) events.message(data.toString());
  });
  ws.on('close', close);
  ws.on('error', close);
  return { send: (data) => ws.readyState === WebSocket.OPEN && ws.send(data), close: () => ws.terminate() };
};

/** The moderator laptop's signaling connection, as lib0's client gives it to the hub. */
function laptopSocket(url: string): { socket: SignalingSocket; opened: Promise<void>; close(): void } {
  const ws = new WebSocket(url);
  const listeners = { connect: new Set<(message?: unknown) => void>(), disconnect: new Set<(message?: unknown) => void>(), message: new Set<(message?: unknown) => void>() };
  const socket: SignalingSocket = {
    connected: false,
    send: (message) => ws.send(JSON.stringify(message)),
    on: (event: 'connect' | 'disconnect' | 'message', listener: (message?: unknown) => void) => void listeners[event].add(listener),
    off: (event: 'connect' | 'disconnect' | 'message', listener: (message?: unknown) => void) => void listeners[event].delete(listener),
  } as SignalingSocket;
  ws.on('message', (data) => {
    const message: unknown = JSON.parse(data.toString());
    listeners.message.forEach((listener) => listener(message));
  });
  const opened = new Promise<void>((resolve) =>
    ws.once('open', () => {
      socket.connected = true;
      resolve();
    }),
  );
  return { socket, opened, close: () => ws.terminate() };
}

function workshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: ROOM, title: 'Bench', language: 'de' });
  const opened = setPlenaryOpen(doc, true);
  if (!opened.ok) throw new Error('phones bench: cannot open the plenary');
  return doc;
}

const shows = (link: PhoneLink, text: string) => link.view?.board?.cards.some((card) => card.text === text) ?? false;

async function plenumPhones(context: NodeBenchContext): Promise<number[]> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const url = `ws://127.0.0.1:${server.port}`;
  const doc = workshop();
  const hub = startPhoneHub({ doc, room: ROOM, secret: SECRET });
  const laptop = laptopSocket(url);
  const links: PhoneLink[] = [];
  try {
    await laptop.opened;
    hub.attach(laptop.socket);
    laptop.socket.send({ type: 'plenum-host', room: ROOM, verifier: await joinVerifier(SECRET) });
    for (let index = 0; index < PHONES; index += 1) {
      links.push(openPhoneLink({ secret: SECRET, url, connect: wsFactory, storage: memory(), wake: () => () => undefined }));
    }
    await until(() => links.every((link) => link.state.kind === 'online'), 'every phone online', 60_000);
    links.forEach((link, index) => link.send({ type: 'claimName', name: `Phone ${index + 1}` }));
    await until(() => links.every((link) => link.view?.me !== null && link.view?.me !== undefined && link.view.board !== null), 'every phone named', 60_000);
    context.log(`${PHONES} phones online and named`);
    const samples: number[] = [];
    for (let round = 0; round < WARMUP + SAMPLES; round += 1) {
      const text = `phone card ${round}`;
      const link = links[round % PHONES];
      if (!link) throw new Error('unreachable');
      const started = performance.now();
      link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text });
      await until(() => links.every((each) => shows(each, text)), `card ${round} on every phone`).catch((error: unknown) => {
        const missing = links.filter((each) => !shows(each, text));
        context.log(`missing on ${missing.length}: writer ${link.state.kind} pending ${JSON.stringify(link.pending)} cards in doc ${cardsSnapshot(doc).length}; a missing view: ${JSON.stringify(missing[0]?.view?.board?.cards.length)} omitted ${missing[0]?.view?.board?.omitted}`);
        throw error;
      });
      if (round >= WARMUP) samples.push(performance.now() - started);
      // Apart from each other, as people type: a sample does not ride on the previous push.
      await sleep(100);
    }
    return samples;
  } finally {
    for (const link of links) link.close();
    hub.destroy();
    laptop.close();
    await server.close();
  }
}

function memory() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), removeItem: (key: string) => void values.delete(key) };
}

async function yWebsocketFanOut(context: NodeBenchContext): Promise<number[]> {
  const { process: server, ready } = await NodeProcess.start('y-websocket server', 'ywebsocket-server.ts', [], (event) => event.event === 'listening');
  const { WebsocketProvider } = await import('y-websocket');
  const url = `ws://127.0.0.1:${String(ready.port)}`;
  const docs = Array.from({ length: PHONES }, () => createWorkshopDoc());
  const first = docs[0];
  if (!first) throw new Error('unreachable');
  initWorkshop(first, { id: ROOM, title: 'Bench', language: 'de' });
  const providers = docs.map((doc) => new WebsocketProvider(url, ROOM, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket }));
  try {
    await until(() => providers.every((provider) => provider.synced), 'every y-websocket client synced', 60_000);
    context.log(`${PHONES} y-websocket clients synced`);
    const arrived = new Map<WorkshopDoc, Set<string>>(docs.map((doc) => [doc, new Set()]));
    const stops = docs.map((doc) => onWorkshopUpdate(doc, () => arrived.set(doc, new Set(cardsSnapshot(doc).map((card) => card.text)))));
    const samples: number[] = [];
    for (let round = 0; round < WARMUP + SAMPLES; round += 1) {
      const text = `ws card ${round}`;
      const writer = docs[round % PHONES];
      if (!writer) throw new Error('unreachable');
      const started = performance.now();
      const added = addCard(writer, { boardId: PLENARY_BOARD_ID, text, authorId: null, now: Date.now() });
      if (!added.ok) throw new Error('phones bench: addCard failed');
      await until(() => docs.every((doc) => arrived.get(doc)?.has(text) ?? false), `card ${round} at every client`);
      if (round >= WARMUP) samples.push(performance.now() - started);
      await sleep(100);
    }
    stops.forEach((stop) => stop());
    return samples;
  } finally {
    providers.forEach((provider) => provider.destroy());
    await server.stop();
  }
}

export const phonesBench: NodeBenchSuite = {
  async run(context: NodeBenchContext): Promise<Series[]> {
    const ours = await plenumPhones(context);
    const baseline = await yWebsocketFanOut(context);
    return [
      { name: 'phones-60', unit: 'ms', samples: ours, target: { metric: 'p95', max: TARGET_P95_MS, maxBaselineRatio: null }, baseline: 'phones-60-y-websocket' },
      { name: 'phones-60-y-websocket', unit: 'ms', samples: baseline },
    ];
  },
};
