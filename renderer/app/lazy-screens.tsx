import { createElement, useCallback, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { loadInBackground } from '../state/background-loads';
import { whenIdle } from '../state/when-idle';
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
function screenOf<P>(module: Record<string, ComponentType<P>> | undefined, name: string): Promise<ComponentType<P>> {
  const screen = module?.[name];
  if (screen) return Promise.resolve(screen);
  if (reloadingForMissingChunk()) return new Promise(() => undefined);
  return Promise.reject(new Error(`the code of ${name} did not load`));
}

interface ScreenCode<P> {
  /** The screen, once its code is here. */
  loaded(): ComponentType<P> | null;
  /** Loads the code (once; again after a failure). */
  load(): Promise<ComponentType<P>>;
}

function screenCode<P>(importer: () => Promise<Record<string, ComponentType<P>>>, name: string): ScreenCode<P> {
  let screen: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return {
    loaded: () => screen,
    load() {
      loading ??= importer()
        .then((module) => screenOf(module, name))
        .then(
          (loadedScreen) => (screen = loadedScreen),
          (error: unknown) => {
            loading = null;
            throw error;
          },
        );
      return loading;
    },
  };
}

const workshopCode = screenCode(loadWorkshop, 'WorkshopScreen');
const projectorCode = screenCode(loadProjector, 'ProjectorScreen');

/*
 * Not React.lazy: a suspended screen is revealed through React's fallback throttle, a timer, so a
 * page whose timers are held (a laptop waking from sleep, a test's paused clock) kept showing
 * "Loading…" with the code long there. The screen's own state waits for the import instead.
 */
function useScreenCode<P>(code: ScreenCode<P>): ComponentType<P> | null {
  const [screen, setScreen] = useState<ComponentType<P> | null>(() => code.loaded());
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    if (screen) return undefined;
    let live = true;
    code.load().then(
      (loadedScreen) => live && setScreen(() => loadedScreen),
      (error: unknown) => live && setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [code, screen]);
  // The screen's error boundary says what failed and offers the way back.
  if (failure) throw failure;
  return screen;
}

/** While a screen's code arrives (once per start, usually preloaded by then): what the screen itself shows while its workshop loads. */
function ScreenLoading() {
  const { t } = useTranslation();
  return <p className="screen-message muted">{t('common.loading')}</p>;
}

// The screen's component is a module's export, the same on every render: created once, not per render.
export function WorkshopScreen(props: { id: string }) {
  const screen = useScreenCode(workshopCode);
  return screen ? createElement(screen, props) : <ScreenLoading />;
}

export function ProjectorScreen(props: { id: string }) {
  const screen = useScreenCode(projectorCode);
  return screen ? createElement(screen, props) : <ScreenLoading />;
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
      loadInBackground(() => workshopCode.load());
      loadInBackground(() => projectorCode.load());
    });
  }, [ready]);
  return useCallback(() => setReady(true), []);
}
