import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { findBrowser } from '../../scripts/find-browser.mjs';
import type { Series } from '../format';
import { buildPage } from '../lib/static-page';
import type { SeedRequest } from '../app-seed/seed';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * The real app, as `npm run build` builds its renderer (vite.config.ts), served by `vite preview`
 * (as the end-to-end tests serve it) and run in headless Chromium with the web host (no Electron
 * bridge). A page of our own on the same origin (bench/app-seed/) first writes 50 workshops into
 * the app's IndexedDB through the app's own store, untimed: the standard 2,000-card workshop, 20
 * workshops of 200 cards and 29 of 20.
 *
 * memory-2000: the moderator's page with the 2,000-card workshop open on its board (every card in
 * the DOM), after a full GC (CDP HeapProfiler.collectGarbage): Runtime.getHeapUsage's usedSize, MB
 * (10^6 bytes). memory-2000-after-20: the same after opening each of the 20 others on its board
 * and going back home (the app's routes, as its links do), then opening the 2,000-card workshop
 * again; target ≤ 1.1× memory-2000 of the same run.
 *
 * cold-start: a fresh browser on the seeded profile, HTTP cache disabled (so no compiled-code
 * cache either: the first start after an update), navigation to the app. "Takes input", in the
 * page's own clock (performance.now(), 0 = navigation start): the home list shows all 50
 * workshops, then a search typed into the home screen's search field, given as a task of its own
 * (so it waits behind whatever the start queued), is handled (the list shows the one match), and
 * the frame after it is painted.
 *
 * cold-start-floor and cold-start-floor-idb (no targets; the second is cold-start's baseline, not
 * gated): the same harness, probe and definition for a page of the same origin and server that
 * does nothing else (bench/start-floor/): a search field and 50 rows in plain DOM, the titles in
 * its script or read from the seeded IndexedDB (one readonly getAll). Measured alternately with
 * the app, a fresh browser each: what the browser, the server and this harness take here anyway,
 * so a reader sees how much of the 500 ms is left to the app.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const APP_BUILD = here('../../dist/bench-app');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'];
const COLD_RUNS = 7;
const MB = 1e6;
const BIG_CARDS = 2000;
const OTHERS = 20;

const title = (index: number) => `Workshop ${String(index + 1).padStart(2, '0')}`;
const SEED: SeedRequest = {
  workshops: Array.from({ length: 50 }, (_, index) => ({ title: title(index), cards: index === 0 ? BIG_CARDS : index <= OTHERS ? 200 : 20 })),
};
/** Typed into the home search on a cold start: exactly one workshop's title holds it. */
const NEEDLE = title(37);

let built: Promise<void> | undefined;

/** The renderer as `npm run build:renderer` builds it, plus the seed page under /bench-seed/. Once per bench run. */
function buildApp(context: NodeBenchContext): Promise<void> {
  built ??= (async () => {
    context.log('building the app (vite build, vite.config.ts) and the seed page');
    await build({ configFile: here('../../vite.config.ts'), logLevel: 'warn', build: { outDir: APP_BUILD, emptyOutDir: true } });
    await buildPage(here('../app-seed'), join(APP_BUILD, 'bench-seed'));
    await buildPage(here('../start-floor'), join(APP_BUILD, 'bench-floor'));
  })();
  return built;
}

interface App {
  server: PreviewServer;
  url: string;
  profile: string;
  /** The seeded workshops' ids, in SEED's order. */
  ids: string[];
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findBrowser({ prefer: 'full' })?.path,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
  });
}

/** Serves the built app and seeds a fresh profile; the caller closes it with `closeApp`. */
async function openApp(context: NodeBenchContext): Promise<App> {
  await buildApp(context);
  const server = await preview({ configFile: here('../../vite.config.ts'), logLevel: 'warn', build: { outDir: APP_BUILD }, preview: { port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no address');
  const profile = await mkdtemp(join(os.tmpdir(), 'plenum-bench-app-'));
  const app: App = { server, url, profile, ids: [] };
  try {
    context.log(`seeding ${SEED.workshops.length} workshops`);
    const browser = await launch(profile);
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`${url}bench-seed/`);
      await page.waitForFunction(() => window.plenumSeed !== undefined);
      app.ids = await page.evaluate((request) => window.plenumSeed?.(request) ?? Promise.reject(new Error('no seed page')), SEED);
    } finally {
      await browser.close();
    }
  } catch (error) {
    await closeApp(app);
    throw error;
  }
  return app;
}

async function closeApp(app: App): Promise<void> {
  await app.server.close();
  await rm(app.profile, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Counted in the page's own world, as openWorkshop's wait does: a Playwright locator would load
 * Playwright's injected script (a 330 kB source, its compiled code and a wrapper per card) into
 * the page before the second measurement only, and count it as the app's.
 */
const cardsOnBoard = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-testid="board"] [data-testid="card"]').length);

/** Opens a workshop by the app's route and waits until its board shows `cards` cards. */
async function openWorkshop(page: Page, id: string, cards: number): Promise<void> {
  await page.evaluate((hash) => void (window.location.hash = hash), `#/workshop/${encodeURIComponent(id)}`);
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="board"] [data-testid="card"]').length === count, cards, { timeout: 60_000, polling: 100 });
}

async function goHome(page: Page): Promise<void> {
  await page.evaluate(() => void (window.location.hash = '#/'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="workshop-list"] > li').length === 50, undefined, { timeout: 30_000, polling: 100 });
}

/** usedSize of the page's JS heap after full collections, MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    // Twice: what the first collection frees can hold the last references to more (weak maps, finalizers).
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / MB;
  } finally {
    await session.detach();
  }
}

export const appMemory: NodeBenchSuite = {
  async run(context) {
    const app = await openApp(context);
    const [big, ...rest] = app.ids;
    const others = rest.slice(0, OTHERS);
    if (!big || others.length !== OTHERS) throw new Error('memory-2000: workshops not seeded');
    try {
      const browser = await launch(app.profile);
      try {
        const page = browser.pages()[0] ?? (await browser.newPage());
        page.on('pageerror', (error) => context.log(`page error: ${error.message}`));
        await page.goto(app.url);
        await goHome(page);
        await openWorkshop(page, big, BIG_CARDS);
        const first = await heapAfterGc(page);
        context.log(`2,000 cards on the board: ${first.toFixed(1)} MB`);
        await goHome(page);
        const cycle = async () => {
          for (const id of others) {
            await openWorkshop(page, id, 200);
            await goHome(page);
          }
          context.log(`20 opened and closed, at home: ${(await heapAfterGc(page)).toFixed(1)} MB`);
          await openWorkshop(page, big, BIG_CARDS);
          if ((await cardsOnBoard(page)) !== BIG_CARDS) throw new Error('memory-2000: the board lost cards');
          return heapAfterGc(page);
        };
        const after = await cycle();
        context.log(`2,000 cards on the board again: ${after.toFixed(1)} MB`);
        // Growth that stops after the first round is the engine warming up (optimised code, type
        // feedback); growth every round is something kept per workshop.
        await goHome(page);
        const again = await cycle();
        context.log(`after 20 more: ${again.toFixed(1)} MB on the board`);
        const series: Series[] = [
          { name: 'memory-2000', unit: 'MB', samples: [first], target: { metric: 'median', max: 150 } },
          { name: 'memory-2000-after-20', unit: 'MB', samples: [after], target: { metric: 'median', max: 165, maxBaselineRatio: 1.1 }, baseline: 'memory-2000' },
        ];
        return series;
      } finally {
        await browser.close();
      }
    } finally {
      await closeApp(app);
    }
  },
};

interface StartTimes {
  /** The home list shows every workshop. */
  listed: number;
  /** The search is handled and the frame after it painted. */
  ready: number;
}

declare global {
  interface Window {
    plenumStart?: StartTimes;
  }
}

/**
 * Runs in the page before any of its scripts: watches for the full home list, then types the
 * search as a task of its own and stamps the frame after the filtered list. Plain JavaScript in a
 * string: a function would be sent as its source, with the helpers tsx adds to it missing.
 */
function startProbe(rows: number, needle: string): string {
  return `(() => {
    const rows = ${rows};
    const needle = ${JSON.stringify(needle)};
    const listOf = () => document.querySelector('[data-testid="workshop-list"]');
    const typeSearch = (listed) => {
      const search = document.querySelector('[data-testid="workshop-search"]');
      search.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(search, needle);
      search.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = () => {
        if (listOf()?.children.length !== 1) return void requestAnimationFrame(handled);
        requestAnimationFrame(() => setTimeout(() => (window.plenumStart = { listed, ready: performance.now() }), 0));
      };
      handled();
    };
    const observer = new MutationObserver(() => {
      if ((listOf()?.children.length ?? 0) < rows) return;
      observer.disconnect();
      const listed = performance.now();
      setTimeout(() => typeSearch(listed), 0);
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

/** One cold start of `url` on the seeded profile, measured by startProbe. */
async function coldRun(context: NodeBenchContext, profile: string, url: string): Promise<StartTimes> {
  const browser = await launch(profile);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const session = await browser.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    page.on('pageerror', (error) => context.log(`page error: ${error.message}`));
    await page.addInitScript({ content: startProbe(SEED.workshops.length, NEEDLE) });
    await page.goto(url);
    await page.waitForFunction(() => window.plenumStart !== undefined, undefined, { timeout: 30_000 }).catch(async (error: unknown) => {
      const shown = await page.evaluate(() => document.querySelector('[data-testid="workshop-list"]')?.children.length ?? 'no list');
      throw new Error(`cold-start: ${url} not ready after 30 s, the list shows ${shown} rows`, { cause: error });
    });
    const times = await page.evaluate(() => window.plenumStart);
    if (!times) throw new Error('cold-start: no times');
    return times;
  } finally {
    await browser.close();
  }
}

const FLOORS = { 'cold-start-floor': 'bench-floor/?source=static', 'cold-start-floor-idb': 'bench-floor/?source=idb' } as const;

export const coldStart: NodeBenchSuite = {
  async run(context) {
    const app = await openApp(context);
    try {
      const runs: Record<'cold-start' | keyof typeof FLOORS, StartTimes[]> = { 'cold-start': [], 'cold-start-floor': [], 'cold-start-floor-idb': [] };
      for (let run = 0; run < COLD_RUNS; run += 1) {
        // Alternately, so that the app and its floors share the machine's moments.
        runs['cold-start'].push(await coldRun(context, app.profile, app.url));
        for (const [name, path] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, string]>) runs[name].push(await coldRun(context, app.profile, `${app.url}${path}`));
      }
      const times = (name: keyof typeof runs, key: keyof StartTimes) => runs[name].map((entry) => entry[key]);
      const shown = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
      context.log(`home list with 50 workshops at ${shown(times('cold-start', 'listed'))} ms`);
      for (const name of Object.keys(FLOORS) as Array<keyof typeof FLOORS>) {
        context.log(`${name}: 50 rows at ${shown(times(name, 'listed'))} ms, search painted at ${shown(times(name, 'ready'))} ms`);
      }
      const series: Series[] = [
        { name: 'cold-start', unit: 'ms', samples: times('cold-start', 'ready'), target: { metric: 'median', max: 500, maxBaselineRatio: null }, baseline: 'cold-start-floor-idb' },
        { name: 'cold-start-floor', unit: 'ms', samples: times('cold-start-floor', 'ready') },
        { name: 'cold-start-floor-idb', unit: 'ms', samples: times('cold-start-floor-idb', 'ready') },
      ];
      return series;
    } finally {
      await closeApp(app);
    }
  },
};
