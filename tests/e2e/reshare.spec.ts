import { expect, test, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { PLENUM_MESSAGE } from '../../shared/protocol/signaling';
import { roomOfLaptops } from './laptops';
import { saveScreenshot } from './shots';

/*
 * A moderator who stops sharing and shares again, on a signaling server that stayed up (a venue's
 * server, or the desktop app's own, which keeps running): the server holds a room under its first
 * code's verifier for its lifetime, so a new code was refused there while the moderator's screen
 * showed it, connected, and no table or phone could join. Separate browser processes (laptops.ts).
 */
const room = roomOfLaptops(test);

async function shot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `test-results/screenshots/reshare--${name}.png`);
}

/** Opens the workshop on the page for tables through the room's server; the join code shown. */
async function share(moderator: Page, url: string, newCode = false): Promise<string> {
  await moderator.getByTestId('tab-connection').click();
  await moderator.getByTestId('host-start').click();
  // In a browser Plenum cannot listen on a port: it asks for a signaling server.
  await moderator.getByTestId('host-server').fill(url);
  if (newCode) await moderator.getByTestId('host-new-code').check();
  await moderator.getByTestId('host-start').click();
  const code = (await moderator.getByTestId('join-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}

test('sharing again after stopping keeps the join code, and a table joins with it', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const url = room.signalingUrl();
  // Uncaught errors on either laptop: a table still on the replaced code opened every message of
  // the moderator with its old key inside y-webrtc, which rejected unhandled (OperationError).
  const errors: string[] = [];
  const watch = (name: string) => (page: Page) => page.on('pageerror', (error) => errors.push(`${name}: ${error.name}: ${error.message}`));
  const moderator = await room.laptop(baseURL ?? '', { watch: watch('moderator') });
  const table = await room.laptop(baseURL ?? '', { watch: watch('table') });
  await moderator.goto('/');
  await moderator.getByTestId('new-workshop-title').fill('Zweimal geteilt');
  await moderator.getByTestId('create-workshop').click();
  const first = await share(moderator, url);
  await moderator.getByTestId('connection-leave').click();
  await expect(moderator.getByTestId('join-code')).toHaveCount(0);
  const second = await share(moderator, url);
  expect(second).toBe(first);
  await expect(moderator.getByTestId('connection-refused')).toHaveCount(0);

  await table.goto('/');
  await table.getByTestId('join-address').fill(url);
  await table.getByTestId('join-code-input').fill(second);
  await table.getByTestId('join-name').fill('Laptop Tisch 1');
  await table.getByTestId('join-submit').click();
  await expect(table.getByTestId('workshop-heading')).toHaveText('Zweimal geteilt', { timeout: 20_000 });
  await expect(moderator.getByTestId('connection-indicator')).toHaveAttribute('data-peers', '1', { timeout: 15_000 });

  // A new code on purpose (the old one got around): a new code, which this server, holding the
  // room under the first one, refuses; the moderator is told rather than shown a code that fails.
  await moderator.getByTestId('connection-leave').click();
  const third = await share(moderator, url, true);
  expect(third).not.toBe(first);
  await expect(moderator.getByTestId('connection-indicator')).toHaveAttribute('data-refused', 'room-taken', { timeout: 10_000 });
  // The moderator announces itself under the new key meanwhile; the table drops what it cannot open.
  await moderator.waitForTimeout(3000);
  expect(errors).toEqual([]);
});

test('a server that refuses the room (held under another code): the moderator is told, in the header and the connection tab', async ({ baseURL }) => {
  test.setTimeout(60_000);
  const url = room.signalingUrl();
  const moderator = await room.laptop(baseURL ?? '');
  await moderator.goto('/');
  await moderator.getByTestId('new-workshop-title').fill('Schon vergeben');
  await moderator.getByTestId('create-workshop').click();
  await expect(moderator.getByTestId('workshop-heading')).toHaveText('Schon vergeben');
  const workshopId = decodeURIComponent(/#\/workshop\/([^/?]+)/.exec(moderator.url())?.[1] ?? '');
  expect(workshopId).not.toBe('');

  // Another laptop registered this workshop's room first, with another code (a copy restored on a spare laptop, say).
  const other = new WebSocket(url);
  await new Promise((resolve, reject) => {
    other.once('open', resolve);
    other.once('error', reject);
  });
  const answered = new Promise<unknown>((resolve) => other.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
  other.send(JSON.stringify({ type: PLENUM_MESSAGE.host, room: workshopId, verifier: 'v'.repeat(43) }));
  expect(await answered).toEqual({ type: PLENUM_MESSAGE.hostResult, ok: true });

  await share(moderator, url);
  await expect(moderator.getByTestId('connection-indicator')).toHaveAttribute('data-refused', 'room-taken', { timeout: 10_000 });
  await expect(moderator.getByTestId('connection-indicator')).toHaveText('Server lehnt ab');
  await expect(moderator.getByTestId('connection-refused')).toContainText('unter einem anderen Beitrittscode');
  await shot(moderator, 'refused-de-1366');

  // A table with the moderator's (right) code is told to wait for the moderator, not that its code is wrong.
  const code = (await moderator.getByTestId('join-code').textContent()) ?? '';
  const table = await room.laptop(baseURL ?? '');
  await table.goto('/');
  await table.getByTestId('join-address').fill(url);
  await table.getByTestId('join-code-input').fill(code);
  await table.getByTestId('join-name').fill('Laptop Tisch 1');
  await table.getByTestId('join-submit').click();
  await expect(table.getByTestId('join-error')).toContainText('teilt den Workshop mit diesem Code', { timeout: 10_000 });
  await shot(table, 'table-host-waiting-de-1366');
  other.close();
});
