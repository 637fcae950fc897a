// Which addresses are the app's own, and which links leave it. Pure: main.ts, the IPC router and the app://
// protocol handler apply these, and the tests read exactly what they apply.

export const APP_SCHEME = 'app';
export const APP_HOST = 'plenum';
/** Fixed forever: every user's IndexedDB lives under this origin, and changing it orphans their data. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for a URL of the app itself (app://plenum/…), without credentials or port. */
export function isTrustedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return false;
    return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && !parsed.port;
  } catch {
    return false;
  }
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
