import Papa from 'papaparse';

/** A roster file split into its header and rows of cells. */
export interface CsvTable {
  header: string[];
  /** Data rows with the line of the file each starts on (1-based; the header is line 1 or later). */
  rows: Array<{ line: number; cells: string[] }>;
  delimiter: string;
}

export type CsvTableError = { code: 'empty' } | { code: 'unreadable'; line: number };

/** Spreadsheets protect a cell that looks like a formula with a leading apostrophe; take it off again. */
const unprotect = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * The separator the header row uses most, outside quotes. Papa's own guess wants several rows
 * of equal length and misreads a small two-column file; the header row is the surest sign.
 */
function headerDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    if (char.trim() !== '') seen = true;
  }
  // Ties (a one-column file) go to the comma, the format's own separator.
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best), [',', 0] as [string, number])[0];
}

/**
 * Excel's line naming the separator ("sep=;"), written before the header when a file is saved for
 * another locale's Excel; some tools quote it. Papa takes any one character but quotes and line breaks.
 */
const SEPARATOR_LINE = /^"?sep=([^"\r\n])"?[ \t]*(?:\r\n|\r|\n|$)/i;

/**
 * Splits CSV text into header and rows. The separator is the one a leading "sep=X" line names
 * (the line is not a row), else guessed among comma, semicolon and tab (Excel writes the system's
 * list separator: a semicolon in German); quoted cells may hold separators, doubled quotes and
 * line breaks. Blank lines are skipped.
 */
export function readCsvTable(text: string): { ok: true; table: CsvTable } | { ok: false; error: CsvTableError } {
  const withoutMark = text.replace(/^\uFEFF/, '');
  const named = SEPARATOR_LINE.exec(withoutMark);
  const source = named ? withoutMark.slice(named[0].length) : withoutMark;
  const parsed = Papa.parse<string[]>(source, { delimiter: named?.[1] ?? headerDelimiter(source), skipEmptyLines: false });
  // Quotes that never close swallow the rest of the file: refuse rather than import garbage.
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  // Line numbers of the file: a quoted cell with line breaks makes one row span several lines;
  // the "sep=" line was the file's first.
  const lines: number[] = [];
  let line = named ? 2 : 1;
  for (const cells of parsed.data) {
    lines.push(line);
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  if (broken) return { ok: false, error: { code: 'unreadable', line: lines[broken.row ?? 0] ?? 1 } };
  const rows = parsed.data.map((cells, index) => ({ line: lines[index] ?? index + 1, cells: cells.map(unprotect) })).filter((row) => !isBlank(row.cells));
  const [head, ...body] = rows;
  if (!head) return { ok: false, error: { code: 'empty' } };
  return { ok: true, table: { header: head.cells.map((cell) => cell.trim()), rows: body, delimiter: parsed.meta.delimiter } };
}
