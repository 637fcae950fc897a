import { expect, test, type Page } from '@playwright/test';
import { roomOfLaptops } from './laptops';
import { saveScreenshot } from './shots';

/* Two laptops = two separate Chromium processes (tests/e2e/laptops.ts). */
const room = roomOfLaptops(test);
const laptop = (baseURL: string, size: { width: number; height: number }) => room.laptop(baseURL, { size });

async function shot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `test-results/screenshots/tables-sync--${name}.png`);
}

test('a table laptop joins with the code, cards flow both ways, and both converge after a cut', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const url = room.signalingUrl();
  const moderator = await laptop(baseURL ?? '', { width: 1920, height: 1080 });
  const table = await laptop(baseURL ?? '', { width: 1366, height: 768 });

  // The moderator prepares the workshop and a table, then opens it for the tables.
  await moderator.goto('/');
  await moderator.getByTestId('new-workshop-title').fill('Nachhaltiger Wiederaufbau der Wirtschaft');
  await moderator.getByTestId('create-workshop').click();
  await moderator.getByTestId('tab-tables').click();
  await moderator.getByTestId('table-name').fill('Tisch 1');
  await moderator.getByTestId('table-topic').fill('Webinar-Serie zu Energieeffizienz');
  await moderator.getByTestId('table-add').click();
  await expect(moderator.getByTestId('table-column')).toHaveCount(1);
  await moderator.getByTestId('tab-connection').click();
  await moderator.getByTestId('host-start').click();
  // In a browser Plenum cannot listen on a port: it asks for a signaling server.
  await moderator.getByTestId('host-server').fill(url);
  await moderator.getByTestId('host-start').click();
  const code = (await moderator.getByTestId('join-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await shot(moderator, 'moderator-hosting');

  // A wrong code is refused within seconds.
  await table.goto('/');
  await table.getByTestId('join-address').fill(url);
  await table.getByTestId('join-code-input').fill(code.startsWith('A') ? 'BBBB-BBBB-BBBB' : 'AAAA-AAAA-AAAA');
  const started = Date.now();
  await table.getByTestId('join-submit').click();
  await expect(table.getByTestId('join-error')).toContainText('Dieser Code öffnet', { timeout: 5000 });
  expect(Date.now() - started).toBeLessThan(5000);

  // The right code: the table receives the whole workshop and picks its table.
  await table.getByTestId('join-code-input').fill(code.toLowerCase());
  await table.getByTestId('join-name').fill('Laptop Tisch 1');
  await table.getByTestId('join-submit').click();
  await expect(table.getByTestId('workshop-heading')).toHaveText('Nachhaltiger Wiederaufbau der Wirtschaft', { timeout: 20_000 });
  await table.getByTestId('table-picker').selectOption({ label: 'Tisch 1' });
  await table.getByTestId('tab-mine').click();
  await table.getByTestId('card-entry').fill('Biomethan als Thema aufnehmen');
  await table.getByTestId('card-entry').press('Enter');

  // The moderator sees the table's card live and sees the table laptop connected.
  await moderator.getByTestId('tab-tables').click();
  await expect(moderator.getByTestId('table-card')).toHaveText(['Biomethan als Thema aufnehmen'], { timeout: 15_000 });
  await expect(moderator.getByTestId('connection-indicator')).toHaveAttribute('data-peers', '1', { timeout: 15_000 });
  await shot(moderator, 'moderator-tables');

  // And a card the moderator adds to that table appears at the table.
  await moderator.getByRole('button', { name: 'Pinnwand öffnen' }).click();
  await moderator.getByTestId('card-entry').fill('Versicherungsverbände einladen');
  await moderator.getByTestId('card-entry').press('Enter');
  await expect(table.getByTestId('card-text')).toHaveText(['Biomethan als Thema aufnehmen', 'Versicherungsverbände einladen'], { timeout: 15_000 });
  await shot(table, 'table-board');

  // The table's connection is cut; both sides keep writing; then it comes back.
  await table.getByTestId('tab-connection').click();
  await table.getByTestId('connection-offline-toggle').click();
  await expect(table.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'offline');
  await table.getByTestId('tab-mine').click();
  await table.getByTestId('card-entry').fill('Offline am Tisch geschrieben');
  await table.getByTestId('card-entry').press('Enter');
  await moderator.getByTestId('card-entry').fill('Offline im Plenum geschrieben');
  await moderator.getByTestId('card-entry').press('Enter');
  await expect(moderator.getByTestId('card-text')).toHaveCount(3);
  // Nothing crosses while cut.
  await table.waitForTimeout(1500);
  await expect(table.getByTestId('card-text')).toHaveCount(3);
  await shot(table, 'table-offline');

  await table.getByTestId('tab-connection').click();
  await table.getByTestId('connection-offline-toggle').click();
  await table.getByTestId('tab-mine').click();
  const expected = ['Biomethan als Thema aufnehmen', 'Versicherungsverbände einladen', 'Offline am Tisch geschrieben', 'Offline im Plenum geschrieben'];
  const texts = (page: Page) => page.getByTestId('card-text').allTextContents();
  // The two cards written apart were both appended at the end: their order is decided by id,
  // the same on every laptop, but not known in advance.
  await expect.poll(async () => [...(await texts(table))].sort(), { timeout: 20_000 }).toEqual([...expected].sort());
  await expect.poll(async () => [...(await texts(moderator))].sort(), { timeout: 20_000 }).toEqual([...expected].sort());
  expect(await texts(table)).toEqual(await texts(moderator));
  await shot(table, 'table-converged');

  // The table laptop restarts: it rejoins by itself and keeps receiving.
  await table.reload();
  await expect(table.getByTestId('connection-indicator')).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
  await moderator.getByTestId('card-entry').fill('Nach dem Neustart');
  await moderator.getByTestId('card-entry').press('Enter');
  await expect.poll(async () => (await texts(table)).includes('Nach dem Neustart'), { timeout: 20_000 }).toBe(true);
});
