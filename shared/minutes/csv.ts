import type { Minutes } from './model';

/*
 * Action items as CSV for spreadsheets. UTF-8 with a byte order mark (Excel reads BOM-less
 * files as Windows-1252 and garbles umlauts and Cyrillic), CRLF line ends, RFC 4180 quoting.
 * The separator follows the minutes' language: Excel in a German or Ukrainian locale splits on
 * ';' and shows a comma-separated file as one column; in English it splits on ','.
 */

export const CSV_BOM = '\uFEFF';

/** The separator a spreadsheet in the minutes' language expects. */
export const csvSeparator = (language: Minutes['language']): string => (language === 'en' ? ',' : ';');

/**
 * A cell, quoted when needed. A cell starting with = + - @ (or a tab/CR) is prefixed with an
 * apostrophe: spreadsheets run such cells as formulas, and an action item's title is typed by
 * anyone at a table (CSV injection).
 */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The action items of the minutes as CSV text (BOM included). Due dates stay ISO (YYYY-MM-DD): every spreadsheet reads them. */
export function renderActionsCsv(minutes: Minutes): string {
  const { texts } = minutes;
  const separator = csvSeparator(minutes.language);
  const row = (cells: string[]) => cells.map((value) => csvCell(value, separator)).join(separator);
  const lines = [
    row([texts.action, texts.owner, texts.due, texts.status, texts.source]),
    ...minutes.actions.map((action) => row([action.title, action.owner, action.due, action.statusText, action.source])),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
