import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { printParts, renderHtml } from '../../shared/minutes';
import { assemblePdf } from '../../shared/minutes/pdf';
import { withPrintFont } from '../../shared/minutes/print-font';
import { chromiumPath, openPdfPrinter, printFontStyle } from '../../electron/services/minutes-pdf';
import { seedDayMinutes, seedDaySnapshot } from '../support/seed-day';

/*
 * The PDF as Chromium prints it (the CLI's path; Electron's printToPDF is the same engine),
 * opened again with pdf.js inside Chromium and every page turned into a PNG under
 * test-results/minutes-pdf/ to be looked at.
 */

const OUT = 'test-results/minutes-pdf';

/** Runs in the page (plain JavaScript, served as a module): every page of a PDF as PNG, text and size. */
const RENDER_PAGES = `
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.renderPdf = async (url) => {
  const document = await pdfjs.getDocument(url).promise;
  const out = [];
  const { info } = await document.getMetadata();
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = window.document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport }).promise;
    const content = await page.getTextContent();
    // A run ends where the font does (a Cyrillic word and its colon come from two subsets of Inter): only a line's end is a space.
    const text = content.items.map((item) => (item.str ?? '') + (item.hasEOL ? ' ' : '')).join('');
    out.push({ png: canvas.toDataURL('image/png'), text, width: page.view[2], height: page.view[3], title: info.Title ?? '' });
  }
  return out;
};
`;
const pdfs = new Map<string, Uint8Array>();
/** A web address in the first agenda item's notes: it must be a link in the PDF. */
const ADDRESS = 'https://plattform-wiederaufbau.de/ergebnisse?jahr=2023';
let partCount = 0;
let server: Server;
let base = '';

beforeAll(async () => {
  const printer = await openPdfPrinter();
  try {
    const snapshot = seedDaySnapshot();
    const [first, ...rest] = snapshot.agenda;
    if (!first) throw new Error('the seed day has no agenda');
    const withAddress = { ...snapshot, agenda: [{ ...first, notes: `${first.notes}\nErgebnisse: ${ADDRESS}.` }, ...rest] };
    for (const language of ['de', 'uk'] as const) pdfs.set(language, await printer.print(renderHtml(seedDayMinutes(language, withAddress))));
    // The German day once more, cut into every part it allows (one per table and more) and put together again.
    const parts = printParts(withPrintFont(renderHtml(seedDayMinutes('de', withAddress)), printFontStyle()), { maxParts: 10, minPartLength: 1 });
    partCount = parts.length;
    pdfs.set('de-parts', await assemblePdf(await Promise.all(parts.map((part) => printer.printPart(part))), 'de'));
  } finally {
    await printer.close();
  }
  // pdf.js loads its worker as a module: it needs an http origin, not a file: URL.
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const pdf = /^\/minutes-([\w-]+)\.pdf$/.exec(path);
    if (pdf) {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdfs.get(pdf[1] ?? ''));
    } else if (path === '/pdf.mjs' || path === '/pdf.worker.mjs') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`node_modules/pdfjs-dist/build${path}`));
    } else if (path === '/render.mjs') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(RENDER_PAGES);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>pdf</title><script type="module" src="/render.mjs"></script>');
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

interface RenderedPage {
  png: string;
  text: string;
  width: number;
  height: number;
  title: string;
}

/** Every page of one of the PDFs above, rendered by pdf.js in Chromium. */
async function renderedPages(name: string): Promise<RenderedPage[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'renderPdf' in window);
    return await page.evaluate((url) => (window as unknown as { renderPdf(url: string): Promise<RenderedPage[]> }).renderPdf(url), `${base}/minutes-${name}.pdf`);
  } finally {
    await browser.close();
  }
}

describe('the PDF minutes', () => {
  it.each(['de', 'uk'] as const)('(%s) are A4 pages that pdf.js renders, with the minutes text on them', async (language) => {
    const bytes = pdfs.get(language) ?? new Uint8Array();
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await renderedPages(language);

    mkdirSync(OUT, { recursive: true });
    pages.forEach((rendered, index) => writeFileSync(`${OUT}/seed-day-${language}-page-${index + 1}.png`, Buffer.from(rendered.png.split(',')[1] ?? '', 'base64')));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // A4 in PDF points: 595 × 842.
    for (const rendered of pages) expect([Math.round(rendered.width), Math.round(rendered.height)]).toEqual([595, 842]);
    const text = pages.map((rendered) => rendered.text).join(' ').replace(/\s+/g, ' ');
    const title = language === 'de' ? 'Protokoll: Themenkreis' : 'Протокол: Themenkreis';
    expect(text).toContain(title);
    expect(pages[0]?.title).toContain(title);
    expect(text).toContain(language === 'de' ? 'Nächste Schritte' : 'Наступні кроки');
    expect(text).toContain('Kommunale Partnerschaften');
    // A page that renders blank would still be a valid PDF: every page must carry text.
    for (const rendered of pages) expect(rendered.text.trim().length).toBeGreaterThan(20);
    // Numbered on every page: "2 / 5".
    pages.forEach((rendered, index) => expect(rendered.text).toMatch(new RegExp(`(^|\\s)${index + 1}\\s*/\\s*${pages.length}(\\s|$)`)));
  }, 120_000);

  it('say the same when printed in parts, cut between sections, and put together, and fill their pages when whole', async () => {
    // Three tables and the action items may start parts of their own.
    expect(partCount).toBeGreaterThanOrEqual(4);
    const [whole, parts] = [await renderedPages('de'), await renderedPages('de-parts')];
    const words = (pages: RenderedPage[]) =>
      pages
        .map((page) => page.text.replace(/(^|\s)\d+\s*\/\s*\d+(?=\s|$)/g, ' '))
        .join(' ')
        .split(/\s+/)
        .filter(Boolean);
    // Every word in the same order; the whole document only adds a table's header row repeated where the table runs onto the next page.
    const [partWords, wholeWords] = [words(parts), words(whole)];
    let at = 0;
    for (const word of wholeWords) if (word === partWords[at]) at += 1;
    expect(at).toBe(partWords.length);
    expect(wholeWords.length - partWords.length).toBeLessThanOrEqual(12 * whole.length);
    expect(parts[0]?.title).toBe(whole[0]?.title);
    // Each part starts a page; the whole document breaks a page only when it is full.
    expect(whole.length).toBeLessThan(parts.length);
  }, 120_000);
});

/** The PDF as pdf.js reads it, in Node: what a screen reader and a PDF viewer's sidebar get. */
async function openPdf(name: string) {
  return getDocument({ data: new Uint8Array(pdfs.get(name) ?? new Uint8Array()), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The raw PDF as text: font names and catalog entries are plain in Chromium's uncompressed dictionaries. */
const raw = (name: string) => Buffer.from(pdfs.get(name) ?? new Uint8Array()).toString('latin1');

describe('the PDF minutes for every reader', () => {
  it.each([
    // The agenda and the sections after it (the header is a list of fields, not a section).
    ['de', ['Agenda', 'Maßnahmen', 'Nächste Schritte']],
    ['uk', ['Порядок денний', 'Доручення', 'Наступні кроки']],
  ] as const)('(%s) are tagged, in the minutes language, with the sections as bookmarks', async (language, sections) => {
    const document = await openPdf(language);
    try {
      expect((await document.getMarkInfo())?.Marked).toBe(true);
      const tree = await (await document.getPage(1)).getStructTree();
      expect(tree?.children?.length ?? 0).toBeGreaterThan(0);
      expect(raw(language)).toMatch(/\/StructTreeRoot/);
      expect(raw(language)).toMatch(new RegExp(`/Lang \\(${language}\\)`));

      const outline = await document.getOutline();
      const titles = (outline ?? []).flatMap(function walk(item): string[] {
        return [item.title, ...item.items.flatMap(walk)];
      });
      for (const section of sections) expect(titles).toContain(section);
    } finally {
      await document.destroy();
    }
  }, 60_000);

  it.each(['de', 'uk'] as const)('(%s) embed Inter and make web addresses links', async (language) => {
    // Embedded (FontFile2), named Inter, and no glyphs drawn as Type 3 shapes.
    expect(raw(language)).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter/);
    expect(raw(language)).toMatch(/\/FontFile2/);
    expect(raw(language)).not.toMatch(/\/Subtype \/Type3/);
    // Inter only: no fallback font for text drawn before the fonts were loaded.
    expect(raw(language).match(/\/BaseFont \/[A-Z]{6}\+\S+/g)?.every((font) => font.includes('+Inter'))).toBe(true);
    const document = await openPdf(language);
    try {
      const links = [];
      for (let number = 1; number <= document.numPages; number += 1) {
        for (const annotation of await (await document.getPage(number)).getAnnotations()) if (annotation.subtype === 'Link') links.push(annotation.url);
      }
      expect(links).toContain(ADDRESS);
    } finally {
      await document.destroy();
    }
  }, 60_000);

  it('keep the language when a long one is printed in parts', async () => {
    const assembled = await PDFDocument.load(pdfs.get('de-parts') ?? new Uint8Array());
    expect(assembled.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('de');
  });
});
