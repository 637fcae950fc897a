import type { Browser, BrowserContextOptions } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';

/*
 * A profile that already holds the seed day, for tests about what the app does with a stored
 * workshop (junk a peer wrote, a date that is no date), not about importing it: the backup is
 * imported through the home screen once per worker, and each test's fresh context starts from
 * a copy of that profile's IndexedDB (Playwright's storage state) instead of importing anew.
 * The import itself is what big-import.spec.ts and backup-repair.spec.ts check (and a11y.spec.ts
 * imports the seed day through the home screen on every run).
 */

export const SEED_DAY = 'tests/fixtures/seed-day.plenum';
export const SEED_DAY_ID = 'seed-day';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

async function importSeedDay(browser: Browser, baseURL: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL, locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await importAndOpen(page, SEED_DAY);
    // Back home (a new page load): the workshop is closed, its log as the app left it.
    await page.goto('/');
    await expect(page.getByTestId('workshop-row')).toHaveCount(1);
    return await context.storageState({ indexedDB: true });
  } finally {
    await context.close();
  }
}

/**
 * The project's test whose every context starts with the seed day stored. The import is a
 * worker fixture: made once per worker, on a time budget of its own, not the first test's.
 */
export const testWithSeedDay = test.extend<object, { seedDayProfile: StorageState }>({
  seedDayProfile: [async ({ browser }, use, workerInfo) => use(await importSeedDay(browser, workerInfo.project.use.baseURL ?? '')), { scope: 'worker', timeout: 60_000 }],
  storageState: async ({ seedDayProfile }, use) => use(seedDayProfile),
});
