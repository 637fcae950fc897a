import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, type Texts, type UiLanguage } from './languages';

export { UI_LANGUAGES, type UiLanguage };

const STORAGE_KEY = 'plenum.language';

/**
 * Each language's texts are a chunk of their own, loaded when the language is shown: a start
 * parses one language, not three. Literal imports, so the bundler sees each one.
 */
const LOADERS: Record<UiLanguage, () => Promise<{ default: Texts }>> = {
  de: () => import('./texts/de'),
  en: () => import('./texts/en'),
  uk: () => import('./texts/uk'),
};

/** The language the user picked last time, else the system's if we speak it, else German. */
function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (UI_LANGUAGES as readonly string[]).includes(saved)) return saved as UiLanguage;
  const system = navigator.language.slice(0, 2);
  return (UI_LANGUAGES as readonly string[]).includes(system) ? (system as UiLanguage) : 'de';
}

async function textsOf(language: UiLanguage): Promise<Texts> {
  return (await LOADERS[language]()).default;
}

export async function setupI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await textsOf(language) } },
    lng: language,
    // Every language has every key (tests/unit/i18n-locales.test.ts): no second language needs loading to fall back to.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: UiLanguage): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await textsOf(language));
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
