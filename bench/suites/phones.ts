import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { chromiumPath } from '../../electron/services/chromium-path';
import { startSignalingServer } from '../../electron/services/signaling-server';
import { openPhoneLink } from '../../participant/link/phone-link';
import { build } from 'vite';
import participantConfig from '../../vite.participant.config';
import { addCard, createWorkshopDoc, PLENARY_BOARD_ID, ROOT, type WorkshopDoc } from '../../shared/model';
import type { PhoneLink } from '../../shared/phone';
import { newJoinSecret } from '../../shared/protocol/join-secret';
import { memoryStore, phoneSockets } from '../../tests/support/phone-net';
import { latencyCardText, type Arrival } from '../fixtures/latency-card';
import type { Series } from '../format';
import { monotonicMs, sleep, type NodeProcess } from './node-process';
import { checkClocks, startNetwork, startPeer, type Network } from './peer-network';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * The phones of issue 16, three rows:
 *
 * phones-60: 8 laptops, each its own Node process (bench/peers/bench-peer.ts: the app's peer sync,
 * y-webrtc over @roamhq/wrtc, full mesh, as in the peer benchmarks); the first is the moderator's,
 * which registers the room and so runs the phone hub (renderer/network/phone-hub.ts) through its
 * peer sync, as in the app. 60 phones share this runner process: each the participant page's own
 * link (participant/link/phone-link.ts) over its own `ws` socket to Plenum's signaling server (also
 * here, loopback). A phone adds a card; a sample ends when all 60 phones' views show it AND all 8
 * laptops' documents hold it (each laptop stamps the arrival itself; one monotonic clock for the
 * machine, checked by checkClocks). The hub coalesces views: at most one push per 60 ms.
 * Baseline, same run: 8 laptop processes with y-websocket@2's WebsocketProvider and 60 in-runner
 * WebsocketProvider clients (BroadcastChannel off) on y-websocket's server, one of the 60 adding the
 * card; it ends when all 60 + 8 documents hold it.
 *
 * phones-60-host-cpu: the moderator laptop process's CPU (process.cpuUsage, % of one core) in
 * 1-second windows over 20 s while every phone adds one card a second (60 a second, spread evenly).
 *
 * phone-join-2000: the moderator laptop (a Node process) holds the 2,000-card workshop; a phone is a
 * fresh Chromium context (360×640, isMobile) at http://plenum.test:PORT/p/#SECRET, a non-secure
 * origin (no crypto.subtle), the built participant page served by the signaling server. Measured in
 * the page's clock: navigation start until the name picker shows, plus the claim of a typed name
 * until the board's cards show; the person's own choosing is left out.
 */

const PHONES = 60;
const LAPTOPS = 8;
const WARMUP = 3;
const SAMPLES = 30;
const TARGET_P95_MS = 150;
const TIMEOUT_MS = 10_000;
const CPU_WARMUP_S = 4;
const CPU_WINDOWS_S = 20;
/** Target for the host's CPU: half a core leaves the moderator's laptop room for its own UI. */
const TARGET_CPU_PERCENT = 50;
const JOINS = 5;
const TARGET_JOIN_MS = 2000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP plenum.test 127.0.0.1'];

async function until(condition: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`phones bench: timed out waiting for ${what}`);
    await sleep(2);
  }
}

const shows = (link: PhoneLink, text: string) => link.view?.board?.cards.some((card) => card.text === text) ?? false;

/** The card texts a laptop process recorded since the last drain, into `arrived` (seq → at). */
async function drainInto(laptop: NodeProcess, arrived: Map<number, number>): Promise<void> {
  const { arrivals } = await laptop.request({ cmd: 'drain' }, 'drained');
  if (!Array.isArray(arrivals)) throw new Error(`${laptop.name}: drained without arrivals`);
  for (const arrival of arrivals as Arrival[]) if (!arrived.has(arrival.seq)) arrived.set(arrival.seq, arrival.at);
}

/**
 * One fan-out series: `add(seq)` writes card "lat <seq> …" at a phone (or a y-websocket client),
 * `clientsHave(seq)` says whether all 60 of them show it; each sample is the later of that moment
 * and the last laptop's own arrival stamp, minus the moment before `add`.
 */
async function fanOut(label: string, add: (seq: number) => void, clientsHave: (seq: number) => boolean, laptops: readonly NodeProcess[]): Promise<number[]> {
  const arrived = laptops.map(() => new Map<number, number>());
  const samples: number[] = [];
  for (let round = 0; round < WARMUP + SAMPLES; round += 1) {
    const started = monotonicMs();
    add(round);
    await until(() => clientsHave(round), `${label}: card ${round} at every phone`);
    const clientsAt = monotonicMs();
    let last = clientsAt;
    for (const [index, laptop] of laptops.entries()) {
      const seen = arrived[index] ?? new Map<number, number>();
      const deadline = performance.now() + TIMEOUT_MS;
      while (!seen.has(round)) {
        if (performance.now() > deadline) throw new Error(`${label}: card ${round} never reached ${laptop.name}`);
        await drainInto(laptop, seen);
        if (!seen.has(round)) await sleep(5);
      }
      last = Math.max(last, seen.get(round) ?? last);
    }
    if (round >= WARMUP) samples.push(last - started);
    // Apart from each other, as people type: a sample does not ride on the previous push.
    await sleep(100);
  }
  return samples;
}

async function openPhones(network: Network, context: NodeBenchContext): Promise<PhoneLink[]> {
  const links: PhoneLink[] = [];
  for (let index = 0; index < PHONES; index += 1) {
    links.push(openPhoneLink({ secret: network.secret, url: network.url, connect: phoneSockets().factory, storage: memoryStore(), wake: () => () => undefined }));
  }
  await until(() => links.every((link) => link.state.kind === 'online'), 'every phone online', 60_000);
  links.forEach((link, index) => link.send({ type: 'claimName', name: `Phone ${index + 1}` }));
  await until(() => links.every((link) => link.view?.me !== null && link.view?.me !== undefined && link.view.board !== null), 'every phone named', 60_000);
  context.log(`${PHONES} phones online and named (one runner process, a socket each)`);
  return links;
}

async function hostCpu(host: NodeProcess, links: readonly PhoneLink[], context: NodeBenchContext): Promise<number[]> {
  const read = async () => {
    const reading = await host.request({ cmd: 'cpu' }, 'cpu');
    return { cpuMs: (Number(reading.user) + Number(reading.system)) / 1000, at: Number(reading.at) };
  };
  let answered = 0;
  let refused = 0;
  const stops = links.map((link) =>
    link.subscribe((answer) => {
      if (!answer) return;
      answered += 1;
      if (!answer.ok) refused += 1;
    }),
  );
  // Every phone once a second, spread evenly over the second: 60 cards a second in all.
  // Timers run late on a loaded machine: each tick sends every card due by the clock so far.
  let sent = 0;
  const began = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - began) * PHONES) / 1000);
    while (sent < due) {
      const link = links[sent % PHONES];
      sent += 1;
      link?.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: `cpu ${sent} an idea from a phone` });
    }
  }, 1000 / PHONES);
  const samples: number[] = [];
  try {
    await sleep(CPU_WARMUP_S * 1000);
    let previous = await read();
    while (samples.length < CPU_WINDOWS_S) {
      await sleep(1000);
      const reading = await read();
      samples.push(((reading.cpuMs - previous.cpuMs) / (reading.at - previous.at)) * 100);
      previous = reading;
    }
  } finally {
    clearInterval(timer);
    stops.forEach((stop) => stop());
  }
  const seconds = (performance.now() - began) / 1000;
  context.log(`host cpu: ${sent} cards sent by phones in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(1)} a second), ${answered} answered, ${refused} refused`);
  if (refused > 0) throw new Error(`phones-60-host-cpu: the host refused ${refused} cards: not the load asked for`);
  return samples;
}

async function plenumPhones(context: NodeBenchContext): Promise<{ latency: number[]; cpu: number[] }> {
  const network = await startNetwork('plenum', LAPTOPS, context, ['--seed-title', 'Bench', '--phones']);
  let links: PhoneLink[] = [];
  try {
    await checkClocks(network.peers, context);
    const host = network.peers[0];
    if (!host) throw new Error('unreachable');
    links = await openPhones(network, context);
    const text = (seq: number) => latencyCardText(seq, 'an idea from a phone');
    const latency = await fanOut(
      'plenum',
      (seq) => links[seq % PHONES]?.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: text(seq) }),
      (seq) => links.every((link) => shows(link, text(seq))),
      network.peers,
    );
    const cpu = await hostCpu(host, links, context);
    return { latency, cpu };
  } finally {
    for (const link of links) link.close();
    await network.close();
  }
}

async function yWebsocketFanOut(context: NodeBenchContext): Promise<number[]> {
  const network = await startNetwork('ywebsocket', LAPTOPS, context);
  const { WebsocketProvider } = await import('y-websocket');
  const docs = Array.from({ length: PHONES }, () => createWorkshopDoc());
  // BroadcastChannel off: Node has one, and clients in one process would skip the server through it.
  const providers = docs.map((doc) => new WebsocketProvider(network.url, network.room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true }));
  try {
    await checkClocks(network.peers, context);
    await until(() => providers.every((provider) => provider.synced) && docs.every((doc) => doc.getMap<unknown>(ROOT.boards).has(PLENARY_BOARD_ID)), 'every y-websocket client synced', 60_000);
    context.log(`${PHONES} y-websocket clients in the runner + ${LAPTOPS} laptop processes synced`);
    const texts = new Map<WorkshopDoc, Set<string>>(docs.map((doc) => [doc, new Set()]));
    for (const doc of docs) {
      doc.getMap<unknown>(ROOT.cards).observe((event) => {
        const seen = texts.get(doc);
        for (const key of event.keysChanged) {
          const card = event.target.get(key) as { get(field: string): unknown } | undefined;
          const value = card?.get('text');
          if (typeof value === 'string') seen?.add(value);
        }
      });
    }
    const text = (seq: number) => latencyCardText(seq, 'an idea from a client');
    return await fanOut(
      'y-websocket',
      (seq) => {
        const writer = docs[seq % PHONES];
        if (!writer || !addCard(writer, { boardId: PLENARY_BOARD_ID, text: text(seq) }).ok) throw new Error('phones bench: addCard failed');
        texts.get(writer)?.add(text(seq));
      },
      (seq) => docs.every((doc) => texts.get(doc)?.has(text(seq)) ?? false),
      network.peers,
    );
  } finally {
    // The awareness' own timer outlives the provider until its document is destroyed.
    providers.forEach((provider) => provider.destroy());
    docs.forEach((doc) => doc.destroy());
    await network.close();
  }
}

/** Where this run builds the participant page: its own folder, so a fresh clone (no `npm run build` yet) serves it too. */
const PARTICIPANT_BUILD = fileURLToPath(new URL('../../dist/bench-participant', import.meta.url));

/** The participant page as `npm run build` builds it, into PARTICIPANT_BUILD. */
async function buildParticipantPage(context: NodeBenchContext): Promise<string> {
  context.log('building the participant page (vite.participant.config.ts)');
  await build({ ...participantConfig, configFile: false, logLevel: 'warn', build: { ...participantConfig.build, outDir: PARTICIPANT_BUILD, emptyOutDir: true } });
  return PARTICIPANT_BUILD;
}

async function phoneJoin2000(context: NodeBenchContext): Promise<number[]> {
  const dir = await buildParticipantPage(context);
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, participantPage: { dir } });
  const url = `ws://127.0.0.1:${server.port}`;
  const secret = newJoinSecret();
  let host: NodeProcess | undefined;
  let browser: Browser | undefined;
  try {
    host = await startPeer('plenum', { url, close: () => server.close() }, crypto.randomUUID(), secret, 'moderator', ['--host', '--fixture', 'standard', '--phones']);
    await host.request({ cmd: 'start' }, 'started', 30_000);
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('no Chromium: install chromium-headless-shell or chromium, or set CHROMIUM_PATH');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    const page = `http://plenum.test:${server.port}/p/#${secret}`;
    const samples: number[] = [];
    for (let round = 0; round < JOINS + 1; round += 1) {
      const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      try {
        const tab = await phone.newPage();
        await tab.goto(page, { waitUntil: 'commit' });
        // The page's own clock: 0 is its navigation start.
        const picker = Number(await (await tab.waitForFunction(() => (document.querySelector('[data-testid="name-picker"] form') ? performance.now() : null), undefined, { polling: 'raf', timeout: 30_000 })).jsonValue());
        await tab.fill('[data-testid="name-picker"] form input', `Phone ${round + 1}`);
        const claimed = await tab.evaluate(() => {
          const at = performance.now();
          document.querySelector<HTMLFormElement>('[data-testid="name-picker"] form')?.requestSubmit();
          return at;
        });
        const board = Number(await (await tab.waitForFunction(() => (document.querySelector('[data-testid="phone-card"]') ? performance.now() : null), undefined, { polling: 'raf', timeout: 30_000 })).jsonValue());
        const secure = await tab.evaluate(() => window.isSecureContext);
        if (secure) throw new Error('phone-join-2000: the page is a secure context; the bench must run without crypto.subtle');
        context.log(`phone join ${round + 1}: name picker ${picker.toFixed(0)} ms after navigation start, claim to board ${(board - claimed).toFixed(0)} ms${round === 0 ? ' (warm-up)' : ''}`);
        if (round > 0) samples.push(picker + (board - claimed));
      } finally {
        await phone.close();
      }
    }
    return samples;
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.stop();
    await server.close();
  }
}

export const phonesBench: NodeBenchSuite = {
  async run(context: NodeBenchContext): Promise<Series[]> {
    const ours = await plenumPhones(context);
    const baseline = await yWebsocketFanOut(context);
    const join = await phoneJoin2000(context);
    return [
      { name: 'phones-60', unit: 'ms', samples: ours.latency, target: { metric: 'p95', max: TARGET_P95_MS, maxBaselineRatio: null }, baseline: 'phones-60-y-websocket' },
      { name: 'phones-60-y-websocket', unit: 'ms', samples: baseline },
      { name: 'phones-60-host-cpu', unit: '% core', samples: ours.cpu, target: { metric: 'median', max: TARGET_CPU_PERCENT } },
      { name: 'phone-join-2000', unit: 'ms', samples: join, target: { metric: 'median', max: TARGET_JOIN_MS } },
    ];
  },
};
