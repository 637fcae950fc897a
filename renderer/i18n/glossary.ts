import type { UiLanguage } from './resources';

/**
 * One word for each thing, per language. A room reads the projector, the laptops and the minutes
 * side by side: when the roster says "Stakeholdergruppe" and the board "Akteursgruppe", people ask
 * whether these are two things. tests/unit/i18n-glossary.test.ts checks every UI text, the
 * minutes' own among them (area "minutesDoc"), against the `avoid` lists here and names the
 * file and key of each hit. Add a concept here before a second word for it creeps in.
 */
export interface GlossaryTerm {
  /** The word to use, in its base form (inflected forms are fine). */
  use: string;
  /** Variants that must not appear in any text of this language. */
  avoid: readonly RegExp[];
  /** Keys ("area.key") where an avoided word is right, with the reason. */
  allow?: Readonly<Record<string, string>>;
}

export interface GlossaryEntry {
  concept: string;
  terms: Readonly<Record<UiLanguage, GlossaryTerm>>;
}

/**
 * A whole word (or the start of a compound when `source` ends openly): JavaScript's \b only knows
 * ASCII letters, so Cyrillic and umlauts need letter look-arounds.
 */
const word = (source: string, flags = 'iu') => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, flags);
const start = (source: string, flags = 'iu') => new RegExp(`(?<!\\p{L})(?:${source})`, flags);

const TABLE_TASK = 'the task a table works on (an agenda item\'s "task for the tables"), not an action item';

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: 'the name of a key, as the keyboards of the language print it (shortcuts.keys, used in the "?" overview and in every hint)',
    terms: {
      de: { use: 'Strg, Umschalt, Entf, Leertaste, Esc, Bild↓', avoid: [word('ctrl'), word('shift'), word('escape'), word('space'), word('delete'), word('page ?(?:down|up)')] },
      en: { use: 'Esc', avoid: [word('escape')] },
      uk: { use: 'Пробіл, Esc', avoid: [word('escape'), word('space')] },
    },
  },
  {
    concept: 'the big screen the moderator projects on, and the view shown there',
    terms: {
      de: { use: 'Beamer', avoid: [/projektor/i] },
      en: { use: 'projector', avoid: [word('beamers?')] },
      uk: { use: 'проєктор', avoid: [/проектор/iu] },
    },
  },
  {
    concept: 'a surface of cards (the plenary\'s or a table\'s)',
    terms: {
      de: { use: 'Pinnwand', avoid: [word('boards?'), /tafel/i, /(?<!pinn|auf|ein|ge)w[aä]nde?(?!\p{L})/iu] },
      en: { use: 'board', avoid: [word('walls?'), word('pinboards?')] },
      uk: { use: 'дошка', avoid: [start('стін'), /борд/iu, /пленарн\p{L}* дошк/iu] },
    },
  },
  {
    concept: 'the whole room together (its board, its part of the day)',
    terms: {
      de: { use: 'Plenum', avoid: [/plenarsitzung/i] },
      // "Plenum" in English texts is the app's name.
      en: { use: 'plenary', avoid: [/plenary (?:session|part)/i] },
      uk: { use: 'пленум', avoid: [/пленарн\p{L}* (?:частин|сесі)/iu] },
    },
  },
  {
    concept: 'a participant\'s or a card\'s stakeholder group (company, municipality, …)',
    terms: {
      de: { use: 'Akteursgruppe', avoid: [/stakeholder/i] },
      en: { use: 'stakeholder group', avoid: [word('actor groups?'), word('tags?')] },
      uk: { use: 'група зацікавлених сторін', avoid: [/стейкхолдер/iu] },
    },
  },
  {
    concept: 'the state of an action item (open, in progress, done)',
    terms: {
      // Case-sensitive: lower-case "stand" is the verb.
      de: { use: 'Status', avoid: [word('Stand(?:es|s)?', 'u')] },
      en: { use: 'status', avoid: [word('states?')] },
      uk: { use: 'статус', avoid: [word('стан(?:у|ом|і)?')] },
    },
  },
  {
    concept: 'an action item: something someone does after the workshop (owner, due date)',
    terms: {
      de: { use: 'Maßnahme', avoid: [start('aufgabe'), word('to-?dos?')], allow: { 'agenda.taskLabel': TABLE_TASK } },
      en: { use: 'action item', avoid: [word('tasks?'), word('to-?dos?')], allow: { 'agenda.taskLabel': TABLE_TASK } },
      uk: { use: 'доручення', avoid: [start('завдан')], allow: { 'agenda.taskLabel': TABLE_TASK } },
    },
  },
  {
    concept: 'the day as a whole, the thing Plenum stores and the minutes describe',
    terms: {
      de: { use: 'Workshop', avoid: [/veranstaltung/i] },
      en: { use: 'workshop', avoid: [word('events?')] },
      uk: { use: 'воркшоп', avoid: [word('захід|заход(?:у|і|ом|и|ів|ам|ами|ах)')] },
    },
  },
  {
    concept: 'a breakout table: a small group of people with its laptop and its board',
    terms: {
      // "Kleingruppenarbeit" (the kind of agenda item) stays: it names the activity, not the table.
      de: { use: 'Tisch', avoid: [/kleingruppe(?!narbeit)/i] },
      en: { use: 'table', avoid: [/small[- ]groups?(?![- ]work)/i, word('breakout')] },
      uk: { use: 'стіл', avoid: [/малі групи|мал(?:их|им|ими) груп(?!ах)/iu] },
    },
  },
  {
    concept: 'the moderator\'s role and laptop',
    terms: {
      de: { use: 'Moderation', avoid: [word('moderator(?:in|en|innen)?')] },
      en: { use: 'moderator', avoid: [word('moderation')] },
      uk: { use: 'модерація', avoid: [/модератор/iu] },
    },
  },
  {
    concept: 'the list of agenda items',
    terms: {
      de: { use: 'Agenda', avoid: [/tagesordnung/i] },
      en: { use: 'agenda', avoid: [word('programmes?')] },
      // "Програма" alone is also an application ("настільна програма").
      uk: { use: 'порядок денний', avoid: [/програм\p{L}* (?:заходу|дня|воркшопу)/iu] },
    },
  },
  {
    concept: 'the people taking part',
    terms: {
      de: { use: 'Teilnehmende', avoid: [/teilnehmer/i] },
      en: { use: 'participants', avoid: [word('attendees?')] },
      uk: { use: 'учасники', avoid: [] },
    },
  },
  {
    concept: 'the parking lot: questions to take up later',
    terms: {
      de: { use: 'Themenspeicher', avoid: [/parkplatz/i] },
      en: { use: 'parking lot', avoid: [/parking (?:space|area)/i] },
      uk: { use: 'відкладені питання', avoid: [/парков/iu] },
    },
  },
  {
    concept: 'a card on a board',
    terms: {
      de: { use: 'Karte', avoid: [/kärtchen/i, word('zettel')] },
      en: { use: 'card', avoid: [word('sticky notes?'), word('post-?its?')] },
      uk: { use: 'картка', avoid: [/карточк/iu] },
    },
  },
];
