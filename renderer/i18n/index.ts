import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './locales/de.json';
import en from './locales/en.json';
import uk from './locales/uk.json';

export const UI_LANGUAGES = ['de', 'en', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'plenum.language';

/** The language the user picked last time, else the system's if we speak it, else German. */
function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (UI_LANGUAGES as readonly string[]).includes(saved)) return saved as UiLanguage;
  const system = navigator.language.slice(0, 2);
  return (UI_LANGUAGES as readonly string[]).includes(system) ? (system as UiLanguage) : 'de';
}

export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en }, uk: { translation: uk } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: UiLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
