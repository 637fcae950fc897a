import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, shell, type FileFilter, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { hostChannels, type HostOutput } from '../shared/host-api';
import { printMinutesPdf } from '../shared/minutes/pdf';
import { createHostRouter, type HostImplementation } from './ipc-router';
import { isPdfRequestAllowed } from './security';
import { advertiseSession, browseSessions, type DiscoveredSession, type SessionAdvert, type SessionBrowser } from './services/discovery';
import { writeFileAtomic } from './services/file-writer';
import { lanAddresses, signalingUrl, type InterfaceTable } from './services/lan-addresses';
import { formatSignalingEvent, startSignalingServer, type SignalingServer, type SignalingServerOptions } from './services/signaling-server';
import type { OpenedFilesQueue } from './services/opened-files';

/** y-webrtc's customary signaling port; the moderator may choose another. */
export const DEFAULT_SIGNALING_PORT = 4444;

export type HostingDependencies = {
  /** Where the server listens: 0.0.0.0 in the app, so that tables on the LAN reach it. */
  host: string;
  startServer: (options: SignalingServerOptions) => Promise<SignalingServer>;
  advertise: (session: { name: string; port: number }) => SessionAdvert;
  interfaces: () => InterfaceTable;
  /** The name the session is listed under on other laptops. */
  sessionName: () => string;
};

export type HostingController = {
  /** Starts the server, or answers the running one; a different port restarts it there. */
  start(port?: number, clockOffsetMs?: number): Promise<HostOutput<'hosting:start'>>;
  /** Resolves to whether a server was running. */
  stop(): Promise<boolean>;
  status(): HostOutput<'hosting:status'>;
};

const defaultHosting: HostingDependencies = {
  host: '0.0.0.0',
  startServer: startSignalingServer,
  advertise: (session) => advertiseSession(session),
  interfaces: () => os.networkInterfaces(),
  sessionName: () => `Plenum – ${os.hostname()}`,
};

/** The signaling server this app hosts (one at a time) and its mDNS advert. Calls run one after another. */
export function createHostingController(deps: HostingDependencies = defaultHosting): HostingController {
  let hosted: { server: SignalingServer; advert: SessionAdvert } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  // Recomputed on every call: the laptop may have changed networks since the server started.
  const addressesFor = (port: number) => [
    ...lanAddresses(deps.interfaces()).map((address) => signalingUrl(address, port)),
    // Last: only the moderator's own renderer can use it.
    signalingUrl('127.0.0.1', port),
  ];
  const shutDown = async () => {
    if (!hosted) return false;
    const { server, advert } = hosted;
    hosted = null;
    await Promise.all([server.close(), advert.stop()]);
    return true;
  };
  return {
    // A server already running keeps its clock: laptops connected to it read the run in it.
    start: (port, clockOffsetMs) =>
      serially(async () => {
        if (hosted && (port === undefined || port === hosted.server.port)) return { port: hosted.server.port, addresses: addressesFor(hosted.server.port) };
        await shutDown();
        const server = await deps.startServer({
          host: deps.host,
          port: port ?? DEFAULT_SIGNALING_PORT,
          clockOffsetMs,
          log: (event) => {
            if (event.event !== 'listening' && event.event !== 'closed') console.info(`signaling: ${formatSignalingEvent(event)}`);
          },
        });
        hosted = { server, advert: deps.advertise({ name: deps.sessionName(), port: server.port }) };
        return { port: server.port, addresses: addressesFor(server.port) };
      }),
    stop: () => serially(shutDown),
    status: () => (hosted ? { running: true, port: hosted.server.port, addresses: addressesFor(hosted.server.port) } : { running: false, addresses: [] }),
  };
}

export type DiscoveryList = {
  list(): Promise<HostOutput<'discovery:list'>>;
  stop(): void;
};

/**
 * Browses for sessions while someone asks: the first call starts browsing and waits briefly for answers, later calls
 * answer from the live list, and browsing stops after a minute without calls (the join screen polls while open).
 */
export function createDiscoveryList(
  browse: (onChange: (sessions: DiscoveredSession[]) => void) => SessionBrowser = (onChange) => browseSessions(onChange),
  { firstWaitMs = 1500, idleMs = 60_000 } = {},
): DiscoveryList {
  let browser: SessionBrowser | null = null;
  let warmedUp: Promise<void> = Promise.resolve();
  let sessions: DiscoveredSession[] = [];
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(idle);
    browser?.stop();
    browser = null;
    sessions = [];
  };
  return {
    async list() {
      if (!browser) {
        browser = browse((next) => {
          sessions = next;
        });
        warmedUp = new Promise((resolve) => setTimeout(resolve, firstWaitMs));
      }
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
      idle.unref();
      await warmedUp;
      return {
        sessions: sessions.map((session) => ({
          name: session.name.slice(0, 200),
          addresses: session.addresses.map((address) => signalingUrl(address, session.port)),
        })),
      };
    },
    stop,
  };
}

const hosting = createHostingController();
const discovery = createDiscoveryList();

/**
 * Stops hosting and discovery, for app quit: resolves when the server is closed and the advert withdrawn, or after
 * two seconds at most, so a stuck socket never keeps the app from quitting.
 */
export async function stopHostServices(): Promise<void> {
  discovery.stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
  await Promise.race([hosting.stop().catch(() => false), deadline]);
  clearTimeout(timer);
}

/** What the IPC handlers need from main.ts; passed in so this module owns no windows. */
export type IpcDependencies = {
  /** Opens (or re-targets) the projector window on a workshop; resolves to whether a window is showing it. */
  openProjector: (workshopId: string) => Promise<boolean> | boolean;
  /** The .plenum files the app was asked to open, until the window takes them. */
  openedFiles: Pick<OpenedFilesQueue, 'take'>;
  /** Replaced in tests; the app uses this module's own. */
  hosting?: HostingController;
  discovery?: DiscoveryList;
};

function filtersFor(fileName: string): FileFilter[] {
  const extension = path.extname(fileName).slice(1);
  if (!extension) return [];
  return [
    { name: extension.toUpperCase(), extensions: [extension] },
    { name: 'All files', extensions: ['*'] },
  ];
}

function defaultSavePath(fileName: string): string {
  try {
    return path.join(app.getPath('documents'), fileName);
  } catch {
    // Some Linux setups have no documents folder; the dialog then starts where it last was.
    return fileName;
  }
}

async function chooseSavePath(event: IpcMainInvokeEvent, suggestedName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    defaultPath: defaultSavePath(suggestedName),
    filters: filtersFor(suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  // Attached to the asking window, so the dialog is modal to it and not lost behind the projector.
  const owner = BrowserWindow.fromWebContents(event.sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/**
 * Prints one part of the minutes to an A4 PDF in a hidden window: JavaScript off (a card's text
 * is never run), its own session (no app cookies or storage), loaded from a temporary file
 * because a data: URL of a long workshop's minutes exceeds what Chromium accepts.
 */
async function printPartInWindow(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'plenum-pdf-'));
  const file = path.join(folder, 'minutes.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'plenum-pdf' },
  });
  // Its own document and data: images only; see isPdfRequestAllowed (security review, issue 7).
  const tempDirUrl = pathToFileURL(os.tmpdir()).href;
  window.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPdfRequestAllowed(details.url, tempDirUrl) }));
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return new Uint8Array(await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The Electron implementation of every HostApi call; inputs arrive already parsed by the router. */
export function hostImplementation(deps: IpcDependencies) {
  return {
    'app:info': () => ({ kind: 'electron', version: app.getVersion(), platform: process.platform }),
    'file:save': async ({ suggestedName, data }, event) => {
      const filePath = await chooseSavePath(event, suggestedName);
      if (!filePath) return { saved: false };
      await writeFileAtomic(filePath, data);
      return { saved: true, path: filePath };
    },
    'pdf:save': async ({ suggestedName, html }, event) => {
      // A long workshop's minutes print in parts at once, a hidden window (a renderer) each.
      const pdf = await printMinutesPdf(html, printPartInWindow, Math.min(4, os.availableParallelism()));
      const filePath = await chooseSavePath(event, suggestedName);
      if (!filePath) return { saved: false };
      await writeFileAtomic(filePath, pdf);
      return { saved: true, path: filePath };
    },
    'file:takeOpened': () => deps.openedFiles.take(),
    // The contract admits only mailto: links; the mail program opens with the draft.
    'mail:open': async ({ url }) => {
      await shell.openExternal(url);
      return { opened: true };
    },
    'projector:open': async ({ workshopId }) => ({ opened: await deps.openProjector(workshopId) }),
    'hosting:start': ({ port, clockOffsetMs }) => (deps.hosting ?? hosting).start(port, clockOffsetMs),
    'hosting:stop': async () => ({ stopped: await (deps.hosting ?? hosting).stop() }),
    'hosting:status': () => (deps.hosting ?? hosting).status(),
    'discovery:list': () => (deps.discovery ?? discovery).list(),
  } satisfies HostImplementation<IpcMainInvokeEvent>;
}

/**
 * Registers one `ipcMain.handle` per channel of the contract, all through the router (sender check, input parse,
 * errors as values). Returns a function that removes them again.
 */
export function registerHostIpc(deps: IpcDependencies): () => void {
  const router = createHostRouter(hostImplementation(deps));
  for (const channel of hostChannels) {
    // handle() throws when a channel already has a handler; replacing makes a second registration harmless.
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, router[channel]);
  }
  return () => {
    for (const channel of hostChannels) ipcMain.removeHandler(channel);
  };
}
