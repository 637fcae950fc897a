import { availableParallelism } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { printMinutesPdf } from '../../shared/minutes/pdf';

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

export function chromiumPath(): string | undefined {
  return findBrowser({ prefer: 'print' })?.path;
}

export interface PdfPrinter {
  /** The minutes' HTML as one numbered PDF, a long one printed in parts at once. */
  print(html: string): Promise<Uint8Array>;
  /** One document as it is, unnumbered: a part. */
  printPart(html: string): Promise<Uint8Array>;
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
  const printPart = async (html: string) => {
    // No JavaScript and no network: the minutes are self-contained, and a card's text is never run.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // Laid out for print from the start, not first for a screen and then again for paper; and
      // the minutes load nothing (no images, no fonts, no scripts), so the parsed document is
      // complete at DOMContentLoaded. Together about a third off a 200-page PDF.
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    } finally {
      await context.close();
    }
  };
  return {
    print: (html) => printMinutesPdf(html, printPart, PRINT_PARTS),
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
