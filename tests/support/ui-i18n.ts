import i18next, { type TFunction } from 'i18next';
import { UI_LANGUAGES, uiTexts, type UiLanguage } from '../../renderer/i18n/resources';

/** The UI's `t` in each language, with interpolation as the app sets it up (renderer/i18n/index.ts). */
export async function uiTranslators(): Promise<Record<UiLanguage, TFunction>> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(UI_LANGUAGES.map((language) => [language, { translation: uiTexts[language] }])),
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return Object.fromEntries(UI_LANGUAGES.map((language) => [language, instance.getFixedT(language)])) as Record<UiLanguage, TFunction>;
}
