import { expect, test } from '@playwright/test';
import { startSignalingServer } from '../../electron/services/signaling-server';
import { hostWorkshop, joinAsTable } from './faults-support';
import { launchLaptop } from './laptops';
import { saveScreenshot } from './shots';

/*
 * The signaling server stops while a table is connected directly: the table keeps working, the
 * moderator's laptop still counts as connected, but no phone and no new table can join. The
 * moderator is told so, and told again when the server is back (QA: "1 Laptop · direkt",
 * "Verbunden" through a 50-s outage). Two laptops, each its own Chromium process.
 */
test("the moderator's laptop says when its signaling server is gone though a table is still connected directly", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const url = `ws://127.0.0.1:${server.port}`;
  const moderator = await launchLaptop(baseURL ?? '');
  const table = await launchLaptop(baseURL ?? '');
  let again: Awaited<ReturnType<typeof startSignalingServer>> | null = null;
  try {
    const { code } = await hostWorkshop(moderator.page, url, 'Server weg', 'Tisch 1');
    await joinAsTable(table.page, url, code, 'Server weg', 'Tisch 1');
    const indicator = moderator.page.getByTestId('connection-indicator');
    await expect(indicator).toHaveAttribute('data-path', 'direct', { timeout: 20_000 });
    await expect(indicator).not.toHaveAttribute('data-server', 'gone');

    await server.close();
    await expect(indicator).toHaveAttribute('data-server', 'gone', { timeout: 10_000 });
    await expect(indicator).toHaveText('Server nicht erreichbar');
    await expect(indicator).toHaveAttribute('data-path', 'direct');
    await moderator.page.getByTestId('tab-connection').click();
    await expect(moderator.page.getByTestId('server-notice')).toContainText('Handys und neue Tische können erst wieder beitreten');
    await saveScreenshot(moderator.page, 'test-results/screenshots/server-gone--moderator-de-1366x768.png');

    // Back on the same port: the laptops find it by themselves.
    again = await startSignalingServer({ host: '127.0.0.1', port: server.port });
    await expect(indicator).not.toHaveAttribute('data-server', 'gone', { timeout: 30_000 });
    await expect(indicator).toHaveText(/1 Laptop/);
    await expect(moderator.page.getByTestId('server-notice')).toHaveCount(0);
  } finally {
    await Promise.all([moderator.browser.close(), table.browser.close()]);
    await again?.close();
    await server.close();
  }
});
