import { gcm } from '@noble/ciphers/aes';
import { pbkdf2Async } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';

/**
 * Encryption of what flows through the signaling server when two laptops cannot open a WebRTC
 * connection. Same construction as y-webrtc's own (PBKDF2 over the room password, salted with
 * the room name, AES-GCM 256 with a fresh 96-bit IV per message): the server forwards bytes it
 * cannot read, exactly as it does for y-webrtc's signaling. y-webrtc does not export its crypto
 * module, hence this small copy; the key is derived once per session.
 *
 * Two backends, byte for byte the same: WebCrypto where the page has it, and the audited pure-JS
 * @noble/ciphers and @noble/hashes where it does not. A page served from `http://<LAN address>`
 * (a phone at the host's server) is no secure context, so `crypto.subtle` is missing there while
 * `crypto.getRandomValues` stays. The backend is picked when a key is derived, from what the
 * platform offers then; the key keeps it for sealing and opening.
 */
const PBKDF2_ITERATIONS = 100_000;
const KEY_BYTES = 32;
const IV_BYTES = 12;

const utf8 = (text: string) => new TextEncoder().encode(text);

type Subtle = typeof crypto.subtle;
/** WebCrypto's key type, named so that it resolves under DOM and Node typings alike. */
type WebCryptoKey = Awaited<ReturnType<Subtle['deriveKey']>>;

type KeyMaterial =
  // A non-extractable WebCrypto key: only the SubtleCrypto that made it can use it.
  | { readonly backend: 'webcrypto'; readonly subtle: Subtle; readonly key: WebCryptoKey }
  | { readonly backend: 'noble'; readonly key: Uint8Array };

declare const relayKeyBrand: unique symbol;
/** A room's relay key, from `deriveRelayKey` only: callers pass it back to seal and open, nothing else. */
export type RelayKey = KeyMaterial & { readonly [relayKeyBrand]: true };
const relayKey = (material: KeyMaterial) => material as RelayKey;

/** The AES key of a room, from its join secret (the y-webrtc password) and its name. */
export const deriveRelayKey = (secret: string, room: string): Promise<RelayKey> => deriveKey(secret, utf8(`${room}#relay`));

/**
 * The key between a room's phones and its host laptop (shared/protocol/phone-wire.ts): the same
 * construction with its own salt, so a phone's frame cannot be replayed onto the laptops' relay.
 */
export const derivePhoneKey = (secret: string, room: string): Promise<RelayKey> => deriveKey(secret, utf8(`${room}#phone`));

async function deriveKey(secret: string, salt: Uint8Array<ArrayBuffer>): Promise<RelayKey> {
  const subtle = globalThis.crypto.subtle as Subtle | undefined;
  if (!subtle) {
    // pbkdf2Async yields to the event loop every few milliseconds: a phone's page stays responsive.
    const key = await pbkdf2Async(sha256, utf8(secret), salt, { c: PBKDF2_ITERATIONS, dkLen: KEY_BYTES });
    return relayKey({ backend: 'noble', key });
  }
  const material = await subtle.importKey('raw', utf8(secret), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: KEY_BYTES * 8 },
    false,
    ['encrypt', 'decrypt'],
  );
  return relayKey({ backend: 'webcrypto', subtle, key });
}

/** IV followed by the ciphertext (with its 16-byte authentication tag, as WebCrypto and noble both append it). */
export async function sealRelayMessage(key: RelayKey, plain: Uint8Array): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher =
    key.backend === 'noble'
      ? gcm(key.key, iv).encrypt(plain)
      : new Uint8Array(await key.subtle.encrypt({ name: 'AES-GCM', iv }, key.key, plain.slice()));
  const sealed = new Uint8Array(IV_BYTES + cipher.length);
  sealed.set(iv, 0);
  sealed.set(cipher, IV_BYTES);
  return sealed;
}

/** The plain bytes, or null when the message was not sealed with this key (a wrong code, tampering). */
export async function openRelayMessage(key: RelayKey, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length <= IV_BYTES) return null;
  const iv = sealed.slice(0, IV_BYTES);
  const cipher = sealed.slice(IV_BYTES);
  try {
    if (key.backend === 'noble') return gcm(key.key, iv).decrypt(cipher);
    return new Uint8Array(await key.subtle.decrypt({ name: 'AES-GCM', iv }, key.key, cipher));
  } catch {
    return null;
  }
}
