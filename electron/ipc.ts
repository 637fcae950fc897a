import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, shell, type FileFilter, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { hostChannels, type HostInput } from '../shared/host-api';
import { createHostRouter, type HostImplementation } from './ipc-router';
import { drawPdfInWorker } from './services/pdf-job';
import { PDF_FONT_FILES } from './services/pdf-fonts';
import { createDiscoveryList, type DiscoveryList } from './services/discovery-list';
import { saveUiLanguage } from './services/app-language';
import { writeFileAtomic } from './services/file-writer';
import { createHostingController, type HostingController } from './services/hosting';
import type { OpenedFilesQueue } from './services/opened-files';

// The participant page for phones is built next to the renderer (dist/participant) and packaged with it.
const hosting = createHostingController({ participantPage: () => path.join(app.getAppPath(), 'dist', 'participant') });
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
  /** Rebuilds the application menu in the UI's language with these recent workshops. */
  updateMenu: (input: HostInput<'menu:update'>) => void;
  /** Replaced in tests; the app uses this module's own. */
  hosting?: HostingController;
  /** The PDF worker's bundle; by default beside main.cjs (the sources have none: tests build one). */
  pdfWorkerFile?: string;
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
 * Inter for the PDF: scripts/build-electron.mjs copies it beside the bundle (main.cjs), which
 * electron-builder packs; the sources (the tests) find it in resources/fonts.
 */
const PDF_FONT_DIRS = [path.join(__dirname, 'fonts'), path.join(__dirname, '..', 'resources', 'fonts')];
/** The PDF worker's bundle, beside main.cjs (scripts/build-electron.mjs). */
const PDF_WORKER_FILE = path.join(__dirname, 'pdf-worker.cjs');
const pdfFontDir = () => PDF_FONT_DIRS.find((dir) => existsSync(path.join(dir, PDF_FONT_FILES.regular))) ?? (PDF_FONT_DIRS[0] as string);

/** The Electron implementation of every HostApi call; inputs arrive already parsed by the router. */
export function hostImplementation(deps: IpcDependencies) {
  return {
    'app:info': () => ({ kind: 'electron', version: app.getVersion(), platform: process.platform }),
    'app:language': async ({ language }) => {
      await saveUiLanguage(app.getPath('userData'), language);
      return { stored: true };
    },
    'file:save': async ({ suggestedName, data }, event) => {
      const filePath = await chooseSavePath(event, suggestedName);
      if (!filePath) return { saved: false };
      await writeFileAtomic(filePath, data);
      return { saved: true, path: filePath };
    },
    'pdf:save': async ({ suggestedName, minutes }, event) => {
      // The minutes the renderer showed, made again from what it sent (checked by the contract), drawn off main's thread.
      const pdf = await drawPdfInWorker({ source: minutes, fontDir: pdfFontDir() }, deps.pdfWorkerFile ?? PDF_WORKER_FILE);
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
    'menu:update': (input) => {
      deps.updateMenu(input);
      return { applied: true };
    },
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
