import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiTexts } from '../../renderer/i18n/resources';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const locales = uiTexts;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child && typeof child === 'object') for (const [k, v] of flatten(child, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, String(child));
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(locales).map(([lang, data]) => [lang, flatten(data)])) as Record<keyof typeof locales, Map<string, string>>;
const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((key) => key.replace(PLURAL, '')));

describe('UI texts in German, English and Ukrainian', () => {
  it('have the same keys in every language (plural forms aside)', () => {
    const [first, ...rest] = Object.values(flat).map((map) => [...baseKeys(map.keys())].sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('keep each area in its own file, named after the area', () => {
    for (const lang of Object.keys(locales)) {
      for (const file of readdirSync(join('shared/i18n/locales', lang))) {
        const texts = JSON.parse(readFileSync(join('shared/i18n/locales', lang, file), 'utf8')) as object;
        expect(Object.keys(texts), `${lang}/${file}`).toEqual([file.replace(/\.json$/, '')]);
      }
    }
  });

  it('have no empty text', () => {
    for (const [lang, map] of Object.entries(flat)) {
      const empty = [...map].filter(([, text]) => text.trim() === '').map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('have every plural form each language needs', () => {
    for (const [lang, map] of Object.entries(flat)) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plurals = new Set([...map.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      const missing = [...plurals].flatMap((base) => categories.filter((category) => !map.has(`${base}_${category}`)).map((category) => `${lang}:${base}_${category}`));
      expect(missing).toEqual([]);
    }
  });

  it('contain every key the renderer asks for by a literal name', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    const used = new Set<string>();
    for (const file of files('renderer')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(match[1] ?? '');
    }
    const known = baseKeys(flat.en.keys());
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});
