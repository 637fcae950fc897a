import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { PDF_FOOTER } from '../../shared/minutes';

/*
 * PDF of the minutes where Electron is absent (the command line, benchmarks, tests): the print-ready
 * HTML printed by headless Chromium, the engine Electron's printToPDF uses, so both PDFs match.
 * Debian's Chromium (or CHROMIUM_PATH) when present, Playwright's own browser otherwise.
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
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
  return {
    async print(html) {
      // No JavaScript and no network: the minutes are self-contained, and a card's text is never run.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        // Laid out for print from the start, not first for a screen and then again for paper; and
        // the minutes load nothing (no images, no fonts, no scripts), so the parsed document is
        // complete at DOMContentLoaded. Together about a third off a 200-page PDF.
        await page.emulateMedia({ media: 'print' });
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, ...PDF_FOOTER });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
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
