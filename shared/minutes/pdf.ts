import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { printParts } from './print-parts';

/*
 * The minutes' PDF: the HTML printed in parts at once by the host's Chromium (Electron's
 * printToPDF, or headless Chromium on the command line), the parts' pages put together and
 * numbered. Not exported from the package index: only the hosts that print need pdf-lib.
 */

const PAGE_NUMBER_SIZE = 8;
const PAGE_NUMBER_COLOUR = rgb(0x5b / 255, 0x65 / 255, 0x73 / 255);
/** Points from the bottom edge to the number's baseline: the middle of the 20 mm bottom margin. */
const PAGE_NUMBER_BASELINE = 26;

/** One part of the document printed to a PDF by the host. */
export type PrintPart = (html: string) => Promise<Uint8Array>;

/** The minutes' HTML as one numbered PDF, its parts printed concurrently. */
export async function printMinutesPdf(html: string, printPart: PrintPart, maxParts: number): Promise<Uint8Array> {
  const parts = printParts(html, { maxParts });
  // Every part finished (and cleaned up after itself) before an error is reported.
  const printed = await Promise.allSettled(parts.map(printPart));
  const failed = printed.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return assemblePdf(printed.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
}

/** The parts' pages in order in one PDF (the first part's document information kept), each page numbered "3 / 12". */
export async function assemblePdf(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no PDF to assemble');
  const document = await PDFDocument.load(first, { updateMetadata: false });
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
