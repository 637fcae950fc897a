import { loadingInBackground } from '../state/background-loads';

/*
 * The app is split into chunks loaded on demand (the workshop screen, a language, the date picker).
 * A web host updated under an open tab has removed the chunks the tab's old code names, and
 * fetching one fails: the tab then reloads once, which brings the new version's code. Electron
 * loads from its own files, which change only with the app, so this never fires there.
 * Vite reports such a failure as the window event `vite:preloadError` (cancelable: cancelled,
 * the import resolves to undefined instead of throwing).
 */

const KEY = 'plenum.chunkReloadBuild';
/**
 * This build of the app: the URL of its entry module, whose name carries the build's hash. A page
 * that reloaded for a missing chunk and still misses one runs the same build: no update to fetch.
 */
const BUILD = import.meta.url;

export interface ChunkReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  reload(): void;
  /** The running build (see BUILD). */
  build: string;
  /** Whether a background preload is under way (renderer/state/background-loads.ts). */
  inBackground(): boolean;
}

/**
 * Handles one failed chunk load: reloads the page (and cancels the error, so no error screen flashes
 * before it) once per build. Not for a background preload (its failure is swallowed; reloading would
 * drop what the user is typing), and not again for the build that already reloaded, nor without
 * session storage to remember that in: the error then shows instead of a reload loop. Returns
 * whether it reloads.
 */
export function reloadForMissingChunk(event: Event, deps: ChunkReloadDeps): boolean {
  if (deps.inBackground() || !deps.storage) return false;
  try {
    if (deps.storage.getItem(KEY) === deps.build) return false;
    deps.storage.setItem(KEY, deps.build);
  } catch {
    return false;
  }
  event.preventDefault();
  deps.reload();
  return true;
}

let reloading = false;

/** Whether a reload for a missing chunk is under way: what waits for a chunk then waits for the reload. */
export function reloadingForMissingChunk(): boolean {
  return reloading;
}

export function installChunkReload(): void {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  window.addEventListener('vite:preloadError', (event) => {
    if (reloadForMissingChunk(event, { storage, reload: () => window.location.reload(), build: BUILD, inBackground: loadingInBackground })) reloading = true;
  });
}
