import { describe, expect, it } from 'vitest';
import { GLOSSARY, type GlossaryEntry } from '../../renderer/i18n/glossary';
import { UI_LANGUAGES, uiTexts, type UiLanguage } from '../../renderer/i18n/resources';
import { ACTION_STATUSES, AGENDA_KINDS, STAKEHOLDER_GROUPS } from '../../shared/model';
import { MINUTES_TEXTS } from '../../shared/minutes/texts';

type Texts = Map<string, string>;

/** Every text under `prefix`; the minutes' word functions are called so their wording is checked too. */
function flatten(value: unknown, prefix: string, out: Texts = new Map()): Texts {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    out.set(prefix, String(fn(...Array.from({ length: fn.length }, () => 2))));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

/**
 * UI texts by "area.key". The minutes' words are among them: their own area "minutesDoc" and the
 * UI's keys for what both name (shared/minutes/texts.ts reads them through shared/i18n/documents.ts).
 */
const textsOf = (language: UiLanguage): Texts => flatten(uiTexts[language], '');

function where(language: UiLanguage, key: string): string {
  const [area = ''] = key.split('.');
  return `${language}/${area}.json ${key}`;
}

/** Each avoided word in `texts`, named by file and key, with the word to use instead. */
function findings(glossary: readonly GlossaryEntry[], language: UiLanguage, texts: Texts): string[] {
  const found: string[] = [];
  for (const { terms } of glossary) {
    const term = terms[language];
    for (const [key, raw] of texts) {
      if (term.allow && key in term.allow) continue;
      // {{board}} is a placeholder's name, not a word the reader sees.
      const text = raw.replace(/\{\{[^}]*\}\}/g, '…');
      for (const pattern of term.avoid) {
        const match = pattern.exec(text);
        if (match) found.push(`${where(language, key)}: "${match[0]}" in "${text}" — use "${term.use}"`);
      }
    }
  }
  return found;
}

describe('one word for each thing (renderer/i18n/glossary.ts)', () => {
  it.each(UI_LANGUAGES)('no UI text or word of the minutes in %s uses an avoided variant', (language) => {
    expect(findings(GLOSSARY, language, textsOf(language))).toEqual([]);
  });

  it('names the file and key of an avoided word it finds', () => {
    const planted = new Map([
      ['run.projectorShows', 'Projektor:'],
      ['board.lock', 'Board sperren'],
      ['agenda.taskLabel', 'Aufgabe für die Tische'],
    ]);
    const found = findings(GLOSSARY, 'de', planted);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('de/run.json run.projectorShows: "Projektor"');
    expect(found[0]).toContain('use "Beamer"');
    expect(found[1]).toContain('de/board.json board.lock: "Board"');
  });

  it('finds avoided words in Ukrainian across letters JavaScript calls non-word', () => {
    const found = findings(GLOSSARY, 'uk', new Map([['a.x', 'Нове завдання'], ['a.y', 'Група стейкхолдерів'], ['a.z', 'Західноєвропейське кодування']]));
    expect(found.map((line) => line.split(':')[0]).sort()).toEqual(['uk/a.json a.x', 'uk/a.json a.y']);
  });

  it('allows an avoided word only where a key still exists', () => {
    for (const language of UI_LANGUAGES) {
      const keys = textsOf(language);
      const stale = GLOSSARY.flatMap(({ terms }) => Object.keys(terms[language].allow ?? {})).filter((key) => !keys.has(key));
      expect(stale, language).toEqual([]);
    }
  });

  it('never avoids the word it asks for', () => {
    for (const { concept, terms } of GLOSSARY) {
      for (const language of UI_LANGUAGES) {
        const term = terms[language];
        expect(term.avoid.filter((pattern) => pattern.test(term.use)), `${language}: ${concept}`).toEqual([]);
      }
    }
  });
});

describe('the minutes speak the UI\'s words', () => {
  it.each(UI_LANGUAGES)('every fixed word of the minutes in %s is a text of the locale files', (language) => {
    const ui = new Set(flatten(uiTexts[language], '').values());
    const texts: Record<string, unknown> = { ...MINUTES_TEXTS[language] };
    // The words, not the phrases built around a name or a number, nor the locale tag.
    const words = [...flatten(texts, '')].filter(([key]) => key !== 'locale' && typeof texts[key.split('.')[0] ?? ''] !== 'function');
    expect(words.length).toBeGreaterThan(40);
    expect(words.filter(([, word]) => !ui.has(word)).map(([key, word]) => `${key}: "${word}"`)).toEqual([]);
  });
});

describe('the minutes name kinds, statuses and stakeholder groups as the UI does', () => {
  const same = (text: string) => text.toLocaleLowerCase();
  it.each(UI_LANGUAGES)('in %s', (language) => {
    const ui = flatten(uiTexts[language], '');
    const minutes = MINUTES_TEXTS[language];
    const pairs = [
      ...AGENDA_KINDS.map((kind) => [`agenda.kind.${kind}`, minutes.kinds[kind]] as const),
      ...ACTION_STATUSES.map((status) => [`actions.status.${status}`, minutes.statuses[status]] as const),
      ...STAKEHOLDER_GROUPS.map((group) => [`stakeholders.${group}`, minutes.stakeholders[group]] as const),
    ];
    const differing = pairs.filter(([key, word]) => same(ui.get(key) ?? '') !== same(word)).map(([key, word]) => `${key}: UI "${ui.get(key)}", minutes "${word}"`);
    expect(differing).toEqual([]);
  });
});
