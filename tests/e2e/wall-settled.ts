import type { Page } from '@playwright/test';

/**
 * Waits until the projector's wall has laid itself out for the window it has now: every fitted
 * box (WallFlow, the fitted titles) says it fitted this size, the fonts are in, and a frame is
 * painted. Type sizes in vh change at once on a resize, the columns only after a re-fit: a
 * measurement taken in between reads the old columns with the new type.
 */
export async function wallSettled(projector: Page): Promise<void> {
  await projector.waitForFunction(
    () => [...document.querySelectorAll('[data-fitted]')].every((element) => element.getAttribute('data-fitted') === `${window.innerWidth}x${window.innerHeight}`),
    undefined,
    { timeout: 10_000 },
  );
  await projector.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
}
