import {
  AlignmentType,
  LineRuleType,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IContext,
  type IPropertiesOptions,
  type IRunOptions,
  type ISectionOptions,
  type IXmlableObject,
} from 'docx';
import type { Language } from '../model';
import { documentT } from '../i18n/documents';
import { DOCUMENT_LANGUAGE } from './format';

/*
 * The DOCX minutes' page and document settings, apart from their content (docx.ts): the language
 * Word checks spelling in, spacing, the footer's page numbers, the document properties, and
 * tables whose columns fit what they hold.
 */

/** Word's language tags: a recipient's spelling check runs in the minutes' language. */
export const DOCX_LANGUAGE: Record<Language, string> = DOCUMENT_LANGUAGE;

/** A4 in twips, 2 cm margins at the sides (a five- or six-column table needs the width), 2.2 cm top and bottom. */
const PAGE = { width: 11_906, height: 16_838 } as const;
const MARGIN = { top: 1_247, bottom: 1_247, left: 1_134, right: 1_134, footer: 567 } as const;
/** The width a table may fill: the page between its margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const FONT = 'Calibri';
/** Half-points: 10.5 pt. */
const FONT_SIZE = 21;
const MUTED = '5B6573';

/** Spacing in twips: paragraphs apart, headings further from what came before than from what follows. */
const SPACING = { paragraph: 100, line: 276, headingBefore: 280, headingAfter: 100 } as const;

/**
 * "Seite 3 von 12" with the numbers as Word fields (PAGE, NUMPAGES), so they are right after the
 * recipient edits the document.
 */
function pageFooter(language: Language): Footer {
  const template = documentT(language)('minutesFormat.pageOf', { page: '\u0000page\u0000', pages: '\u0000pages\u0000' });
  const children = template
    .split('\u0000')
    .filter(Boolean)
    .map((piece) =>
      piece === 'page' ? PageNumber.CURRENT : piece === 'pages' ? PageNumber.TOTAL_PAGES : piece,
    );
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: 16, color: MUTED })] })],
  });
}

export interface DocxDocumentInput {
  language: Language;
  title: string;
  /** Who the document properties name as its author: the workshop's moderator, else the app. */
  author: string;
  children: ISectionOptions['children'];
}

/** The options of the minutes' `Document`: properties, styles in the minutes' language, one A4 section with numbered pages. */
export function docxDocumentOptions({ language, title, author, children }: DocxDocumentInput): IPropertiesOptions {
  const lang = { value: DOCX_LANGUAGE[language] };
  const heading = (size: number, color = '1F467F') => ({
    run: { font: FONT, size, bold: true, color, language: lang },
    paragraph: { spacing: { before: SPACING.headingBefore, after: SPACING.headingAfter }, keepNext: true, keepLines: true },
  });
  const creator = author.trim() || 'Plenum';
  return {
    title,
    creator,
    lastModifiedBy: creator,
    description: title,
    // Long German compounds in the narrow columns of the action items ("Versicherungsverband")
    // were broken at any letter; with the paragraphs' language set, Word and LibreOffice hyphenate them.
    hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: FONT_SIZE, language: lang }, paragraph: { spacing: { after: SPACING.paragraph, line: SPACING.line, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1D232B', language: lang }, paragraph: { spacing: { after: 200 } } },
        heading1: heading(28),
        heading2: heading(24, '1D232B'),
        heading3: heading(FONT_SIZE, '1D232B'),
        listParagraph: { paragraph: { spacing: { after: 60 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: { default: pageFooter(language) },
        children,
      },
    ],
  };
}

/**
 * A run of a person's or an organisation's name. Auto-hyphenation (on for the document, see above)
 * broke names at line ends ("Olena Kovalen-ko", "Ukrainische Handels-kammer"); text in no
 * language (zxx) is never hyphenated, by LibreOffice nor Word, and a name is no word to check the
 * spelling of either.
 */
export const NAME_RUN = { language: { value: 'zxx' }, noProof: true } as const satisfies Pick<IRunOptions, 'language' | 'noProof'>;

/** What comes after w:suppressAutoHyphens in a paragraph's properties (CT_PPrBase's order, which Word holds to). */
const AFTER_SUPPRESS_AUTO_HYPHENS = new Set(['w:kinsoku', 'w:wordWrap', 'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd', 'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange']);

const keyOf = (node: unknown) => (typeof node === 'object' && node !== null ? Object.keys(node)[0] : undefined);

/**
 * A paragraph Word and LibreOffice do not hyphenate (Word's "Don't hyphenate", w:suppressAutoHyphens):
 * for paragraphs of names (the action items' owners, the lists of who was there). The docx package
 * has no option for it, so the element is put into the paragraph's properties as they are written.
 */
export class UnhyphenatedParagraph extends Paragraph {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children: unknown = xml?.['w:p'];
    if (!Array.isArray(children)) return xml;
    const suppress = { 'w:suppressAutoHyphens': {} };
    const propertiesAt = children.findIndex((child) => keyOf(child) === 'w:pPr');
    if (propertiesAt < 0) {
      // The properties are the paragraph's first child (after its attributes, if it has any).
      const at = keyOf(children[0]) === '_attr' ? 1 : 0;
      children.splice(at, 0, { 'w:pPr': [suppress] });
      return xml;
    }
    const properties: unknown = (children[propertiesAt] as Record<string, unknown>)['w:pPr'];
    if (!Array.isArray(properties)) return xml;
    const before = properties.findIndex((child) => AFTER_SUPPRESS_AUTO_HYPHENS.has(keyOf(child) ?? ''));
    properties.splice(before < 0 ? properties.length : before, 0, suppress);
    return xml;
  }
}

/** Tables in 9 pt (half-points), as in the HTML: the rows stay short. */
const TABLE_FONT_SIZE = 18;
/**
 * Twips a character of 9 pt text takes: Calibri's average is about 0.48 em (86 twips); a reader
 * without Calibri or Carlito falls back to a wider font (DejaVu Sans: 0.64 em for digits), so a
 * column gets the wider measure while the table still fits. A bold one a bit more; and a cell's
 * left and right padding (Word's default 0.19 cm each).
 */
const CHAR = { calibri: 95, wide: 118 } as const;
const BOLD_EXTRA = 10;
const CELL_PADDING = 2 * 108;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => [...word].length));
const longestLine = (text: string) => Math.max(0, ...text.split(/\r?\n/).map((line) => [...line].length));

interface ColumnNeed {
  /** The longest word whole. */
  minimum: number;
  /** The longest line whole. */
  wanted: number;
}

/**
 * The characters of a word a column of hyphenated text needs whole: a longer one is broken at a
 * syllable (auto-hyphenation), so the column's minimum need not hold "Kriegsrisikoversicherung:".
 */
const HYPHENATED_PIECE = 18;

function columnNeeds(header: readonly string[], rows: readonly (readonly string[])[], char: number, names: readonly number[]): ColumnNeed[] {
  return header.map((title, column) => {
    const cells = rows.map((row) => row[column] ?? '');
    // Only when the table has columns of names, which are not hyphenated and need the room.
    const word = (text: string) => (names.length > 0 && !names.includes(column) ? Math.min(longestWord(text), HYPHENATED_PIECE) : longestWord(text));
    const minimum = Math.max(longestWord(title) * (char + BOLD_EXTRA), ...cells.map((text) => word(text) * char)) + CELL_PADDING;
    const wanted = Math.max(longestLine(title) * (char + BOLD_EXTRA), ...cells.map((text) => longestLine(text) * char)) + CELL_PADDING;
    return { minimum, wanted: Math.max(minimum, wanted) };
  });
}

const sumOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

/**
 * Column widths (twips, summing to `total`) for a table of text: every column at least as wide as
 * its longest word in Calibri (a header's too), so no word breaks in the middle; then, cheapest
 * first, as wide as that word in a wider fallback font (a short date column costs little and keeps
 * "19.01.2024" whole in LibreOffice without Calibri), the columns of `names` before any other; the
 * room left shared by how much more each column's longest line would take. Only when the longest
 * words alone do not fit are the widest columns cut, to one width, down to what fits: a date or a
 * status keeps its room, and only the words too long for any column (an unbroken name) break. In a table with columns of names (never
 * hyphenated), the other columns' words are hyphenated: there a word counts up to HYPHENATED_PIECE
 * characters, so the names and dates get their room first.
 */
export function contentColumnWidths(header: readonly string[], rows: readonly (readonly string[])[], total = TEXT_WIDTH, names: readonly number[] = []): number[] {
  const narrow = columnNeeds(header, rows, CHAR.calibri, names);
  const wide = columnNeeds(header, rows, CHAR.wide, names);
  const minimumSum = sumOf(narrow.map((column) => column.minimum));
  if (minimumSum >= total) return fitSum(capped(narrow.map((column) => column.minimum), total), total);
  const widths = narrow.map((column) => column.minimum);
  let room = total - minimumSum;
  // Columns of names first: a name is not hyphenated (NAME_RUN), so a column too narrow for it breaks it at a letter.
  const first = (index: number) => (names.includes(index) ? 0 : 1);
  const lifts = wide.map((column, index) => ({ index, lift: column.minimum - (narrow[index]?.minimum ?? 0) })).sort((a, b) => first(a.index) - first(b.index) || a.lift - b.lift);
  for (const { index, lift } of lifts) {
    // A lift that does not fit whole leaves its word broken anyway: the room goes to the next that does (a date).
    if (lift > room) continue;
    widths[index] = (widths[index] ?? 0) + lift;
    room -= lift;
  }
  const extra = wide.map((column, index) => Math.max(0, column.wanted - (widths[index] ?? 0)));
  const extraSum = sumOf(extra);
  // Everything fits on one line each: the rest shared in proportion to the widths.
  if (extraSum <= room) return fitSum(widths.map((width, index) => width + (extra[index] ?? 0) + ((width + (extra[index] ?? 0)) * (room - extraSum)) / (total - room + extraSum)), total);
  return fitSum(widths.map((width, index) => width + ((extra[index] ?? 0) * room) / extraSum), total);
}

/**
 * `widths` with every width above one cap cut to it, the cap chosen so they sum to `total`:
 * cut in proportion, a long name's column took a date's room too ("19.01.202|4").
 */
function capped(widths: readonly number[], total: number): number[] {
  const ascending = [...widths].sort((a, b) => a - b);
  let below = 0;
  for (const [index, width] of ascending.entries()) {
    const cap = (total - below) / (ascending.length - index);
    if (cap <= width) return widths.map((each) => Math.min(each, cap));
    below += width;
  }
  return [...widths];
}

/** Whole twips summing to exactly `total` (the last column takes the rounding). */
function fitSum(widths: readonly number[], total: number): number[] {
  const rounded = widths.map((width) => Math.floor(width));
  const rest = total - rounded.reduce((sum, width) => sum + width, 0);
  if (rounded.length > 0) rounded[rounded.length - 1] = (rounded.at(-1) ?? 0) + rest;
  return rounded;
}

/** Runs of a multi-line text, one per line; of a name (NAME_RUN) where `name`. */
const cellRuns = (text: string, bold: boolean, name: boolean) =>
  (text.trim() || '–').split(/\r?\n/).map((line, index) => new TextRun({ text: line, bold, size: TABLE_FONT_SIZE, break: index > 0 ? 1 : 0, ...(name ? NAME_RUN : {}) }));

/**
 * A table of text with a repeated header row, its columns sized to their content (fixed layout, so
 * every reader shows the same). The cells of the columns `names` (people, organisations) are never
 * hyphenated: a name wraps whole at a space, in a column as wide as its longest word.
 */
export function contentTable(header: readonly string[], rows: readonly (readonly string[])[], options: { names?: readonly number[] } = {}): Table {
  const widths = contentColumnWidths(header, rows, TEXT_WIDTH, options.names);
  const cell = (text: string, column: number, bold: boolean) => {
    const name = !bold && (options.names ?? []).includes(column);
    const paragraph = { spacing: { before: 40, after: 40 }, children: cellRuns(text, bold, name) };
    return new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      shading: bold ? { fill: 'EEF2F7' } : undefined,
      children: [name ? new UnhyphenatedParagraph(paragraph) : new Paragraph(paragraph)],
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((text, column) => cell(text, column, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: header.map((_, column) => cell(row[column] ?? '', column, false)) })),
    ],
  });
}
