import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { hostChannels } from '../shared/host-api';
import { createHostRouter, type HostImplementation } from './ipc-router';
import { writeFileAtomic } from './services/file-writer';

/** What the IPC handlers need from main.ts; passed in so this module owns no windows. */
export type IpcDependencies = {
  /** Opens (or re-targets) the projector window on a workshop; resolves to whether a window is showing it. */
  openProjector: (workshopId: string) => Promise<boolean> | boolean;
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
    'projector:open': async ({ workshopId }) => ({ opened: await deps.openProjector(workshopId) }),
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
