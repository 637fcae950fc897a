import PDFDocument from 'pdfkit';
import type { PdfFonts } from './pdf-fonts';
import { scaleMissingGlyphWidths } from './pdfkit-patch';

/*
 * A small tagged-PDF writer on pdfkit for documents like the minutes: headings (kept with what
 * follows, bookmarked, nested by level), paragraphs of styled runs with clickable links, lists,
 * tables whose header row repeats on every page they run onto, and "Seite 3 von 12" on each page.
 * Everything drawn is in the structure tree (Document, H1–H5, P, L/LI/Lbl/LBody, Table/TR/TH/TD,
 * Link); rules, shading and page numbers are artifacts.
 *
 * Pages are kept until the end (pdfkit's bufferPages) and numbered then, "Seite 3 von 12" as one
 * text, so a reader's text extraction says it as written.
 *
 * Characters Inter lacks are drawn in the first system fallback font that has them (pdf-fonts.ts);
 * when none has, in Inter's "missing glyph" box, inside a span whose ActualText carries the real
 * text: screen readers and Acrobat read and copy that text; viewers that ignore ActualText
 * (pdf.js, poppler) show and copy the box. Nothing fails and nothing is dropped from the file.
 */

export const MM = 72 / 25.4;

export const COLOURS = { ink: '#1d232b', muted: '#5b6573', rule: '#c9d0d9', link: '#2b5fab', accent: '#1f467f', shade: '#eef2f7', done: '#2d6a3e', bar: '#d5dbe3' } as const;

const MARGINS = { top: 18 * MM, bottom: 20 * MM, left: 16 * MM, right: 16 * MM };
export const BODY_SIZE = 10.5;
/** CSS line-height 1.45 over Inter's own 1.21 em. */
const LINE_GAP = BODY_SIZE * 0.24;
const PAGE_NUMBER = { size: 8, baseline: 26 } as const;

const HEADINGS: Record<number, { size: number; before: number; after: number; color: string }> = {
  1: { size: 20, before: 0, after: 2 * MM, color: COLOURS.ink },
  2: { size: 14, before: 8 * MM, after: 3 * MM, color: COLOURS.accent },
  3: { size: 12, before: 5 * MM, after: 2 * MM, color: COLOURS.ink },
  4: { size: 10.5, before: 4 * MM, after: 1.5 * MM, color: COLOURS.ink },
  5: { size: 10, before: 3 * MM, after: 1 * MM, color: '#3a4350' },
};

export interface Run {
  text: string;
  bold?: boolean;
  color?: string;
  size?: number;
  link?: string;
}

export type Struct = PDFKit.PDFStructureElement;

export interface WriterOptions {
  fonts: PdfFonts;
  /** BCP 47, the document's /Lang. */
  language: string;
  title: string;
  author: string;
  /** The document's date (and with it its ID): fixed, the same minutes give the same bytes. */
  creationDate: Date;
  /** The footer around the numbers: "Seite {page} von {pages}" as [before page, between, after pages]. */
  pageLabel: readonly [string, string, string];
}

/** What the writer reads of pdfkit beyond its typings: the current font (fontkit underneath) and a page's resources. */
interface FontInternals {
  id: string;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
  encode(text: string): [string[], unknown];
  widthOfString(text: string, size: number): number;
  ref(): PDFKit.PDFKitReference;
  /** In thousandths of the font size. */
  ascender: number;
}
interface DocInternals {
  _font: FontInternals;
  page: { fonts: Record<string, PDFKit.PDFKitReference>; height: number; width: number };
}
interface OutlineOptions {
  fit: boolean;
  top: number;
  left: number;
  zoom: number;
}
interface OutlineNode {
  addItem(title: string, options: OutlineOptions): OutlineNode;
}

const hex = (values: readonly number[]) => values.map((value) => (value / 255).toFixed(3)).join(' ');
const MUTED_RGB = hex([0x5b, 0x65, 0x73]);
const INK_RGB = hex([0x1d, 0x23, 0x2b]);
const REGULAR = 'Inter';
const BOLD = 'Inter-Bold';

/** 40 characters of a word with more to come: after them a line may break anyway. */
const LONG_WORD_PART = /[^\s\u200b]{40}(?=[^\s\u200b])/g;

/**
 * The text with a zero-width space (Inter has it, zero wide) after every 40 characters of a
 * word: a pasted link or base64 line of a card breaks across lines. And pdfkit
 * measures a word wider than the line again from its start for every line it fills, so a card of
 * 20,000 characters without a space took 74 s, one of the 200,000 a card may hold hours, in the
 * moderator's app.
 */
export function breakableWords(text: string): string {
  return text.replace(LONG_WORD_PART, '$&\u200b');
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  readonly width: number;
  readonly left = MARGINS.left;
  private readonly bottom: number;
  private readonly internals: DocInternals;
  private readonly outline: Array<{ level: number; item: OutlineNode }> = [];
  private readonly covered: FontInternals['font'];
  /** `font`: null until first needed, false when it would not open. */
  private readonly fallbacks: Array<{ name: string; font: FontInternals['font'] | null | false }>;
  /** Pages begun so far. */
  private pages = 0;

  constructor(private readonly options: WriterOptions) {
    const documentOptions: PDFKit.PDFDocumentOptions = {
      size: 'A4',
      margins: MARGINS,
      tagged: true,
      lang: options.language,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: options.title, Author: options.author, Creator: 'Plenum', Producer: 'Plenum', CreationDate: options.creationDate },
      autoFirstPage: false,
      // Kept until the end, when the page count is known and each page gets its number.
      bufferPages: true,
    };
    // No font of its own: pdfkit would load Helvetica, which the document never uses.
    this.doc = new PDFDocument({ ...documentOptions, font: null } as unknown as PDFKit.PDFDocumentOptions);
    this.internals = this.doc as unknown as DocInternals;
    this.doc.registerFont(REGULAR, options.fonts.regular);
    this.doc.registerFont(BOLD, options.fonts.bold);
    this.fallbacks = options.fonts.fallbacks.map(({ file, face }, index) => {
      this.doc.registerFont(`Fallback-${index}`, file, face);
      return { name: `Fallback-${index}`, font: null };
    });
    this.doc.font(REGULAR);
    this.covered = this.internals._font.font;
    this.doc.on('pageAdded', () => (this.pages += 1));
    this.doc.addPage();
    this.doc.fontSize(BODY_SIZE).fillColor(COLOURS.ink);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.width = this.internals.page.width - MARGINS.left - MARGINS.right;
    this.bottom = this.internals.page.height - MARGINS.bottom;
  }

  /** The document's bytes: every page numbered, then the file closed. */
  finish(): Promise<Uint8Array> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
    });
    this.root.end();
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      doc.switchToPage(index);
      this.pageNumber(index + 1, count);
    }
    scaleMissingGlyphWidths(doc);
    doc.end();
    return done;
  }

  /**
   * "Seite 3 von 12" at the foot of the current page, centred, as a pagination artifact. Written
   * as content of its own: pdfkit's text() would take up the options of a paragraph continued
   * across the page break and could start a new page itself.
   */
  private pageNumber(page: number, pages: number): void {
    const { doc, internals } = this;
    doc.font(REGULAR);
    const font = internals._font;
    const [before, between, after] = this.options.pageLabel;
    const label = `${before}${page}${between}${pages}${after}`;
    const x = internals.page.width / 2 - font.widthOfString(label, PAGE_NUMBER.size) / 2;
    internals.page.fonts[font.id] = font.ref();
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.addContent(`q 1 0 0 -1 0 ${internals.page.height.toFixed(2)} cm BT /${font.id} ${PAGE_NUMBER.size} Tf ${MUTED_RGB} rg ${x.toFixed(2)} ${PAGE_NUMBER.baseline} Td [${glyphs(font, label)}] TJ ET Q`);
    doc.endMarkedContent();
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > MARGINS.top + 1) this.doc.addPage();
  }

  /** Vertical space, none at the top of a page. */
  space(points: number): void {
    if (this.doc.y > MARGINS.top + 1) this.doc.y += points;
  }

  /** A thin rule across the text width (an artifact), as above the closing note. */
  rule(): void {
    const { doc } = this;
    this.ensure(4 * MM);
    doc.markContent('Artifact');
    doc
      .moveTo(MARGINS.left, doc.y)
      .lineTo(MARGINS.left + this.width, doc.y)
      .lineWidth(0.2 * MM)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.endMarkedContent();
    doc.y += 2 * MM;
  }

  /** The width of a text on one line. */
  measure(text: string, size: number, bold = false): number {
    return this.doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .widthOfString(text);
  }

  private textHeight(text: string, size: number, bold: boolean, width: number): number {
    return this.doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .heightOfString(breakableWords(text), { width, lineGap: LINE_GAP });
  }

  /** A heading, kept on one page with about two lines of what follows, and a bookmark nested by level. */
  heading(level: number, text: string, parent: Struct = this.root, keep = 2 * BODY_SIZE * 1.45): void {
    const style = HEADINGS[level] ?? HEADINGS[5] ?? { size: BODY_SIZE, before: 0, after: 0, color: COLOURS.ink };
    const { doc } = this;
    this.space(style.before);
    const height = level <= 2 ? style.size * 1.3 : this.textHeight(text, style.size, true, this.width);
    this.ensure(height + style.after + keep);
    const top = doc.y;
    parent.add(
      doc.struct(`H${Math.min(level, 6)}`, {}, () => {
        this.draw([{ text, bold: true, size: style.size, color: style.color }], { x: MARGINS.left, width: this.width, lineGap: 1 });
      }),
    );
    if (level === 2) {
      doc.markContent('Artifact');
      doc
        .moveTo(MARGINS.left, doc.y + 1)
        .lineTo(MARGINS.left + this.width, doc.y + 1)
        .lineWidth(0.4 * MM)
        .strokeColor(COLOURS.link)
        .stroke();
      doc.endMarkedContent();
      doc.y += 1 * MM;
    }
    doc.y += style.after;
    while (this.outline.length > 0 && (this.outline.at(-1)?.level ?? 0) >= level) this.outline.pop();
    const holder = this.outline.at(-1)?.item ?? (doc.outline as unknown as OutlineNode);
    // Pointing at the heading itself (XYZ at its top), not at the whole page.
    const item = holder.addItem(text, { fit: false, top, left: this.internals.page.width, zoom: 0 });
    this.outline.push({ level, item });
  }

  /** A paragraph of runs (bold terms, muted notes, links). */
  para(runs: Run[], options: { size?: number; color?: string; after?: number; indent?: number; parent?: Struct; bar?: boolean } = {}): void {
    const parts = runs.filter((run) => run.text);
    if (parts.length === 0) return;
    const { doc } = this;
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    // A label on a line of its own ("Notizen:") never ends a page alone: it comes with the first line of its text.
    this.ensure(size * 1.45 * (parts.some((run) => run.text.includes('\n')) ? 2 : 1));
    const element = doc.struct('P');
    (options.parent ?? this.root).add(element);
    const top = doc.y;
    const page = this.pages;
    this.runs(element, parts, { size, color: options.color, x: MARGINS.left + indent, width: this.width - indent });
    element.end();
    // The notes' bar at the left, as the HTML has it (only where the paragraph stayed on one page).
    if (options.bar && page === this.pages) {
      doc.markContent('Artifact');
      doc
        .moveTo(MARGINS.left + 0.4 * MM, top)
        .lineTo(MARGINS.left + 0.4 * MM, doc.y)
        .lineWidth(0.8 * MM)
        .strokeColor(COLOURS.bar)
        .stroke();
      doc.endMarkedContent();
    }
    doc.x = MARGINS.left;
    doc.y += options.after ?? 2 * MM;
  }

  /** A list: each item an LI with its label (Lbl) and its runs (LBody); an item is kept on one page. */
  list(items: Run[][], options: { parent?: Struct; label?: (index: number) => string; indent?: number; size?: number } = {}): void {
    if (items.length === 0) return;
    const { doc } = this;
    const indent = options.indent ?? 6 * MM;
    const size = options.size ?? BODY_SIZE;
    const list = doc.struct('L');
    (options.parent ?? this.root).add(list);
    const lineHeight = size * 1.45;
    items.forEach((runs, index) => {
      const parts = runs.filter((run) => run.text);
      if (parts.length === 0) return;
      // Measured only near the page's end, where it matters.
      if (doc.y + 3 * lineHeight > this.bottom) {
        const height = this.textHeight(
          parts.map((run) => run.text).join(''),
          size,
          false,
          this.width - indent,
        );
        this.ensure(Math.min(height, this.bottom - MARGINS.top));
      }
      const item = doc.struct('LI');
      list.add(item);
      const y = doc.y;
      const label = options.label?.(index) ?? '•';
      item.add(doc.struct('Lbl', {}, () => this.label(label, MARGINS.left + (options.label ? 0 : 2 * MM), y, size, Boolean(options.label))));
      doc.y = y;
      const body = doc.struct('LBody');
      item.add(body);
      this.runs(body, parts, { size, x: MARGINS.left + indent, width: this.width - indent });
      body.end();
      item.end();
      doc.y += 1 * MM;
    });
    list.end();
    doc.x = MARGINS.left;
    doc.y += 2 * MM;
  }

  /**
   * A short label on one line (a list's bullet or number) as content of its own: a third of a
   * long document's texts are these, and pdfkit's text() with its line breaking costs far more.
   * `y` is the line's top, as text() takes it.
   */
  private label(text: string, x: number, y: number, size: number, bold: boolean): void {
    const { doc, internals } = this;
    doc.font(bold ? BOLD : REGULAR);
    const font = internals._font;
    internals.page.fonts[font.id] = font.ref();
    const baseline = internals.page.height - y - (font.ascender / 1000) * size;
    doc.addContent(`q 1 0 0 -1 0 ${internals.page.height.toFixed(2)} cm BT /${font.id} ${size} Tf ${INK_RGB} rg 1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm [${glyphs(font, text)}] TJ ET Q`);
  }

  /**
   * A table: the header row (TH) on top and again on every page the table runs onto, rows kept
   * whole, a rule under each row. Column widths in points, summing to the text width.
   */
  table(columns: ReadonlyArray<{ width: number; align?: 'left' | 'right' }>, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Run[]>>, options: { size?: number; scope?: 'Column' | 'Row'; headerRow?: boolean; rules?: boolean } = {}): void {
    const { doc } = this;
    const size = options.size ?? 9.5;
    const padding = { x: 2 * MM, y: 1.5 * MM };
    const withHeader = options.headerRow ?? true;
    const table = doc.struct('Table');
    this.root.add(table);
    const cellHeight = (runs: Run[], column: number, bold: boolean) =>
      this.textHeight(
        runs.map((run) => run.text).join('') || ' ',
        size,
        bold || runs.some((run) => run.bold),
        (columns[column]?.width ?? 0) - 2 * padding.x,
      ) + 2 * padding.y;
    const drawRow = (cells: ReadonlyArray<Run[]>, kind: 'TH' | 'TD' | 'artifact', rowHeight: number) => {
      const top = doc.y;
      if (kind !== 'TD') {
        doc.markContent('Artifact');
        doc.rect(MARGINS.left, top, this.width, rowHeight).fill(COLOURS.shade);
        doc.endMarkedContent();
      }
      const row = kind === 'artifact' ? null : doc.struct('TR');
      if (row) table.add(row);
      let x = MARGINS.left;
      cells.forEach((runs, column) => {
        const width = columns[column]?.width ?? 0;
        const align = columns[column]?.align ?? 'left';
        // Header cells: the header row's (scope Column), or each row's first in a table of terms (scope Row).
        const head = kind !== 'TD' || (options.scope === 'Row' && column === 0);
        const styled = head ? runs.map((run) => ({ ...run, bold: true })) : runs;
        const at = { size, x: x + padding.x, width: width - 2 * padding.x, align };
        doc.y = top + padding.y;
        if (row) {
          // pdfkit writes a TH's scope (/A << /O /Table /Scope … >>); its typings do not know the option.
          const scope: PDFKit.Mixins.StructureElementOptions & { scope: string } = { scope: kind === 'TH' ? 'Column' : 'Row' };
          const cell = head ? doc.struct('TH', scope) : doc.struct('TD');
          row.add(cell);
          this.runs(cell, styled.length > 0 ? styled : [{ text: '–' }], at);
          cell.end();
        } else {
          doc.markContent('Artifact', { type: 'Pagination' });
          this.draw(styled, at);
          doc.endMarkedContent();
        }
        x += width;
      });
      row?.end();
      if (options.rules !== false) {
        doc.markContent('Artifact');
        doc
          .moveTo(MARGINS.left, top + rowHeight)
          .lineTo(MARGINS.left + this.width, top + rowHeight)
          .lineWidth(0.2 * MM)
          .strokeColor(COLOURS.rule)
          .stroke();
        doc.endMarkedContent();
      }
      doc.x = MARGINS.left;
      doc.y = top + rowHeight;
    };
    const headerCells = header.map((text) => [{ text }]);
    const headerHeight = withHeader ? Math.max(...headerCells.map((runs, column) => cellHeight(runs, column, true))) : 0;
    rows.forEach((cells, index) => {
      const height = Math.max(...cells.map((runs, column) => cellHeight(runs, column, options.scope === 'Row' && column === 0)));
      // The header with at least the first row; later rows whole, the header repeated above them on a new page.
      if (index === 0) {
        this.ensure(headerHeight + height);
        if (withHeader) drawRow(headerCells, 'TH', headerHeight);
      } else if (doc.y + height > this.bottom) {
        doc.addPage();
        if (withHeader) drawRow(headerCells, 'artifact', headerHeight);
      }
      drawRow(cells, 'TD', height);
    });
    table.end();
    doc.x = MARGINS.left;
    doc.y += 3 * MM;
  }

  /** Widths for table columns: each column as wide as its longest line where the table has room, the rest to `stretch`. */
  columnWidths(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Run[]>>, options: { stretch: number; size?: number; minimumStretch?: number }): number[] {
    const size = options.size ?? 9.5;
    const padding = 4 * MM;
    const measure = (text: string, bold: boolean) =>
      this.doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .widthOfString(text);
    const needs = header.map((title, column) => {
      if (column === options.stretch) return { minimum: 0, wanted: 0 };
      let minimum = Math.max(0, ...title.split(/\s+/).map((word) => measure(word, true)));
      let wanted = measure(title, true);
      for (const row of rows) {
        const text = (row[column] ?? []).map((run) => run.text).join('');
        for (const line of text.split(/\r?\n/)) {
          wanted = Math.max(wanted, measure(line, false));
          for (const word of line.split(/\s+/)) minimum = Math.max(minimum, measure(word, false));
        }
      }
      return { minimum: minimum + padding, wanted: Math.max(minimum, wanted) + padding };
    });
    const stretchAtLeast = this.width * (options.minimumStretch ?? 0.3);
    const others = (pick: 'minimum' | 'wanted') => needs.reduce((sum, need) => sum + need[pick], 0);
    const room = this.width - stretchAtLeast;
    let widths: number[];
    if (others('minimum') > room) widths = needs.map((need) => (need.minimum * room) / others('minimum'));
    else {
      // Every column its longest word; then, cheapest first, its longest line (a date or a status
      // stays on one line before a long organisation's name does), as far as the room goes.
      widths = needs.map((need) => need.minimum);
      let left = room - others('minimum');
      const lifts = needs.map((need, column) => ({ column, lift: need.wanted - need.minimum })).sort((a, b) => a.lift - b.lift);
      for (const { column, lift } of lifts) {
        const given = Math.min(lift, left);
        widths[column] = (widths[column] ?? 0) + given;
        left -= given;
      }
    }
    widths[options.stretch] = this.width - widths.reduce((sum, width, column) => (column === options.stretch ? sum : sum + width), 0);
    return widths;
  }

  /** Runs as one paragraph inside `element`, each link its own Link element with its annotation. */
  runs(element: Struct, parts: Run[], options: { size: number; color?: string; x: number; width: number; align?: 'left' | 'right' }): void {
    for (const placed of this.laidOut(parts)) {
      const draw = () => this.piece(placed, options);
      element.add(placed.piece.run.link ? this.doc.struct('Link', {}, draw) : draw);
    }
  }

  /** Runs drawn outside the structure (an artifact's content, or inside a closure that already is an element). */
  private draw(parts: Run[], options: { size?: number; color?: string; x: number; width: number; lineGap?: number; align?: 'left' | 'right' }): void {
    for (const placed of this.laidOut(parts)) this.piece(placed, { size: options.size ?? BODY_SIZE, ...options });
  }

  /**
   * The pieces of `parts` line by line: a line's first piece starts at the left edge and its last
   * ends the line. pdfkit misplaces the lines of a line break inside a run that is continued (a
   * fallback font's piece after it, or a label before it): they started where the label ended,
   * or were drawn over each other. So a line break never travels inside a continued run.
   */
  private laidOut(parts: Run[]): Placed[] {
    const lines: Run[][] = [[]];
    for (const run of parts) {
      run.text.split(/\r?\n/).forEach((text, index) => {
        if (index > 0) lines.push([]);
        if (text) lines[lines.length - 1]?.push({ ...run, text });
      });
    }
    return lines.flatMap((line) => {
      // An empty line still takes a line's height, as the break it stands for did.
      const pieces = this.withFallbacks(line.length > 0 ? line : [{ ...parts[0], text: ' ' }]);
      return pieces.map((piece, index) => ({ piece, first: index === 0, last: index === pieces.length - 1 }));
    });
  }

  private piece({ piece, first, last }: Placed, options: { size: number; color?: string; x: number; width: number; lineGap?: number; align?: 'left' | 'right' }): void {
    const { doc } = this;
    const { run } = piece;
    doc
      .font(piece.font ?? (run.bold ? BOLD : REGULAR))
      .fontSize(run.size ?? options.size)
      .fillColor(run.link ? COLOURS.link : (run.color ?? options.color ?? COLOURS.ink));
    const textOptions: PDFKit.Mixins.TextOptions = {
      width: options.width,
      continued: !last,
      lineGap: options.lineGap ?? LINE_GAP,
      align: options.align ?? 'left',
      ...(run.link ? { link: run.link, underline: true } : { link: null, underline: false }),
    };
    if (piece.missing) doc.markContent('Span', { actual: run.text });
    if (first) doc.text(run.text, options.x, doc.y, textOptions);
    else doc.text(run.text, textOptions);
    if (piece.missing) doc.endMarkedContent();
  }

  /** Runs cut where Inter lacks a character: those pieces in a fallback font, or marked as missing. */
  private withFallbacks(original: Run[]): Piece[] {
    const out: Piece[] = [];
    const runs = original.map((run) => ({ ...run, text: breakableWords(run.text) }));
    for (const run of runs) {
      if (this.coveredText(run.text)) {
        out.push({ run, font: null, missing: false });
        continue;
      }
      let current: Piece | null = null;
      for (const char of run.text) {
        const font = this.fontFor(char.codePointAt(0) ?? 0);
        const missing = font === undefined;
        const name = font ?? null;
        if (current && current.font === name && current.missing === missing) current.run = { ...current.run, text: current.run.text + char };
        else {
          current = { run: { ...run, text: char }, font: name, missing };
          out.push(current);
        }
      }
    }
    return out;
  }

  private coveredText(text: string): boolean {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      // Latin (up to Latin Extended-A) is all in Inter; the loop only looks closer at anything else.
      if (code < 0x7f || (code > 0x9f && code < 0x180)) continue;
      const point = text.codePointAt(index) ?? 0;
      if (!this.covered.hasGlyphForCodePoint(point)) return false;
      if (point > 0xffff) index += 1;
    }
    return true;
  }

  /** null: Inter has it; a font name: the fallback that has it; undefined: no font here has it. */
  private fontFor(point: number): string | null | undefined {
    if (point < 0x20 || this.covered.hasGlyphForCodePoint(point)) return null;
    for (const fallback of this.fallbacks) {
      if (fallback.font === null) {
        const previous = this.internals._font;
        try {
          this.doc.font(fallback.name);
          fallback.font = this.internals._font.font;
        } catch {
          // Damaged, or a collection without the face named: this document does without it.
          fallback.font = false;
        }
        this.internals._font = previous;
      }
      if (fallback.font && fallback.font.hasGlyphForCodePoint(point)) return fallback.name;
    }
    return undefined;
  }
}

/** A piece and where it stands in its line. */
interface Placed {
  piece: Piece;
  first: boolean;
  last: boolean;
}

interface Piece {
  run: Run;
  /** A fallback font's name, or null for Inter (regular or bold as the run says). */
  font: string | null;
  /** No font here has it: drawn as Inter's missing-glyph box, the text kept as ActualText. */
  missing: boolean;
}

/** A text in a font's glyph ids, as a TJ array's strings. */
function glyphs(font: FontInternals, text: string): string {
  const [encoded] = font.encode(text);
  return encoded.map((code) => `<${code}>`).join(' ');
}
