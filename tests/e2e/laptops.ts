import { chromium, type Browser, type Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { chromiumArgs, executablePath } from '../../playwright.config';

/*
 * A laptop in an end-to-end test that syncs with another: a Chromium process of its own. Two pages
 * of one browser would sync through BroadcastChannel without any network; separate processes can
 * only meet through the signaling server and WebRTC (or the relay).
 */

export interface LaptopOptions {
  size?: { width: number; height: number };
  /** How far this laptop's clock runs ahead of the machine's (a venue without NTP). */
  clockSkewMs?: number;
  /** Sees the page before it loads anything (to keep its logs, say). */
  watch?: (page: Page) => void;
}

export async function launchLaptop(baseURL: string, { size = { width: 1366, height: 768 }, clockSkewMs = 0, watch }: LaptopOptions = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const context = await browser.newContext({ baseURL, viewport: size, locale: 'de-DE' });
  await context.addInitScript(() => localStorage.setItem('plenum.language', 'de'));
  if (clockSkewMs !== 0) {
    await context.addInitScript((skew) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + skew;
    }, clockSkewMs);
  }
  const page = await context.newPage();
  if (watch) watch(page);
  else page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { browser, page };
}

/** The hooks of a Playwright test object (the project's extended `test` as well as the plain one). */
interface SuiteHooks {
  beforeAll(hook: () => Promise<void>): void;
  afterAll(hook: () => Promise<void>): void;
}

/**
 * A room for the tests of one file or describe block: a signaling server on 127.0.0.1 and laptops
 * in separate Chromium processes, all closed after the last test.
 */
export function roomOfLaptops(suite: SuiteHooks) {
  let server: SignalingServer | undefined;
  const browsers: Browser[] = [];
  suite.beforeAll(async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  suite.afterAll(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
    await server?.close();
  });
  return {
    signalingUrl(): string {
      if (!server) throw new Error('the signaling server starts before the first test');
      return `ws://127.0.0.1:${server.port}`;
    },
    async laptop(baseURL: string, options: LaptopOptions = {}): Promise<Page> {
      const { browser, page } = await launchLaptop(baseURL, options);
      browsers.push(browser);
      return page;
    },
  };
}
