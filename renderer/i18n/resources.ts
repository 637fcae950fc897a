/**
 * UI texts live in one file per area and language (shared/i18n/locales/<lang>/<area>.json, each holding
 * the single top-level key <area>), so features add their texts without touching each other's.
 */
export const UI_LANGUAGES = ['de', 'en', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

type Texts = Record<string, unknown>;

const files = import.meta.glob<Texts>('../../shared/i18n/locales/*/*.json', { eager: true, import: 'default' });

function textsOf(language: UiLanguage): Texts {
  const merged: Texts = {};
  for (const [path, texts] of Object.entries(files)) {
    if (path.split('/').at(-2) !== language) continue;
    for (const [area, value] of Object.entries(texts)) {
      if (area in merged) throw new Error(`UI text area "${area}" is defined twice for ${language}`);
      merged[area] = value;
    }
  }
  return merged;
}

export const uiTexts: Record<UiLanguage, Texts> = { de: textsOf('de'), en: textsOf('en'), uk: textsOf('uk') };
