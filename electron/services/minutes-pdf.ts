import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { printMinutesPdf, type PrintOptions } from '../../shared/minutes/pdf';
import { fontDataUrl, PRINT_FONT_FILES, printFontCss, withPrintFont } from '../../shared/minutes/print-font';

/*
 * PDF of the minutes where Electron is absent (the command line, benchmarks, tests): the print-ready
 * HTML printed by headless Chromium, the engine Electron's printToPDF uses, so both PDFs match.
 * Which Chromium: scripts/find-browser.mjs, the lookup the tests use too (CHROMIUM_PATH, else
 * Debian's headless shell, which prints fastest, else a system Chromium or Chrome, else
 * Playwright's own).
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Parts of a long PDF printed at once: one per core, at most four. */
const PRINT_PARTS = Math.min(4, availableParallelism());

let fontCss: string | undefined;

/** The print font's @font-face rules, its files read once (resources/fonts, beside the sources). */
export function printFontStyle(): string {
  fontCss ??= printFontCss(PRINT_FONT_FILES.map((file) => ({ file, url: fontDataUrl(readFileSync(new URL(`../../resources/fonts/${file.name}`, import.meta.url))) })));
  return fontCss;
}

export function chromiumPath(): string | undefined {
  return findBrowser({ prefer: 'print' })?.path;
}

export interface PdfPrinter {
  /** The minutes' HTML (from renderHtml) as one numbered PDF in Inter: tagged with an outline, a long one printed in parts at once. */
  print(html: string, options?: Partial<PrintOptions>): Promise<Uint8Array>;
  /** One document as it is: a part (`whole`: tagged, with an outline). */
  printPart(html: string, whole?: boolean): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A Chromium kept open for several PDFs (the first launch costs most of the time). */
export async function openPdfPrinter(): Promise<PdfPrinter> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new Error(`PDF needs Chromium (set CHROMIUM_PATH to a Chromium or Chrome binary): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { cause: error });
  }
  // Each part in a context of its own, so each in a renderer process of its own.
  const printPart = async (html: string, whole = false) => {
    // No JavaScript and no network: the minutes are self-contained, and a card's text is never run.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // Laid out for print from the start, not first for a screen and then again for paper (about
      // a third off a 200-page PDF). The fonts are data: URLs in the head: loaded at 'load'.
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      // Tags and the outline only for a whole document: a part's would be lost when the parts are put together.
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: whole, outline: whole }));
    } finally {
      await context.close();
    }
  };
  return {
    print: (html, options) => printMinutesPdf(withPrintFont(html, printFontStyle()), printPart, { maxParts: PRINT_PARTS, ...options }),
    printPart,
    close: () => browser.close(),
  };
}

/** One PDF from print-ready HTML. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const printer = await openPdfPrinter();
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
