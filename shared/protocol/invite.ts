import { z } from 'zod';
import type { Result } from '../model';
import { normalizeJoinSecret } from './join-secret';
import { ROOM_PATTERN } from './room';
import { DEFAULT_SIGNALING_PORT } from './signaling';

/**
 * Invites: everything a table laptop needs to join, in one line of text for the QR code and
 * for copy/paste — `plenum:join?v=1&a=<addresses>&r=<room>&s=<secret>`:
 *
 * - `v`: the invite format version (this file reads and writes 1);
 * - `a`: the host's signaling addresses (ws:// or wss:// with host and port), each
 *   `encodeURIComponent`-ed, then joined with ','; a laptop tries them in the order given;
 * - `r`: the workshop id, which is the y-webrtc room;
 * - `s`: the join secret, normalised (see join-secret.ts).
 *
 * The text holds the secret: whoever reads the QR code can join. That is the point of it.
 */

export const INVITE_VERSION = 1;
const INVITE_PREFIX = /^plenum:join\?/i;
/** A QR code holds at most ~3 kB; far longer text is not an invite and is not worth parsing. */
const INVITE_MAX_CHARS = 4000;
const ADDRESS_MAX_CHARS = 300;
const ADDRESSES_MAX = 8;

/**
 * A signaling address in one canonical form — `ws://host:port` or `wss://host:port/path` — or
 * null. Refuses other schemes, a missing host, a missing port, credentials, query and fragment:
 * invites carry nothing a signaling URL does not need. The port is read from the text because
 * `URL` drops a default one (`ws://h:80` has `port === ''`) and we require it to be explicit.
 */
export function signalingUrl(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > ADDRESS_MAX_CHARS) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  if (text.includes('?') || text.includes('#')) return null; // an empty '?' or '#' leaves no trace in URL
  const authority = /^[a-z]+:\/\/([^/?#\\]*)/i.exec(text)?.[1] ?? '';
  const port = /:(\d{1,5})$/.exec(authority)?.[1];
  if (port === undefined || Number(port) < 1 || Number(port) > 65535) return null;
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${url.hostname}:${Number(port)}${path}`;
}

const secretSchema = z
  .string()
  .refine((secret) => normalizeJoinSecret(secret).ok)
  .transform((secret) => {
    const normal = normalizeJoinSecret(secret);
    return normal.ok ? normal.value : secret;
  });

/** What an invite carries, checked; addresses and secret come out in canonical form. */
export const inviteSchema = z.object({
  addresses: z
    .array(
      z
        .string()
        .refine((address) => signalingUrl(address) !== null)
        .transform((address) => signalingUrl(address) ?? address),
    )
    .min(1)
    .max(ADDRESSES_MAX),
  room: z.string().regex(ROOM_PATTERN),
  secret: secretSchema,
});

export type Invite = z.output<typeof inviteSchema>;

/**
 * The invite as one line of text for the QR code and the clipboard. Its input comes from the
 * host's own state, so an invalid one is a programming error: throws zod's error.
 */
export function encodeInvite(invite: z.input<typeof inviteSchema>): string {
  const { addresses, room, secret } = inviteSchema.parse(invite);
  const a = addresses.map(encodeURIComponent).join(',');
  return `plenum:join?v=${INVITE_VERSION}&a=${a}&r=${encodeURIComponent(room)}&s=${secret}`;
}

/**
 * Reads an invite (scanned or pasted). `invite.version` when it is a Plenum invite of another
 * format version (its other fields may mean something else, so they are not read);
 * `invite.invalid` for anything else that is not a complete, valid version-1 invite. Unknown
 * parameters are ignored, so a later build may add one without breaking this one; a parameter
 * given twice is refused, since which one counts would be a guess.
 */
export function parseInvite(text: string): Result<Invite, 'invite.invalid' | 'invite.version'> {
  const invalid = { ok: false, error: 'invite.invalid' } as const;
  const trimmed = text.trim();
  if (trimmed.length > INVITE_MAX_CHARS || !INVITE_PREFIX.test(trimmed)) return invalid;
  const params = new Map<string, string>();
  for (const part of trimmed.replace(INVITE_PREFIX, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 1) return invalid;
    const key = part.slice(0, eq);
    if (params.has(key)) return invalid;
    params.set(key, part.slice(eq + 1));
  }
  const version = params.get('v');
  if (version === undefined || !/^\d+$/.test(version)) return invalid;
  if (Number(version) !== INVITE_VERSION) return { ok: false, error: 'invite.version' };
  // Decoded by hand, not with URLSearchParams: that would turn '+' into a space and decode the
  // whole `a` before splitting it, so an address holding an encoded ',' would break in two.
  const decode = (value: string | undefined): string | null => {
    if (value === undefined) return null;
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  };
  const addresses = (params.get('a') ?? '').split(',').map(decode);
  const room = decode(params.get('r'));
  const secret = decode(params.get('s'));
  if (addresses.includes(null) || room === null || secret === null) return invalid;
  const parsed = inviteSchema.safeParse({ addresses, room, secret });
  return parsed.success ? { ok: true, value: parsed.data } : invalid;
}

/** What a person typed into the join form, checked: where to connect and with which secret. */
export interface JoinInput {
  address: string;
  secret: string;
}

/**
 * Reads the join form: a host address as people write it — `192.168.1.5:4444`,
 * `ws://192.168.1.5:4444`, `[fe80::1]:4444` or just a hostname such as `moderator.local`
 * (then on the default port, 4444) — and the code as shown (`ABCD-EFGH-JKMN`, any case, O/I/L forgiven).
 * Returns the canonical ws URL and the normalised secret, or which field is wrong; the address
 * is checked first, as the form asks for it first.
 */
export function parseJoinInput(address: string, code: string): Result<JoinInput, 'address.invalid' | 'code.invalid'> {
  const url = typedAddress(address);
  if (url === null) return { ok: false, error: 'address.invalid' };
  const secret = normalizeJoinSecret(code);
  if (!secret.ok) return secret;
  return { ok: true, value: { address: url, secret: secret.value } };
}

function typedAddress(raw: string): string | null {
  const text = raw.trim();
  if (text.includes('://')) return signalingUrl(text);
  // A bare host: the LAN server speaks plain ws. No port given → the default one; a host that
  // ends in ':' is a typo, not a request for the default.
  const authority = /^[^/?#\\]*/.exec(text)?.[0] ?? '';
  if (authority.endsWith(':')) return null;
  const hasPort = /^(\[[^\]]*\]|[^:]*):\d+$/.test(authority);
  const withPort = hasPort ? text : `${authority}:${DEFAULT_SIGNALING_PORT}${text.slice(authority.length)}`;
  return signalingUrl(`ws://${withPort}`);
}
