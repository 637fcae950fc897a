import Papa from 'papaparse';

/*
 * The one CSV writer, for the minutes' action items and the participants' roster: what a
 * spreadsheet opens without asking. UTF-8 with a byte-order mark (without it Excel reads
 * "Müller" as "MÃ¼ller" and garbles Cyrillic), CRLF line ends, RFC 4180 quoting by papaparse.
 */

export const CSV_BOM = '\uFEFF';

export type CsvDelimiter = ';' | ',';

/**
 * A cell that starts like a formula (= + - @, tab, CR) runs as one when a spreadsheet opens the
 * file ("CSV injection"), and these cells are typed by anyone at a table: an apostrophe makes
 * it text (the roster import takes it off again). Not papaparse's `escapeFormulae`: its default
 * pattern (`/^[=+\-@\t\r].*$/`) lets a cell with a line break through, and it quotes every
 * escaped cell, which changes the files this writer has always produced.
 */
export const defuseFormula = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** Rows as one line each, cells defused and quoted where needed (no BOM, no final line end). */
function csvLines(rows: readonly (readonly string[])[], delimiter: string): string {
  return Papa.unparse(
    rows.map((row) => row.map(defuseFormula)),
    { delimiter, newline: '\r\n', quotes: false },
  );
}

/** A whole CSV file: BOM, the rows, and a line end after the last one. */
export function csvFile(rows: readonly (readonly string[])[], delimiter: CsvDelimiter): string {
  return `${CSV_BOM}${csvLines(rows, delimiter)}\r\n`;
}

/** One cell as the writer puts it in a file with this delimiter. */
export function csvCell(value: string, delimiter: string): string {
  return csvLines([[value]], delimiter);
}
