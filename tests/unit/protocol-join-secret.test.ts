import { describe, expect, it } from 'vitest';
import {
  formatJoinSecret,
  JOIN_SECRET_ALPHABET,
  JOIN_SECRET_LENGTH,
  joinVerifier,
  newJoinSecret,
  normalizeJoinSecret,
} from '../../shared/protocol/join-secret';

describe('new join secrets', () => {
  it('are 12 characters of Crockford base32, without I, L, O or U', () => {
    expect(JOIN_SECRET_ALPHABET).toHaveLength(32);
    expect(JOIN_SECRET_ALPHABET).not.toMatch(/[ILOU]/);
    for (let i = 0; i < 1000; i++) expect(newJoinSecret()).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(JOIN_SECRET_LENGTH).toBe(12);
  });

  it('do not repeat over 10,000 draws and use every symbol about evenly', () => {
    const secrets = Array.from({ length: 10_000 }, newJoinSecret);
    expect(new Set(secrets).size).toBe(10_000);
    const counts = new Map<string, number>();
    for (const char of secrets.join('')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe(JOIN_SECRET_ALPHABET);
    // 120,000 symbols over 32: 3,750 expected each; ±15% is far outside chance (σ ≈ 60).
    for (const count of counts.values()) expect(Math.abs(count - 3750)).toBeLessThan(560);
  });

  it('are already in normalised form', () => {
    const secret = newJoinSecret();
    expect(normalizeJoinSecret(secret)).toEqual({ ok: true, value: secret });
  });
});

describe('normalising a typed code', () => {
  it.each([
    ['ABCD-EFGH-JKMN', 'ABCDEFGHJKMN'],
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    ['  abcd efgh jkmn  ', 'ABCDEFGHJKMN'],
    ['ab-cd-ef-gh-jk-mn', 'ABCDEFGHJKMN'],
    ['ABCD\u2013EFGH\u2010JKMN', 'ABCDEFGHJKMN'],
    ['O0o0-IiLl-1111', '000011111111'],
    ['xyz0-1234-5678', 'XYZ012345678'],
  ])('reads %j as %s', (raw, normal) => {
    expect(normalizeJoinSecret(raw)).toEqual({ ok: true, value: normal });
  });

  it.each([
    ['', 'empty'],
    ['ABCD-EFGH-JKM', 'too short'],
    ['ABCD-EFGH-JKMNP', 'too long'],
    ['ABCD-EFGH-JKMU', 'U is not in the alphabet'],
    ['ABCD-EFGH-JKM!', 'punctuation'],
    ['ABCD_EFGH_JKMN', 'underscores are not separators'],
    ['ÄBCD-EFGH-JKMN', 'a letter outside ASCII'],
  ])('refuses %j (%s)', (raw) => {
    expect(normalizeJoinSecret(raw)).toEqual({ ok: false, error: 'code.invalid' });
  });
});

describe('formatting a secret for people', () => {
  it('groups it in fours with dashes', () => {
    expect(formatJoinSecret('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });

  it('formats a typed form the same way', () => {
    expect(formatJoinSecret('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
  });

  it('round-trips: the formatted secret normalises back to itself', () => {
    const secret = newJoinSecret();
    expect(normalizeJoinSecret(formatJoinSecret(secret))).toEqual({ ok: true, value: secret });
  });

  it('throws on something that is not a secret', () => {
    expect(() => formatJoinSecret('nope')).toThrow(RangeError);
  });
});

describe('the join verifier', () => {
  it('is the base64url SHA-256 of the versioned context and the normalised secret', async () => {
    const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('plenum-join-v1|ABCDEFGHJKMN')));
    const base64url = Buffer.from(expected).toString('base64url');
    expect(await joinVerifier('ABCDEFGHJKMN')).toBe(base64url);
  });

  it('is stable and the same for every way of typing the code', async () => {
    const a = await joinVerifier('ABCD-EFGH-JKMN');
    expect(await joinVerifier('ABCDEFGHJKMN')).toBe(a);
    expect(await joinVerifier('abcd efgh jkmn')).toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs from secret to secret and never contains the secret', async () => {
    const secrets = Array.from({ length: 200 }, newJoinSecret);
    const verifiers = await Promise.all(secrets.map(joinVerifier));
    expect(new Set(verifiers).size).toBe(200);
    secrets.forEach((secret, i) => expect(verifiers[i]).not.toContain(secret));
    expect(await joinVerifier('ABCDEFGHJKMN')).not.toBe(await joinVerifier('ABCDEFGHJKMP'));
  });

  it('rejects something that is not a secret', async () => {
    await expect(joinVerifier('nope')).rejects.toThrow(RangeError);
  });
});
