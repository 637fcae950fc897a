import { existsSync } from 'node:fs';
import path from 'node:path';

/*
 * The fonts the minutes' PDF is drawn in: Inter, the app's typeface, as one TrueType file per
 * weight (resources/fonts/inter-pdf-{400,700}.ttf, made by scripts/make-print-fonts.py --pdf),
 * and for characters Inter lacks (an emoji, a Chinese name a participant typed) a font of the
 * system, if one is there.
 *
 * Where Inter is, the caller says: the CLI, tests and benchmarks run the sources through tsx and
 * take resources/fonts (source-fonts.ts); the app's main process is one bundle
 * (dist-electron/main.cjs) and takes the folder scripts/build-electron.mjs copies the files to,
 * dist-electron/fonts, which electron-builder packs with the bundle.
 */

export const PDF_FONT_FILES = { regular: 'inter-pdf-400.ttf', bold: 'inter-pdf-700.ttf' } as const;

export interface PdfFonts {
  regular: string;
  bold: string;
  /** System fonts to draw what Inter cannot, in order of preference; may be empty. */
  fallbacks: string[];
}

/**
 * Fonts with wide coverage that systems ship, as TrueType or OpenType files (a collection, .ttc,
 * would need a face name; colour emoji fonts hold bitmaps, no outlines a PDF can embed).
 */
const SYSTEM_FALLBACKS: Record<string, readonly string[]> = {
  linux: [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/TTF/DejaVuSans.ttf',
    '/usr/share/fonts/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    '/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  ],
  win32: ['C:\\Windows\\Fonts\\seguisym.ttf', 'C:\\Windows\\Fonts\\seguiemj.ttf', 'C:\\Windows\\Fonts\\arialuni.ttf', 'C:\\Windows\\Fonts\\simsunb.ttf'],
  darwin: ['/System/Library/Fonts/Supplemental/Arial Unicode.ttf', '/Library/Fonts/Arial Unicode.ttf', '/System/Library/Fonts/Apple Symbols.ttf'],
};

let systemFallbacks: string[] | undefined;

/** The fallback fonts this computer has (looked up once). */
export function systemFallbackFonts(): string[] {
  systemFallbacks ??= (SYSTEM_FALLBACKS[process.platform] ?? []).filter((file) => /\.(ttf|otf)$/i.test(file) && existsSync(file));
  return systemFallbacks;
}

/** Inter from `dir`, with the system's fallbacks. Throws when Inter is missing: a PDF in another font would not be ours. */
export function pdfFonts(dir: string): PdfFonts {
  const regular = path.join(dir, PDF_FONT_FILES.regular);
  const bold = path.join(dir, PDF_FONT_FILES.bold);
  for (const file of [regular, bold]) if (!existsSync(file)) throw new Error(`the PDF's font is missing: ${file}`);
  return { regular, bold, fallbacks: systemFallbackFonts() };
}
