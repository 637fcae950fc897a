import { useTranslation } from 'react-i18next';
import { localeOf } from '../../shared/language-locale';

/** The locale dates and numbers follow: the UI's language, never the browser's or the system's. */
export function useUiLocale(): string {
  const { i18n } = useTranslation();
  return localeOf(i18n.resolvedLanguage ?? i18n.language);
}
