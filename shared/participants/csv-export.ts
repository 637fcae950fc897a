import Papa from 'papaparse';
import type { Participant } from '../model';

/** The columns of an exported roster, in order. */
export const EXPORT_COLUMNS = ['name', 'organisation', 'stakeholderGroup', 'email', 'consent', 'attended', 'table'] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export interface RosterCsvTexts {
  /** Header of each column, in the UI's language (they are read back by guessMapping). */
  headers: Record<ExportColumn, string>;
  yes: string;
  no: string;
  /** The name shown for a stakeholder-group key and a table id ('' when none). */
  groupName(key: string): string;
  tableName(id: string): string;
  /** ';' where Excel's list separator is a semicolon (German, Ukrainian settings), ',' otherwise. */
  delimiter: ';' | ',';
}

/**
 * A cell that starts like a formula (=, +, -, @, tab, CR) would run as one when a spreadsheet
 * opens the file ("CSV injection"); an apostrophe makes it text, and readCsvTable takes it off.
 */
const defuse = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * The roster as CSV for Excel and friends: UTF-8 with a byte-order mark (without it Excel reads
 * "Müller" as "MÃ¼ller"), CRLF line ends, every cell quoted where needed.
 */
export function rosterCsv(participants: readonly Participant[], texts: RosterCsvTexts): string {
  const rows = participants.map((person) => {
    const cells: Record<ExportColumn, string> = {
      name: person.name,
      organisation: person.organisation,
      stakeholderGroup: person.stakeholderGroup === '' ? '' : texts.groupName(person.stakeholderGroup),
      email: person.email,
      consent: person.consent ? texts.yes : texts.no,
      attended: person.attended ? texts.yes : texts.no,
      table: person.tableId === '' ? '' : texts.tableName(person.tableId),
    };
    return EXPORT_COLUMNS.map((column) => defuse(cells[column]));
  });
  const header = EXPORT_COLUMNS.map((column) => texts.headers[column]);
  return `\uFEFF${Papa.unparse([header, ...rows], { delimiter: texts.delimiter, newline: '\r\n', quotes: false })}\r\n`;
}
