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
export function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (UI_LANGUAGES as readonly string[]).includes(saved)) return saved as UiLanguage;
  const system = navigator.language.slice(0, 2);
  return (UI_LANGUAGES as readonly string[]).includes(system) ? (system as UiLanguage) : 'de';
}

type Loaders = Record<UiLanguage, () => Promise<{ default: Texts } | undefined>>;

async function textsOf(language: UiLanguage, loaders: Loaders = LOADERS): Promise<Texts> {
  // A failed load cancelled for the page's reload (renderer/app/chunk-reload.ts) gives no module.
  const texts = (await loaders[language]())?.default;
  if (!texts) throw new Error(`the texts of ${language} did not load`);
  return texts;
}

/**
 * The texts of `wanted`, else of the first other language whose chunk loads: a start in another
 * language beats a window without text. Throws the last failure when none loads, or as soon as
 * `giveUp` says so (the page reloads anyway).
 */
export async function firstLoadingTexts(
  wanted: UiLanguage,
  loaders: Loaders = LOADERS,
  giveUp: () => boolean = () => false,
): Promise<{ language: UiLanguage; texts: Texts }> {
  let failure: unknown = new Error('no UI language');
  for (const language of [wanted, ...UI_LANGUAGES.filter((other) => other !== wanted)]) {
    try {
      return { language, texts: await textsOf(language, loaders) };
    } catch (error) {
      failure = error;
      if (giveUp()) break;
    }
  }
  throw failure;
}

/** Sets up the UI language; rejects when no language's texts load (main.tsx then shows a fixed message). */
export async function setupI18n(giveUp?: () => boolean): Promise<void> {
  const { language, texts } = await firstLoadingTexts(initialLanguage(), LOADERS, giveUp);
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: texts } },
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
