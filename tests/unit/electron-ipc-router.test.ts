import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostChannels, MENU_COMMAND_EVENT, type HostApi, type HostBridge, type HostChannel } from '../../shared/host-api';
import { createHostRouter, routeChannel, type HostImplementation, type SenderEvent } from '../../electron/ipc-router';
import { buildPdfWorker } from '../support/pdf-worker-bundle';
import { seedDaySnapshot } from '../support/seed-day';

// Only the modules that import 'electron' at run time (ipc.ts, preload.ts) see this fake; the router never does.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  showSaveDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath: string }>>(),
}));

vi.mock('electron', () => ({
  app: { getVersion: () => '9.8.7', getPath: () => os.tmpdir() },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: electron.showSaveDialog },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => electron.listeners.get(channel)?.delete(listener),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
}));

const trusted: SenderEvent = { senderFrame: { url: 'app://plenum/index.html#/workshop/w1' } };

function fakeImplementation(overrides: Partial<HostImplementation> = {}): HostImplementation {
  return {
    'app:info': vi.fn(() => ({ kind: 'electron' as const, version: '1.0.0', platform: 'linux' })),
    'app:language': vi.fn(() => ({ stored: true })),
    'file:save': vi.fn(() => ({ saved: true, path: '/tmp/x.md' })),
    'pdf:save': vi.fn(() => ({ saved: true, path: '/tmp/x.pdf' })),
    'mail:open': vi.fn(() => ({ opened: true })),
    'file:takeOpened': vi.fn(() => []),
    'projector:open': vi.fn(() => ({ opened: true })),
    'hosting:start': vi.fn(({ port = 4444 }: { port?: number }) => ({ port, addresses: [`ws://192.168.1.5:${port}`, `ws://127.0.0.1:${port}`] })),
    'hosting:stop': vi.fn(() => ({ stopped: true })),
    'hosting:status': vi.fn(() => ({ running: false, addresses: [] })),
    'discovery:list': vi.fn(() => ({ sessions: [] })),
    'menu:update': vi.fn(() => ({ applied: true })),
    ...overrides,
  };
}

describe('ipc router', () => {
  it('has exactly one handler per channel of the contract', () => {
    expect(Object.keys(createHostRouter(fakeImplementation())).sort()).toEqual([...hostChannels].sort());
  });

  it.each<[string, SenderEvent]>([
    ['another site', { senderFrame: { url: 'https://evil.example/' } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    // A frame inside the app's page (the minutes preview is an iframe with srcdoc) is not the app.
    ['an srcdoc frame', { senderFrame: { url: 'about:srcdoc' } }],
    ['a blank frame', { senderFrame: { url: 'about:blank' } }],
    ['the web build on a dev server', { senderFrame: { url: 'http://127.0.0.1:5173/' } }],
    ['a destroyed frame', { senderFrame: null }],
    [
      'a frame that throws when read',
      {
        get senderFrame(): { url: string } {
          throw new Error('Render frame was disposed');
        },
      },
    ],
  ])('refuses a call from %s without running anything', async (_name, event) => {
    const implementation = fakeImplementation();
    const router = createHostRouter(implementation);
    await expect(router['projector:open'](event, { workshopId: 'w1' })).resolves.toEqual({ ok: false, error: 'untrusted sender' });
    expect(implementation['projector:open']).not.toHaveBeenCalled();
  });

  it('refuses a path as file name, naming the channel and the field', async () => {
    const router = createHostRouter(fakeImplementation());
    const result = await router['file:save'](trusted, { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('file:save');
      expect(result.error).toContain('suggestedName');
      expect(result.error).toContain('a file name, not a path');
    }
  });

  it.each<[string, HostChannel, unknown, string]>([
    ['a missing field', 'file:save', { suggestedName: 'a.md', data: 'x' }, 'mimeType'],
    ['data of the wrong type', 'file:save', { suggestedName: 'a.md', mimeType: 'text/markdown', data: 42 }, 'data'],
    ['an empty workshop id', 'projector:open', { workshopId: '' }, 'workshopId'],
    ['a string instead of an object', 'file:save', 'hello', '(whole value)'],
    ['null', 'projector:open', null, '(whole value)'],
    ['a privileged port', 'hosting:start', { port: 80 }, 'port'],
    ['a port out of range', 'hosting:start', { port: 70_000 }, 'port'],
    ['a fractional port', 'hosting:start', { port: 4444.5 }, 'port'],
  ])('refuses %s with a message naming the channel and the field', async (_name, channel, input, field) => {
    const result = await createHostRouter(fakeImplementation())[channel](trusted, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(`${channel}: invalid input — ${field}: `)).toBe(true);
  });

  it('refuses an argument to a call that takes none', async () => {
    const result = await createHostRouter(fakeImplementation())['app:info'](trusted, { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('app:info: invalid input') });
  });

  it('turns an exception of the implementation into an error value', async () => {
    const router = createHostRouter(
      fakeImplementation({
        'file:save': () => {
          throw new Error('disk full');
        },
        'projector:open': () => Promise.reject('no display'),
      }),
    );
    await expect(router['file:save'](trusted, { suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).resolves.toEqual({
      ok: false,
      error: 'file:save: disk full',
    });
    await expect(router['projector:open'](trusted, { workshopId: 'w1' })).resolves.toEqual({ ok: false, error: 'projector:open: no display' });
  });

  it("keeps Node's error code in the error value, where the renderer reads what to tell the user", async () => {
    const denied = Object.assign(new Error('Could not save: no permission to write "/x/y".'), { code: 'EACCES' });
    const nodeOwn = Object.assign(new Error("EROFS: read-only file system, open '/x/y'"), { code: 'EROFS' });
    const router = createHostRouter(
      fakeImplementation({
        'file:save': () => Promise.reject(denied),
        'projector:open': () => Promise.reject(nodeOwn),
      }),
    );
    await expect(router['file:save'](trusted, { suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).resolves.toEqual({
      ok: false,
      error: 'file:save: Could not save: no permission to write "/x/y". [EACCES]',
    });
    // A message that names its code already is not given it twice.
    await expect(router['projector:open'](trusted, { workshopId: 'w1' })).resolves.toEqual({ ok: false, error: "projector:open: EROFS: read-only file system, open '/x/y'" });
  });

  it('refuses an answer of the implementation that breaks the contract', async () => {
    const broken = routeChannel<'projector:open', SenderEvent>('projector:open', () => ({ opened: 'yes' }) as unknown as { opened: boolean });
    const result = await broken(trusted, { workshopId: 'w1' });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('projector:open: invalid answer — opened') });
  });

  it('passes good input through parsed, unknown keys dropped, bytes intact', async () => {
    const implementation = fakeImplementation();
    const router = createHostRouter(implementation);
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const result = await router['file:save'](trusted, { suggestedName: 'minutes.docx', mimeType: 'application/zip', data: bytes, extra: 1 });
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/tmp/x.md' } });
    expect(implementation['file:save']).toHaveBeenCalledWith({ suggestedName: 'minutes.docx', mimeType: 'application/zip', data: bytes }, trusted);
    await expect(router['app:info'](trusted, undefined)).resolves.toEqual({
      ok: true,
      value: { kind: 'electron', version: '1.0.0', platform: 'linux' },
    });
  });
});

describe('ipc registration (electron/ipc.ts)', () => {
  let dir = '';
  // The sources have no bundle beside them: the PDF worker built as the app builds it.
  let pdfWorker: { file: string; remove(): void } = { file: '', remove: () => undefined };
  beforeAll(async () => {
    pdfWorker = await buildPdfWorker();
  }, 60_000);
  afterAll(() => pdfWorker.remove());
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plenum-ipc-'));
    electron.handlers.clear();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function register(openProjector = vi.fn(() => true)) {
    const { registerHostIpc } = await import('../../electron/ipc');
    const updateMenu = vi.fn();
    const unregister = registerHostIpc({ openProjector, openedFiles: { take: async () => [{ name: 'Tag.plenum', text: '{}' }] }, updateMenu, pdfWorkerFile: pdfWorker.file });
    return { openProjector, updateMenu, unregister };
  }

  const call = (channel: string, input: unknown, event: unknown = { ...trusted, sender: {} }) => {
    const handler = electron.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, input);
  };

  it('registers every channel of the contract, and removes them again', async () => {
    const { unregister } = await register();
    expect([...electron.handlers.keys()].sort()).toEqual([...hostChannels].sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
  });

  it('answers app:info from Electron, and nothing to a stranger', async () => {
    await register();
    await expect(call('app:info', undefined)).resolves.toEqual({ ok: true, value: { kind: 'electron', version: '9.8.7', platform: process.platform } });
    await expect(call('app:info', undefined, { senderFrame: { url: 'https://evil.example/' }, sender: {} })).resolves.toEqual({
      ok: false,
      error: 'untrusted sender',
    });
  });

  it('saves where the user chose, and reports a cancelled dialog as not saved', async () => {
    await register();
    const target = path.join(dir, 'minutes.md');
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(call('file:save', { suggestedName: 'minutes.md', mimeType: 'text/markdown', data: '# Minutes' })).resolves.toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('# Minutes');

    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(call('file:save', { suggestedName: 'x.md', mimeType: 'text/markdown', data: 'x' })).resolves.toEqual({ ok: true, value: { saved: false } });
  });

  it('draws the minutes PDF from the workshop the window sent and saves it; refuses a workshop or option the contract does not allow', async () => {
    await register();
    const target = path.join(dir, 'Protokoll.pdf');
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const source = { workshop: seedDaySnapshot(), language: 'uk', timeZone: 'Europe/Kyiv', generatedAt: Date.UTC(2023, 11, 7, 9) };
    await expect(call('pdf:save', { suggestedName: 'Protokoll.pdf', minutes: source })).resolves.toEqual({ ok: true, value: { saved: true, path: target } });
    const pdf = await readFile(target);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Lang (uk-UA)');

    const [card, ...cards] = source.workshop.cards;
    const dialogs = electron.showSaveDialog.mock.calls.length;
    const refusals: Array<[unknown, string]> = [
      [{ ...source, workshop: { ...source.workshop, cards: [{ ...card, text: 42 }, ...cards] } }, 'minutes.workshop.cards.0.text'],
      [{ ...source, timeZone: 'Mars/Olympus' }, 'minutes.timeZone'],
      [{ ...source, language: 'fr' }, 'minutes.language'],
      [{ ...source, workshop: 'not a workshop' }, 'minutes.workshop'],
    ];
    for (const [minutes, field] of refusals) {
      const result = (await call('pdf:save', { suggestedName: 'x.pdf', minutes })) as { ok: boolean; error?: string };
      expect(result.ok).toBe(false);
      expect(result.error?.startsWith(`pdf:save: invalid input — ${field}: `), result.error).toBe(true);
    }
    // Refused before anything is drawn or asked.
    expect(electron.showSaveDialog.mock.calls.length).toBe(dialogs);
  }, 60_000);

  it('hands the opened .plenum files to the window', async () => {
    await register();
    await expect(call('file:takeOpened', undefined)).resolves.toEqual({ ok: true, value: [{ name: 'Tag.plenum', text: '{}' }] });
  });

  it('opens the projector through main', async () => {
    const { openProjector } = await register();
    await expect(call('projector:open', { workshopId: 'w7' })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(openProjector).toHaveBeenCalledWith('w7');
  });

  it('rebuilds the menu with what the window sent, and refuses a language, an id or a list it cannot take', async () => {
    const { updateMenu } = await register();
    const recent = [{ id: 'w1', title: 'Themenkreis Wirtschaft' }];
    await expect(call('menu:update', { language: 'uk', recent })).resolves.toEqual({ ok: true, value: { applied: true } });
    expect(updateMenu).toHaveBeenCalledWith({ language: 'uk', recent });
    for (const junk of [
      { language: 'fr', recent },
      { language: 'de', recent: [{ id: '../../etc', title: 'x' }] },
      { language: 'de', recent: [{ id: 'w1', title: 'x'.repeat(201) }] },
      { language: 'de', recent: Array.from({ length: 21 }, (_, n) => ({ id: `w${n}`, title: 'x' })) },
      { language: 'de' },
      'de',
    ]) {
      await expect(call('menu:update', junk)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('menu:update: invalid input') });
    }
    expect(updateMenu).toHaveBeenCalledTimes(1);
  });

  it('routes hosting and discovery to their services, and reports a taken port as an error value', async () => {
    const { registerHostIpc } = await import('../../electron/ipc');
    const hosting = {
      start: vi.fn((port?: number) =>
        port === 5000 ? Promise.reject(new Error('port 5000 is in use')) : Promise.resolve({ port: port ?? 4444, addresses: ['ws://127.0.0.1:4444'] }),
      ),
      stop: vi.fn(() => Promise.resolve(true)),
      status: vi.fn(() => ({ running: true, port: 4444, addresses: ['ws://127.0.0.1:4444'] })),
    };
    const discovery = { list: vi.fn(() => Promise.resolve({ sessions: [{ name: 'Moderator', addresses: ['ws://10.0.0.2:4444'] }] })), stop: vi.fn() };
    registerHostIpc({ openProjector: () => true, openedFiles: { take: async () => [] }, updateMenu: () => undefined, hosting, discovery });

    await expect(call('hosting:start', {})).resolves.toEqual({ ok: true, value: { port: 4444, addresses: ['ws://127.0.0.1:4444'] } });
    expect(hosting.start).toHaveBeenLastCalledWith(undefined, undefined);
    // Taking over a room: the room's clock goes to the new server; an impossible one is refused.
    await call('hosting:start', { clockOffsetMs: 90_000 });
    expect(hosting.start).toHaveBeenLastCalledWith(undefined, 90_000);
    await expect(call('hosting:start', { clockOffsetMs: Number.POSITIVE_INFINITY })).resolves.toMatchObject({ ok: false });
    expect(hosting.start).toHaveBeenCalledTimes(2);
    await expect(call('hosting:start', { port: 5000 })).resolves.toEqual({ ok: false, error: 'hosting:start: port 5000 is in use' });
    await expect(call('hosting:status', undefined)).resolves.toMatchObject({ ok: true, value: { running: true, port: 4444 } });
    await expect(call('hosting:stop', undefined)).resolves.toEqual({ ok: true, value: { stopped: true } });
    await expect(call('discovery:list', undefined)).resolves.toEqual({
      ok: true,
      value: { sessions: [{ name: 'Moderator', addresses: ['ws://10.0.0.2:4444'] }] },
    });
    await expect(call('hosting:stop', undefined, { senderFrame: { url: 'https://evil.example/' }, sender: {} })).resolves.toEqual({
      ok: false,
      error: 'untrusted sender',
    });
    expect(hosting.stop).toHaveBeenCalledTimes(1);
  });
});

describe('preload (electron/preload.ts)', () => {
  it('exposes window.plenum with one method per channel and the menu subscription, and no ipcRenderer', async () => {
    await import('../../electron/preload');
    expect([...electron.exposed.keys()]).toEqual(['plenum']);
    const api = electron.exposed.get('plenum') as HostApi;
    expect(Object.keys(api).sort()).toEqual([...hostChannels, 'onMenuCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.invoke);

    electron.invoke.mockResolvedValueOnce({ ok: true, value: { opened: true } });
    await expect(api['projector:open']({ workshopId: 'w1' })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(electron.invoke).toHaveBeenLastCalledWith('projector:open', { workshopId: 'w1' });

    electron.invoke.mockRejectedValueOnce(new Error("No handler registered for 'app:info'"));
    await expect(api['app:info']()).resolves.toEqual({ ok: false, error: "app:info: No handler registered for 'app:info'" });
  });
});

describe('menu clicks through the preload', () => {
  it('reach a listener on the menu channel only, and stop when it unsubscribes', async () => {
    await import('../../electron/preload');
    const api = electron.exposed.get('plenum') as HostBridge;
    const seen: unknown[] = [];
    const unsubscribe = api.onMenuCommand?.((command) => seen.push(command));
    expect(electron.listeners.has(MENU_COMMAND_EVENT)).toBe(true);
    electron.listeners.get(MENU_COMMAND_EVENT)?.forEach((listener) => listener({}, { kind: 'openWorkshop', id: 'w1' }));
    unsubscribe?.();
    electron.listeners.get(MENU_COMMAND_EVENT)?.forEach((listener) => listener({}, { kind: 'home' }));
    expect(seen).toEqual([{ kind: 'openWorkshop', id: 'w1' }]);
  });
});
