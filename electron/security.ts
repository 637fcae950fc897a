import type { BrowserWindowConstructorOptions, Privileges, WebPreferences } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedUrl } from './services/app-origin';
import type { WindowBounds } from './services/window-state';

// Pure data and predicates: no runtime 'electron' import, so the tests read exactly what main.ts applies.
// What the plain-Node services need too (the app's origin, its CSP, the trusted URL) lives in services/app-origin.ts.
export { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedUrl, type WindowBounds };

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

function lockedWebPreferences(preloadPath: string, spellcheck: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck,
  };
}

/**
 * Options of the moderator's window. Spellcheck is on because people type cards and minutes here
 * (macOS and Windows use the OS checker; on Linux Chromium fetches a dictionary once when online).
 */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    title: 'Plenum',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: lockedWebPreferences(preloadPath, true),
  };
}

/** Options of the projector window: nobody types there, so no spellcheck; dark so the room is not lit white while loading. */
export function projectorWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: 'Plenum — projector',
    backgroundColor: '#0b1020',
    autoHideMenuBar: true,
    show: false,
    webPreferences: lockedWebPreferences(preloadPath, false),
  };
}

/** A window may only navigate to the app's single page; its routes live in the hash, which never triggers will-navigate. */
export function isAllowedNavigation(url: string): boolean {
  if (!isTrustedUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}

/** The app's page at a hash route, e.g. `appPageUrl('/projector/abc')` → `app://plenum/index.html#/projector/abc`. */
export function appPageUrl(route = '/'): string {
  return `${APP_ORIGIN}/index.html#${route}`;
}

/** The projector page of a workshop; the id is encoded so it stays one route segment. */
export function projectorUrl(workshopId: string): string {
  return appPageUrl(`/projector/${encodeURIComponent(workshopId)}`);
}

/**
 * The address to hand to the system browser for a link the user clicked, or null when it is not a plain web link.
 * Only http(s) without credentials: anything else (file:, custom protocol handlers, javascript:) could launch local programs.
 */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (parsed.username || parsed.password || !parsed.hostname) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** Copying to the clipboard and going fullscreen for the projector; nothing else (camera, mic, location, devices…). */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/**
 * The permission policy: deny by default. When the requesting URL is known it must be the app's own,
 * so content that somehow got into a frame gains nothing.
 */
export function isPermissionAllowed(permission: string, requestingUrl?: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  return requestingUrl === undefined || isTrustedUrl(requestingUrl);
}

/**
 * What the hidden window that prints the minutes to PDF may load: its own document (a minutes.html in a
 * `plenum-pdf-*` folder under `tempDirUrl`, the file: URL of the OS temp folder) and inline data: images.
 * Nothing from the network or elsewhere on disk: the HTML carries text typed on other laptops, and should an
 * escaping bug ever let a tag through, an <img> or <iframe> must neither reach the LAN nor put a local file in the PDF.
 */
export function isPdfRequestAllowed(url: string, tempDirUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol !== 'file:' || parsed.search || parsed.host) return false;
  const base = tempDirUrl.endsWith('/') ? tempDirUrl : `${tempDirUrl}/`;
  const rest = parsed.href.startsWith(base) ? parsed.href.slice(base.length).split('#')[0] : null;
  return rest !== null && rest !== undefined && /^plenum-pdf-[A-Za-z0-9]+\/minutes\.html$/.test(rest);
}
