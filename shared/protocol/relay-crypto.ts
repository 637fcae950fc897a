/**
 * Encryption of what flows through the signaling server when two laptops cannot open a WebRTC
 * connection. Same construction as y-webrtc's own (PBKDF2 over the room password, salted with
 * the room name, AES-GCM 256 with a fresh 96-bit IV per message): the server forwards bytes it
 * cannot read, exactly as it does for y-webrtc's signaling. y-webrtc does not export its crypto
 * module, hence this small copy; the key is derived once per session.
 */
const PBKDF2_ITERATIONS = 100_000;
const IV_BYTES = 12;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** WebCrypto's key type, named so that it resolves under DOM and Node typings alike. */
export type RelayKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

/** The AES key of a room, from its join secret (the y-webrtc password) and its name. */
export async function deriveRelayKey(secret: string, room: string): Promise<RelayKey> {
  const material = await crypto.subtle.importKey('raw', utf8(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: utf8(`${room}#relay`), iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** IV followed by the ciphertext (with its authentication tag). */
export async function sealRelayMessage(key: RelayKey, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain.slice()));
  const sealed = new Uint8Array(IV_BYTES + cipher.length);
  sealed.set(iv, 0);
  sealed.set(cipher, IV_BYTES);
  return sealed;
}

/** The plain bytes, or null when the message was not sealed with this key (a wrong code, tampering). */
export async function openRelayMessage(key: RelayKey, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length <= IV_BYTES) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, IV_BYTES) }, key, sealed.slice(IV_BYTES));
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
