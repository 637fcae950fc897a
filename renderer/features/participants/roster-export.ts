import type { TFunction } from 'i18next';
import { shownTableNames, type Participant, type Table } from '../../../shared/model';
import { exportFileName } from '../../../shared/minutes/file-name';
import { EXPORT_COLUMNS, rosterCsv, type ExportColumn } from '../../../shared/participants/csv-export';

/** The roster as a CSV file in the UI's language: headers, yes/no and group names translated. */
export function rosterFile(
  participants: readonly Participant[],
  tables: readonly Table[],
  groupName: (key: string) => string,
  workshop: { title: string; date: string },
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
  return { suggestedName: exportFileName(t('participants.export.fileName'), workshop.title, workshop.date, 'csv'), data };
}
