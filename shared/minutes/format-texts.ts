import type { Language } from '../model';
import de from '../i18n/locales/de/minutesFormat.json';
import en from '../i18n/locales/en/minutesFormat.json';
import uk from '../i18n/locales/uk/minutesFormat.json';

/*
 * The words the file formats add around the minutes (a DOCX footer's "Seite 2 von 5"), read
 * straight from their i18n area files until the minutes' i18next instance loads this area too:
 * then `formatText` becomes a call of its `t('minutesFormat.<key>', values)`.
 */

type FormatKey = keyof (typeof de)['minutesFormat'];

const RESOURCES: Record<Language, Record<FormatKey, string>> = { de: de.minutesFormat, en: en.minutesFormat, uk: uk.minutesFormat };

/** A format text in `language` with its {{placeholders}} filled in (missing ones stay visible). */
export function formatText(language: Language, key: FormatKey, values: Record<string, string | number> = {}): string {
  return RESOURCES[language][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
