// The app's own origin and what it serves under it: pure data, shared by the shell (electron/security.ts)
// and the app:// protocol handler (app-protocol.ts), which is plain Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'plenum';
/** Fixed forever: every user's IndexedDB lives under this origin, and changing it orphans their data. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Sent as a header with every app:// response. 'unsafe-inline' for styles only, because React writes inline
 * style attributes; ws:/wss: because LAN signaling runs on the moderator's laptop at an address known only at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

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
