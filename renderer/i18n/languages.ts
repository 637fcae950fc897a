/**
 * UI texts live in one file per area and language (shared/i18n/locales/<lang>/<area>.json, each holding
 * the single top-level key <area>), so features add their texts without touching each other's.
 */
export const UI_LANGUAGES = ['de', 'en', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type Texts = Record<string, unknown>;

/** One language's area files (a Vite glob of its folder) as one object of areas. */
export function mergeAreas(files: Record<string, Texts>, language: UiLanguage): Texts {
  const merged: Texts = {};
  for (const [path, texts] of Object.entries(files)) {
    if (path.split('/').at(-2) !== language) throw new Error(`UI text file ${path} is not in the folder of ${language}`);
    for (const [area, value] of Object.entries(texts)) {
      if (area in merged) throw new Error(`UI text area "${area}" is defined twice for ${language}`);
      merged[area] = value;
    }
  }
  return merged;
}
