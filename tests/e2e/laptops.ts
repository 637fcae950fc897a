import { chromium, type Browser, type Page } from '@playwright/test';
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
