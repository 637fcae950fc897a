import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, isTrustedUrl } from './app-origin';

// Serves the built renderer (dist/renderer) under app://plenum/. Plain Node: Request and Response are Node's
// fetch classes, which are also what Electron's protocol.handle passes and expects, so the tests run it as is.

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a file by its extension; unknown types are plain bytes, which nosniff keeps from running. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is not the app's or would leave `root`.
 * Each path segment is decoded once and refused if it is `.`/`..` or hides a separator (`%2f`, `%5c`), a NUL or
 * a colon (Windows drives and alternate streams), so no encoding trick climbs out. A folder means its index.html.
 */
export function resolveAppPath(url: string, root: string): string | null {
  if (!isTrustedUrl(url)) return null;
  const { pathname } = new URL(url);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\\/\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');

  const base = path.resolve(root);
  const filePath = path.resolve(base, ...segments);
  // Belt and braces: whatever the segments were, the result must sit strictly inside root.
  const relative = path.relative(base, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return filePath;
}

/** Headers of every app:// response, errors included: the CSP must hold whatever page is shown. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The files change with every build while the origin stays: never serve a stale bundle.
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * The handler for `protocol.handle('app', …)`: serves files from `root` (read-only, GET and HEAD), 404 for anything
 * missing or outside it. Traversal attempts get the same 404 as a missing file, so they learn nothing.
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const filePath = resolveAppPath(request.url, root);
    if (!filePath) return plain(404, 'Not found');
    try {
      // stat first: a folder or a device file is not served even if its name got through.
      if (!(await stat(filePath)).isFile()) return plain(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(filePath);
      return new Response(body, { status: 200, headers: appResponseHeaders(mimeTypeFor(filePath)) });
    } catch {
      return plain(404, 'Not found');
    }
  };
}
