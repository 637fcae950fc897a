import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toBase64Url } from '../../shared/base64';

// Buffer is the reference here only: shared/ itself may not use it.
const bytesOf = (length: number, seed = 7) => Uint8Array.from({ length }, (_, index) => (index * 31 + seed * 17 + (index >> 8)) & 0xff);

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256, 257])('encodes %i bytes as RFC 4648 does, and back', (length) => {
    const bytes = bytesOf(length);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(text)).toEqual(bytes);
  });

  it('encodes every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('writes the URL variant with - and _ and without padding', () => {
    // 0xfb 0xff → "+/8=" in standard base64.
    expect(toBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    for (const length of [31, 32, 33, 100]) expect(toBase64Url(bytesOf(length))).toBe(Buffer.from(bytesOf(length)).toString('base64url'));
  });

  it('encodes and decodes megabytes without overflowing the call stack', () => {
    const bytes = bytesOf(2 * 1024 * 1024 + 1);
    const text = toBase64(bytes);
    expect(text.length).toBe(Math.ceil(bytes.length / 3) * 4);
    // Compared as whole values: a diff of megabytes element by element would take minutes.
    expect(text === Buffer.from(bytes).toString('base64')).toBe(true);
    const back = fromBase64(text);
    expect(back !== null && Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(toBase64Url(bytes) === Buffer.from(bytes).toString('base64url')).toBe(true);
  });

  it('decodes what atob accepts beyond the canonical form, and refuses what it refuses', () => {
    expect(fromBase64('QUJD')).toEqual(Uint8Array.of(0x41, 0x42, 0x43));
    expect(fromBase64('QU JD')).toEqual(Uint8Array.of(0x41, 0x42, 0x43));
    expect(fromBase64('QU\nJ')).toEqual(Uint8Array.of(0x41, 0x42));
    expect(fromBase64('QUI')).toEqual(Uint8Array.of(0x41, 0x42));
    expect(fromBase64('QQ==')).toEqual(Uint8Array.of(0x41));
    expect(fromBase64('')).toEqual(new Uint8Array(0));
    for (const bad of ['Q===', 'QQ=A', '=QQA', 'QUJ\u00e4', 'QUJД', 'QU-_']) expect(fromBase64(bad)).toBeNull();
  });

  it('answers null for text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeNull();
    expect(fromBase64('a')).toBeNull();
  });
});
