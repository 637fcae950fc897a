import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WebSocketServer, type WebSocket } from 'ws';
import { chromiumPath } from '../../electron/services/chromium-path';
import { newJoinSecret } from '../../shared/protocol/join-secret';
import type { LaptopStart, PlenumLaptopApi, Transport } from '../laptop/api';
import { buildPage, serve, type StaticServer } from '../lib/static-page';
import { clockOffset } from './node-process';
import { checkFullMesh, connectOneByOne, openFloor, startServer, type Connectable, type ServerHandle } from './peer-network';
import type { LatencyLaptop, LatencyNetwork } from './latency-sample';
import type { NodeBenchContext } from './node-types';

/**
 * Laptops for the peer benchmarks in Chromium, the runtime the app's renderer has at every table
 * (Electron is Chromium): one Chromium process each (never two pages of one browser: those would
 * sync through BroadcastChannel), running bench/laptop/ — Plenum's peer sync over Chromium's own
 * WebRTC, and a y-websocket client, each laptop in both networks.
 *
 * Chromium is the Debian build the PDF export uses (CHROMIUM_PATH, else chromium-headless-shell,
 * else chromium). Its clock for the samples is the page's timeOrigin + now(); every laptop's
 * clock is checked against the others before anything is measured.
 */

const SOURCE = fileURLToPath(new URL('../laptop', import.meta.url));
const BUILD = fileURLToPath(new URL('../../dist/bench-laptop', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface ChromiumLaptops {
  /** One network per transport, over the same laptops. */
  networks: LatencyNetwork[];
  /** Throws unless Plenum's laptops still have a full mesh. */
  checkMesh(): Promise<void>;
  close(): Promise<void>;
}

/** A page call that does not answer must not hold the run (and ten browsers) forever. */
const CALL_TIMEOUT_MS = 30_000;

function withTimeout<T>(what: string, call: Promise<T>, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

type Method = keyof PlenumLaptopApi;

/** The laptop page's API (bench/laptop/api.ts) from the runner, each call bounded in time. */
function api(page: Page, name: string) {
  const call = <M extends Method>(method: M, ...args: Parameters<PlenumLaptopApi[M]>): Promise<Awaited<ReturnType<PlenumLaptopApi[M]>>> =>
    withTimeout(
      `${name}: ${method}`,
      page.evaluate(
        ([which, values]) => {
          const laptop = window.plenumLaptop;
          if (!laptop) throw new Error('bench/laptop/ did not load');
          return (laptop[which] as (...parameters: unknown[]) => unknown)(...values);
        },
        [method, args] as const,
      ) as Promise<Awaited<ReturnType<PlenumLaptopApi[M]>>>,
    );
  return {
    start: (options: LaptopStart) => call('start', options),
    add: (transport: Transport, seq: number) => call('add', transport, seq),
    drain: (transport: Transport) => call('drain', transport),
    status: (transport: Transport) => call('status', transport),
    answerClock: (url: string) => call('answerClock', url),
    floorOpen: () => call('floorOpen'),
    floorSend: (seq: number) => call('floorSend', seq),
    floorDrain: () => call('floorDrain'),
  };
}

/**
 * Reads each page's clock over a WebSocket of its own to this runner (a DevTools round trip takes
 * ≈ 2.5 ms here, a WebSocket one a fraction of that). The pages' clocks are wall-clock based
 * (timeOrigin), the runner's is the monotonic one: only the pages' differences from each other are
 * known. Refuses to measure when one laptop is off the others' median by more than the two
 * uncertainties plus 0.5 ms.
 */
async function checkPageClocks(pages: readonly Page[], context: NodeBenchContext): Promise<void> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const offsets: Array<{ offsetMs: number; uncertaintyMs: number }> = [];
    for (const page of pages) {
      const connected = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
      await api(page, 'laptop').answerClock(url);
      const socket = await connected;
      const read = () =>
        withTimeout(
          'clock socket',
          new Promise<number>((resolve, reject) => {
            socket.once('message', (data: Buffer) => {
              let at: unknown;
              try {
                ({ at } = JSON.parse(data.toString()) as { at?: unknown });
              } catch {
                // answered below
              }
              if (typeof at === 'number') resolve(at);
              else reject(new Error('clock socket: no time in the answer'));
            });
            socket.send('now');
          }),
          5000,
        );
      offsets.push(await clockOffset(read, 50));
      socket.close();
    }
    assertClocksAgree(offsets, pages.length, context);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function assertClocksAgree(offsets: ReadonlyArray<{ offsetMs: number; uncertaintyMs: number }>, count: number, context: NodeBenchContext): void {
  const sorted = [...offsets].sort((a, b) => a.offsetMs - b.offsetMs);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) return;
  const deviations = offsets.map((entry) => ({ ...entry, deviationMs: entry.offsetMs - median.offsetMs }));
  const worst = deviations.reduce((max, entry) => (Math.abs(entry.deviationMs) > Math.abs(max.deviationMs) ? entry : max));
  context.log(`clocks: largest deviation of a laptop from the others ${worst.deviationMs.toFixed(3)} ms (± ${(worst.uncertaintyMs + median.uncertaintyMs).toFixed(3)} ms) over ${count} Chromium processes`);
  const off = deviations.find((entry) => Math.abs(entry.deviationMs) > entry.uncertaintyMs + median.uncertaintyMs + 0.5);
  if (off) throw new Error(`a laptop's clock is ${off.deviationMs.toFixed(3)} ms off the others': one-way times would be wrong`);
}

export async function startChromiumLaptops(count: number, context: NodeBenchContext): Promise<ChromiumLaptops> {
  const browsers: Browser[] = [];
  const servers: Array<ServerHandle | StaticServer> = [];
  const close = async () => {
    await Promise.all(browsers.map((browser) => browser.close().catch(() => undefined)));
    await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
  };
  try {
    await buildPage(SOURCE, BUILD);
    const site = await serve(BUILD);
    servers.push(site);
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('no Chromium: install chromium-headless-shell or chromium, or set CHROMIUM_PATH');
    const pages: Page[] = [];
    for (let index = 0; index < count; index += 1) {
      const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
      browsers.push(browser);
      const page = await browser.newPage();
      page.on('pageerror', (error) => context.log(`laptop ${index + 1}: page error ${error.message}`));
      await page.goto(site.url);
      await page.waitForFunction(() => window.plenumLaptop !== undefined);
      pages.push(page);
    }
    context.log(`${count} laptops in Chromium (${executablePath}, ${browsers[0]?.version() ?? '?'})`);
    await checkPageClocks(pages, context);
    const laptops = pages.map((page, index) => ({ name: `laptop-${index + 1}`, ...api(page, `laptop-${index + 1}`) }));

    const networks: LatencyNetwork[] = [];
    let mesh: Connectable[] = [];
    for (const transport of ['plenum', 'ywebsocket'] as const) {
      const server = await startServer(transport);
      servers.push(server);
      const room = crypto.randomUUID();
      const secret = newJoinSecret();
      const connectables = laptops.map((laptop, index): Connectable => ({
        start: () => laptop.start({ transport, url: server.url, room, secret, name: laptop.name, host: index === 0 }),
        status: () => laptop.status(transport),
      }));
      await connectOneByOne(transport, connectables, context);
      if (transport === 'plenum') mesh = connectables;
      networks.push({
        transport,
        laptops: laptops.map(
          (laptop): LatencyLaptop => ({
            name: laptop.name,
            add: (seq) => laptop.add(transport, seq),
            drain: () => laptop.drain(transport),
          }),
        ),
      });
    }
    await openFloor(laptops, context);
    networks.push({ transport: 'floor', laptops: laptops.map((laptop): LatencyLaptop => ({ name: laptop.name, add: laptop.floorSend, drain: laptop.floorDrain })) });
    const plenum = mesh;
    return { networks, close, checkMesh: () => checkFullMesh(plenum, context, 'after measuring') };
  } catch (error) {
    await close();
    throw error;
  }
}
