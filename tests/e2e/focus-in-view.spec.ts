import type { Locator } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';
import { SEED_DAY } from './screen-tour';

/* What the keyboard reaches is seen whole: a focused card's buttons not over its own text. */

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

test('a focused card’s buttons do not cover its text (uk, while voting)', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await page.getByTestId('language-switcher').selectOption('uk');
  await page.getByTestId('vote-open').click();
  await page.getByTestId('vote-open-confirm').click();
  const cards = page.getByTestId('board').first().getByTestId('card');
  const count = Math.min(await cards.count(), 8);
  for (let index = 0; index < count; index += 1) {
    const card = cards.nth(index);
    await card.focus();
    const strip = card.locator('.card-actions');
    await expect(strip).toHaveCSS('opacity', '1');
    expect(overlaps(await box(strip), await box(card.getByTestId('card-text'))), `the buttons over the text of card ${index + 1}`).toBe(false);
  }
});
