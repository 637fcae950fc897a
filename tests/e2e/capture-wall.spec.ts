import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { generateKeyBetween } from 'fractional-indexing';
import { expect, expectSaved, test } from './fixtures';

/*
 * Issue 14: capture on a laptop. The plenary board of the seed day at 1366×768 shows its cards
 * above the fold, keeps a card just added in view, and its dialogs and toasts float instead of
 * pushing or covering the wall.
 */

const SEED_DAY = 'tests/fixtures/seed-day.plenum';

async function openSeedDay(page: Page, file = SEED_DAY, width = 1366, height = 768): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto('/');
  await page.getByTestId('import-backup-file').setInputFiles(file);
  await expect(page.getByTestId('board')).toBeVisible();
}

/** The seed day with loose cards added on the plenary up to `total` (typing 50 cards takes a minute on CI). */
function seedDayWithPlenaryCards(total: number): string {
  const backup = JSON.parse(readFileSync(SEED_DAY, 'utf8')) as { workshop: { cards: Array<Record<string, unknown>> } };
  const cards = backup.workshop.cards;
  const plenary = cards.filter((card) => card.boardId === 'plenary');
  let order = plenary.map((card) => String(card.order)).sort().at(-1) ?? null;
  for (let index = plenary.length; index < total; index++) {
    order = generateKeyBetween(order, null);
    const at = Date.UTC(2023, 11, 6, 15, index);
    cards.push({ id: randomUUID(), boardId: 'plenary', text: `Idee ${index + 1}: Förderprogramme für kommunale Partnerschaften bündeln`, order, groupId: null, colour: null, authorId: null, stakeholderGroup: null, createdAt: at, updatedAt: at });
  }
  mkdirSync('test-results/capture-wall', { recursive: true });
  const file = `test-results/capture-wall/seed-day-${total}.plenum`;
  writeFileSync(file, JSON.stringify(backup));
  return file;
}

/** Cards whose whole box lies inside the window. */
function fullyVisibleCards(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const card of document.querySelectorAll('[data-testid="board"] [data-testid="card"]')) {
      const box = card.getBoundingClientRect();
      if (box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth) count++;
    }
    return count;
  });
}

/** Whether an element's whole box lies inside the window. */
const inView = (page: Page, testId: string, text: string) =>
  page.getByTestId(testId).filter({ hasText: text }).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

test('60 cards on the plenary at 1366×768: at least 12 above the fold, the card just added in view', async ({ page, shot }) => {
  await openSeedDay(page, seedDayWithPlenaryCards(59));
  await expect(page.getByTestId('card')).toHaveCount(59);
  const entry = page.getByTestId('card-entry');
  await entry.fill('Idee 60: Zuletzt notiert, gleich zu sehen');
  await entry.press('Enter');
  await expect(page.getByTestId('card')).toHaveCount(60);
  // Fast typing goes on: the entry keeps the focus, and the new card is on screen next to it.
  await expect(entry).toBeFocused();
  await expect.poll(() => inView(page, 'card', 'Idee 60:')).toBe(true);
  expect(await inView(page, 'quick-entry', '')).toBe(true);
  await shot('card-added-de-1366');

  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId('card')).toHaveCount(60);
  const visible = await fullyVisibleCards(page);
  console.log(`cards fully visible at 1366×768: ${visible}`);
  expect(visible).toBeGreaterThanOrEqual(12);
  await shot('plenary-60-de-1366');
});
