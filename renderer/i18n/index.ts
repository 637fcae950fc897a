import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, uiTexts, type UiLanguage } from './resources';

export { UI_LANGUAGES, type UiLanguage };

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
    resources: { de: { translation: uiTexts.de }, en: { translation: uiTexts.en }, uk: { translation: uiTexts.uk } },
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
