import type { BrowserWindowConstructorOptions, Privileges, WebPreferences } from 'electron';
import type { WindowBounds } from './services/window-state';

// The windows' options and the app scheme's privileges, in Electron's types (type-only: no runtime 'electron' import,
// so the tests read exactly what main.ts applies). The pure policies live in services/app-url.ts and content-policy.ts.

/**
 * Standard + secure gives the scheme an origin with storage and a secure context (IndexedDB, crypto.subtle);
 * supportFetchAPI lets the renderer fetch its own assets. No bypassCSP, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = { standard: true, secure: true, supportFetchAPI: true };

/**
 * Chromium switches applied before the app is ready. Data, so a test can read what is switched.
 * WebRTC on venue networks without multicast cannot resolve mDNS candidates: peers need the real local IPs.
 */
export const CHROMIUM_SWITCHES: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'disable-features', value: 'WebRtcHideLocalIpsWithMdns' },
];

// What every window is locked to, by what each part shuts out. The page reaches the host only through the preload's
// bridge (shared/host-api.ts), so it needs nothing of Node; it shows only the app, so it needs nothing from elsewhere.
/** No Node anywhere, and the preload's world kept apart from the page's. */
const NO_NODE: WebPreferences = { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false };
/** Same-origin rules, no http inside the app, no <webview>, no file dropped on the window replacing the app. */
const ONLY_THE_APP: WebPreferences = { webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false };
/** Nothing experimental; a page that opens dialogs in a loop can be stopped. */
const NOTHING_EXPERIMENTAL: WebPreferences = { experimentalFeatures: false, safeDialogs: true };

function lockedWebPreferences(preloadPath: string, spellcheck: boolean): WebPreferences {
  return { ...NO_NODE, ...ONLY_THE_APP, ...NOTHING_EXPERIMENTAL, preload: preloadPath, spellcheck };
}

/** The page's background in each theme (--bg in renderer/styles.css), so the window does not flash the other one while loading. */
export const WINDOW_BACKGROUND = { light: '#f4f5f7', dark: '#0f141b' } as const;

/**
 * The window's icon where the system takes it from the window: Linux (the taskbar of a run from
 * source or an AppImage). Windows and macOS take the executable's icon, set by electron-builder.
 */
export function windowIconPath(platform: string, appPath: string, join: (...parts: string[]) => string): string | undefined {
  return platform === 'linux' ? join(appPath, 'dist', 'renderer', 'icon.png') : undefined;
}

/**
 * Options of the moderator's window. Spellcheck is on because people type cards and minutes here
 * (macOS and Windows use the OS checker; on Linux Chromium fetches a dictionary once when online).
 * `dark`: whether the system is set to dark (nativeTheme.shouldUseDarkColors), which the page follows.
 */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, { icon, dark = false }: { icon?: string; dark?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    ...(icon ? { icon } : {}),
    minWidth: 800,
    minHeight: 560,
    title: 'Plenum',
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    show: false,
    webPreferences: lockedWebPreferences(preloadPath, true),
  };
}

/** Options of the projector window: nobody types there, so no spellcheck; dark so the room is not lit white while loading. */
export function projectorWindowOptions(preloadPath: string, bounds: WindowBounds, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    ...(icon ? { icon } : {}),
    title: 'Plenum — projector',
    backgroundColor: '#0b1020',
    autoHideMenuBar: true,
    show: false,
    webPreferences: lockedWebPreferences(preloadPath, false),
  };
}
