import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { expect, test } from '@playwright/test';
import { startSignalingServer } from '../../electron/services/signaling-server';
import { hostWorkshop } from './faults-support';
import { launchLaptop } from './laptops';

/**
 * A TCP path to the signaling server that can fall silent as a venue's server does when its laptop
 * sleeps or loses the Wi-Fi: no FIN, no RST, the connections stay open and carry nothing, and new
 * ones are accepted and go nowhere.
 */
async function silentablePath(port: number): Promise<{ port: number; silence(): void; restore(): void; close(): Promise<void> }> {
  let silent = false;
  const held = new Set<Socket>();
  const server: Server = createServer((client) => {
    held.add(client);
    client.on('close', () => held.delete(client));
    client.on('error', () => undefined);
    if (silent) return;
    const upstream = tcpConnect(port, '127.0.0.1');
    held.add(upstream);
    upstream.on('close', () => held.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('data', (data) => {
      if (!silent) upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (!silent) client.write(data);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (!silent) client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    silence: () => {
      silent = true;
    },
    // The server is back: what was held is dropped as a dead path would be, new connections go through.
    restore: () => {
      silent = false;
      for (const socket of held) socket.destroy();
    },
    close: () => {
      for (const socket of held) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

test('a signaling server that falls silent without closing is noticed within seconds, and found again when it is back @build-only', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const path = await silentablePath(server.port);
  const moderator = await launchLaptop(baseURL ?? '');
  try {
    await hostWorkshop(moderator.page, `ws://127.0.0.1:${path.port}`, 'Stiller Server', 'Tisch 1');
    const indicator = moderator.page.getByTestId('connection-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });

    path.silence();
    const silencedAt = Date.now();
    // lib0 alone took 30 s and more (QA: 31 s of "Verbunden"); the watch gives up after 12 s of silence.
    await expect(indicator).not.toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    const noticedAfterMs = Date.now() - silencedAt;
    expect(noticedAfterMs).toBeLessThan(20_000);
    await expect(indicator).not.toHaveText('Verbunden');

    path.restore();
    await expect(indicator).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  } finally {
    await moderator.browser.close();
    await path.close();
    await server.close();
  }
});
