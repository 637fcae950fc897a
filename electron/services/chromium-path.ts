import { findBrowser } from '../../scripts/find-browser.mjs';

/**
 * The Chromium the benchmarks' laptops and the PDF tests' page renderer launch: the lean headless
 * shell first (scripts/find-browser.mjs, 'print'), else a system Chromium or Chrome, else
 * Playwright's own. The minutes' PDF itself needs no browser (minutes-pdf.ts).
 */
export function chromiumPath(): string | undefined {
  return findBrowser({ prefer: 'print' })?.path;
}
