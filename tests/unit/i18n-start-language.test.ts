import { describe, expect, it } from 'vitest';
import { firstLoadingTexts, type UiLanguage } from '../../renderer/i18n';

/** Loaders whose `failing` languages reject like a chunk the host no longer serves; the calls recorded. */
function loaders(failing: readonly UiLanguage[], cancelled: readonly UiLanguage[] = []) {
  const calls: UiLanguage[] = [];
  const load = (language: UiLanguage) => () => {
    calls.push(language);
    if (failing.includes(language)) return Promise.reject(new TypeError(`Failed to fetch dynamically imported module: /assets/${language}-x.js`));
    // Vite's import of a chunk whose failure was cancelled for a reload resolves to undefined.
    if (cancelled.includes(language)) return Promise.resolve(undefined);
    return Promise.resolve({ default: { app: { name: language } } });
  };
  return { calls, loaders: { de: load('de'), en: load('en'), uk: load('uk') } };
}

describe('the start language when its texts do not load', () => {
  it('loads only the wanted language when it loads', async () => {
    const { calls, loaders: all } = loaders([]);
    expect(await firstLoadingTexts('uk', all)).toEqual({ language: 'uk', texts: { app: { name: 'uk' } } });
    expect(calls).toEqual(['uk']);
  });

  it('starts in another language when the wanted one fails or gives no module', async () => {
    expect((await firstLoadingTexts('de', loaders(['de']).loaders)).language).toBe('en');
    expect((await firstLoadingTexts('en', loaders(['en', 'de']).loaders)).language).toBe('uk');
    expect((await firstLoadingTexts('de', loaders([], ['de']).loaders)).language).toBe('en');
  });

  it('rejects when no language loads (main.tsx then shows its fixed message)', async () => {
    await expect(firstLoadingTexts('de', loaders(['de', 'en', 'uk']).loaders)).rejects.toThrow('Failed to fetch');
  });

  it('stops trying once the page reloads for the missing chunk', async () => {
    const { calls, loaders: all } = loaders(['de', 'en', 'uk']);
    await expect(firstLoadingTexts('de', all, () => true)).rejects.toThrow();
    expect(calls).toEqual(['de']);
  });
});
