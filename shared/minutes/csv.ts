import { csvFile, type CsvDelimiter } from '../csv';
import type { Minutes } from './model';

/*
 * Action items as CSV for spreadsheets, written by the one CSV writer (shared/csv.ts: BOM, CRLF,
 * quoting, formula cells defused). The separator follows the minutes' language: Excel in a German
 * or Ukrainian locale splits on ';' and shows a comma-separated file as one column; in English it
 * splits on ','.
 */

export { CSV_BOM, csvCell } from '../csv';

/** The separator a spreadsheet in the minutes' language expects. */
export const csvSeparator = (language: Minutes['language']): CsvDelimiter => (language === 'en' ? ',' : ';');

/** The action items of the minutes as CSV text (BOM included). Due dates stay ISO (YYYY-MM-DD): every spreadsheet reads them. */
export function renderActionsCsv(minutes: Minutes): string {
  const { texts } = minutes;
  return csvFile(
    [
      [texts.number, texts.what, texts.who, texts.organisation, texts.dueBy, texts.status, texts.source],
      ...minutes.actions.map((action) => [String(action.number), action.title, action.owner, action.organisation, action.due, action.statusText, action.source]),
    ],
    csvSeparator(minutes.language),
  );
}
