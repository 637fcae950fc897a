import { expect, test, type Page } from '@playwright/test';
import { hostWorkshop, joinAsTable } from './faults-support';
import { roomOfLaptops } from './laptops';

/*
 * "Offline arbeiten" cuts every path on the first click, however often the workshop was closed
 * and opened again before; what was written apart crosses when the laptop reconnects, not before.
 * Each laptop its own Chromium process; against the production build and `npm run web`.
 */

const room = roomOfLaptops(test);
const TITLE = 'Offline am Tisch';
const TABLE = 'Tisch Wasser';

const indicator = (page: Page) => page.getByTestId('connection-indicator');
const cards = (page: Page) => page.getByTestId('card-text').allTextContents();

async function addCard(page: Page, text: string): Promise<void> {
  await page.getByTestId('card-entry').fill(text);
  await page.getByTestId('card-entry').press('Enter');
  await expect(page.getByTestId('card-text').filter({ hasText: text })).toHaveCount(1);
}

/** "← Workshops", then the workshop again from the list. */
async function closeAndReopen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();
  await page.getByTestId('workshop-title').filter({ hasText: TITLE }).click();
  await expect(page.getByTestId('workshop-heading')).toHaveText(TITLE);
}

/**
 * Checks for `ms` that `holds` stays true: what must not cross while a laptop is offline would,
 * on a live connection, arrive within a second.
 */
async function holdsFor(page: Page, ms: number, holds: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await holds();
    await page.waitForTimeout(250);
  }
}

test('working offline after closing and reopening the workshop cuts every path at once; what was written apart crosses on reconnect', async ({ baseURL }) => {
  test.setTimeout(150_000);
  const url = room.signalingUrl();
  // Launched side by side: a browser's start is mostly waiting.
  const [moderator, table] = await Promise.all([room.laptop(baseURL ?? ''), room.laptop(baseURL ?? '')]);
  const { code } = await hostWorkshop(moderator, url, TITLE, TABLE);
  await joinAsTable(table, url, code, TITLE, TABLE);
  await expect(indicator(moderator)).toHaveAttribute('data-peers', '1', { timeout: 20_000 });

  // Closed and opened again, twice: each time the table comes back online by itself.
  for (let round = 0; round < 2; round += 1) {
    await closeAndReopen(table);
    await expect(indicator(table)).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
    await expect(indicator(moderator)).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
  }

  await moderator.getByTestId('tab-tables').click();
  await moderator.getByRole('button', { name: 'Pinnwand öffnen' }).click();
  await addCard(moderator, 'Vor dem Schnitt');
  await expect.poll(() => cards(table), { timeout: 15_000 }).toEqual(['Vor dem Schnitt']);

  // One click: the table says it is offline, and the moderator no longer counts it.
  await table.getByTestId('tab-connection').click();
  await table.getByTestId('connection-offline-toggle').click();
  // A render under load can take a while; that one click was enough is what counts.
  await expect(indicator(table)).toHaveAttribute('data-state', 'offline', { timeout: 5000 });
  await expect(indicator(moderator)).toHaveAttribute('data-peers', '0', { timeout: 5000 });

  await table.getByTestId('tab-mine').click();
  await addCard(table, 'Offline am Tisch geschrieben');
  await addCard(moderator, 'Vom Plenum, während der Tisch offline ist');
  await addCard(moderator, 'Noch eine Karte vom Plenum');
  await holdsFor(table, 5000, async () => {
    expect(await cards(table)).toEqual(['Vor dem Schnitt', 'Offline am Tisch geschrieben']);
    expect(await cards(moderator)).toEqual(['Vor dem Schnitt', 'Vom Plenum, während der Tisch offline ist', 'Noch eine Karte vom Plenum']);
    await expect(indicator(table)).toHaveAttribute('data-state', 'offline');
  });

  // Back online: both sides get what the other wrote.
  await table.getByTestId('tab-connection').click();
  await table.getByTestId('connection-offline-toggle').click();
  await table.getByTestId('tab-mine').click();
  const all = ['Noch eine Karte vom Plenum', 'Offline am Tisch geschrieben', 'Vom Plenum, während der Tisch offline ist', 'Vor dem Schnitt'];
  await expect.poll(async () => (await cards(table)).sort(), { timeout: 20_000 }).toEqual(all);
  await expect.poll(async () => (await cards(moderator)).sort(), { timeout: 20_000 }).toEqual(all);
  await expect(indicator(table)).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
});
