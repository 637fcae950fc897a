import { chromium, expect, type Browser, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { chromiumArgs, executablePath } from '../../playwright.config';
import { SignalProcess, type LineSink } from '../sync/signal-process';
import { launchLaptop as launchSeparateLaptop } from './laptops';
import { saveScreenshot } from './shots';

export { SignalProcess };

/*
 * Helpers for the fault tests with real laptops: each laptop is its own Chromium process (two pages
 * of one browser would sync through BroadcastChannel), the signaling server is the `npm run signal`
 * program in its own process, and everything any of them prints is kept, for tests that read logs.
 */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every line a process or page wrote, with where it came from. */
export class LogSink implements LineSink {
  readonly lines: string[] = [];
  add(source: string, text: string): void {
    for (const line of text.split('\n')) if (line.trim()) this.lines.push(`${source}: ${line}`);
  }
  /** Console messages, page errors and failed requests of a page. */
  watch(page: Page, source: string): void {
    page.on('console', (message: ConsoleMessage) => this.add(source, `[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.add(source, `[pageerror] ${error.message}\n${error.stack ?? ''}`));
    page.on('requestfailed', (request) => this.add(source, `[requestfailed] ${request.url()}`));
  }
}

export function launchLaptop(baseURL: string, log: LogSink, name: string): Promise<{ browser: Browser; page: Page }> {
  return launchSeparateLaptop(baseURL, { watch: (page) => log.watch(page, name) });
}

/** A laptop whose profile survives its browser: Chromium with a user data directory of its own. */
export async function launchPersistentLaptop(baseURL: string, userDataDir: string, log: LogSink, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: chromiumArgs,
    headless: true,
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'de-DE',
  });
  await context.addInitScript(() => localStorage.setItem('plenum.language', 'de'));
  const page = context.pages()[0] ?? (await context.newPage());
  log.watch(page, name);
  return { context, page };
}

/**
 * The pid of the Chromium browser process that uses `userDataDir` (its child processes carry
 * `--type=`). The directory is unique to the test, so this finds exactly the process it started.
 */
export function browserPid(userDataDir: string): number {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='))) found.push(Number(entry));
  }
  if (found.length !== 1) throw new Error(`expected one browser process for ${userDataDir}, found ${found.length}`);
  return found[0] as number;
}

/** The moderator creates a workshop with one table and opens it for the tables; resolves with the join code and the workshop id. */
export async function hostWorkshop(page: Page, signalingUrl: string, title: string, table: string): Promise<{ code: string; workshopId: string }> {
  await page.goto('/');
  await page.getByTestId('new-workshop-title').fill(title);
  await page.getByTestId('create-workshop').click();
  // A fresh browser on the Vite dev server (web-dev) loads the workshop screen's modules one by
  // one: on a loaded machine that took more than the default 5 s, as joining does (below).
  await expect(page.getByTestId('workshop-heading')).toHaveText(title, { timeout: 20_000 });
  const workshopId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  await page.getByTestId('tab-tables').click();
  await page.getByTestId('table-name').fill(table);
  await page.getByTestId('table-add').click();
  await page.getByTestId('tab-connection').click();
  await page.getByTestId('host-start').click();
  // In a browser Plenum cannot listen on a port: it asks for a signaling server.
  await page.getByTestId('host-server').fill(signalingUrl);
  await page.getByTestId('host-start').click();
  const code = (await page.getByTestId('join-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return { code, workshopId };
}

/** A table laptop joins with the code and picks its table; it ends on the table's board. */
export async function joinAsTable(page: Page, signalingUrl: string, code: string, title: string, table: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('join-address').fill(signalingUrl);
  await page.getByTestId('join-code-input').fill(code);
  await page.getByTestId('join-name').fill(`Laptop ${table}`);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('workshop-heading')).toHaveText(title, { timeout: 20_000 });
  await page.getByTestId('table-picker').selectOption({ label: table });
  await page.getByTestId('tab-mine').click();
  await expect(page.getByTestId('card-entry')).toBeVisible();
}

export async function shotOf(page: Page, file: string): Promise<void> {
  await saveScreenshot(page, `test-results/screenshots/${file}.png`);
}
