import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Screenshots the e2e tests take for a person to look at (they check nothing). Taken only with
 * PLENUM_SCREENSHOTS=1 (`npm run screenshots`, or set by hand for any spec): `npm test` in CI
 * took some 250 of them, 0.1–0.5 s each on a quiet machine, several times that beside a second
 * worker, and no one looks at a CI run's pictures.
 */
export const TAKE_SCREENSHOTS = process.env.PLENUM_SCREENSHOTS === '1';

/** Saves what `page` shows at `path` (under test-results/screenshots/ by convention) when screenshots are wanted. */
export async function saveScreenshot(page: Page, path: string): Promise<boolean> {
  if (!TAKE_SCREENSHOTS) return false;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  return true;
}
