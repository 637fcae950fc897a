import { installChunkReload, reloadingForMissingChunk } from './chunk-reload';
import { setupI18n } from '../i18n';

/*
 * The language's texts (a chunk of their own) are asked for while the rest of the app's code is
 * still being evaluated: this module is main.tsx's first import, so it runs before react-dom's,
 * the app's and their libraries' modules (evaluation follows import order, within a chunk too).
 * Asked for in main.tsx's own body, the chunk was fetched only after all of that had run: under
 * load, 280–580 ms later. The store is opened in main.tsx: Dexie begins an open in a microtask,
 * which runs only once every module has, wherever it is called.
 */

// Before the first chunk is fetched: a missing one reloads the page (chunk-reload.ts).
installChunkReload();

/** The UI language set up; rejects when no language's texts load. */
export const settingUp: Promise<void> = setupI18n(reloadingForMissingChunk);
// Awaited by main.tsx once the app's code has run; a failure until then is not "unhandled".
settingUp.catch(() => undefined);
