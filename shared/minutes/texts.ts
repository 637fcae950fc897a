import type { ActionStatus, AgendaKind, Language, StakeholderGroup } from '../model';

/**
 * The minutes' own words. The minutes are written in a language chosen apart from the UI and
 * also from the command line, where the renderer's i18next is not loaded, so they carry a
 * small typed dictionary per language. `MinutesTexts` is the contract: a missing word in one
 * language is a type error, and tests/unit/minutes-texts.test.ts checks that none is empty.
 */
export interface MinutesTexts {
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  documentTitle: string;
  generatedOn: (date: string) => string;
  event: string;
  date: string;
  venue: string;
  room: string;
  participants: string;
  participantsSummary: (total: number, attended: number) => string;
  notNamed: (count: number) => string;
  noParticipants: string;
  agenda: string;
  planned: string;
  actual: string;
  minutesShort: (minutes: number) => string;
  notHeld: string;
  speaker: string;
  task: string;
  notes: string;
  noAgenda: string;
  plenary: string;
  /** The plenary as the place an action item came from (not the agenda kind "plenary discussion"). */
  plenaryName: string;
  ungrouped: string;
  noCards: string;
  byAuthor: (name: string) => string;
  votes: string;
  voteRound: (index: number, budget: number, voters: number) => string;
  voteOpen: string;
  moreRanked: (count: number) => string;
  dots: (count: number) => string;
  group: string;
  tables: string;
  table: (name: string) => string;
  topic: string;
  atTable: string;
  noTables: string;
  actions: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  source: string;
  noActions: string;
  nextSteps: string;
  noNextSteps: string;
  /** The parking lot: questions to take up later ("Themenspeicher"). */
  parkingLot: string;
  takenUp: string;
  notNamedOwner: string;
  statuses: Record<ActionStatus, string>;
  kinds: Record<AgendaKind, string>;
  stakeholders: Record<StakeholderGroup, string>;
  mailSubject: (title: string) => string;
  mailBody: (title: string, date: string) => string;
}

const plural = (locale: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => {
  const rules = new Intl.PluralRules(locale);
  return (count: number) => (forms[rules.select(count)] ?? forms.other).replace('#', String(count));
};

const de: MinutesTexts = {
  locale: 'de-DE',
  documentTitle: 'Protokoll',
  generatedOn: (date) => `Erstellt mit Plenum am ${date}`,
  event: 'Workshop',
  date: 'Datum',
  venue: 'Ort',
  room: 'Raum',
  participants: 'Teilnehmende',
  participantsSummary: (total, attended) => `${total} angemeldet, ${attended} anwesend`,
  notNamed: plural('de-DE', { one: 'und # weitere Person, die nicht namentlich genannt werden möchte', other: 'und # weitere Personen, die nicht namentlich genannt werden möchten' }),
  noParticipants: 'Keine Teilnehmenden erfasst.',
  agenda: 'Agenda',
  planned: 'geplant',
  actual: 'tatsächlich',
  minutesShort: (minutes) => `${minutes} Min.`,
  notHeld: 'nicht erfasst',
  speaker: 'Verantwortlich',
  task: 'Aufgabe',
  notes: 'Notizen',
  noAgenda: 'Keine Agenda erfasst.',
  plenary: 'Ergebnisse im Plenum',
  plenaryName: 'Plenum',
  ungrouped: 'Ohne Gruppe',
  noCards: 'Keine Karten.',
  byAuthor: (name) => `von ${name}`,
  votes: 'Abstimmung',
  voteRound: (index, budget, voters) => `Runde ${index}: ${budget} ${budget === 1 ? 'Punkt' : 'Punkte'} pro Person, ${voters} ${voters === 1 ? 'Person hat' : 'Personen haben'} abgestimmt`,
  voteOpen: 'Runde noch offen',
  moreRanked: plural('de-DE', { one: 'und # weitere Karte oder Gruppe mit weniger Punkten', other: 'und # weitere Karten oder Gruppen mit weniger Punkten' }),
  dots: plural('de-DE', { one: '# Punkt', other: '# Punkte' }),
  group: 'Gruppe',
  tables: 'Ergebnisse der Tische',
  table: (name) => `Tisch: ${name}`,
  topic: 'Thema',
  atTable: 'Am Tisch',
  noTables: 'Keine Tische.',
  actions: 'Maßnahmen',
  action: 'Maßnahme',
  owner: 'Verantwortlich',
  due: 'Fällig',
  status: 'Status',
  source: 'Aus',
  noActions: 'Keine Maßnahmen.',
  nextSteps: 'Nächste Schritte',
  noNextSteps: 'Keine offenen Schritte.',
  parkingLot: 'Themenspeicher',
  takenUp: 'aufgegriffen',
  notNamedOwner: 'eine teilnehmende Person',
  statuses: { open: 'offen', inProgress: 'in Arbeit', done: 'erledigt' },
  kinds: { input: 'Input', plenary: 'Plenumsdiskussion', groupWork: 'Kleingruppenarbeit', break: 'Pause', networking: 'Networking', reportBack: 'Ergebnisvorstellung' },
  stakeholders: { company: 'Unternehmen', association: 'Verband', municipality: 'Kommune', civilSociety: 'Zivilgesellschaft', politics: 'Politik', other: 'Sonstige' },
  mailSubject: (title) => `Protokoll: ${title}`,
  mailBody: (title, date) =>
    `Liebe Teilnehmende,\n\nvielen Dank für Ihre Mitwirkung an „${title}“${date ? ` am ${date}` : ''}. Im Anhang finden Sie das Protokoll mit allen Ergebnissen und Maßnahmen.\n\nMit freundlichen Grüßen`,
};

const en: MinutesTexts = {
  locale: 'en-GB',
  documentTitle: 'Minutes',
  generatedOn: (date) => `Written with Plenum on ${date}`,
  event: 'Workshop',
  date: 'Date',
  venue: 'Venue',
  room: 'Room',
  participants: 'Participants',
  participantsSummary: (total, attended) => `${total} registered, ${attended} attended`,
  notNamed: plural('en-GB', { one: 'and # more person who asked not to be named', other: 'and # more people who asked not to be named' }),
  noParticipants: 'No participants recorded.',
  agenda: 'Agenda',
  planned: 'planned',
  actual: 'actual',
  minutesShort: (minutes) => `${minutes} min`,
  notHeld: 'not recorded',
  speaker: 'Lead',
  task: 'Task',
  notes: 'Notes',
  noAgenda: 'No agenda recorded.',
  plenary: 'Plenary results',
  plenaryName: 'Plenary',
  ungrouped: 'Not grouped',
  noCards: 'No cards.',
  byAuthor: (name) => `by ${name}`,
  votes: 'Vote',
  voteRound: (index, budget, voters) => `Round ${index}: ${budget} ${budget === 1 ? 'dot' : 'dots'} per person, ${voters} ${voters === 1 ? 'person' : 'people'} voted`,
  voteOpen: 'round still open',
  moreRanked: plural('en-GB', { one: 'and # more card or group with fewer dots', other: 'and # more cards or groups with fewer dots' }),
  dots: plural('en-GB', { one: '# dot', other: '# dots' }),
  group: 'Group',
  tables: 'Results from the tables',
  table: (name) => `Table: ${name}`,
  topic: 'Topic',
  atTable: 'At the table',
  noTables: 'No tables.',
  actions: 'Action items',
  action: 'Action item',
  owner: 'Owner',
  due: 'Due',
  status: 'Status',
  source: 'From',
  noActions: 'No action items.',
  nextSteps: 'Next steps',
  noNextSteps: 'No open steps.',
  parkingLot: 'Parking lot',
  takenUp: 'taken up',
  notNamedOwner: 'a participant',
  statuses: { open: 'open', inProgress: 'in progress', done: 'done' },
  kinds: { input: 'Input', plenary: 'Plenary discussion', groupWork: 'Small-group work', break: 'Break', networking: 'Networking', reportBack: 'Report-back' },
  stakeholders: { company: 'Company', association: 'Association', municipality: 'Municipality', civilSociety: 'Civil society', politics: 'Politics', other: 'Other' },
  mailSubject: (title) => `Minutes: ${title}`,
  mailBody: (title, date) =>
    `Dear participants,\n\nthank you for taking part in “${title}”${date ? ` on ${date}` : ''}. Attached are the minutes with all results and action items.\n\nKind regards`,
};

const uk: MinutesTexts = {
  locale: 'uk-UA',
  documentTitle: 'Протокол',
  generatedOn: (date) => `Створено в Plenum ${date}`,
  event: 'Воркшоп',
  date: 'Дата',
  venue: 'Місце',
  room: 'Зала',
  participants: 'Учасники',
  participantsSummary: (total, attended) => `зареєстровано: ${total}, присутні: ${attended}`,
  notNamed: plural('uk-UA', {
    one: 'і ще # особа, яка не бажає бути названою',
    few: 'і ще # особи, які не бажають бути названими',
    many: 'і ще # осіб, які не бажають бути названими',
    other: 'і ще # особи, які не бажають бути названими',
  }),
  noParticipants: 'Учасників не зареєстровано.',
  agenda: 'Порядок денний',
  planned: 'заплановано',
  actual: 'фактично',
  minutesShort: (minutes) => `${minutes} хв`,
  notHeld: 'не зафіксовано',
  speaker: 'Відповідальна особа',
  task: 'Завдання',
  notes: 'Нотатки',
  noAgenda: 'Порядок денний не зафіксовано.',
  plenary: 'Результати пленуму',
  plenaryName: 'Пленум',
  ungrouped: 'Без групи',
  noCards: 'Карток немає.',
  byAuthor: (name) => `автор: ${name}`,
  votes: 'Голосування',
  voteRound: (index, budget, voters) => `Раунд ${index}: ${budget} бал. на особу, проголосували: ${voters}`,
  voteOpen: 'раунд ще відкритий',
  moreRanked: plural('uk-UA', {
    one: 'і ще # картка чи група з меншою кількістю балів',
    few: 'і ще # картки чи групи з меншою кількістю балів',
    many: 'і ще # карток чи груп з меншою кількістю балів',
    other: 'і ще # картки чи групи з меншою кількістю балів',
  }),
  dots: plural('uk-UA', { one: '# бал', few: '# бали', many: '# балів', other: '# бала' }),
  group: 'Група',
  tables: 'Результати столів',
  table: (name) => `Стіл: ${name}`,
  topic: 'Тема',
  atTable: 'За столом',
  noTables: 'Столів немає.',
  actions: 'Доручення',
  action: 'Доручення',
  owner: 'Відповідальний',
  due: 'Термін',
  status: 'Статус',
  source: 'Звідки',
  noActions: 'Доручень немає.',
  nextSteps: 'Наступні кроки',
  noNextSteps: 'Відкритих кроків немає.',
  parkingLot: 'Відкладені питання',
  takenUp: 'розглянуто',
  notNamedOwner: 'учасник',
  statuses: { open: 'відкрито', inProgress: 'у роботі', done: 'виконано' },
  kinds: { input: 'Доповідь', plenary: 'Пленарна дискусія', groupWork: 'Робота в малих групах', break: 'Перерва', networking: 'Нетворкінг', reportBack: 'Презентація результатів' },
  stakeholders: { company: 'Бізнес', association: 'Асоціація', municipality: 'Громада', civilSociety: 'Громадянське суспільство', politics: 'Політика', other: 'Інші' },
  mailSubject: (title) => `Протокол: ${title}`,
  mailBody: (title, date) =>
    `Шановні учасники,\n\nдякуємо за участь у воркшопі «${title}»${date ? ` ${date}` : ''}. У вкладенні — протокол з усіма результатами та дорученнями.\n\nЗ повагою`,
};

export const MINUTES_TEXTS: Record<Language, MinutesTexts> = { de, en, uk };

/** The words of the minutes in `language`. */
export const minutesTexts = (language: Language): MinutesTexts => MINUTES_TEXTS[language];
