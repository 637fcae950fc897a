import { contextBridge, ipcRenderer } from 'electron';
import type { HostApi, HostBridge, HostChannel, HostInput, HostOutput, HostResult, MENU_COMMAND_EVENT } from '../shared/host-api';

// Runs sandboxed: only 'electron' is required at run time, the rest is bundled. The imports from the contract are
// type-only, so neither zod nor the schemas end up here; main parses every input anyway, the preload only forwards.

/** One bridge method: forwards to main and turns a failed invoke (no handler, window closing) into an error value. */
function forward<C extends HostChannel>(channel: C): (input: HostInput<C>) => Promise<HostResult<HostOutput<C>>> {
  return async (input) => {
    try {
      // Main always answers a HostResult (ipc-router guarantees it).
      return (await ipcRenderer.invoke(channel, input)) as HostResult<HostOutput<C>>;
    } catch (error) {
      return { ok: false, error: `${channel}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

// satisfies: a channel added to the contract and missing here fails the typecheck; ipcRenderer itself never leaves.
const channels = {
  'app:info': forward('app:info'),
  'app:language': forward('app:language'),
  'file:save': forward('file:save'),
  'pdf:save': forward('pdf:save'),
  'file:takeOpened': forward('file:takeOpened'),
  'mail:open': forward('mail:open'),
  'projector:open': forward('projector:open'),
  'hosting:start': forward('hosting:start'),
  'hosting:stop': forward('hosting:stop'),
  'hosting:status': forward('hosting:status'),
  'discovery:list': forward('discovery:list'),
  'menu:update': forward('menu:update'),
} satisfies HostApi;

const menuEvent: typeof MENU_COMMAND_EVENT = 'menu:command';

const api = {
  ...channels,
  // Clicks in the native menu, forwarded as they come: the renderer parses each (renderer/host/menu.ts) before it acts.
  onMenuCommand(listener: (command: unknown) => void): () => void {
    const handler = (_event: unknown, command: unknown) => listener(command);
    ipcRenderer.on(menuEvent, handler);
    return () => {
      ipcRenderer.removeListener(menuEvent, handler);
    };
  },
} satisfies HostBridge;

contextBridge.exposeInMainWorld('plenum', api);

