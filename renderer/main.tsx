import { settingUp } from './app/early-start';
import '@fontsource-variable/inter';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { App } from './app/App';
import { ErrorBoundary } from './features/common/ErrorBoundary';
import { HostContext } from './hooks/use-host';
import { StoreContext } from './hooks/use-store';
import { detectHost } from './host';
import { initialLanguage } from './i18n';
import { localeOf } from '../shared/language-locale';
import { warmDateFormatting } from './app/warm-dates';
import { WorkshopStore } from './storage/workshop-store';
import { StorageError } from './storage/storage-error';
import { forgetDeletedWorkshops } from './app/forget-deleted';
import { reloadingForMissingChunk } from './app/chunk-reload';
import { siteStorageBlocked, StartFailed } from './app/StartFailed';
import { readStartList } from './features/home/start-list';
import { parseRoute } from './state/route';

/**
 * Start-up: the language (every message after this is translated) and the local store, loaded side by side.
 * A store that cannot open (written by a newer Plenum, storage disabled) stops here with a
 * message instead of a blank window; nothing is written to it.
 */
/**
 * How long the first render waits at most for the home list read beside the texts. It normally takes a few ms;
 * the budget only keeps a stuck store from holding the window blank, and is long enough for a loaded machine.
 */
const START_LIST_BUDGET_MS = 1500;

async function start(): Promise<void> {
  // The store opens and the home list is read while the language's texts load (a chunk of their
  // own, asked for in app/early-start.ts): none needs the other, and the first render then shows the list (features/home/start-list.ts).
  const home = parseRoute(window.location.hash).screen === 'home';
  const opening = WorkshopStore.open().then(
    (opened) => ({ opened, listed: home ? readStartList(opened, START_LIST_BUDGET_MS) : Promise.resolve() }),
    (failure: unknown) => ({ failure }),
  );
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root');
  // The texts and the store are on their way: meanwhile the main thread is free.
  try {
    warmDateFormatting(localeOf(initialLanguage()));
  } catch {
    // Only a warm-up. Site storage blocked makes initialLanguage throw: setupI18n meets the same and says so below.
  }
  try {
    await settingUp;
  } catch {
    // While the page reloads for a missing chunk, the reload brings the texts; else say so, untranslated.
    if (!reloadingForMissingChunk()) createRoot(container).render(<StartFailed reason={siteStorageBlocked() ? 'storage' : 'load'} />);
    return;
  }
  const root = createRoot(container);
  let store: WorkshopStore;
  try {
    const result = await opening;
    if ('failure' in result) throw result.failure;
    store = result.opened;
    await result.listed;
  } catch (error) {
    const code = error instanceof StorageError ? error.code : 'storage.failed';
    root.render(
      <div className="screen-message" role="alert" data-testid="store-failed">
        <h1>{i18next.t('errors.storeTitle')}</h1>
        <p>{i18next.t(`errors.${code}`)}</p>
      </div>,
    );
    return;
  }
  // After the list read, not before: the purge's read-write transaction would hold the read up until
  // it has committed. The list leaves deleted workshops out either way.
  void forgetDeletedWorkshops(store).catch(() => undefined);
  root.render(
    <StrictMode>
      <ErrorBoundary area="app" size="screen">
        <HostContext.Provider value={detectHost()}>
          <StoreContext.Provider value={store}>
            <App />
          </StoreContext.Provider>
        </HostContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
