/*
 * Base64 (RFC 4648) for code that runs anywhere: shared/ may not use Node's Buffer. `btoa` and
 * `atob` are globals in browsers, in Node ≥ 16 and so in Electron's main process and the CLI;
 * they work on "binary strings" (one character per byte), which this module builds in chunks:
 * spreading a large array into one String.fromCharCode call overflows the call stack (a relayed
 * Yjs update or a PDF attachment is megabytes).
 */

/** Bytes per String.fromCharCode call: far below any engine's argument limit. */
const CHUNK = 0x2000;

function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let index = 0; index < bytes.length; index += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(index, index + CHUNK)));
  return parts.join('');
}

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  return btoa(binaryString(bytes));
}

/** The URL- and filename-safe variant (`-` and `_`), without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of standard base64, or null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
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
