import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumLang, readUiLanguage, saveUiLanguage, UI_LANGUAGE_FILE } from '../../electron/services/app-language';
import { hostContract } from '../../shared/host-api';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plenum-lang-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("Electron's locale follows the UI language", () => {
  it('starts Chromium in the locale of the language chosen last time', async () => {
    const dir = tempDir();
    await saveUiLanguage(dir, 'uk');
    expect(chromiumLang(readUiLanguage(dir))).toBe('uk-UA');
    await saveUiLanguage(dir, 'en');
    expect(chromiumLang(readUiLanguage(dir))).toBe('en-GB');
    await saveUiLanguage(dir, 'de');
    expect(chromiumLang(readUiLanguage(dir))).toBe('de-DE');
  });

  it("leaves the system's locale on a first start and when the file is damaged or foreign", () => {
    const dir = tempDir();
    expect(chromiumLang(readUiLanguage(dir))).toBeNull();
    for (const text of ['{"language":"fr"}', 'not json', '{"language":["de"]}', '']) {
      writeFileSync(path.join(dir, UI_LANGUAGE_FILE), text);
      expect(readUiLanguage(dir), text).toBeNull();
    }
  });

  it('refuses to store a language the UI does not speak, at the bridge and in the service', async () => {
    expect(hostContract['app:language'].input.safeParse({ language: 'fr' }).success).toBe(false);
    expect(hostContract['app:language'].input.safeParse({ language: 'uk' }).success).toBe(true);
    const dir = tempDir();
    await expect(saveUiLanguage(dir, 'fr' as 'de')).rejects.toThrow();
    expect(() => readFileSync(path.join(dir, UI_LANGUAGE_FILE))).toThrow();
  });
});
