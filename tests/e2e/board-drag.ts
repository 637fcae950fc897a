import type { Locator, Page } from '@playwright/test';

/** A mouse drag with intermediate moves, as a hand does it (dnd-kit starts after a few pixels). */
export async function drag(page: Page, from: Locator, to: Locator) {
  // Centred, so the drag does not start at the window's edge, where the board scrolls by itself.
  await from.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}
