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
import { contentColumnWidths } from './column-widths';
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
