import { LANGUAGES, type Language } from './model/plain';

/**
 * The locale for dates and numbers in each UI language. English is British English on purpose:
 * the texts spell it so ("colour", "organisation"), the minutes are en-GB, and a room that works
 * in German, Ukrainian and English then reads every date day first (06/12/2023, never 12/06/2023
 * for the 6th of December).
 */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB', uk: 'uk-UA' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The locale of a UI language; a region or script after the language ("de-AT") is ignored, anything else is German's. */
export function localeOf(language: string): string {
  const base = language.slice(0, 2).toLowerCase();
  return isLanguage(base) ? LANGUAGE_LOCALES[base] : LANGUAGE_LOCALES.de;
}
