import { describe, expect, it } from 'vitest';
import { uiTexts, UI_LANGUAGES, type UiLanguage } from '../../renderer/i18n/resources';
import { KEY_NAMES, showKeys, type KeyName } from '../../renderer/features/shortcuts/key-names';
import { SHORTCUTS } from '../../renderer/features/shortcuts/shortcut-list';

/** shortcuts.keys of a language, as i18next would give them. */
function namesIn(language: UiLanguage): (key: KeyName) => string {
  const area = uiTexts[language].shortcuts as { keys?: Record<string, unknown> } | undefined;
  return (key) => {
    const name = area?.keys?.[key];
    if (typeof name !== 'string') throw new Error(`${language}: shortcuts.keys.${key} is missing`);
    return name;
  };
}

describe('key names in the reader’s language (key-names.ts)', () => {
  it('names the keys as German and Ukrainian keyboards print them', () => {
    const de = namesIn('de');
    expect(showKeys('Ctrl+Shift+Z', de)).toBe('Strg+Umschalt+Z');
    expect(showKeys('Delete', de)).toBe('Entf');
    expect(showKeys('Space', de)).toBe('Leertaste');
    expect(showKeys('Escape', de)).toBe('Esc');
    expect(showKeys('PageDown', de)).toBe('Bild↓');
    expect(showKeys('Ctrl+Shift+Space', namesIn('uk'))).toBe('Ctrl+Shift+Пробіл');
  });

  it('leaves letters, digits, arrows and signs as they are', () => {
    const de = namesIn('de');
    expect(showKeys('Alt+1…9', de)).toBe('Alt+1…9');
    expect(showKeys('Alt+↑ / Alt+↓', de)).toBe('Alt+↑ / Alt+↓');
    expect(showKeys('V', de)).toBe('V');
    expect(showKeys('?', de)).toBe('?');
  });

  it.each(UI_LANGUAGES)('has a name for every key in %s', (language) => {
    for (const key of Object.values(KEY_NAMES)) expect(namesIn(language)(key)).not.toBe('');
  });

  it('shows no English key name in the German overview, and the undo keys as the undo button’s tooltip says them', () => {
    const de = namesIn('de');
    const shown = SHORTCUTS.map((shortcut) => showKeys(shortcut.keys, de));
    expect(shown.filter((keys) => /Ctrl|Shift|Delete|Space|Escape|Page/.test(keys))).toEqual([]);
    const workshop = uiTexts.de.workshop as { undoHint?: string } | undefined;
    expect(workshop?.undoHint).toContain(showKeys('Ctrl+Z', de));
  });
});
