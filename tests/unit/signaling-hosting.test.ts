import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDiscoveryList } from '../../electron/services/discovery-list';
import { createHostingController, type HostingController, type HostingDependencies } from '../../electron/services/hosting';
import type { DiscoveredSession } from '../../electron/services/discovery';
import { startSignalingServer, type SignalingServerOptions } from '../../electron/services/signaling-server';
import { webHost } from '../../renderer/host/web';
import { SignalingTestClient, ofType } from '../sync/peers/signaling-client';

// Hosting as main runs it behind 'hosting:*', with a real signaling server on 127.0.0.1 and a fake mDNS advert.

vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, dialog: {}, ipcMain: {} }));

const controllers: HostingController[] = [];

function hostingWith(overrides: Partial<HostingDependencies> = {}) {
  const adverts: Array<{ name: string; port: number; stop: ReturnType<typeof vi.fn> }> = [];
  const startServer = vi.fn((options: SignalingServerOptions) =>
    // Port 4444 (the default) may be taken on a developer's machine: tests take any free port instead.
    startSignalingServer({ ...options, port: options.port === 4444 ? 0 : options.port }),
  );
  const deps: HostingDependencies = {
    host: '127.0.0.1',
    startServer,
    advertise: (session) => {
      const advert = { ...session, stop: vi.fn(() => Promise.resolve()) };
      adverts.push(advert);
      return advert;
    },
    interfaces: () => ({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      docker0: [{ address: '172.17.0.1', family: 'IPv4', internal: false }],
      wlan0: [{ address: '192.168.1.5', family: 'IPv4', internal: false }],
    }),
    sessionName: () => 'Plenum – test',
    ...overrides,
  };
  const controller = createHostingController(deps);
  controllers.push(controller);
  return { controller, adverts, startServer };
}

async function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    release: () => new Promise((resolve) => blocker.close(() => resolve())),
  };
}

afterEach(async () => {
  await Promise.all(controllers.splice(0).map((controller) => controller.stop()));
});

describe('hosting controller', () => {
  it('starts a server, lists LAN addresses first and loopback last, advertises it, and stops it', async () => {
    const { controller, adverts } = hostingWith();
    const { port, addresses } = await controller.start();
    expect(addresses).toEqual([`ws://192.168.1.5:${port}`, `ws://172.17.0.1:${port}`, `ws://127.0.0.1:${port}`]);
    expect(adverts).toEqual([expect.objectContaining({ name: 'Plenum – test', port })]);
    expect(controller.status()).toEqual({ running: true, port, addresses });
    const info = await fetch(`http://127.0.0.1:${port}/plenum`);
    await expect(info.json()).resolves.toEqual({ app: 'plenum-signaling', version: 1 });

    await expect(controller.stop()).resolves.toBe(true);
    expect(adverts[0]?.stop).toHaveBeenCalled();
    await expect(fetch(`http://127.0.0.1:${port}/plenum`)).rejects.toThrow();
    expect(controller.status()).toEqual({ running: false, addresses: [] });
    await expect(controller.stop()).resolves.toBe(false);
  });

  it("serves the app's participant page for phones at /p/ when it is built, and none when it is not", async () => {
    const page = await mkdtemp(path.join(os.tmpdir(), 'plenum-hosted-page-'));
    try {
      await writeFile(path.join(page, 'index.html'), '<!doctype html><title>Plenum phone</title>');
      const built = hostingWith({ participantPage: () => page });
      const { port } = await built.controller.start();
      expect(built.startServer).toHaveBeenCalledWith(expect.objectContaining({ participantPage: { dir: page } }));
      await expect((await fetch(`http://127.0.0.1:${port}/p/`)).text()).resolves.toContain('Plenum phone');
      await built.controller.stop();
      const none = hostingWith({ participantPage: () => null });
      const other = await none.controller.start();
      expect((await fetch(`http://127.0.0.1:${other.port}/p/`)).status).toBe(404);
    } finally {
      await rm(page, { recursive: true, force: true });
    }
  });

  it('answers the running server to a second start, even to concurrent ones', async () => {
    const { controller, startServer } = hostingWith();
    const [first, second] = await Promise.all([controller.start(), controller.start()]);
    expect(second).toEqual(first);
    await expect(controller.start(first.port)).resolves.toEqual(first);
    expect(startServer).toHaveBeenCalledTimes(1);
  });

  it('a laptop that takes over tells the room the clock it ran on, not its own', async () => {
    const { controller } = hostingWith();
    // This laptop measured the old host's clock 90 s ahead of its own.
    const { port } = await controller.start(undefined, 90_000);
    const client = await SignalingTestClient.connect(`ws://127.0.0.1:${port}`);
    try {
      const before = Date.now();
      client.send({ type: 'plenum-time', id: 1 });
      const reply = (await client.next(ofType('plenum-time'))) as { now: number };
      expect(reply.now - before).toBeGreaterThanOrEqual(90_000);
      expect(reply.now - Date.now()).toBeLessThanOrEqual(90_000);
    } finally {
      client.close();
    }
  });

  it('moves to another port when asked, closing the old server and its advert', async () => {
    const { controller, adverts } = hostingWith();
    const first = await controller.start();
    const free = await takenPort();
    await free.release();
    const second = await controller.start(free.port);
    expect(second.port).toBe(free.port);
    expect(adverts[0]?.stop).toHaveBeenCalled();
    expect(adverts[1]?.port).toBe(free.port);
    await expect(fetch(`http://127.0.0.1:${first.port}/plenum`)).rejects.toThrow();
  });

  it('reports a taken port as "port N is in use", and stays stopped and unadvertised', async () => {
    const { controller, adverts } = hostingWith();
    const taken = await takenPort();
    try {
      await expect(controller.start(taken.port)).rejects.toThrow(`port ${taken.port} is in use`);
      expect(controller.status()).toEqual({ running: false, addresses: [] });
      expect(adverts).toEqual([]);
      // The failure does not jam the queue: the next start works.
      await expect(controller.start()).resolves.toMatchObject({ port: expect.any(Number) });
    } finally {
      await taken.release();
    }
  });
});

describe('discovery list', () => {
  it('starts browsing on the first call, waits briefly for answers, maps sessions to ws:// addresses', async () => {
    const stop = vi.fn();
    let report: (sessions: DiscoveredSession[]) => void = () => undefined;
    const browse = vi.fn((onChange: (sessions: DiscoveredSession[]) => void) => {
      report = onChange;
      setTimeout(() => onChange([{ name: 'Moderator', host: 'm.local', addresses: ['192.168.1.5', '10.0.0.2'], port: 4444 }]), 10);
      return { stop };
    });
    const discovery = createDiscoveryList(browse, { firstWaitMs: 50, idleMs: 200 });
    await expect(discovery.list()).resolves.toEqual({ sessions: [{ name: 'Moderator', addresses: ['ws://192.168.1.5:4444', 'ws://10.0.0.2:4444'] }] });
    report([]);
    await expect(discovery.list()).resolves.toEqual({ sessions: [] });
    expect(browse).toHaveBeenCalledTimes(1);

    // Nobody asked for a while: browsing stops, and the next call starts it again.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stop).toHaveBeenCalledTimes(1);
    await discovery.list();
    expect(browse).toHaveBeenCalledTimes(2);
    discovery.stop();
  });
});

describe('web host', () => {
  it('cannot host or discover, and says so', async () => {
    await expect(webHost['hosting:start']({ port: 4444 })).resolves.toEqual({ ok: false, error: 'hosting-needs-desktop' });
    await expect(webHost['hosting:status']()).resolves.toEqual({ ok: true, value: { running: false, addresses: [] } });
    await expect(webHost['hosting:stop']()).resolves.toEqual({ ok: true, value: { stopped: false } });
    await expect(webHost['discovery:list']()).resolves.toEqual({ ok: true, value: { sessions: [] } });
  });
});
