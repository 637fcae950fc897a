/*
 * Base64 (RFC 4648) for code that runs anywhere: shared/ may not use Node's Buffer. The relay
 * carries a big workshop's state as base64 (2,000 cards: 1.2 MB of it), so both directions work
 * on bytes with a table: building a "binary string" for `btoa` (String.fromCharCode over chunks)
 * took 50 ms and more for that, the table a few. Text that is not in the canonical form (no
 * padding, whitespace) is left to `atob`, which accepts what it always accepted.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const EQUALS = 0x3d;
/** Character code → 6-bit value; 255: not in the alphabet. */
const VALUES = new Uint8Array(256).fill(255);
for (let index = 0; index < ALPHABET.length; index += 1) VALUES[ALPHABET.charCodeAt(index)] = index;
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const ascii = new TextDecoder();
const bytesOfText = new TextEncoder();

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let at = 0;
  for (let index = 0; index < whole; index += 3) {
    const triple = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number);
    out[at] = CODES[triple >> 18] as number;
    out[at + 1] = CODES[(triple >> 12) & 63] as number;
    out[at + 2] = CODES[(triple >> 6) & 63] as number;
    out[at + 3] = CODES[triple & 63] as number;
    at += 4;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const triple = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[at] = CODES[triple >> 18] as number;
    out[at + 1] = CODES[(triple >> 12) & 63] as number;
    out[at + 2] = rest === 2 ? (CODES[(triple >> 6) & 63] as number) : EQUALS;
    out[at + 3] = EQUALS;
  }
  // Only ASCII: decoded as UTF-8 it is the same text.
  return ascii.decode(out);
}

/** The URL- and filename-safe variant (`-` and `_`), without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Canonical base64 (padded, no whitespace) decoded with the table; null when a character is not base64. */
function fromCanonical(text: string): Uint8Array | null {
  const codes = bytesOfText.encode(text);
  // A non-ASCII character became several bytes: not base64.
  if (codes.length !== text.length) return null;
  const padding = codes[codes.length - 1] === EQUALS ? (codes[codes.length - 2] === EQUALS ? 2 : 1) : 0;
  const bytes = new Uint8Array((codes.length / 4) * 3 - padding);
  let at = 0;
  for (let index = 0; index < codes.length; index += 4) {
    const a = VALUES[codes[index] as number] as number;
    const b = VALUES[codes[index + 1] as number] as number;
    const last = index + 4 === codes.length;
    const c = last && padding === 2 ? 0 : (VALUES[codes[index + 2] as number] as number);
    const d = last && padding > 0 ? 0 : (VALUES[codes[index + 3] as number] as number);
    if ((a | b | c | d) > 63) return null;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[at] = triple >> 16;
    if (at + 1 < bytes.length) bytes[at + 1] = (triple >> 8) & 255;
    if (at + 2 < bytes.length) bytes[at + 2] = triple & 255;
    at += 3;
  }
  return bytes;
}

/** The bytes of standard base64, or null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const canonical = text.length % 4 === 0 ? fromCanonical(text) : null;
  return canonical ?? fromAnyBase64(text);
}

/** What `atob` accepts (whitespace, no padding), or null. */
function fromAnyBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
