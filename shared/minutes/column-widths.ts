/*
 * Column widths for a table of text whose columns are sized to their words, in twips: the DOCX
 * minutes' tables (docx-layout.ts) and the HTML minutes' action items (html.ts, as shares of the
 * width), so a word breaks in the middle in neither unless it is too long for any column. Plain
 * arithmetic on character counts, no font at hand: a reader's font is unknown, so a column gets
 * the room of a wider fallback font where it can.
 */

/** How a table's text is set, in twips: a character of its usual and of a wider fallback font, and a cell's padding. */
export interface TableType {
  /** A character in the font the document asks for (an average one: the arithmetic counts characters). */
  narrow: number;
  /** The same in the wider font a reader without it falls back to. */
  wide: number;
  /** What a bold header's character takes more. */
  boldExtra: number;
  /** A cell's left and right padding together. */
  padding: number;
}

/**
 * The DOCX's tables, 9 pt: Calibri's average character is about 0.48 em (86 twips); a reader
 * without Calibri or Carlito falls back to a wider font (DejaVu Sans: 0.64 em for digits), so a
 * column gets the wider measure while the table still fits. A bold one a bit more; and a cell's
 * left and right padding (Word's default 0.19 cm each).
 */
export const DOCX_TABLE: TableType = { narrow: 95, wide: 118, boldExtra: 10, padding: 2 * 108 };

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => [...word].length));
const longestLine = (text: string) => Math.max(0, ...text.split(/\r?\n/).map((line) => [...line].length));

interface ColumnNeed {
  /** The longest word whole. */
  minimum: number;
  /** The longest line whole. */
  wanted: number;
}

/**
 * The characters of a word a column of text (not names) needs whole: a longer one is broken, at a
 * syllable where the reader hyphenates (Word, LibreOffice), so the column's minimum need not hold
 * "Kriegsrisikoversicherung:".
 */
const HYPHENATED_PIECE = 18;

function columnNeeds(header: readonly string[], rows: readonly (readonly string[])[], char: number, names: readonly number[], type: TableType): ColumnNeed[] {
  return header.map((title, column) => {
    const cells = rows.map((row) => row[column] ?? '');
    // Only when the table has columns of names, which are not hyphenated and need the room.
    const word = (text: string) => (names.length > 0 && !names.includes(column) ? Math.min(longestWord(text), HYPHENATED_PIECE) : longestWord(text));
    const minimum = Math.max(longestWord(title) * (char + type.boldExtra), ...cells.map((text) => word(text) * char)) + type.padding;
    const wanted = Math.max(longestLine(title) * (char + type.boldExtra), ...cells.map((text) => longestLine(text) * char)) + type.padding;
    return { minimum, wanted: Math.max(minimum, wanted) };
  });
}

const sumOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

/**
 * Column widths (twips, summing to `total`) for a table of text: every column at least as wide as
 * its longest word in the document's font (a header's too), so no word breaks in the middle; then, cheapest
 * first, as wide as that word in a wider fallback font (a short date column costs little and keeps
 * "19.01.2024" whole in LibreOffice without Calibri), the columns of `names` before any other; the
 * room left shared by how much more each column's longest line would take. Only when the longest
 * words alone do not fit are the widest columns cut, to one width, down to what fits: a date or a
 * status keeps its room, and only the words too long for any column (an unbroken name) break. In a
 * table with columns of names (never hyphenated), the other columns' words count up to
 * HYPHENATED_PIECE characters, so the names and dates get their room first.
 */
export function contentColumnWidths(header: readonly string[], rows: readonly (readonly string[])[], total: number, names: readonly number[] = [], type: TableType = DOCX_TABLE): number[] {
  const narrow = columnNeeds(header, rows, type.narrow, names, type);
  const wide = columnNeeds(header, rows, type.wide, names, type);
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
