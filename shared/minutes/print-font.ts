/*
 * The app's typeface (Inter) inside the minutes' HTML for the preview and for the web app's
 * printing: a PDF a browser prints then embeds Inter instead of whatever sans-serif the computer
 * has, and the preview looks like the PDF the desktop app draws in the same font
 * (electron/services/minutes-pdf.ts). Static instances (resources/fonts, made by
 * scripts/make-print-fonts.py from the variable font the app ships): Chromium prints a variable
 * font as Type 3 shapes, not as a font. The app reads the files through its bundler and passes
 * them in (as data: URLs for the print window); this module only writes the CSS.
 */

/** The subsets the minutes need: German and English (latin, latin-ext) and Ukrainian (cyrillic). */
export const PRINT_FONT_SUBSETS = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
} as const;

/** The weights the stylesheet uses: regular and bold (600 is drawn with 700). */
export const PRINT_FONT_WEIGHTS = [400, 700] as const;

export type PrintFontSubset = keyof typeof PRINT_FONT_SUBSETS;
export type PrintFontWeight = (typeof PRINT_FONT_WEIGHTS)[number];

/** A font file in resources/fonts/. */
export interface PrintFontFile {
  subset: PrintFontSubset;
  weight: PrintFontWeight;
  name: string;
}

export const PRINT_FONT_FILES: readonly PrintFontFile[] = (Object.keys(PRINT_FONT_SUBSETS) as PrintFontSubset[]).flatMap((subset) =>
  PRINT_FONT_WEIGHTS.map((weight) => ({ subset, weight, name: `inter-${subset}-${weight}.woff2` })),
);

/** A data: URL of a font file's bytes (base64). */
export function fontDataUrl(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with 100 KB of arguments overflows the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/** @font-face rules naming the files "Inter", the first family of the minutes' stylesheet. */
export function printFontCss(fonts: ReadonlyArray<{ file: PrintFontFile; url: string }>): string {
  return fonts
    .map(
      ({ file, url }) =>
        `@font-face{font-family:Inter;font-style:normal;font-weight:${file.weight};font-display:swap;src:url(${url}) format('woff2');unicode-range:${PRINT_FONT_SUBSETS[file.subset]}}`,
    )
    .join('\n');
}

/** The minutes' HTML with the fonts' CSS in its head (unchanged when there is no CSS or no head). */
export function withPrintFont(html: string, css: string): string {
  const head = html.indexOf('</head>');
  if (!css || head < 0) return html;
  return `${html.slice(0, head)}<style>${css}</style>\n${html.slice(head)}`;
}
