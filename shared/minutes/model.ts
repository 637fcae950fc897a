import {
  LANGUAGES,
  PLENARY_BOARD_ID,
  STAKEHOLDER_GROUPS,
  countedVotes,
  dotsOnRemoved,
  isKnownTimeZone,
  systemTimeZone,
  shownName,
  shownTableNames,
  layoutBoard,
  rankVotes,
  voteTargetIds,
  shownCards,
  tablesFrom,
  withoutHiddenControls,
  type ActionStatus,
  type AgendaItem,
  type Card,
  type Language,
  type Participant,
  type VoteRound,
  type WorkshopSnapshot,
} from '../model';
import { clockTime, instantDate, longDate, oneLine, shortDate } from './format';
import { minutesTexts, type MinutesTexts } from './texts';

/*
 * The neutral minutes model: what the minutes say, decided once, so that Markdown, HTML, DOCX,
 * CSV, ICS and the mail all say the same. Built from the plain snapshot (never from Yjs) and
 * already in the minutes' language; renderers only lay it out.
 *
 * Privacy: a person is named only with consent. Participants without consent are counted (among
 * those present and among those absent alike); a card by one of them shows no author; an action
 * item they own says "a participant" and their organisation.
 *
 * Results stand under the agenda item they came from, by the times run mode recorded:
 * - a card on the plenary board under the item that was running when the card was written
 *   (actualStart ≤ createdAt < actualEnd; an item still running has no end), a plenary vote under
 *   the item running when the round was opened;
 * - the tables' boards under the small-group item (kind groupWork); with several, a card or a
 *   round under the last one that had started when it was written (before any: the first);
 * - the report-back item names the tables shown in the plenary and where their results stand;
 * - what no item can take (written outside every recorded item, a plenary board of a workshop
 *   never run, tables without a small-group item, groups left empty) is listed once, after the
 *   agenda, under "further results": nothing is dropped and nothing is listed twice.
 */

export interface MinutesOptions {
  language: Language;
  /** Time zone of clock times; by default the workshop's own, else (old workshops) this machine's. */
  timeZone?: string;
  /** When the minutes are written (ms); now by default. Fixed in golden tests. */
  now?: number;
}

export interface NamedPerson {
  name: string;
  organisation: string;
  /** The stakeholder group in the minutes' language, '' when none. */
  stakeholder: string;
}

/** People of one list: the consenting ones by name, the others counted. */
export interface PeopleList {
  named: NamedPerson[];
  unnamed: number;
}

export interface CardEntry {
  text: string;
  /** Only for authors who consented to be named. */
  author: string | null;
  stakeholder: string | null;
}

export interface RankedEntry {
  rank: number;
  dots: number;
  label: string;
  isGroup: boolean;
}

export interface RoundResult {
  label: string;
  open: boolean;
  /** The top of the ranking (ties at the last place included); empty while an open round hides its results. */
  ranking: RankedEntry[];
  /** Cards and groups with fewer dots, left out of `ranking`. */
  more: number;
  /** Dots of a closed round on cards deleted or groups dissolved since: not ranked, but not hidden either. */
  removed: number;
}

export interface BoardResult {
  groups: Array<{ title: string; cards: CardEntry[] }>;
  loose: CardEntry[];
  rounds: RoundResult[];
  cardCount: number;
}

export interface TableResult {
  id: string;
  name: string;
  topic: string;
  people: PeopleList;
  board: BoardResult;
}

export interface AgendaEntry {
  id: string;
  /** 1-based position, as the minutes number the items ("TOP 3"). */
  number: number;
  title: string;
  kind: string;
  speaker: string;
  durationMin: number;
  /** "09:00–09:30 (30 min)" when the day's start is known, else "30 min". */
  planned: string;
  /** "09:05–09:40 (35 min)", or "not recorded". */
  actual: string;
  task: string;
  notes: string;
  summary: string;
  /** One decision per entry, in the order written. */
  decisions: string[];
  /** Plenary cards and votes of while the item ran; null when there are none. */
  results: BoardResult | null;
  /** The tables' results, for small-group items. */
  tables: TableResult[];
  /** For the report-back item: the tables shown in the plenary, and the item their results stand under. */
  shown: { tables: string[]; resultsAt: number | null } | null;
}

export interface ActionEntry {
  id: string;
  /** 1-based, in the action list's order. */
  number: number;
  title: string;
  /** The person (a name only with consent), '' when the owner is an organisation or unknown. */
  owner: string;
  organisation: string;
  /** ISO date or ''. */
  due: string;
  dueText: string;
  status: ActionStatus;
  statusText: string;
  source: string;
  /** When the item was added and last changed (ms): a calendar entry's version. */
  createdAt: number;
  updatedAt: number;
}

export interface ParkedEntry {
  text: string;
  takenUp: boolean;
}

export interface Minutes {
  language: Language;
  texts: MinutesTexts;
  workshopId: string;
  title: string;
  /** ISO date of the workshop or ''. */
  date: string;
  dateText: string;
  /** "14:02–17:15 Uhr": the actual start and end when recorded, else the planned ones, else ''. */
  timeText: string;
  /** The IANA zone every clock time of the minutes is in. */
  timeZone: string;
  /**
   * False for a workshop that names no zone (from a backup of an older Plenum): its actual times
   * are in the zone above (this computer's), its planned ones as the agenda has them, which can
   * be another zone's clock. The header says so rather than naming one zone for both.
   */
  zoneNamed: boolean;
  venue: string;
  room: string;
  moderator: string;
  minuteTaker: string;
  /** Who receives the minutes, as written. */
  distribution: string;
  generatedAt: number;
  generatedText: string;
  participants: {
    total: number;
    /** False when nobody was marked present: then `present` holds everyone registered and `absent` no one. */
    attendanceTaken: boolean;
    present: PeopleList;
    absent: PeopleList;
  };
  agenda: AgendaEntry[];
  /** What no agenda item takes (see above); null parts are empty. */
  further: { plenary: BoardResult | null; tables: TableResult[] };
  actions: ActionEntry[];
  /** The workshop's next steps as written, one line per step. */
  nextSteps: string[];
  /** ISO date of the follow-up meeting or ''. */
  followUpDate: string;
  followUpText: string;
  /** The parking lot's questions in their order; a section only when there are any. */
  parkingLot: ParkedEntry[];
}

/** "A, B and 2 more people who…", "2 people who…", or '' for nobody. */
export function peopleText(people: { named: readonly string[]; unnamed: number }, texts: MinutesTexts): string {
  const names = people.named.join(', ');
  if (people.unnamed === 0) return names;
  return names ? `${names} ${texts.notNamedMore(people.unnamed)}` : texts.notNamedOnly(people.unnamed);
}

/** How a format writes the header's values. */
export interface HeaderFormat {
  /** A value as written (escaped for the format). */
  text: (value: string) => string;
  /** The note on the time zone after the day's times, "(time zone Europe/Berlin)". */
  zone: (note: string) => string;
  /** A person of the attendance lists, with their organisation. */
  person: (person: NamedPerson) => string;
}

/** The header as a Protokoll has it: [term, value] in order, each value written by `format`; empty fields left out. */
export function headerFields(minutes: Minutes, format: HeaderFormat): Array<[string, string]> {
  const { texts, participants } = minutes;
  const count = (list: PeopleList) => list.named.length + list.unnamed;
  const people = (list: PeopleList) => peopleText({ named: list.named.map(format.person), unnamed: list.unnamed }, texts) || texts.nobody;
  const fields: Array<[string, string]> = [
    [texts.date, format.text(minutes.dateText)],
    [texts.time, minutes.timeText ? `${format.text(minutes.timeText)} ${format.zone(`(${(minutes.zoneNamed ? texts.timeZone : texts.timeZoneUnnamed)(minutes.timeZone)})`)}` : ''],
    [texts.venue, format.text(minutes.venue)],
    [texts.room, format.text(minutes.room)],
    [texts.moderator, format.text(minutes.moderator)],
    [texts.minuteTaker, format.text(minutes.minuteTaker)],
  ];
  if (participants.total === 0) fields.push([texts.present, format.text(texts.noParticipants)]);
  else {
    fields.push([`${texts.present} (${count(participants.present)})`, people(participants.present)]);
    if (count(participants.absent) > 0) fields.push([`${texts.absent} (${count(participants.absent)})`, people(participants.absent)]);
  }
  fields.push([texts.distribution, format.text(minutes.distribution)]);
  return fields.filter(([, value]) => value);
}

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** A stakeholder group's name: the workshop's own if it renamed or added the group, else the built-in one in the minutes' language. */
function stakeholderLabel(texts: MinutesTexts, groups: WorkshopSnapshot['stakeholderGroups'], key: string | null): string {
  if (!key) return '';
  const own = groups.find((group) => group.key === key)?.label;
  if (own) return own;
  return (STAKEHOLDER_GROUPS as readonly string[]).includes(key) ? texts.stakeholders[key as keyof MinutesTexts['stakeholders']] : '';
}

/** How many places of a vote's ranking the minutes list. */
export const RANKING_TOP = 10;

const minutesBetween = (start: number, end: number) => Math.max(0, Math.round((end - start) / 60_000));

/** 'HH:MM' of a minute of the day (wrapping past midnight). */
const wallClock = (minuteOfDay: number) => {
  const minutes = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The lines of a list typed as text, each a point of the minutes' bullet list: a bullet the writer
 * typed ("- ", "• ", "* ", "– ") goes, or the minutes show two ("• - Beschluss"); a number stays,
 * as the writer may refer to it ("see 2.").
 */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-*•–·‣◦▪]\s+/u, '').trim())
    .filter(Boolean);

/** When an item ran, as [start, end); an item still running has no end; null when it never started. */
function ranDuring(item: AgendaItem): [number, number] | null {
  if (!(item.actualStart > 0)) return null;
  return [item.actualStart, item.actualEnd >= item.actualStart ? item.actualEnd : Number.POSITIVE_INFINITY];
}

/** The planned and actual times of each item, and the day's "from–to". */
function agendaTimes(snapshot: WorkshopSnapshot, texts: MinutesTexts, timeZone: string) {
  const time = (ms: number) => clockTime(ms, texts.locale, timeZone);
  // Planned clock times run from the day's planned start (venue wall time), else from when the
  // first item actually started; without either only the durations are planned.
  const start = CLOCK.exec(snapshot.meta.startTime ?? '');
  const firstStart = snapshot.agenda[0]?.actualStart ?? 0;
  let plannedAt: number | null = start ? Number(start[1]) * 60 + Number(start[2]) : firstStart > 0 ? firstStart : null;
  const items = snapshot.agenda.map((item) => {
    const duration = texts.minutesShort(item.durationMin);
    let planned = duration;
    if (typeof plannedAt === 'number' && start) {
      planned = `${wallClock(plannedAt)}–${wallClock(plannedAt + item.durationMin)} (${duration})`;
      plannedAt += item.durationMin;
    } else if (typeof plannedAt === 'number') {
      planned = `${time(plannedAt)}–${time(plannedAt + item.durationMin * 60_000)} (${duration})`;
      plannedAt += item.durationMin * 60_000;
    }
    const actual =
      item.actualStart > 0 && item.actualEnd >= item.actualStart
        ? `${time(item.actualStart)}–${time(item.actualEnd)} (${texts.minutesShort(minutesBetween(item.actualStart, item.actualEnd))})`
        : item.actualStart > 0
          ? `${time(item.actualStart)}–`
          : texts.notHeld;
    return { planned, actual };
  });

  const starts = snapshot.agenda.map((item) => item.actualStart).filter((ms) => ms > 0);
  const ends = snapshot.agenda.filter((item) => item.actualStart > 0 && item.actualEnd >= item.actualStart).map((item) => item.actualEnd);
  let day = '';
  // An item still running: the day has not ended, whatever the items before it ended at ("17:51–17:51").
  const running = snapshot.agenda.some((item) => item.actualStart > 0 && !(item.actualEnd >= item.actualStart));
  if (starts.length > 0 && running) day = texts.timeSince(time(Math.min(...starts)));
  else if (starts.length > 0 && ends.length > 0) day = texts.timeSpan(time(Math.min(...starts)), time(Math.max(...ends)));
  else if (start) {
    const from = Number(start[1]) * 60 + Number(start[2]);
    day = texts.timeSpan(wallClock(from), wallClock(from + snapshot.agenda.reduce((sum, item) => sum + item.durationMin, 0)));
  }
  return { items, day };
}

type People = ReadonlyMap<string, Participant>;

/** The cards and groups of a whole board as votes name them, in the board's order (ties in a ranking keep it), and its groups without a card. */
function voteTargets(snapshot: WorkshopSnapshot, boardId: string, cards: readonly Card[]) {
  const layout = layoutBoard(boardId, snapshot.groups, cards);
  const order = [...layout.groups.flatMap(({ group, cards: members }) => [group.id, ...members.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
  const labels = new Map<string, { label: string; isGroup: boolean }>();
  for (const { group, cards: members } of layout.groups) {
    labels.set(group.id, { label: group.title, isGroup: true });
    for (const card of members) labels.set(card.id, { label: oneLine(card.text), isGroup: false });
  }
  for (const card of layout.loose) labels.set(card.id, { label: oneLine(card.text), isGroup: false });
  const emptyGroups = new Set(layout.groups.filter(({ cards: members }) => members.length === 0).map(({ group }) => group.id));
  return { order, labels, emptyGroups };
}

function roundResult(snapshot: WorkshopSnapshot, round: VoteRound, index: number, targets: ReturnType<typeof voteTargets>, texts: MinutesTexts): RoundResult {
  const open = round.state === 'open';
  // Who voted in a closed round stays as it was when it closed (a dissolve later does not
  // shrink it; `removed` says where those dots went); in an open round dots on a deleted card
  // are their voters' again.
  const castOn = open ? new Set(targets.order) : new Set(snapshot.votes.filter((vote) => vote.roundId === round.id).map((vote) => vote.targetId));
  const voters = new Set(countedVotes(round, snapshot.votes, castOn).map((vote) => vote.voterId)).size;
  const ranking =
    open && round.hideResults
      ? []
      : rankVotes(round, snapshot.votes, targets.order).flatMap((ranked) => {
          const target = targets.labels.get(ranked.targetId);
          return target ? [{ rank: ranked.rank, dots: ranked.dots, ...target }] : [];
        });
  // The minutes name the priorities: a long tail of single dots belongs on the board, not in the ranking.
  const shown = ranking.filter((entry) => entry.rank <= RANKING_TOP);
  const removed = open ? 0 : dotsOnRemoved(round, snapshot.votes, voteTargetIds(snapshot.cards, snapshot.groups));
  return { label: texts.voteRound(index + 1, round.budget, voters), open, ranking: shown, more: ranking.length - shown.length, removed };
}

/**
 * A part of a board: `cards` (of that board) in its groups, and `rounds` (numbered as on the whole
 * board). Groups without a card here are left out, unless `emptyGroups` and empty on the whole board.
 */
function boardPart(
  snapshot: WorkshopSnapshot,
  boardId: string,
  cards: readonly Card[],
  rounds: ReadonlyArray<{ round: VoteRound; index: number }>,
  context: { people: People; texts: MinutesTexts; targets: ReturnType<typeof voteTargets> },
  emptyGroups = false,
): BoardResult {
  const { people, texts } = context;
  const layout = layoutBoard(boardId, snapshot.groups, cards);
  const entry = (card: Card): CardEntry => {
    const author = card.authorId ? people.get(card.authorId) : undefined;
    return { text: card.text, author: author?.consent ? author.name : null, stakeholder: stakeholderLabel(texts, snapshot.stakeholderGroups, card.stakeholderGroup) || null };
  };
  const groups = layout.groups.filter(({ group, cards: members }) => members.length > 0 || (emptyGroups && context.targets.emptyGroups.has(group.id)));
  return {
    groups: groups.map(({ group, cards: members }) => ({ title: group.title, cards: members.map(entry) })),
    loose: layout.loose.map(entry),
    rounds: rounds.map(({ round, index }) => roundResult(snapshot, round, index, context.targets, texts)),
    cardCount: layout.loose.length + groups.reduce((sum, { cards: members }) => sum + members.length, 0),
  };
}

const isEmpty = (board: BoardResult) => board.cardCount === 0 && board.groups.length === 0 && board.rounds.length === 0;

/** Indexes `items` by `keyOf`; an item whose key is null lands under `null`. */
function bucket<T, K>(items: readonly T[], keyOf: (item: T) => K | null): Map<K | null, T[]> {
  const out = new Map<K | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function ownerOf(action: WorkshopSnapshot['actions'][number], people: People, texts: MinutesTexts): { owner: string; organisation: string } {
  const person = action.ownerId ? people.get(action.ownerId) : undefined;
  const organisation = action.ownerOrganisation || person?.organisation || '';
  if (!person) return { owner: '', organisation };
  return { owner: person.consent ? person.name : texts.notNamedOwner, organisation };
}

/** The time zone of the minutes' clock times: the option, else the workshop's, else (old workshops) this machine's. */
export function minutesTimeZone(snapshot: WorkshopSnapshot, override?: string): string {
  if (override) return override;
  return isKnownTimeZone(snapshot.meta.timeZone) ? snapshot.meta.timeZone : systemTimeZone();
}

/**
 * `value` with every string in it without hidden controls (validate.ts): this version's forms drop
 * them, but a peer's older version, a backup or a phone may have written them, and the minutes
 * go out as files. Objects and arrays without such a string come back as they are.
 */
function readable<T>(value: T): T {
  if (typeof value === 'string') return withoutHiddenControls(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.map(readable);
    return (items.some((item, index) => item !== value[index]) ? items : value) as T;
  }
  let changed: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const cleaned = readable(item);
    if (cleaned !== item) (changed ??= { ...(value as Record<string, unknown>) })[key] = cleaned;
  }
  return (changed ?? value) as T;
}

/** The minutes of a workshop in `options.language`. Pure: the same snapshot and options give the same minutes. */
export function buildMinutes(raw: WorkshopSnapshot, options: MinutesOptions): Minutes {
  const snapshot = readable(raw);
  const language = isLanguage(options.language) ? options.language : 'de';
  const texts = minutesTexts(language);
  const timeZone = minutesTimeZone(snapshot, options.timeZone);
  const now = options.now ?? Date.now();
  // A name a peer wrote blank reads as the screen's placeholder, not as an empty line or heading.
  const participants = snapshot.participants.map((person) => ({ ...person, name: shownName(person.name, texts.unnamedPerson) }));
  const people: People = new Map(participants.map((person) => [person.id, person]));
  const cards = shownCards(snapshot.boards, snapshot.cards);
  const ordered = tablesFrom(snapshot.boards, cards);
  const tableNames = shownTableNames(ordered, texts.unnamedTable);
  const tables = ordered.map((table) => ({ ...table, name: tableNames.get(table.id) ?? table.name }));
  const named = (list: readonly Participant[]): PeopleList => ({
    named: list.filter((person) => person.consent).map((person) => ({ name: person.name, organisation: person.organisation, stakeholder: stakeholderLabel(texts, snapshot.stakeholderGroups, person.stakeholderGroup) })),
    unnamed: list.filter((person) => !person.consent).length,
  });
  const attendanceTaken = participants.some((person) => person.attended);

  // Where results go (see the comment at the top).
  const ran = snapshot.agenda.map(ranDuring);
  const runningAt = (ms: number): number | null => {
    const index = ran.findIndex((span) => span !== null && span[0] <= ms && ms < span[1]);
    return index < 0 ? null : index;
  };
  const groupWork = snapshot.agenda.flatMap((item, index) => (item.kind === 'groupWork' ? [index] : []));
  const groupWorkAt = (ms: number): number | null => {
    if (groupWork.length === 0) return null;
    const started = groupWork.filter((index) => (ran[index]?.[0] ?? Number.POSITIVE_INFINITY) <= ms);
    return started.at(-1) ?? groupWork[0] ?? null;
  };
  const roundsOf = (boardId: string) => snapshot.voteRounds.filter((round) => round.boardId === boardId).map((round, index) => ({ round, index }));

  const plenaryCards = cards.filter((card) => card.boardId === PLENARY_BOARD_ID);
  const plenaryContext = { people, texts, targets: voteTargets(snapshot, PLENARY_BOARD_ID, plenaryCards) };
  const plenaryCardsAt = bucket(plenaryCards, (card) => runningAt(card.createdAt));
  const plenaryRoundsAt = bucket(roundsOf(PLENARY_BOARD_ID), ({ round }) => runningAt(round.openedAt));
  const plenaryAt = (index: number | null, emptyGroups = false): BoardResult | null => {
    const board = boardPart(snapshot, PLENARY_BOARD_ID, plenaryCardsAt.get(index) ?? [], plenaryRoundsAt.get(index) ?? [], plenaryContext, emptyGroups);
    return isEmpty(board) ? null : board;
  };

  const tableParts = tables.map((table) => {
    const own = cards.filter((card) => card.boardId === table.id);
    const seated = participants.filter((person) => person.tableId === table.id);
    return {
      table,
      people: named(seated),
      context: { people, texts, targets: voteTargets(snapshot, table.id, own) },
      cardsAt: bucket(own, (card) => groupWorkAt(card.createdAt)),
      roundsAt: bucket(roundsOf(table.id), ({ round }) => groupWorkAt(round.openedAt)),
    };
  });
  // A table with nothing written still stands (topic, people) under the first small-group item.
  const tablesAt = (index: number | null): TableResult[] =>
    tableParts.flatMap((part) => {
      const board = boardPart(snapshot, part.table.id, part.cardsAt.get(index) ?? [], part.roundsAt.get(index) ?? [], part.context, index === (groupWork[0] ?? null));
      if (isEmpty(board) && index !== (groupWork[0] ?? null)) return [];
      return [{ id: part.table.id, name: part.table.name, topic: part.table.topic, people: part.people, board }];
    });

  const shownTables = snapshot.reportBack.flatMap((id) => {
    const name = tableNames.get(id);
    return name === undefined ? [] : [name];
  });
  const firstReportBack = snapshot.agenda.findIndex((item) => item.kind === 'reportBack');
  const times = agendaTimes(snapshot, texts, timeZone);

  const agenda = snapshot.agenda.map((item, index): AgendaEntry => {
    const results = plenaryAt(index);
    return {
      id: item.id,
      number: index + 1,
      title: item.title,
      kind: texts.kinds[item.kind],
      speaker: item.speaker,
      durationMin: item.durationMin,
      planned: times.items[index]?.planned ?? '',
      actual: times.items[index]?.actual ?? '',
      task: item.task,
      notes: item.notes,
      summary: item.summary.trim(),
      decisions: lines(item.decisions),
      results,
      tables: item.kind === 'groupWork' ? tablesAt(index) : [],
      shown: index === firstReportBack && shownTables.length > 0 ? { tables: shownTables, resultsAt: groupWork.length > 0 ? (groupWork[0] ?? 0) + 1 : null } : null,
    };
  });

  const actions = snapshot.actions.map((action, index): ActionEntry => {
    const tableName = action.boardId && action.boardId !== PLENARY_BOARD_ID ? tableNames.get(action.boardId) : undefined;
    return {
      id: action.id,
      number: index + 1,
      title: action.title,
      ...ownerOf(action, people, texts),
      due: action.due,
      dueText: shortDate(action.due, texts.locale),
      status: action.status,
      statusText: texts.statuses[action.status],
      source: tableName !== undefined ? texts.table(tableName) : texts.plenaryName,
      createdAt: action.createdAt,
      updatedAt: action.updatedAt,
    };
  });

  return {
    language,
    texts,
    workshopId: snapshot.meta.id,
    title: snapshot.meta.title,
    date: snapshot.meta.date,
    dateText: longDate(snapshot.meta.date, texts.locale),
    timeText: times.day,
    timeZone,
    zoneNamed: isKnownTimeZone(snapshot.meta.timeZone),
    venue: snapshot.meta.venue,
    room: snapshot.meta.room,
    moderator: snapshot.meta.moderator.trim(),
    minuteTaker: snapshot.meta.minuteTaker.trim(),
    distribution: snapshot.meta.distribution.trim(),
    generatedAt: now,
    generatedText: texts.generatedOn(instantDate(now, texts.locale, timeZone)),
    participants: {
      total: participants.length,
      attendanceTaken,
      present: named(attendanceTaken ? participants.filter((person) => person.attended) : participants),
      absent: named(attendanceTaken ? participants.filter((person) => !person.attended) : []),
    },
    agenda,
    further: { plenary: plenaryAt(null, true), tables: groupWork.length === 0 ? tablesAt(null) : [] },
    actions,
    nextSteps: lines(snapshot.meta.nextSteps),
    followUpDate: snapshot.meta.followUpDate,
    followUpText: longDate(snapshot.meta.followUpDate, texts.locale),
    parkingLot: snapshot.parkingLot.map((question) => ({ text: question.text, takenUp: question.takenUp })),
  };
}
