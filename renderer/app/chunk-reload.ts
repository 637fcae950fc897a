/*
 * The app is split into chunks loaded on demand (the workshop screen, a language, the date picker).
 * A web host updated under an open tab has removed the chunks the tab's old code names, and
 * fetching one fails: the tab then reloads once, which brings the new version's code. Electron
 * loads from its own files, which change only with the app, so this never fires there.
 * Vite reports such a failure as the window event `vite:preloadError` (cancelable: cancelled,
 * the import resolves to undefined instead of throwing).
 */

const KEY = 'plenum.chunkReloadAt';
/** A chunk still missing this soon after the reload is not an update: the error shows instead of a reload loop. */
export const RELOAD_AGAIN_AFTER_MS = 10_000;

export interface ChunkReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  reload(): void;
  now(): number;
}

/**
 * Handles one failed chunk load: reloads the page (and cancels the error, so no error screen flashes
 * before it) unless it did so moments ago. Returns whether it reloads.
 */
export function reloadForMissingChunk(event: Event, deps: ChunkReloadDeps): boolean {
  const now = deps.now();
  try {
    const last = Number(deps.storage?.getItem(KEY) ?? Number.NaN);
    if (Number.isFinite(last) && now - last >= 0 && now - last < RELOAD_AGAIN_AFTER_MS) return false;
    deps.storage?.setItem(KEY, String(now));
  } catch {
    // No session storage (disabled): reload anyway; without a memory a second failure reloads again, as a person would.
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
    if (reloadForMissingChunk(event, { storage, reload: () => window.location.reload(), now: Date.now })) reloading = true;
  });
}
