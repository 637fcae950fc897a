/** The encodings a roster file may come in; 'auto' looks at the bytes. */
export const CSV_ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'windows-1251', 'utf-16le'] as const;
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

/** The encoding `auto` picks: a byte-order mark, else valid UTF-8, else the single-byte guess. */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  // Excel's "Unicode text" export: UTF-16 little endian with a mark.
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
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
