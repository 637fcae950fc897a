import de from './texts/de';
import en from './texts/en';
import uk from './texts/uk';
import type { Texts, UiLanguage } from './languages';

export { UI_LANGUAGES, type UiLanguage } from './languages';

/**
 * Every language's texts at once, for the tests that compare them. The app itself loads only the
 * language it shows (renderer/i18n/index.ts); nothing the app runs may import this file.
 */
export const uiTexts: Record<UiLanguage, Texts> = { de, en, uk };
