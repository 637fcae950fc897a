import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * The cold start of the home screen (docs/performance.md, cold-start): the list is read while the
 * language's texts load, so React's first render shows it, and its rows share one date formatter.
 */

const WORKSHOPS = 6;

/** Index rows as the store keeps them, written straight into the app's database: the home list reads nothing else. */
async function storeIndexRows(page: Page, count: number): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workshop-search')).toBeVisible();
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('plenum');
        opening.onerror = () => reject(opening.error ?? new Error('open failed'));
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('workshops', 'readwrite');
          for (const row of rows) transaction.objectStore('workshops').put(row);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        };
      }),
    Array.from({ length: count }, (_, index) => ({
      id: `start-${index}`,
      title: `Start ${index + 1}`,
      date: '2026-12-06',
      venue: '',
      room: '',
      createdAt: 1_796_000_000_000 + index,
      updatedAt: 1_796_000_000_000 + index,
      deletedAt: null,
    })),
  );
}

test("the home screen's first render shows the stored workshops, without a 'Loading…' before them", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Watches the workshops' panel from the page's first moment: what it showed before the list.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Window & { homeListSeen?: string[] }).homeListSeen = seen;
    new MutationObserver(() => {
      const panel = document.querySelector('[aria-labelledby="workshops-heading"]');
      if (!panel) return;
      const state = panel.querySelector('[data-testid="workshop-list"]') ? 'list' : 'no list';
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  await expect(page.getByTestId('workshop-title').first()).toHaveText(`Start ${WORKSHOPS}`);
  expect(await page.evaluate(() => (window as Window & { homeListSeen?: string[] }).homeListSeen)).toEqual(['list']);
});

test("the home list's rows share one formatter for their last change instead of building one each", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Counts the formatters of the rows' style ("6 Dec 2026, 12:30") built in the page.
  await page.addInitScript(() => {
    const counted = window as Window & { rowFormatters?: number };
    counted.rowFormatters = 0;
    Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        const [, options] = args;
        if (options?.dateStyle === 'medium' && options.timeStyle === 'short') counted.rowFormatters = (counted.rowFormatters ?? 0) + 1;
        return new target(...args);
      },
    });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  await expect(page.getByTestId('workshop-row').first()).toContainText('2026');
  await page.getByTestId('workshop-search').fill('Start 2');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  // One warms ICU's date data at the start, one is the list's; before, one per row and render.
  expect(await page.evaluate(() => (window as Window & { rowFormatters?: number }).rowFormatters)).toBeLessThanOrEqual(2);
});
