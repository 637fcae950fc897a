import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isId, newId } from '../../shared/model';
import { joinVerifier, newJoinSecret } from '../../shared/protocol/join-secret';
import { deriveRelayKey, openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';

/**
 * A page served from http://<LAN address> (a phone at the host's server) is no secure context:
 * `crypto.subtle` and `crypto.randomUUID` are missing there, `crypto.getRandomValues` stays. These
 * tests take them away with vi.stubGlobal and check that the pure-JS fallback speaks exactly what
 * WebCrypto speaks, both ways.
 */
const platform = globalThis.crypto;
const subtle = platform.subtle;

type Platform = Pick<Crypto, 'getRandomValues'> & { subtle?: typeof subtle; randomUUID?: () => string };

/** What a non-secure page offers: getRandomValues only. */
const insecurePage = (): Platform => ({ getRandomValues: (array) => platform.getRandomValues(array) });

/** Runs `work` on a page that offers only `page`, then gives the real crypto back. */
async function on<T>(page: Platform, work: () => Promise<T> | T): Promise<T> {
  vi.stubGlobal('crypto', page);
  try {
    return await work();
  } finally {
    vi.unstubAllGlobals();
  }
}

/** A page whose "random" IVs are 00 01 02 … 0b: fixed, for the known-answer vectors. */
const countingIvs = (withSubtle: boolean): Platform => ({
  ...(withSubtle ? { subtle } : {}),
  getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
    if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).forEach((_, i, bytes) => (bytes[i] = i));
    return array;
  },
});

/** Random bytes of any length (getRandomValues gives at most 64 KiB a call). */
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) platform.getRandomValues(bytes.subarray(at, Math.min(length, at + 65_536)));
  return bytes;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
/** Byte equality without a deep, element-by-element comparison of 200 KiB (seconds in toEqual). */
const bytesOf = (bytes: Uint8Array | null) => (bytes ? hex(bytes) : bytes);
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

const SECRET = 'K7QF2MXD9PAW';
const ROOM = 'relay-test';
const PLAIN = 'Plenum relay: ciphertext only';
// Computed with node:crypto (OpenSSL's PBKDF2 and AES-256-GCM), independent of WebCrypto's API and of
// noble: PBKDF2-SHA256(SECRET, ROOM + '#relay', 100,000, 32 bytes), IV 000102…0b, IV ‖ ciphertext ‖ tag.
const VECTOR = '000102030405060708090a0b3d07321653807e6bc73063534f7daa2363cad91109565e821f33843b8a224f714299a20efd68cdbb0fa83e8150';
const EMPTY_VECTOR = '000102030405060708090a0b945cf8f858924f4e86f6129c3c9d0f7e';

let webKey: RelayKey;
let nobleKey: RelayKey;
let wrongWebKey: RelayKey;
let wrongNobleKey: RelayKey;

beforeAll(async () => {
  [webKey, wrongWebKey] = await Promise.all([deriveRelayKey(SECRET, ROOM), deriveRelayKey('K7QF2MXD9PAX', ROOM)]);
  // One after the other: each runs on its own stubbed page.
  nobleKey = await on(insecurePage(), () => deriveRelayKey(SECRET, ROOM));
  wrongNobleKey = await on(insecurePage(), () => deriveRelayKey(SECRET, 'another-room'));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// Named, not the keys themselves: it.each reads its table before beforeAll has derived them.
const backends = ['WebCrypto', 'noble'] as const;
const keysOf = (backend: (typeof backends)[number]) =>
  backend === 'WebCrypto' ? { key: webKey, wrong: wrongWebKey, withSubtle: true } : { key: nobleKey, wrong: wrongNobleKey, withSubtle: false };

describe('relay encryption without crypto.subtle', () => {
  it('runs the pure-JS backend on a page without subtle (chosen when the key is derived, not when the module loaded), and never reaches WebCrypto there', async () => {
    const spies = (['importKey', 'deriveKey', 'deriveBits', 'encrypt', 'decrypt', 'digest'] as const).map((name) => vi.spyOn(subtle, name));
    const plain = randomBytes(1000);
    const { key, sealed, opened, verifier } = await on(insecurePage(), async () => {
      const key = await deriveRelayKey(SECRET, ROOM);
      const sealed = await sealRelayMessage(key, plain);
      return { key, sealed, opened: await openRelayMessage(key, sealed), verifier: await joinVerifier(SECRET) };
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(opened).toEqual(plain);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The key it made is the room's key: WebCrypto's key opens what it sealed.
    expect(await openRelayMessage(webKey, sealed)).toEqual(plain);
    expect(await openRelayMessage(key, await sealRelayMessage(webKey, plain))).toEqual(plain);
  });

  it('keeps WebCrypto where it exists', async () => {
    const derive = vi.spyOn(subtle, 'deriveKey');
    const encrypt = vi.spyOn(subtle, 'encrypt');
    const key = await deriveRelayKey(SECRET, ROOM);
    await sealRelayMessage(key, Uint8Array.of(1, 2, 3));
    expect(derive).toHaveBeenCalledTimes(1);
    expect(encrypt).toHaveBeenCalledTimes(1);
  });

  it.each(backends)('%s seals the known-answer vector from node:crypto, and opens it', async (backend) => {
    const { key, withSubtle } = keysOf(backend);
    const sealed = await on(countingIvs(withSubtle), () => sealRelayMessage(key, new TextEncoder().encode(PLAIN)));
    expect(hex(sealed)).toBe(VECTOR);
    expect(hex(await on(countingIvs(withSubtle), () => sealRelayMessage(key, new Uint8Array(0))))).toBe(EMPTY_VECTOR);
    expect(new TextDecoder().decode((await openRelayMessage(key, fromHex(VECTOR))) ?? undefined)).toBe(PLAIN);
    expect(await openRelayMessage(key, fromHex(EMPTY_VECTOR))).toEqual(new Uint8Array(0));
  });

  it.each([
    ['empty', 0],
    ['one byte', 1],
    ['a relayed update', 1500],
    ['200 KiB', 200 * 1024],
  ])('sealed by noble opens with WebCrypto and the other way round: %s', async (_name, length) => {
    for (let round = 0; round < 3; round++) {
      const plain = randomBytes(length);
      const byNoble = await sealRelayMessage(nobleKey, plain);
      const byWeb = await sealRelayMessage(webKey, plain);
      expect(byNoble).toHaveLength(12 + length + 16);
      expect(bytesOf(await openRelayMessage(webKey, byNoble))).toBe(hex(plain));
      expect(bytesOf(await openRelayMessage(nobleKey, byWeb))).toBe(hex(plain));
      // A fresh IV per message, whichever backend sealed it.
      expect(hex(byNoble.subarray(0, 12))).not.toBe(hex(byWeb.subarray(0, 12)));
    }
  });

  it.each(backends)('%s answers null, never throws, for a wrong key, tampering or a short message', async (backend) => {
    const { key, wrong } = keysOf(backend);
    const plain = randomBytes(300);
    for (const sealer of [webKey, nobleKey]) {
      const sealed = await sealRelayMessage(sealer, plain);
      expect(await openRelayMessage(key, sealed)).toEqual(plain);
      expect(await openRelayMessage(wrong, sealed)).toBeNull();
      for (const at of [0, 11, 12, 12 + 150, sealed.length - 1]) {
        const tampered = sealed.slice();
        tampered[at] = (tampered[at] ?? 0) ^ 0x01;
        expect(await openRelayMessage(key, tampered)).toBeNull();
      }
      expect(await openRelayMessage(key, sealed.subarray(0, sealed.length - 1))).toBeNull();
    }
    for (const length of [0, 1, 12, 13, 27]) expect(await openRelayMessage(key, randomBytes(length))).toBeNull();
  });
});

describe('the join verifier without crypto.subtle', () => {
  it('is the same digest as WebCrypto’s, both ways', async () => {
    const secrets = ['ABCDEFGHJKMN', ...Array.from({ length: 20 }, newJoinSecret)];
    const web = await Promise.all(secrets.map(joinVerifier));
    const noble = await on(insecurePage(), () => Promise.all(secrets.map(joinVerifier)));
    expect(noble).toEqual(web);
    expect(new Set(noble).size).toBe(secrets.length);
  });
});

describe('ids without crypto.randomUUID', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('are version 4 UUIDs in randomUUID’s form, valid ids, and do not repeat over 10,000', async () => {
    const randomUUID = vi.spyOn(platform, 'randomUUID');
    const ids = await on(insecurePage(), () => Array.from({ length: 10_000 }, newId));
    expect(randomUUID).not.toHaveBeenCalled();
    expect(new Set(ids).size).toBe(10_000);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
      expect(isId(id)).toBe(true);
    }
    expect(platform.randomUUID()).toMatch(UUID_V4);
  });

  it('set the version and variant bits whatever the random bytes are', async () => {
    const filled = (byte: number): Platform => ({ getRandomValues: <T extends ArrayBufferView | null>(array: T): T => (array && new Uint8Array(array.buffer).fill(byte), array) });
    expect(await on(filled(0xff), newId)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(await on(filled(0x00), newId)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('still come from randomUUID where it exists', () => {
    const randomUUID = vi.spyOn(platform, 'randomUUID');
    newId();
    expect(randomUUID).toHaveBeenCalledTimes(1);
  });
});
