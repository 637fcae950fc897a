import { sha256 } from '@noble/hashes/sha2';
import type { Result } from '../model';
import { toBase64Url } from '../base64';

/**
 * The join secret: what a table laptop types (or scans) to join a workshop.
 *
 * 12 characters of Crockford base32 = 60 random bits. Crockford's alphabet leaves out I, L, O
 * and U, so a code read aloud across a room or copied from a projector survives the usual
 * confusions (O/0, I/L/1), and normalisation maps those back instead of refusing them.
 *
 * The secret itself never leaves the laptop except as the y-webrtc room password (y-webrtc
 * derives an AES-GCM key from it with PBKDF2, salted with the room name). To let the host say
 * "wrong code" quickly — y-webrtc with a wrong password never connects and says nothing — the
 * laptop sends only `joinVerifier(secret)`, a one-way hash, to the host's signaling server.
 */

/** Crockford base32: digits and letters without I, L, O, U. 32 symbols, 5 bits each. */
export const JOIN_SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a secret: 12 × 5 bits = 60 bits, out of reach of guessing within a workshop. */
export const JOIN_SECRET_LENGTH = 12;

const GROUP = 4;
const VERIFIER_CONTEXT = 'plenum-join-v1|';
const SECRET_PATTERN = new RegExp(`^[${JOIN_SECRET_ALPHABET}]{${JOIN_SECRET_LENGTH}}$`);

/** A fresh secret in normalised form (12 characters, no dashes), from the platform's CSPRNG. */
export function newJoinSecret(): string {
  const bytes = new Uint8Array(JOIN_SECRET_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform: no modulo bias.
  return Array.from(bytes, (byte) => JOIN_SECRET_ALPHABET.charAt(byte & 31)).join('');
}

/**
 * The secret as typed → its normalised form: upper case, spaces and dashes removed, O read as 0,
 * I and L read as 1 (Crockford's decoding rules). Refuses anything of the wrong length or with
 * a character outside the alphabet (U included: Crockford leaves it out rather than mapping it).
 */
export function normalizeJoinSecret(raw: string): Result<string, 'code.invalid'> {
  const secret = raw
    .toUpperCase()
    // Any whitespace and any dash: people paste codes from chats that turn '-' into '‐' or '–'.
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return SECRET_PATTERN.test(secret) ? { ok: true, value: secret } : { ok: false, error: 'code.invalid' };
}

/**
 * The secret grouped for reading aloud and typing: `ABCD-EFGH-JKMN`. Accepts any form that
 * normalises; throws on a value that is not a join secret (a programming error: secrets come
 * from `newJoinSecret` or `normalizeJoinSecret`).
 */
export function formatJoinSecret(secret: string): string {
  const normal = normalizeJoinSecret(secret);
  if (!normal.ok) throw new RangeError('not a join secret');
  return normal.value.match(new RegExp(`.{${GROUP}}`, 'g'))?.join('-') ?? normal.value;
}

/**
 * What a table laptop sends to the host's signaling server so the host can check the code:
 * base64url(SHA-256(utf8('plenum-join-v1|' + normalised secret))), without padding.
 * One-way: the server (and anyone reading the LAN) learns whether two laptops hold the same
 * secret, not the secret, so it cannot decrypt the room; recovering the secret means trying
 * about 2^59 hashes. The versioned prefix keeps this hash from matching any other use of the
 * same secret. Rejects (with a RangeError) when `secret`
 * is not a join secret.
 */
export async function joinVerifier(secret: string): Promise<string> {
  const normal = normalizeJoinSecret(secret);
  if (!normal.ok) throw new RangeError('not a join secret');
  const input = new TextEncoder().encode(VERIFIER_CONTEXT + normal.value);
  // A page served from http://<LAN address> has no crypto.subtle: the same SHA-256 in pure JS there.
  const subtle = globalThis.crypto.subtle as typeof crypto.subtle | undefined;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', input)) : sha256(input);
  return toBase64Url(digest);
}
