import { lazy, useCallback, useEffect, useState, type ComponentType } from 'react';
import { loadInBackground } from '../state/background-loads';
import { reloadingForMissingChunk } from './chunk-reload';

/*
 * The workshop and projector screens (boards, drag and drop, Yjs sessions, networking, minutes)
 * are most of the app's code and none of the home screen's: they load on demand, so a cold start
 * parses only what the home screen needs. Once the home screen shows its list and the browser is
 * idle, both are fetched in the background (the fetch and most of the compiling happen off the
 * main thread), so opening a workshop does not wait for its code.
 */

const loadWorkshop = () => import('../features/workshop/WorkshopScreen');
const loadProjector = () => import('../features/projector/ProjectorScreen');

/**
 * The screen of a loaded chunk. A chunk that failed to load while the page reloads for it (see
 * chunk-reload.ts) gives no module: the screen then keeps showing "loading" until the reload.
 */
function screenOf<P>(module: Record<string, ComponentType<P>> | undefined, name: string): Promise<{ default: ComponentType<P> }> {
  const screen = module?.[name];
  if (screen) return Promise.resolve({ default: screen });
  if (reloadingForMissingChunk()) return new Promise(() => undefined);
  return Promise.reject(new Error(`the code of ${name} did not load`));
}

export const WorkshopScreen = lazy(async () => screenOf(await loadWorkshop(), 'WorkshopScreen'));
export const ProjectorScreen = lazy(async () => screenOf(await loadProjector(), 'ProjectorScreen'));

/** `callback` when the browser is next idle (after the frame and the input queued before it); the returned function cancels it. */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 50);
  return () => window.clearTimeout(handle);
}

let preloaded = false;

/**
 * `preload`, called when the home screen shows its list, fetches the other screens' code in the
 * background (once per start). A failed fetch neither reloads nor reports: it is left to the
 * screen's own load, which reloads the page once (chunk-reload.ts) or shows the error.
 */
export function usePreloadScreens(): () => void {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready || preloaded) return;
    return whenIdle(() => {
      preloaded = true;
      loadInBackground(loadWorkshop);
      loadInBackground(loadProjector);
    });
  }, [ready]);
  return useCallback(() => setReady(true), []);
}
