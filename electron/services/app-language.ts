import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGE_LOCALES } from '../../shared/language-locale';
import { LANGUAGES, type Language } from '../../shared/model';
import { writeFileAtomic } from './file-writer';

/*
 * The UI's language as the main process knows it. Chromium takes its locale (date and number
 * formats of its own controls, spell-check, context menus, navigator.language) from `--lang`,
 * which only counts before the app is ready, when no window can be asked: so the renderer
 * reports each choice, it is kept in userData, and the next start reads it first thing.
 */

export const UI_LANGUAGE_FILE = 'ui-language.json';

const storedLanguage = z.object({ language: z.enum(LANGUAGES) });

/** The UI language stored in `dir`; null when none is (first start) or the file is damaged. Synchronous: it runs before ready. */
export function readUiLanguage(dir: string): Language | null {
  try {
    const parsed = storedLanguage.safeParse(JSON.parse(readFileSync(path.join(dir, UI_LANGUAGE_FILE), 'utf8')));
    return parsed.success ? parsed.data.language : null;
  } catch {
    return null;
  }
}

/** Keeps `language` for the next start; atomically, so a crash never leaves half a file. */
export async function saveUiLanguage(dir: string, language: Language): Promise<void> {
  const valid = storedLanguage.parse({ language });
  await writeFileAtomic(path.join(dir, UI_LANGUAGE_FILE), `${JSON.stringify(valid)}\n`);
}

/** The `--lang` value for Chromium: the UI language's locale, or null to leave the system's on a first start. */
export function chromiumLang(language: Language | null): string | null {
  return language === null ? null : LANGUAGE_LOCALES[language];
}
