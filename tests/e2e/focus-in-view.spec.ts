import type { Locator, Page } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';
import { SEED_DAY } from './screen-tour';

/*
 * What the keyboard reaches is seen whole: not under the sticky top bar, not under the toasts, and
 * a focused card's buttons not over its own text.
 */

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/** Whether the element is what the page shows at the middle of its top and bottom edges. */
const onTop = (page: Page, locator: Locator) =>
  locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return [rect.top + 2, rect.bottom - 2].every((y) => {
      const hit = document.elementFromPoint(rect.left + rect.width / 2, y);
      return hit !== null && (element.contains(hit) || hit.contains(element));
    });
  });

test('a focused card shows its whole text; its buttons show when the keyboard is on one of them or the pointer on the card (uk, while voting)', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await page.getByTestId('language-switcher').selectOption('uk');
  await page.getByTestId('vote-open').click();
  await page.getByTestId('vote-open-confirm').click();
  const cards = page.getByTestId('board').first().getByTestId('card');
  const count = Math.min(await cards.count(), 8);
  // The pointer away from the board: this is about the keyboard.
  await page.mouse.move(0, 0);
  for (let index = 0; index < count; index += 1) {
    const card = cards.nth(index);
    await card.focus();
    const strip = card.locator('.card-actions');
    // Nothing drawn over its text: the buttons over the first line's end stay transparent.
    await expect(strip).toHaveCSS('opacity', '0');
    // Tab goes on through the card's own buttons (a vote's first); on the strip's first, it shows.
    for (let step = 0; step < 4 && !(await strip.evaluate((element) => element.contains(document.activeElement))); step += 1) await page.keyboard.press('Tab');
    await expect(strip).toHaveCSS('opacity', '1');
  }
  const card = cards.first();
  await page.mouse.move(0, 0);
  await card.hover();
  await expect(card.locator('.card-actions')).toHaveCSS('opacity', '1');
});

test('the card entry stays whole below the top bar when the page is scrolled down', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  for (const language of ['de', 'uk'] as const) {
    await page.getByTestId('language-switcher').selectOption(language);
    await page.evaluate(() => window.scrollTo(0, 800));
    await page.getByTestId('card-entry').focus();
    const [entry, bar] = await Promise.all([box(page.getByTestId('card-entry')), box(page.locator('.workshop-topbar'))]);
    expect(entry.y, `the entry's top below the bar's bottom (${language})`).toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(await onTop(page, page.getByTestId('card-entry')), 'the entry is not covered').toBe(true);
  }
});

test('a link the keyboard reaches at the bottom of a phone scrolls clear of the toasts', async ({ page }) => {
  // On a phone the toasts are as wide as the window: whatever is at the bottom edge is under them.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  const toast = page.getByTestId('toast').first();
  await expect(toast).toBeVisible();
  await page.getByTestId('tab-tables').click();
  // A table's delete link, brought to the window's bottom edge, where the toasts are.
  const link = page.getByTestId('table-delete').first();
  await link.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().bottom - window.innerHeight + 10));
  await expect(toast).toBeVisible();
  await link.focus();
  await expect(toast).toBeVisible();
  expect(overlaps(await box(link), await box(toast)), 'the focused link under the toast').toBe(false);
  expect(await onTop(page, link), 'the focused link is seen').toBe(true);
});
