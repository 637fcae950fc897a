/** The encodings a roster file may come in; 'auto' looks at the bytes. */
export const CSV_ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'windows-1251', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export type DetectedEncoding = Exclude<CsvEncoding, 'auto'>;

export interface DecodedCsv {
  text: string;
  encoding: DetectedEncoding;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Cyrillic letters of Windows-1251: А–я (0xC0–0xFF) and Ukrainian Ґ ґ Є є І і Ї ї, Ё ё. */
const CYRILLIC_1251 = new Set([0xa5, 0xb4, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf, 0xa8, 0xb8]);
const isCyrillic1251 = (byte: number) => byte >= 0xc0 || CYRILLIC_1251.has(byte);

/**
 * Windows-1251 or Windows-1252, for bytes that are not UTF-8. Both decode anything, so look at
 * how letters beyond ASCII sit: Cyrillic words are made of them, several in a row
 * ("Коваленко"), while German or French in 1252 has an umlaut or two between ASCII letters
 * ("Müller", "Müßig"). Mostly in runs of three or more → 1251.
 */
function guessSingleByte(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  let high = 0;
  let inLongRuns = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && isCyrillic1251(bytes[i] ?? 0)) {
      run += 1;
      continue;
    }
    high += run;
    if (run >= 3) inLongRuns += run;
    run = 0;
  }
  return high > 0 && inLongRuns / high > 0.5 ? 'windows-1251' : 'windows-1252';
}

/**
 * UTF-16 without a byte-order mark, by where its zero bytes sit. A roster's separators, line
 * breaks, digits, e-mail addresses and Latin letters have a zero high byte, so at least a fifth of
 * its code units do even in Cyrillic names; a text file in a single-byte encoding or UTF-8 holds no
 * zero bytes at all. Checked before UTF-8, which a NUL byte does not make invalid.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 16_384) & ~1;
  const units = length / 2;
  if (units < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  const mostly = (zeros: number) => zeros >= units * 0.2;
  const hardly = (zeros: number) => zeros <= units * 0.02;
  if (mostly(zeroEven) && hardly(zeroOdd)) return 'utf-16be';
  if (mostly(zeroOdd) && hardly(zeroEven)) return 'utf-16le';
  return null;
}

/** The encoding `auto` picks: a byte-order mark, else UTF-16's zero bytes, else valid UTF-8, else the single-byte guess. */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  // Excel's "Unicode text" export: UTF-16 little endian with a mark.
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const utf16 = guessUtf16(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return guessSingleByte(bytes);
  }
}

/**
 * Text of a roster file. `auto` detects the encoding (see detectEncoding); the import dialog
 * shows what it found and lets the user pick another when the names look wrong.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding = 'auto'): DecodedCsv {
  const used = encoding === 'auto' ? detectEncoding(bytes) : encoding;
  // TextDecoder drops a byte-order mark of its own encoding (ignoreBOM is false by default).
  const text = new TextDecoder(used).decode(bytes);
  return { text, encoding: used };
}
