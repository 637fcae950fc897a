import type { RawData } from 'ws';

/**
 * Deepest JSON nesting accepted. y-webrtc nests 4 levels; JSON.parse needs about half a second for a 2 MB text
 * nested a million levels deep, so such a message is refused before parsing, or one client could stall the server.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

/** Whether JSON text nests deeper than MAX_JSON_DEPTH; counts brackets outside strings. */
export function nestsTooDeep(bytes: Buffer): boolean {
  // Fast path: with few opening brackets anywhere, strings included, it cannot nest deep. Encrypted y-webrtc
  // payloads are base64 strings without brackets, so large messages almost always end here (native indexOf).
  let opening = 0;
  for (const bracket of [OPEN_BRACKET, OPEN_BRACE]) {
    for (let at = bytes.indexOf(bracket); at !== -1 && opening <= MAX_JSON_DEPTH; at = bytes.indexOf(bracket, at + 1)) opening++;
  }
  if (opening <= MAX_JSON_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}

export function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
