import { readFile, realpath, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { PHONE_PAGE_PATH } from '../../shared/protocol/phone-wire';
import { mimeTypeFor } from './app-protocol';

/*
 * The participant page for phones (issue 16), served by the signaling server from a built folder
 * (`dist/participant`: index.html and assets/, written by the participant page's Vite build):
 *
 *   GET /p          → 301 to /p/
 *   GET /p/         → index.html (no-cache: a new build shows at once)
 *   GET /p/assets/N → assets/N (hashed names cached for a year, immutable)
 *
 * Nothing else: no listing, no other file of the folder. An asset's name is one path segment of
 * letters, digits, '.', '_' and '-' (what Vite writes), decoded once, so `..`, `%2e%2e`, encoded
 * slashes and absolute paths are refused before the file system is asked; the file found must
 * also really lie in the folder's assets (a symlink pointing out is refused). Every refusal is
 * the same 404, so probing learns nothing.
 *
 * The page gets a strict Content-Security-Policy: its own scripts and styles only, nothing inline,
 * and connections to its own host only (the WebSocket to this server).
 */

export interface ParticipantPageOptions {
  /** The built page: index.html and assets/. */
  dir: string;
}

const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;
/** Vite names assets `name-HASH.ext`: such a file never changes. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
/** A Host header as browsers send it: a name or IPv4 address, or a bracketed IPv6 address, and a port. */
const HOST_HEADER = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The page's policy; `host` (the request's Host header, checked) names its own WebSocket, for browsers whose 'self' leaves out ws:. */
export function participantPagePolicy(host: string | undefined): string {
  const own = host && HOST_HEADER.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self'${own}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Target = { kind: 'redirect' } | { kind: 'file'; relative: string; immutable: boolean } | null;

/** Which file of the folder a path names, or null. */
export function participantPageTarget(pathname: string): Target {
  const base = PHONE_PAGE_PATH.replace(/\/$/, '');
  if (pathname === base) return { kind: 'redirect' };
  if (pathname === PHONE_PAGE_PATH || pathname === `${PHONE_PAGE_PATH}index.html`) return { kind: 'file', relative: 'index.html', immutable: false };
  const prefix = `${PHONE_PAGE_PATH}assets/`;
  if (!pathname.startsWith(prefix)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  if (!ASSET_NAME.test(name) || name === '.' || name === '..') return null;
  return { kind: 'file', relative: path.join('assets', name), immutable: HASHED.test(name) };
}

/** Whether `pathname` is the page's to answer (everything under /p). */
export const isParticipantPagePath = (pathname: string): boolean => pathname === PHONE_PAGE_PATH.slice(0, -1) || pathname.startsWith(PHONE_PAGE_PATH);

function within(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Answers a request under /p from the built folder. Never throws; a folder that is not there answers 404 with a hint. */
export async function answerParticipantPage(options: ParticipantPageOptions, request: http.IncomingMessage, pathname: string, response: http.ServerResponse): Promise<void> {
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': participantPagePolicy(request.headers.host) };
  const notFound = () => response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const target = participantPageTarget(pathname);
  if (!target) return void notFound();
  if (target.kind === 'redirect') {
    response.writeHead(301, { ...headers, Location: PHONE_PAGE_PATH, 'Cache-Control': 'no-cache' }).end();
    return;
  }
  try {
    const root = await realpath(options.dir);
    const file = await realpath(path.join(root, target.relative));
    // A symlink (or anything else) that leads out of the folder is not served.
    if (!within(root, file) || !(await stat(file)).isFile()) return void notFound();
    const body = await readFile(file);
    response.writeHead(200, {
      ...headers,
      'Content-Type': mimeTypeFor(file),
      'Content-Length': body.length,
      'Cache-Control': target.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    notFound();
  }
}
