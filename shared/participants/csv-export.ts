import { csvFile, type CsvDelimiter } from '../csv';
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
  delimiter: CsvDelimiter;
}

/** The roster as CSV for Excel and friends, by the one CSV writer (shared/csv.ts). */
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
    return EXPORT_COLUMNS.map((column) => cells[column]);
  });
  const header = EXPORT_COLUMNS.map((column) => texts.headers[column]);
  return csvFile([header, ...rows], texts.delimiter);
}
