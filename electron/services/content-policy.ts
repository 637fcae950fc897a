import { isTrustedUrl } from './app-url';

// What the app's content may do: the policy sent with every page, the permissions it may have, and what the hidden
// window that prints the minutes may load. Pure, so the tests read exactly what main.ts and ipc.ts apply.

/**
 * Sent as a header with every app:// response. 'unsafe-inline' for styles only, because React writes inline
 * style attributes; ws:/wss: because LAN signaling runs on the moderator's laptop at an address known only at run time.
 * worker-src 'self': the backup import's worker is a file of the app (no blob: or data: workers).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

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
