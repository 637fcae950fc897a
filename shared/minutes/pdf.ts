import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { printParts } from './print-parts';

/*
 * The minutes' PDF, printed from the HTML by the host's Chromium (Electron's printToPDF, or
 * headless Chromium on the command line). Not exported from the package index: only the hosts
 * that print need pdf-lib.
 *
 * One document is printed whole, tagged (a structure tree for screen readers, the language) with
 * an outline of its headings and numbered by its stylesheet. Only a long one is printed in parts
 * at once (one per core) and put together here: pdf-lib keeps the pages but not the structure
 * tree or the outline, so parts are the exception, for documents where one part would take too
 * long (see SINGLE_PART_MAX_LENGTH).
 */

const PAGE_NUMBER_SIZE = 8;
const PAGE_NUMBER_COLOUR = rgb(0x5b / 255, 0x65 / 255, 0x73 / 255);
/** Points from the bottom edge to the number's baseline: the middle of the 20 mm bottom margin. */
const PAGE_NUMBER_BASELINE = 26;

/**
 * Up to this many characters of HTML body (fonts aside) the minutes are printed whole, tagged and
 * with bookmarks; longer ones in parts. Measured with headless Chromium on 2 cores under heavy
 * load (load average 12, so the absolute times are 3 to 5 times a quiet machine's; medians of 4):
 * about 210,000 characters (a third of the bench's 2,000-card workshop) took 3.6 s whole and
 * tagged against 4.3 s in two parts, so below this line one part is no slower; the whole
 * workshop (560,000) took 11.2 s whole and tagged against 7.4 s in two parts, so above it the
 * parts win clearly. The seed day (20,000) is far below.
 */
export const SINGLE_PART_MAX_LENGTH = 300_000;

/** How far printing has come: parts printed of all. */
export interface PrintProgress {
  done: number;
  total: number;
}

/** One document printed to a PDF by the host; `whole`: the complete minutes (tag it, outline it), else a part. */
export type PrintPart = (html: string, whole?: boolean) => Promise<Uint8Array>;

export interface PrintOptions {
  /** At most this many parts at once (the cores there are to print them). */
  maxParts: number;
  /** See SINGLE_PART_MAX_LENGTH. */
  singlePartMaxLength?: number;
  onProgress?: (progress: PrintProgress) => void;
}

/** Characters between <body> and </body>: what takes Chromium its time, unlike a font in the head. */
export function bodyLength(html: string): number {
  const open = html.indexOf('<body>');
  const close = html.lastIndexOf('</body>');
  return open >= 0 && close > open ? close - open : html.length;
}

/** The minutes' HTML as one numbered PDF: whole and tagged, or a long one in parts at once. */
export async function printMinutesPdf(html: string, printPart: PrintPart, { maxParts, singlePartMaxLength = SINGLE_PART_MAX_LENGTH, onProgress }: PrintOptions): Promise<Uint8Array> {
  const parts = bodyLength(html) <= singlePartMaxLength ? [] : printParts(html, { maxParts });
  if (parts.length <= 1) {
    onProgress?.({ done: 0, total: 1 });
    const pdf = await printPart(html, true);
    onProgress?.({ done: 1, total: 1 });
    return pdf;
  }
  let done = 0;
  onProgress?.({ done, total: parts.length });
  // Every part finished (and cleaned up after itself) before an error is reported.
  const printed = await Promise.allSettled(
    parts.map(async (part) => {
      const pdf = await printPart(part, false);
      done += 1;
      onProgress?.({ done, total: parts.length });
      return pdf;
    }),
  );
  const failed = printed.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return assemblePdf(
    printed.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    /<html lang="([A-Za-z-]{2,12})"/.exec(html)?.[1],
  );
}

/**
 * The parts' pages in order in one PDF (the first part's document information kept, the document
 * language set), each page numbered "3 / 12".
 */
export async function assemblePdf(parts: readonly Uint8Array[], language?: string): Promise<Uint8Array> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no PDF to assemble');
  const document = await PDFDocument.load(first, { updateMetadata: false });
  if (language) document.setLanguage(language);
  for (const part of rest) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    for (const page of await document.copyPages(source, source.getPageIndices())) document.addPage(page);
  }
  const font = await document.embedFont(StandardFonts.Helvetica);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const text = `${index + 1} / ${pages.length}`;
    const width = font.widthOfTextAtSize(text, PAGE_NUMBER_SIZE);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: PAGE_NUMBER_BASELINE, size: PAGE_NUMBER_SIZE, font, color: PAGE_NUMBER_COLOUR });
  });
  return document.save();
}
