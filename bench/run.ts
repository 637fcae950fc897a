/**
 * `npm run bench` (scripts/bench.mjs loads this file through tsx):
 *   1. builds the bench page (bench/browser/) with Vite into dist/bench/, one copy of yjs (yjsAlias);
 *   2. serves it from a tiny static server on 127.0.0.1, on a free port;
 *   3. starts headless Chromium with a persistent profile in a temporary directory, so IndexedDB
 *      lives on disk as in the app (a default Playwright context is off the record: its IndexedDB
 *      is kept in memory and a strict-durability commit would cost nothing);
 *   4. runs the suites of bench/suites/index.ts in the page, then closes the browser;
 *   5. runs the Node-side suites (`nodeSuites`: peer-to-peer benchmarks whose laptops are child
 *      processes), prints one table of everything, writes bench/results/latest.json and a
 *      timestamped copy;
 *   6. closes the browser and the server and removes the profile, and kills any child process,
 *      also on failure or Ctrl-C. Steps 1–4 are skipped when the filters select no page suite.
 *
 * Arguments: words select suites whose name contains one of them; --check exits with 1 if a
 * benchmark fails its target (for CI); `--repeat N` runs everything N times in a row and prints
 * (and writes to bench/results/runs-*.md) which rows held in every run; the run always exits
 * with 1 on an error.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findBrowser } from '../scripts/find-browser.mjs';
import { buildPage, serve, type StaticServer } from './lib/static-page';
import type {} from './browser/api'; // window.plenumBench
import { formatRuns, formatTable, summarize, toResults, verdict, type BenchReport, type BenchResult, type MachineInfo, type Series } from './format';
import { nodeSuites, suites as pageSuites } from './suites';
import type { NodeBenchSuite, NodeSuiteEntry } from './suites/node-types';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PAGE_SOURCE = here('./browser');
const PAGE_BUILD = here('../dist/bench');
const RESULTS = here('./results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // window.gc(): suites collect garbage before timed runs, outside the timed region.
  '--js-flags=--expose-gc',
];
/** A hung page must not keep the run (and the browser) alive forever. */
const RUN_TIMEOUT_MS = 20 * 60_000;

async function chromiumVersion(context: BrowserContext, page: Page): Promise<string> {
  const browser = context.browser();
  if (browser) return browser.version();
  const session = await context.newCDPSession(page);
  const { product } = (await session.send('Browser.getVersion')) as { product: string };
  await session.detach();
  return product;
}

function machine(chromium: string): MachineInfo {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    chromium,
    node: process.version,
  };
}

async function writeReport(report: BenchReport): Promise<string[]> {
  await mkdir(RESULTS, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const files = [join(RESULTS, 'latest.json'), join(RESULTS, `${report.date.replace(/[:.]/g, '-')}.json`)];
  for (const file of files) await writeFile(file, json);
  return files;
}

interface Resources {
  server?: StaticServer;
  context?: BrowserContext;
  profile?: string;
}

/** Closes whatever was opened; safe to call twice. */
async function release(resources: Resources): Promise<void> {
  const { context, server, profile } = resources;
  resources.context = resources.server = resources.profile = undefined;
  await context?.close().catch(() => undefined);
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true }).catch(() => undefined);
}

/** Prints one line per series of a finished suite. */
function logSeries(series: readonly Series[]): void {
  for (const { name, unit, samples } of series) {
    const { median } = summarize(samples);
    console.log(`    ${name}: ${samples.length} runs, min ${Math.min(...samples).toFixed(2)}, median ${median.toFixed(2)}, max ${Math.max(...samples).toFixed(2)} ${unit}`);
  }
}

/**
 * With BENCH_CPU_PROFILE=<folder>, a CPU profile of the page over each suite (CDP Profiler),
 * written as <folder>/<suite>.cpuprofile for Chromium's DevTools: where a slow row spends its time.
 * Profiling slows the page down, so the numbers of such a run are not results.
 */
async function startProfile(context: BrowserContext, page: Page): Promise<((suite: string) => Promise<void>) | null> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return null;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async (suite) => {
    const { profile } = await cdp.send('Profiler.stop');
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${suite}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`  CPU profile: ${file}`);
    await cdp.detach();
  };
}

/** Runs the selected page suites in Chromium; resolves with the browser's version. */
async function runPage(wanted: (name: string) => boolean, resources: Resources, results: BenchResult[]): Promise<string> {
  console.log('building the bench page (vite) …');
  await buildPage(PAGE_SOURCE, PAGE_BUILD);
  const server = await serve(PAGE_BUILD);
  resources.server = server;
  const { url } = server;
  resources.profile = await mkdtemp(join(os.tmpdir(), 'plenum-bench-'));
  // The browser the end-to-end tests use (scripts/find-browser.mjs).
  const executablePath = findBrowser({ prefer: 'full' })?.path;
  const context = await chromium.launchPersistentContext(resources.profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Our handler in main() closes the browser and then removes the profile; Playwright's own
    // would kill the browser and exit at once, leaving the profile behind.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  resources.context = context;
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ')) console.log(`    ${text.slice(8)}`);
    else if (message.type() === 'error' || message.type() === 'warning') console.log(`    page ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => console.log(`    page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.plenumBench !== undefined);
  if (!(await page.evaluate(() => crossOriginIsolated))) console.log('note: page not cross-origin isolated, timer resolution 100 µs');
  const version = await chromiumVersion(context, page);

  const available = await page.evaluate(() => window.plenumBench?.suites() ?? []);
  for (const suite of available.filter(({ name }) => wanted(name))) {
    const suiteStart = Date.now();
    console.log(`▶ ${suite.name}: ${suite.description}`);
    const profiler = await startProfile(context, page);
    const series = await page.evaluate((name) => window.plenumBench?.run(name) ?? Promise.reject(new Error('bench page gone')), suite.name);
    await profiler?.(suite.name);
    results.push(...toResults(series));
    logSeries(series);
    console.log(`  done in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
  }
  // The peer suites that follow need the CPU: the browser's work is done.
  await release(resources);
  return version;
}

/** Runs one Node-side suite (bench/suites/node-types.ts); its laptops are child processes it stops itself. */
async function runNodeSuite(entry: NodeSuiteEntry, results: BenchResult[]): Promise<void> {
  const suiteStart = Date.now();
  console.log(`▶ ${entry.name}: ${entry.description}`);
  const module = (await import(new URL(`./suites/${entry.module}`, import.meta.url).href)) as Record<string, NodeBenchSuite | undefined>;
  const suite = module[entry.export];
  if (!suite) throw new Error(`${entry.module} has no export ${entry.export}`);
  const series = await suite.run({ log: (message) => console.log(`    ${message}`) });
  results.push(...toResults(series));
  logSeries(series);
  console.log(`  done in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
}

async function run(filters: readonly string[], resources: Resources): Promise<BenchReport> {
  const started = Date.now();
  const wanted = (name: string) => filters.length === 0 || filters.some((filter) => name.includes(filter));
  const pageWanted = pageSuites.some((suite) => wanted(suite.name));
  const nodeSelected = nodeSuites.filter((suite) => wanted(suite.name));
  if (!pageWanted && nodeSelected.length === 0) {
    throw new Error(`no suite matches ${filters.join(', ')}; suites: ${[...pageSuites, ...nodeSuites].map((s) => s.name).join(', ')}`);
  }

  const results: BenchResult[] = [];
  // Chromium is only started when a page suite is selected.
  const version = pageWanted ? await runPage(wanted, resources, results) : 'not started';
  for (const entry of nodeSelected) await runNodeSuite(entry, results);
  console.log(`all suites done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { date: new Date().toISOString(), machine: machine(version), results };
}

function repeatCount(args: readonly string[]): number {
  const index = args.indexOf('--repeat');
  if (index < 0) return 1;
  const count = Number(args[index + 1]);
  if (!Number.isInteger(count) || count < 1 || count > 10) throw new Error('--repeat takes a whole number of runs from 1 to 10');
  return count;
}

/** One full run with its own browser, profile and server, released also when it fails. */
async function runOnce(filters: readonly string[], resources: Resources): Promise<BenchReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`benchmarks did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes`)), RUN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(filters, resources), timeout]);
  } finally {
    clearTimeout(timer);
    await release(resources);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const repeat = repeatCount(args);
  const filters = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--repeat');
  const resources: Resources = {};
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\n${signal}: closing the browser and the server`);
    void release(resources).finally(() => process.exit(130));
  };
  // `once`: a second Ctrl-C ends the process at once (Playwright still kills the browser on exit).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);

  const reports: BenchReport[] = [];
  let failures = 0;
  for (let round = 1; round <= repeat; round += 1) {
    if (repeat > 1) console.log(`\n=== full run ${round} of ${repeat} ===`);
    const report = await runOnce(filters, resources);
    reports.push(report);
    console.log(`\n${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memory}, ${report.machine.os}, ${report.machine.chromium}, Node ${report.machine.node}\n`);
    console.log(formatTable(report.results));
    const failed = report.results.filter((result) => !verdict(result).pass);
    failures += failed.length;
    for (const result of failed) console.log(`FAIL ${result.name}: ${verdict(result).reasons.join('; ')}`);
    const files = await writeReport(report);
    console.log(`\nwritten: ${files.map((file) => relative(process.cwd(), file)).join(', ')}`);
  }
  if (repeat > 1) {
    const table = formatRuns(reports);
    const file = join(RESULTS, `runs-${reports[0]?.date.replace(/[:.]/g, '-') ?? 'unknown'}.md`);
    await writeFile(file, `${repeat} full runs in a row, ${reports[0]?.date ?? ''} to ${reports.at(-1)?.date ?? ''}\n\n${table}\n`);
    console.log(`\n${table}\n\nwritten: ${relative(process.cwd(), file)}`);
  }
  return check && failures > 0 ? 1 : 0;
}

/** Set by a signal: the run is being torn down, its errors are only the consequence. */
let interrupted = false;

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (interrupted) return;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    // A suite that timed out may still hold its browsers and processes: exiting kills them
    // (Playwright and NodeProcess both kill their children on exit).
    process.exit(1);
  },
);
