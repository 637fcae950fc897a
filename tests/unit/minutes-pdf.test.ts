import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildMinutes, type Minutes } from '../../shared/minutes';
import type { WorkshopSnapshot } from '../../shared/model';
import { chromiumPath } from '../../electron/services/chromium-path';
import { renderMinutesPdf } from '../../electron/services/minutes-pdf';
import { PDF_FONT_FILES, systemFallbackFonts, type PdfFonts } from '../../electron/services/pdf-fonts';
import { loadedPdfkitShape, pdfkitPatched, pdfkitShapeProblems, withoutPdfkitPatch } from '../../electron/services/pdfkit-patch';
import { sourceFontDir } from '../../electron/services/source-fonts';
import { bigWorkshop } from '../../bench/suites/minutes';
import { SEED_DAY_PATH, seedDayMinutes, seedDaySnapshot } from '../support/seed-day';

/*
 * The PDF as the app and the CLI draw it (pdfkit, electron/services/minutes-pdf.ts), read again
 * with pdf.js: in Node for what a screen reader and a PDF viewer get, and inside Chromium, where
 * every page is turned into a PNG under test-results/minutes-pdf/ to be looked at.
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
/** Inter alone: what the PDF looks like does not depend on the fonts this machine has. */
const INTER: PdfFonts = { regular: `${sourceFontDir()}/${PDF_FONT_FILES.regular}`, bold: `${sourceFontDir()}/${PDF_FONT_FILES.bold}`, fallbacks: [] };
const minutesOf = new Map<string, Minutes>();
let server: Server;
let base = '';

function withAddress(snapshot: WorkshopSnapshot): WorkshopSnapshot {
  const [first, ...rest] = snapshot.agenda;
  if (!first) throw new Error('the seed day has no agenda');
  return { ...snapshot, agenda: [{ ...first, notes: `${first.notes}\nErgebnisse: ${ADDRESS}.` }, ...rest] };
}

beforeAll(async () => {
  for (const language of ['de', 'uk'] as const) {
    const minutes = seedDayMinutes(language, withAddress(seedDaySnapshot()));
    minutesOf.set(language, minutes);
    pdfs.set(language, await renderMinutesPdf(minutes, { fonts: INTER }));
  }
  const big = buildMinutes(bigWorkshop(), { language: 'de', timeZone: 'Europe/Berlin', now: Date.UTC(2025, 5, 14, 18) });
  minutesOf.set('big', big);
  pdfs.set('big', await renderMinutesPdf(big, { fonts: INTER }));
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
    // Numbered on every page in the minutes' language, as the DOCX footer: "Seite 2 von 5".
    const label = language === 'de' ? ['Seite', 'von'] : ['Сторінка', 'з'];
    pages.forEach((rendered, index) => expect(rendered.text).toMatch(new RegExp(`(^|\\s)${label[0]} ${index + 1} ${label[1]} ${pages.length}(\\s|$)`)));
  }, 120_000);
});

/** The PDF as pdf.js reads it, in Node: what a screen reader and a PDF viewer's sidebar get. */
async function openPdf(name: string | Uint8Array) {
  const data = typeof name === 'string' ? (pdfs.get(name) ?? new Uint8Array()) : name;
  return getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The raw PDF as text: pdfkit writes its dictionaries uncompressed (only streams are deflated). */
const raw = (name: string | Uint8Array) => Buffer.from(typeof name === 'string' ? (pdfs.get(name) ?? new Uint8Array()) : name).toString('latin1');

/** The PDF's streams inflated (page contents, where marked content and its ActualText are). */
function streams(bytes: Uint8Array): string {
  const text = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf('stream\n', at, 'latin1');
    if (start < 0) break;
    const end = text.indexOf('\nendstream', start, 'latin1');
    try {
      out.push(inflateSync(text.subarray(start + 7, end)).toString('latin1'));
    } catch {
      // A font file or another stream that is not deflated.
    }
    at = end + 10;
  }
  return out.join('\n');
}

interface PageText {
  text: string;
  /** Each text's baseline, from the page's bottom. */
  lines: Array<{ str: string; y: number }>;
}

async function pageTexts(bytes: Uint8Array): Promise<PageText[]> {
  const document = await openPdf(bytes);
  try {
    const out: PageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [{ str: item.str + (item.hasEOL ? ' ' : ''), y: item.transform[5] as number }] : []));
      out.push({ text: items.map((item) => item.str).join(''), lines: items });
    }
    return out;
  } finally {
    await document.destroy();
  }
}

/** Text without any space or line break: where a line wraps is the layout's business. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/** Every agenda title, card text, group title and action title of the minutes. */
function textsOf(minutes: Minutes): string[] {
  const boards = [...minutes.agenda.flatMap((item) => [item.results, ...item.tables.map((table) => table.board)]), minutes.further.plenary, ...minutes.further.tables.map((table) => table.board)];
  return [
    ...minutes.agenda.map((item) => item.title),
    ...boards.flatMap((board) => (board ? [...board.groups.flatMap((group) => [group.title, ...group.cards.map((card) => card.text)]), ...board.loose.map((card) => card.text)] : [])),
    ...minutes.actions.map((action) => action.title),
  ];
}

describe('the PDF minutes for every reader', () => {
  it.each([
    // The agenda and the sections after it (the header is a table of fields, not a section).
    ['de', 'de-DE', ['Agenda', 'Maßnahmen', 'Nächste Schritte']],
    ['uk', 'uk-UA', ['Порядок денний', 'Доручення', 'Наступні кроки']],
  ] as const)('(%s) are tagged, in the minutes language, with the sections as bookmarks', async (language, tag, sections) => {
    const document = await openPdf(language);
    try {
      expect((await document.getMarkInfo())?.Marked).toBe(true);
      const tree = await (await document.getPage(1)).getStructTree();
      expect(tree?.children?.length ?? 0).toBeGreaterThan(0);
      expect(raw(language)).toMatch(/\/StructTreeRoot/);
      // The DOCX's language tag: spelling and hyphenation in the right variant.
      expect(raw(language)).toMatch(new RegExp(`/Lang \\(${tag}\\)`));

      const outline = await document.getOutline();
      const titles = (outline ?? []).flatMap(function walk(item): string[] {
        return [item.title, ...item.items.flatMap(walk)];
      });
      for (const section of sections) expect(titles).toContain(section);

      // What a screen reader is told the blocks are: headings by level, paragraphs, lists, the tables with their header cells, the link.
      const roles = new Set<string>();
      for (let number = 1; number <= document.numPages; number += 1) {
        const walk = (node: { role?: string; children?: unknown[] } | null) => {
          if (node?.role) roles.add(node.role);
          for (const child of node?.children ?? []) walk(child as { role?: string; children?: unknown[] });
        };
        walk(await (await document.getPage(number)).getStructTree());
      }
      for (const role of ['Document', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Link']) expect([...roles]).toContain(role);
    } finally {
      await document.destroy();
    }
  }, 60_000);

  it.each(['de', 'uk'] as const)('(%s) embed Inter and make web addresses links', async (language) => {
    // Embedded (FontFile2), named Inter, and no glyphs drawn as Type 3 shapes.
    expect(raw(language)).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter/);
    expect(raw(language)).toMatch(/\/FontFile2/);
    expect(raw(language)).not.toMatch(/\/Subtype \/Type3/);
    // Inter only: no other font, embedded or not.
    expect(raw(language).match(/\/BaseFont \/\S+/g)?.every((font) => /^\/BaseFont \/[A-Z]{6}\+Inter-/.test(font))).toBe(true);
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

  it.each(['de', 'uk', 'big'] as const)('(%s) carry every agenda title, card, group and action item of the minutes', async (name) => {
    const minutes = minutesOf.get(name);
    if (!minutes) throw new Error(name);
    // Pages joined without their numbers: a card that runs onto the next page has the footer in between.
    const text = squeezed((await pageTexts(pdfs.get(name) ?? new Uint8Array())).map((page) => page.text.replace(/(Seite|Сторінка) \d+ (von|з) \d+/g, '')).join(''));
    const expected = textsOf(minutes);
    expect(expected.length).toBeGreaterThan(name === 'big' ? 2000 : 30);
    const missing = expected.filter((entry) => !text.includes(squeezed(entry)));
    expect(missing).toEqual([]);
  }, 120_000);

  it('fill their pages (no page of its own for each table) and repeat the action table\'s header on every page it runs onto', async () => {
    const pages = await pageTexts(pdfs.get('big') ?? new Uint8Array());
    // Every page but the last ends within a few lines of the bottom margin (20 mm, 57 pt; a heading takes what follows along): the page number at 26 pt aside.
    pages.slice(0, -1).forEach((page, index) => {
      const lowest = Math.min(...page.lines.filter((line) => line.y > 40 && line.str.trim()).map((line) => line.y));
      expect(lowest, `page ${index + 1}: ${page.text.slice(-200)}`).toBeLessThan(57 + 160);
    });
    const header = squeezed('Nr. Was Wer Organisation Bis wann Status');
    const first = pages.findIndex((page) => squeezed(page.text).includes(header));
    const last = pages.findIndex((page) => squeezed(page.text).includes('Maßnahme200:'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    for (let index = first; index <= last; index += 1) expect(squeezed(pages[index]?.text ?? ''), `page ${index + 1}`).toContain(header);
    // Tagged once: the repeated rows are artifacts, a screen reader reads the header once.
    const document = await openPdf('big');
    try {
      let headerCells = 0;
      for (let number = first + 1; number <= last + 1; number += 1) {
        // pdf.js gives each page the whole table's tree: a cell counts on the page that holds its content.
        const walk = (node: { role?: string; type?: string; children?: unknown[] } | null) => {
          if (node?.role === 'TH' && node.children?.some((child) => (child as { type?: string }).type === 'content')) headerCells += 1;
          for (const child of node?.children ?? []) walk(child as { role?: string; children?: unknown[] });
        };
        walk(await (await document.getPage(number)).getStructTree());
      }
      expect(headerCells).toBe(6);
    } finally {
      await document.destroy();
    }
  }, 120_000);

  it('come out the same for the same minutes, byte for byte, with or without the pdfkit patch', async () => {
    const minutes = minutesOf.get('de');
    if (!minutes) throw new Error('de');
    expect(pdfkitPatched()).toBe(true);
    const again = await renderMinutesPdf(minutes, { fonts: INTER });
    expect(Buffer.from(again).equals(Buffer.from(pdfs.get('de') ?? new Uint8Array()))).toBe(true);
    const unpatched = await withoutPdfkitPatch(() => renderMinutesPdf(minutes, { fonts: INTER }));
    expect(pdfkitPatched()).toBe(true);
    expect(Buffer.from(unpatched).equals(Buffer.from(again))).toBe(true);
    // The document's date is when the minutes were written, unless the caller fixes another.
    expect(raw(again)).toContain(`(D:${new Date(minutes.generatedAt).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`);
    const dated = await renderMinutesPdf(minutes, { fonts: INTER, creationDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
    expect(raw(dated)).toContain('(D:20240102030405Z)');
  }, 60_000);

  it('are made on a pdfkit the allocation patch fits, and the patch notices when an update changes what it replaces', async () => {
    // The pdfkit installed, as it is when no patch is applied: nothing the patch does not expect.
    await withoutPdfkitPatch(async () => expect(pdfkitShapeProblems(loadedPdfkitShape())).toEqual([]));
    const shipped = await withoutPdfkitPatch(async () => loadedPdfkitShape());
    // What an update could change: the patch refuses (pdfkit-patch.ts throws at load with these), it does not quietly stop working.
    expect(pdfkitShapeProblems({ ...shipped, write: function write(chunk: unknown) { return new TextEncoder().encode(String(chunk)); } })).toEqual(['PDFReference.write no longer converts strings itself']);
    expect(pdfkitShapeProblems({ ...shipped, finalize: undefined })).toEqual(['PDFReference.finalize is gone']);
    expect(pdfkitShapeProblems({ ...shipped, reference: { ...(shipped.reference as object), buffer: null } })).toEqual(['PDFReference.buffer is no longer an array']);
    expect(pdfkitShapeProblems({ ...shipped, document: {} })).toEqual(['PDFDocument._offset is gone']);
  });

  it('break a card of the largest size without a space across lines, in seconds (pdfkit alone takes hours: each line measures the rest of the word again)', async () => {
    const snapshot = seedDaySnapshot();
    const [card, ...cards] = snapshot.cards;
    if (!card) throw new Error('the seed day has no card');
    // A pasted base64 line: 200,000 characters (LIMITS.cardTextMax) and no space.
    const word = Array.from({ length: 200_000 }, (_, index) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(index * 7919) % 64]).join('');
    const minutes = seedDayMinutes('de', { ...snapshot, cards: [{ ...card, text: word }, ...cards] });
    const pdf = await renderMinutesPdf(minutes, { fonts: INTER });
    const text = squeezed((await pageTexts(pdf)).map((page) => page.text).join('')).replace(/\u200b/g, '');
    expect(text).toContain(word.slice(0, 40));
    expect(text).toContain(word.slice(-40));
  }, 60_000);

  it("keep a note's lines in order at the left edge when a line holds what Inter cannot draw (they were drawn over each other)", async () => {
    const snapshot = seedDaySnapshot();
    const agenda = snapshot.agenda.map((item, index) => (index === 0 ? { ...item, notes: 'eins zwei drei\n😀 vier fünf\n\nsechs 和平', summary: 'Kaffee war gut.\nАле 🍪 закінчилося' } : item));
    const minutes = seedDayMinutes('de', { ...snapshot, agenda });
    // With and without a fallback font: a fallback's piece and a missing glyph's box both cut the run.
    for (const fallbacks of [systemFallbackFonts(), []]) {
      const document = await openPdf(await renderMinutesPdf(minutes, { fonts: { ...INTER, fallbacks } }));
      try {
        const items: Array<{ str: string; x: number; y: number; page: number }> = [];
        for (let number = 1; number <= document.numPages; number += 1) {
          const content = await (await document.getPage(number)).getTextContent();
          for (const item of content.items) if ('str' in item && item.str.trim()) items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, page: number });
        }
        const find = (text: string) => {
          const found = items.find((item) => item.str.includes(text));
          if (!found) throw new Error(`"${text}" not in the PDF (fallbacks: ${fallbacks.length})`);
          return found;
        };
        for (const [label, lines] of [
          ['Notizen:', ['eins zwei drei', 'vier fünf', 'sechs']],
          ['Zusammenfassung:', ['Kaffee war gut.', 'закінчилося']],
        ] as const) {
          const head = find(label);
          let above = head;
          for (const line of lines) {
            const at = find(line);
            // Each line below the one before (a PDF's y grows upwards), none on the same baseline.
            expect(at.page > above.page || at.y < above.y - 5, `${line} below ${above.str}`).toBe(true);
            above = at;
          }
          // A line's first text starts at the paragraph's left edge, not where the label ended.
          expect(Math.abs(find(lines[0]).x - head.x), `${lines[0]} at the left edge`).toBeLessThan(1);
        }
      } finally {
        await document.destroy();
      }
    }
  }, 60_000);

  it('keep what Inter cannot draw: a system font draws it if there is one, else a box that reads as the text', async () => {
    const snapshot = seedDaySnapshot();
    const [card, ...cards] = snapshot.cards;
    if (!card) throw new Error('the seed day has no card');
    const odd = 'Grüße 😀 und 和平 ✓';
    const minutes = seedDayMinutes('de', { ...snapshot, cards: [{ ...card, text: odd }, ...cards] });

    // No fallback font that opens (a file that is no font, a collection without the face named):
    // nothing crashes, the Latin text is there, the rest is marked with its real text.
    const broken = [{ file: SEED_DAY_PATH }, { file: `${sourceFontDir()}/${PDF_FONT_FILES.regular}`, face: 'NoSuchFace' }];
    const bare = await renderMinutesPdf(minutes, { fonts: { ...INTER, fallbacks: broken } });
    expect(squeezed((await pageTexts(bare)).map((page) => page.text).join(''))).toContain('Grüße');
    const content = streams(bare);
    // The box's width as declared to readers is the one it was laid out with (Inter's box: 1,344 of
    // 2,048 units, 656.25 thousandths of an em), or two boxes in a row ("和平") run into the next word.
    const declared = [...raw(bare).matchAll(/\/CIDFontType2\s+\/BaseFont \/[A-Z]{6}\+(Inter-\w+)[^]*?\/W \[0 \[([\d.]+)/g)].map((match) => [match[1], Number(match[2])]);
    expect(declared.sort()).toEqual([
      ['Inter-Bold', 656.25],
      ['Inter-Regular', 656.25],
    ]);
    for (const text of ['😀', '和平', '✓']) {
      const utf16 = `\u00fe\u00ff${Buffer.from(text, 'utf16le').swap16().toString('latin1')}`;
      const escaped = utf16.replace(/[\\()]/g, (char) => `\\${char}`);
      expect(content.includes(`/ActualText (${escaped})`), text).toBe(true);
    }

    // With this machine's fallback fonts (DejaVu Sans on Debian): drawn in it, embedded, and read as the text.
    const fallbacks = systemFallbackFonts();
    if (fallbacks.length === 0) return;
    const drawn = await renderMinutesPdf(minutes, { fonts: { ...INTER, fallbacks } });
    expect(raw(drawn)).toMatch(/\/BaseFont \/[A-Z]{6}\+(?!Inter)\S+/);
    expect(squeezed((await pageTexts(drawn)).map((page) => page.text).join(''))).toContain('😀');
  }, 60_000);
});
