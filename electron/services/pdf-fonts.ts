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

/** A font file; `face`: which font of a collection (.ttc), by its PostScript name. */
export interface FontFile {
  file: string;
  face?: string;
}

export interface PdfFonts {
  regular: string;
  bold: string;
  /** System fonts to draw what Inter cannot, in order of preference; may be empty. */
  fallbacks: FontFile[];
}

/**
 * Fonts with wide coverage that systems ship: symbols and emoji in outline fonts (colour emoji
 * fonts hold bitmaps a PDF cannot embed as text), then Chinese, Japanese and Korean. A wrong
 * guess costs nothing: a file that is not there is skipped, one that does not open is skipped
 * when first needed (pdf-writer.ts).
 */
const SYSTEM_FALLBACKS: Record<string, readonly FontFile[]> = {
  linux: [
    { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
    { file: '/usr/share/fonts/TTF/DejaVuSans.ttf' },
    { file: '/usr/share/fonts/dejavu/DejaVuSans.ttf' },
    { file: '/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf' },
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
    { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  ],
  win32: [
    { file: 'C:\\Windows\\Fonts\\seguisym.ttf' },
    { file: 'C:\\Windows\\Fonts\\seguiemj.ttf' },
    { file: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
    { file: 'C:\\Windows\\Fonts\\YuGothR.ttc', face: 'YuGothic-Regular' },
    { file: 'C:\\Windows\\Fonts\\malgun.ttf' },
  ],
  darwin: [
    { file: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
    { file: '/Library/Fonts/Arial Unicode.ttf' },
    { file: '/System/Library/Fonts/Apple Symbols.ttf' },
    { file: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
    { file: '/System/Library/Fonts/AppleSDGothicNeo.ttc', face: 'AppleSDGothicNeo-Regular' },
  ],
};

let systemFallbacks: FontFile[] | undefined;

/** The fallback fonts this computer has (looked up once). */
export function systemFallbackFonts(): FontFile[] {
  systemFallbacks ??= (SYSTEM_FALLBACKS[process.platform] ?? []).filter((font) => existsSync(font.file));
  return systemFallbacks;
}

/** Inter from `dir`, with the system's fallbacks. Throws when Inter is missing: a PDF in another font would not be ours. */
export function pdfFonts(dir: string): PdfFonts {
  const regular = path.join(dir, PDF_FONT_FILES.regular);
  const bold = path.join(dir, PDF_FONT_FILES.bold);
  for (const file of [regular, bold]) if (!existsSync(file)) throw new Error(`the PDF's font is missing: ${file}`);
  return { regular, bold, fallbacks: systemFallbackFonts() };
}
