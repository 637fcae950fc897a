import { documentT } from '../i18n/documents';
import { ACTION_STATUSES, AGENDA_KINDS, STAKEHOLDER_GROUPS, type ActionStatus, type AgendaKind, type Language, type StakeholderGroup } from '../model';

/**
 * The minutes' words, from the UI's own translations (shared/i18n/locales/<lang>/*.json through
 * shared/i18n/documents.ts): the minutes' own texts are the area "minutesDoc", and whatever the UI
 * also names — agenda kinds, action statuses, stakeholder groups, tables, the parking lot — comes
 * from the UI's keys, so the minutes say what the screen says. The renderers read this typed view.
 */
export interface MinutesTexts {
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  documentTitle: string;
  generatedOn: (date: string) => string;
  date: string;
  time: string;
  timeSpan: (from: string, to: string) => string;
  /** The day's times while an item still runs: from its start, no end yet. */
  timeSince: (from: string) => string;
  timeZone: (zone: string) => string;
  /** The zone of the actual times when the workshop names none. */
  timeZoneUnnamed: (zone: string) => string;
  venue: string;
  room: string;
  moderator: string;
  minuteTaker: string;
  present: string;
  absent: string;
  distribution: string;
  /** "and 2 more people who asked not to be named", after names. */
  notNamedMore: (count: number) => string;
  /** "2 people who asked not to be named", when no one is named. */
  notNamedOnly: (count: number) => string;
  nobody: string;
  noParticipants: string;
  agenda: string;
  planned: string;
  actual: string;
  minutesShort: (minutes: number) => string;
  notHeld: string;
  speaker: string;
  task: string;
  notes: string;
  summary: string;
  decisions: string;
  /** Heading of the plenary cards captured while an item ran. */
  results: string;
  noAgenda: string;
  /** The plenary as the place an action item came from (not the agenda kind "plenary discussion"). */
  plenaryName: string;
  ungrouped: string;
  noCards: string;
  byAuthor: (name: string) => string;
  votes: string;
  voteRound: (index: number, budget: number, voters: number) => string;
  voteOpen: string;
  moreRanked: (count: number) => string;
  removedDots: (count: number) => string;
  dots: (count: number) => string;
  group: string;
  tableResults: string;
  table: (name: string) => string;
  /** What stands for a table's or a person's name that a peer wrote blank (the UI's own words). */
  /** A table a peer left without a name, by its number among such tables. */
  unnamedTable: (number: number) => string;
  unnamedPerson: string;
  topic: string;
  atTable: string;
  shownInPlenary: (tables: string) => string;
  resultsAt: (item: string) => string;
  itemRef: (number: number) => string;
  furtherResults: string;
  furtherResultsHint: string;
  plenaryResults: string;
  actions: string;
  number: string;
  what: string;
  who: string;
  /** The owner of an action item, as the UI's column says ("Verantwortlich"). */
  owner: string;
  organisation: string;
  dueBy: string;
  status: string;
  source: string;
  noActions: string;
  notNamedOwner: string;
  nextSteps: string;
  followUp: string;
  parkingLot: string;
  takenUp: string;
  statuses: Record<ActionStatus, string>;
  kinds: Record<AgendaKind, string>;
  stakeholders: Record<StakeholderGroup, string>;
  mailSubject: (title: string) => string;
  mailBody: (title: string, date: string) => string;
}

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB', uk: 'uk-UA' };

/**
 * A phrase remembered by its arguments: i18next's t takes tens of microseconds, and the minutes of
 * a big day ask for "by <name>" once per card with a few dozen names. Bounded, in case of a
 * workshop with very many distinct names.
 */
function remembered<A extends Array<string | number>>(phrase: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>();
  return (...args: A) => {
    const key = args.join('\u0000');
    let text = cache.get(key);
    if (text === undefined) {
      text = phrase(...args);
      if (cache.size < 5000) cache.set(key, text);
    }
    return text;
  };
}

const record = <K extends string>(keys: readonly K[], text: (key: K) => string) => Object.fromEntries(keys.map((key) => [key, text(key)])) as Record<K, string>;

function textsOf(language: Language): MinutesTexts {
  const t = documentT(language);
  const doc = (key: string, values?: Record<string, unknown>) => t(`minutesDoc.${key}`, values ?? {});
  return {
    locale: LOCALES[language],
    documentTitle: doc('documentTitle'),
    generatedOn: remembered((date) => doc('generatedOn', { date })),
    date: doc('date'),
    time: doc('time'),
    timeSpan: remembered((from, to) => doc('timeSpan', { from, to })),
    timeSince: remembered((from) => doc('timeSince', { from })),
    timeZone: remembered((zone) => doc('timeZone', { zone })),
    timeZoneUnnamed: remembered((zone) => doc('timeZoneUnnamed', { zone })),
    venue: t('workshop.venue'),
    room: t('workshop.room'),
    moderator: doc('moderator'),
    minuteTaker: doc('minuteTaker'),
    present: doc('present'),
    absent: doc('absent'),
    distribution: doc('distribution'),
    notNamedMore: remembered((count) => doc('notNamedMore', { count })),
    notNamedOnly: remembered((count) => doc('notNamedOnly', { count })),
    nobody: doc('nobody'),
    noParticipants: doc('noParticipants'),
    agenda: t('agenda.heading'),
    planned: doc('planned'),
    actual: doc('actual'),
    minutesShort: remembered((count) => doc('minutesShort', { count })),
    notHeld: doc('notHeld'),
    speaker: t('agenda.speakerLabel'),
    task: t('agenda.taskLabel'),
    notes: t('agenda.notesLabel'),
    summary: doc('summary'),
    decisions: doc('decisions'),
    results: doc('results'),
    noAgenda: doc('noAgenda'),
    plenaryName: t('actions.plenary'),
    ungrouped: doc('ungrouped'),
    noCards: doc('noCards'),
    byAuthor: remembered((name) => doc('byAuthor', { name })),
    votes: doc('votes'),
    voteRound: remembered((index, budget, voters) => doc('voteRound', { index, budget: doc('votePoints', { count: budget }), voters: doc('voters', { count: voters }) })),
    voteOpen: doc('voteOpen'),
    moreRanked: remembered((count) => doc('moreRanked', { count })),
    removedDots: remembered((count) => doc('removedDots', { count })),
    dots: remembered((count) => doc('dots', { count })),
    group: doc('group'),
    tableResults: doc('tableResults'),
    table: remembered((name) => doc('table', { name })),
    unnamedTable: remembered((number) => t('tables.unnamed', { number })),
    unnamedPerson: t('participants.unnamed'),
    topic: t('tables.topicLabel'),
    atTable: doc('atTable'),
    shownInPlenary: remembered((tables) => doc('shownInPlenary', { tables })),
    resultsAt: remembered((item) => doc('resultsAt', { item })),
    itemRef: remembered((number) => doc('itemRef', { number })),
    furtherResults: doc('furtherResults'),
    furtherResultsHint: doc('furtherResultsHint'),
    plenaryResults: doc('plenaryResults'),
    actions: t('actions.title'),
    number: doc('number'),
    what: doc('what'),
    who: doc('who'),
    owner: t('actions.colOwner'),
    organisation: t('actions.organisation'),
    dueBy: doc('dueBy'),
    status: t('actions.colStatus'),
    source: doc('source'),
    noActions: doc('noActions'),
    notNamedOwner: doc('notNamedOwner'),
    nextSteps: doc('nextSteps'),
    followUp: doc('followUp'),
    parkingLot: t('parkingLot.title'),
    takenUp: doc('takenUp'),
    statuses: record(ACTION_STATUSES, (status) => t(`actions.status.${status}`)),
    kinds: record(AGENDA_KINDS, (kind) => t(`agenda.kind.${kind}`)),
    stakeholders: record(STAKEHOLDER_GROUPS, (group) => t(`stakeholders.${group}`)),
    mailSubject: remembered((title) => doc('mailSubject', { title })),
    mailBody: remembered((title, date) => {
      const onDate = date ? doc('onDate', { date }) : '';
      // A date that ends in an abbreviation's dot ("6 грудня 2023 р.") ends the sentence with it too, not with "р..".
      const body = doc('mailBody', { title, onDate });
      return onDate.endsWith('.') ? body.replace(`${onDate}.`, onDate) : body;
    }),
  };
}

/** The minutes' words in every language, built once. */
export const MINUTES_TEXTS: Record<Language, MinutesTexts> = { de: textsOf('de'), en: textsOf('en'), uk: textsOf('uk') };

/** The words of the minutes in `language`. */
export const minutesTexts = (language: Language): MinutesTexts => MINUTES_TEXTS[language];
