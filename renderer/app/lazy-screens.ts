import { lazy, useCallback, useEffect, useState, type ComponentType } from 'react';
import { reloadingForMissingChunk } from './chunk-reload';

/*
 * The workshop and projector screens (boards, drag and drop, Yjs sessions, networking, minutes)
 * are most of the app's code and none of the home screen's: they load on demand, so a cold start
 * parses only what the home screen needs. A moment after the home screen shows its list, when the
 * browser is idle, both are fetched in the background, so opening a workshop does not wait for
 * its code and the first keystrokes on the home screen do not wait for their parsing.
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

/** A person takes longer than this to pick a workshop after the list shows. */
const PRELOAD_AFTER_MS = 1000;

/** `callback` after PRELOAD_AFTER_MS and then idle time; the returned function cancels it. */
function soonWhenIdle(callback: () => void): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(callback, { timeout: 2000 });
    else callback();
  }, PRELOAD_AFTER_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

let preloaded = false;

/**
 * `preload`, called when the home screen shows its list, fetches the other screens' code in the
 * background (once per start). A failed fetch is left to the screen's own load, which reports it
 * (or reloads the page, see chunk-reload.ts).
 */
export function usePreloadScreens(): () => void {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready || preloaded) return;
    return soonWhenIdle(() => {
      preloaded = true;
      void loadWorkshop().catch(() => undefined);
      void loadProjector().catch(() => undefined);
    });
  }, [ready]);
  return useCallback(() => setReady(true), []);
}
