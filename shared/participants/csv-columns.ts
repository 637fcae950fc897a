import { textKey } from './text-key';

/** What a column of a roster file can be imported as. */
export const CSV_FIELDS = ['name', 'firstName', 'lastName', 'organisation', 'stakeholderGroup', 'email', 'consent', 'attended'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** One entry per column of the file: the field it fills, or 'ignore'. */
export type ColumnMapping = Array<CsvField | 'ignore'>;

/**
 * Header names seen in exports of Excel, Google Sheets/Contacts, LibreOffice and Outlook, and
 * typed by organisers in German, English and Ukrainian; compared through textKey. Plenum's own
 * export headers (locales/<lang>/participants.json, `csvHeader`) are among them: a test checks.
 */
const HEADER_NAMES: Record<CsvField, readonly string[]> = {
  name: [
    'Name', 'Full name', 'Display name', 'Participant', 'Teilnehmer', 'Teilnehmerin', 'Teilnehmende', 'Teilnehmer/in',
    'Vollständiger Name', 'Anzeigename', 'Vor- und Nachname', 'Name, Vorname', 'Nachname, Vorname',
    'ПІБ', "Ім'я та прізвище", "Прізвище та ім'я", "Прізвище, ім'я", "Повне ім'я", 'Учасник', 'Учасниця', 'Учасники',
  ],
  firstName: ['First name', 'Given name', 'Firstname', 'Vorname', "Ім'я"],
  lastName: ['Last name', 'Family name', 'Surname', 'Lastname', 'Nachname', 'Familienname', 'Прізвище'],
  organisation: [
    'Organisation', 'Organization', 'Company', 'Organization 1 - Name', 'Organization Name', 'Institution', 'Employer',
    'Firma', 'Unternehmen', 'Einrichtung', 'Arbeitgeber', 'Organisation/Firma',
    'Організація', 'Компанія', 'Установа', 'Організація/установа', 'Місце роботи',
  ],
  stakeholderGroup: [
    'Stakeholder group', 'Stakeholder', 'Group', 'Sector', 'Category', 'Stakeholdergruppe', 'Stakeholder-Gruppe', 'Gruppe',
    'Akteursgruppe', 'Sektor', 'Bereich', 'Kategorie', 'Група', 'Група зацікавлених сторін', 'Група стейкхолдерів', 'Стейкхолдер', 'Сектор', 'Категорія',
  ],
  email: [
    'Email', 'E-mail', 'E-mail Address', 'Email address', 'E-mail 1 - Value', 'Mail', 'E-Mail', 'E-Mail-Adresse',
    'Mailadresse', 'Електронна пошта', 'Ел. пошта', 'Пошта', 'Е-пошта', 'Email-адреса',
  ],
  consent: [
    'Consent', 'Consent to be named', 'Named in minutes', 'Einwilligung', 'Zustimmung', 'Einverständnis',
    'Namensnennung', 'Im Protokoll nennen', 'Згода', 'Згода на згадування', 'Згода на згадування в протоколі',
  ],
  attended: ['Attended', 'Attendance', 'Present', 'Anwesend', 'Anwesenheit', 'Teilgenommen', 'Присутність', 'Присутній', 'Присутня', 'Був присутній'],
};

const fieldByKey = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const name of HEADER_NAMES[field]) fieldByKey.set(textKey(name), field);

/** The field a header name stands for, or null when it is not one we know. */
export function fieldOfHeader(header: string): CsvField | null {
  return fieldByKey.get(textKey(header)) ?? null;
}

/**
 * A first mapping for the preview dialog: each known header to its field, the first column
 * winning when two mean the same. A "Name" next to a "Vorname" and no "Nachname" is the
 * surname, as German forms use it.
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const taken = new Set<CsvField>();
  const mapping: ColumnMapping = header.map((name) => {
    const field = fieldOfHeader(name);
    if (!field || taken.has(field)) return 'ignore';
    taken.add(field);
    return field;
  });
  if (taken.has('name') && taken.has('firstName') && !taken.has('lastName')) {
    return mapping.map((field) => (field === 'name' ? 'lastName' : field));
  }
  return mapping;
}

/** Why a mapping cannot be imported: no column gives a name, or a field is filled by two columns. */
export type MappingProblem = { code: 'noName' } | { code: 'twice'; field: CsvField };

export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.some((field) => field === 'name' || field === 'firstName' || field === 'lastName')) problems.push({ code: 'noName' });
  for (const field of CSV_FIELDS) {
    if (mapping.filter((mapped) => mapped === field).length > 1) problems.push({ code: 'twice', field });
  }
  return problems;
}
