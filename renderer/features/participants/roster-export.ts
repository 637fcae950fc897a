import type { TFunction } from 'i18next';
import { shownTableNames, type Participant, type Table } from '../../../shared/model';
import { EXPORT_COLUMNS, rosterCsv, type ExportColumn } from '../../../shared/participants/csv-export';

/** The roster as a CSV file in the UI's language: headers, yes/no and group names translated. */
export function rosterFile(
  participants: readonly Participant[],
  tables: readonly Table[],
  groupName: (key: string) => string,
  workshopTitle: string,
  t: TFunction,
  language: string,
): { suggestedName: string; data: string } {
  const headers = Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, t(`participants.export.header.${column}`)])) as Record<ExportColumn, string>;
  const tableNames = shownTableNames(tables, (number) => t('tables.unnamed', { number }));
  const data = rosterCsv(participants, {
    headers,
    yes: t('participants.export.yes'),
    no: t('participants.export.no'),
    groupName,
    tableName: (id) => tableNames.get(id) ?? '',
    // Excel splits on the list separator of the system's locale: ';' for German and Ukrainian.
    delimiter: language === 'en' ? ',' : ';',
  });
  // What no file system accepts in a name: path separators, reserved characters, control characters.
  const title = [...workshopTitle]
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '-' : char))
    .join('')
    .trim()
    .slice(0, 80);
  return { suggestedName: `${t('participants.export.fileName')}${title ? ` – ${title}` : ''}.csv`, data };
}
