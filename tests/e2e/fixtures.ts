import { test as base, expect, type Page } from '@playwright/test';
import { saveScreenshot } from './shots';

/**
 * Every test gets a fresh browser context (its own IndexedDB and localStorage: a new profile)
 * with the UI language set up front, and a `shot` helper that saves a screenshot to look at
 * (with PLENUM_SCREENSHOTS=1, see shots.ts).
 */
export const test = base.extend<{ shot: (name: string, target?: Page) => Promise<void>; language: 'de' | 'en' | 'uk' }>({
  language: ['de', { option: true }],
  page: async ({ page, language }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Yjs warns when a second copy is loaded: its instanceof checks then fail silently.
      if (message.text().includes('Yjs was already imported')) problems.push(message.text());
    });
    await page.addInitScript((lang) => {
      if (!localStorage.getItem('plenum.language')) localStorage.setItem('plenum.language', lang);
    }, language);
    await use(page);
    expect(problems, 'uncaught errors or a second copy of Yjs in the page').toEqual([]);
  },
  shot: async ({ page }, use, testInfo) => {
    // Another page of the test (a second window, a laptop in its own browser) when given.
    await use(async (name, target = page) => {
      const file = `test-results/screenshots/${testInfo.title.replace(/[^\w-]+/g, '-').slice(0, 60)}--${name}.png`;
      if (await saveScreenshot(target, file)) await testInfo.attach(name, { path: file, contentType: 'image/png' });
    });
  },
});

export { expect };

/** Creates a workshop from the home screen and waits until it is open. */
export async function createWorkshop(page: Page, title: string): Promise<void> {
  await page.getByTestId('new-workshop-title').fill(title);
  await page.getByTestId('create-workshop').click();
  await expect(page.getByTestId('workshop-heading')).toHaveText(title);
}

/** Waits until the workshop screen says every change is on disk. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-state', 'saved');
}

/**
 * Imports a backup from the home screen and waits until its workshop is open. The first import
 * of a fresh profile also fetches and compiles the workshop screen's code: on a loaded 2-core
 * runner that took longer than the 5 s an ordinary expectation waits (CI, parking-lot.spec).
 */
export async function importAndOpen(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('import-backup-file').setInputFiles(file);
  await expect(page.getByTestId('workshop-heading')).toBeVisible({ timeout: 20_000 });
}

/** Runs the day on, item by item, until the projector shows a small-group item's task under its countdown. */
export async function stepToTask(moderator: Page, projector: Page): Promise<void> {
  for (let step = 0; step < 8 && (await projector.locator('.projector-task').count()) === 0; step += 1) {
    const title = await projector.getByTestId('projector-current').textContent();
    await moderator.getByTestId('run-next').click();
    await expect(projector.getByTestId('projector-current')).not.toHaveText(title ?? '');
  }
  await expect(projector.locator('.projector-task')).toBeVisible();
}

/**
 * Presses Start and, on a day that already ran (a seed with actual times), starts afresh in the
 * dialog that asks first; its undo toast is closed, so later pictures show the run alone.
 */
export async function startDayAfresh(page: Page): Promise<void> {
  await page.getByTestId('run-toggle').click();
  const restart = page.getByTestId('restart-afresh');
  const running = page.locator('[data-testid="run-bar"][data-status="running"]');
  await expect(running.or(restart)).toBeVisible();
  if (await restart.isVisible()) {
    await restart.click();
    // The undo toast goes by itself after 8 s: on a loaded runner it was gone before a click could
    // reach it, and the click waited out the test (CI, projector-fit). Closed if still there.
    const undo = page.getByTestId('toast').filter({ has: page.locator('.toast-action') });
    await expect(undo.first()).toBeVisible();
    await undo.locator('.toast-close').evaluateAll((buttons) => (buttons.at(-1) as HTMLElement | undefined)?.click());
    await expect(undo).toHaveCount(0);
  }
  await expect(running).toBeVisible();
}
