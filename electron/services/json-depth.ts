import type { RawData } from 'ws';

/**
 * Deepest JSON nesting accepted. y-webrtc nests 4 levels; JSON.parse needs about half a second for a 2 MB text
 * nested a million levels deep, so such a message is refused before parsing, or one client could stall the server.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Most values (array elements, object members: counted as `[`, `{` and `,` outside strings) accepted in one message.
 * JSON.parse pays per value, not per byte: 1.9 million `[]` in 5.4 MB took ~650 ms, while a relay message of the
 * same size (one base64 string) takes a few. y-webrtc's and Plenum's messages hold tens of values (a subscribe to
 * the 64 topics a connection may hold: 64), so 1,024 leaves room and bounds one parse to about a millisecond.
 */
export const MAX_JSON_ELEMENTS = 1024;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const COMMA = 0x2c;

/** Occurrences of `byte` anywhere in `bytes`, counted up to `limit + 1` with native indexOf. */
function countUpTo(bytes: Buffer, byte: number, limit: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at !== -1 && count <= limit; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

export type JsonShape = { ok: true; elements: number } | { ok: false; reason: 'too-deep' | 'too-many-elements'; elements: number };

/**
 * Whether JSON text stays within MAX_JSON_DEPTH and MAX_JSON_ELEMENTS, judged from the raw bytes before any parse;
 * `elements` is what was counted (at most one past the limit), so a caller can charge for it.
 */
export function jsonShape(bytes: Buffer, maxDepth = MAX_JSON_DEPTH, maxElements = MAX_JSON_ELEMENTS): JsonShape {
  // Fast path: with few brackets and commas anywhere, strings included, it is within both limits. Encrypted y-webrtc
  // payloads are base64 strings without them, so large messages almost always end here (native indexOf).
  const opening = countUpTo(bytes, OPEN_BRACKET, maxDepth) + countUpTo(bytes, OPEN_BRACE, maxDepth);
  const cheap = countUpTo(bytes, OPEN_BRACKET, maxElements) + countUpTo(bytes, OPEN_BRACE, maxElements) + countUpTo(bytes, COMMA, maxElements);
  if (opening <= maxDepth && cheap <= maxElements) return { ok: true, elements: cheap };
  // Exact count outside strings; it stops at the first limit crossed, so a flood of brackets costs a few KiB of scan.
  let depth = 0;
  let elements = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > maxDepth) return { ok: false, reason: 'too-deep', elements };
      if (++elements > maxElements) return { ok: false, reason: 'too-many-elements', elements };
    } else if (byte === COMMA) {
      if (++elements > maxElements) return { ok: false, reason: 'too-many-elements', elements };
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return { ok: true, elements };
}

export function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
