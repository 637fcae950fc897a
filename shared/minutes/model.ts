import {
  LANGUAGES,
  PLENARY_BOARD_ID,
  STAKEHOLDER_GROUPS,
  layoutBoard,
  rankVotes,
  countedVotes,
  shownCards,
  tablesFrom,
  type ActionStatus,
  type Card,
  type Language,
  type Participant,
  type WorkshopSnapshot,
} from '../model';
import { clockTime, instantDate, localTimeZone, longDate, oneLine, shortDate } from './format';
import { minutesTexts, type MinutesTexts } from './texts';

/*
 * The neutral minutes model: what the minutes say, decided once, so that Markdown, HTML, DOCX,
 * CSV, ICS and the mail all say the same. Built from the plain snapshot (never from Yjs) and
 * already in the minutes' language; renderers only lay it out.
 *
 * Privacy: a person is named only with consent. Participants without consent are counted;
 * a card by one of them shows no author; an action item they own shows their organisation
 * (or "a participant").
 */

export interface MinutesOptions {
  language: Language;
  /** Time zone of clock times; this machine's by default. */
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

export interface AgendaEntry {
  id: string;
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
  people: { named: string[]; unnamed: number };
  board: BoardResult;
}

export interface ActionEntry {
  id: string;
  title: string;
  owner: string;
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

export interface Minutes {
  language: Language;
  texts: MinutesTexts;
  workshopId: string;
  title: string;
  /** ISO date of the workshop or ''. */
  date: string;
  dateText: string;
  venue: string;
  room: string;
  /** Who moderated the workshop ('' when not set). */
  moderator: string;
  generatedAt: number;
  generatedText: string;
  participants: { named: NamedPerson[]; unnamed: number; total: number; attended: number };
  agenda: AgendaEntry[];
  plenary: BoardResult;
  tables: TableResult[];
  actions: ActionEntry[];
  /** Action items not done yet, soonest due first. */
  nextSteps: ActionEntry[];
  /** The parking lot's questions in their order; a section only when there are any. */
  parkingLot: ParkedEntry[];
}

export interface ParkedEntry {
  text: string;
  takenUp: boolean;
}

/** "A, B, C and 2 more people who…": the people at a table, the unnamed ones counted. */
export function seatedText(people: TableResult['people'], texts: MinutesTexts): string {
  const names = people.named.join(', ');
  if (people.unnamed === 0) return names;
  return names ? `${names} ${texts.notNamed(people.unnamed)}` : texts.notNamed(people.unnamed).replace(/^\S+\s/, '');
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

function agendaEntries(snapshot: WorkshopSnapshot, texts: MinutesTexts, timeZone: string): AgendaEntry[] {
  const time = (ms: number) => clockTime(ms, texts.locale, timeZone);
  // Planned clock times run from the day's planned start (venue wall time), else from when the
  // first item actually started; without either only the durations are planned.
  const start = CLOCK.exec(snapshot.meta.startTime ?? '');
  const firstStart = snapshot.agenda[0]?.actualStart ?? 0;
  let plannedAt: number | null = start ? Number(start[1]) * 60 + Number(start[2]) : firstStart > 0 ? firstStart : null;
  return snapshot.agenda.map((item) => {
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
    return {
      id: item.id,
      title: item.title,
      kind: texts.kinds[item.kind],
      speaker: item.speaker,
      durationMin: item.durationMin,
      planned,
      actual,
      task: item.task,
      notes: item.notes,
    };
  });
}

function boardResult(snapshot: WorkshopSnapshot, boardId: string, cards: readonly Card[], people: ReadonlyMap<string, Participant>, texts: MinutesTexts): BoardResult {
  const layout = layoutBoard(boardId, snapshot.groups, cards);
  const entry = (card: Card): CardEntry => {
    const author = card.authorId ? people.get(card.authorId) : undefined;
    return { text: card.text, author: author?.consent ? author.name : null, stakeholder: stakeholderLabel(texts, snapshot.stakeholderGroups, card.stakeholderGroup) || null };
  };
  // The board's own order, groups before their cards: ties in a ranking keep it.
  const order = [...layout.groups.flatMap(({ group, cards: members }) => [group.id, ...members.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
  const labels = new Map<string, { label: string; isGroup: boolean }>();
  for (const { group, cards: members } of layout.groups) {
    labels.set(group.id, { label: group.title, isGroup: true });
    for (const card of members) labels.set(card.id, { label: oneLine(card.text), isGroup: false });
  }
  for (const card of layout.loose) labels.set(card.id, { label: oneLine(card.text), isGroup: false });
  const rounds = snapshot.voteRounds
    .filter((round) => round.boardId === boardId)
    .map((round, index): RoundResult => {
      const voters = new Set(countedVotes(round, snapshot.votes).map((vote) => vote.voterId)).size;
      const open = round.state === 'open';
      const ranking =
        open && round.hideResults
          ? []
          : rankVotes(round, snapshot.votes, order).flatMap((ranked) => {
              const target = labels.get(ranked.targetId);
              return target ? [{ rank: ranked.rank, dots: ranked.dots, ...target }] : [];
            });
      // The minutes name the priorities: a long tail of single dots belongs on the board, not in the ranking.
      const shown = ranking.filter((entry) => entry.rank <= RANKING_TOP);
      return { label: texts.voteRound(index + 1, round.budget, voters), open, ranking: shown, more: ranking.length - shown.length };
    });
  return {
    groups: layout.groups.map(({ group, cards: members }) => ({ title: group.title, cards: members.map(entry) })),
    loose: layout.loose.map(entry),
    rounds,
    cardCount: layout.loose.length + layout.groups.reduce((sum, { cards: members }) => sum + members.length, 0),
  };
}

function ownerOf(action: WorkshopSnapshot['actions'][number], people: ReadonlyMap<string, Participant>, texts: MinutesTexts): string {
  const person = action.ownerId ? people.get(action.ownerId) : undefined;
  if (person?.consent) return person.organisation ? `${person.name} (${person.organisation})` : person.name;
  if (person) return action.ownerOrganisation || person.organisation || texts.notNamedOwner;
  return action.ownerOrganisation;
}

function byDue(a: ActionEntry, b: ActionEntry): number {
  if (a.due === b.due) return 0;
  if (!a.due) return 1;
  if (!b.due) return -1;
  return a.due < b.due ? -1 : 1;
}

/** The minutes of a workshop in `options.language`. Pure: the same snapshot and options give the same minutes. */
export function buildMinutes(snapshot: WorkshopSnapshot, options: MinutesOptions): Minutes {
  const language = isLanguage(options.language) ? options.language : 'de';
  const texts = minutesTexts(language);
  const timeZone = options.timeZone ?? localTimeZone();
  const now = options.now ?? Date.now();
  const people = new Map(snapshot.participants.map((person) => [person.id, person]));
  const cards = shownCards(snapshot.boards, snapshot.cards);
  const tables = tablesFrom(snapshot.boards, cards);
  const tableNames = new Map(tables.map((table) => [table.id, table.name]));
  const consenting = snapshot.participants.filter((person) => person.consent);

  const actions = snapshot.actions.map((action): ActionEntry => {
    const tableName = action.boardId && action.boardId !== PLENARY_BOARD_ID ? tableNames.get(action.boardId) : undefined;
    return {
      id: action.id,
      title: action.title,
      owner: ownerOf(action, people, texts),
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
    venue: snapshot.meta.venue,
    room: snapshot.meta.room,
    moderator: snapshot.meta.moderator,
    generatedAt: now,
    generatedText: texts.generatedOn(instantDate(now, texts.locale, timeZone)),
    participants: {
      named: consenting.map((person) => ({ name: person.name, organisation: person.organisation, stakeholder: stakeholderLabel(texts, snapshot.stakeholderGroups, person.stakeholderGroup) })),
      unnamed: snapshot.participants.length - consenting.length,
      total: snapshot.participants.length,
      attended: snapshot.participants.filter((person) => person.attended).length,
    },
    agenda: agendaEntries(snapshot, texts, timeZone),
    plenary: boardResult(snapshot, PLENARY_BOARD_ID, cards, people, texts),
    tables: tables.map((table) => {
      const seated = snapshot.participants.filter((person) => person.tableId === table.id);
      return {
        id: table.id,
        name: table.name,
        topic: table.topic,
        people: { named: seated.filter((person) => person.consent).map((person) => person.name), unnamed: seated.filter((person) => !person.consent).length },
        board: boardResult(snapshot, table.id, cards, people, texts),
      };
    }),
    actions,
    nextSteps: actions.filter((action) => action.status !== 'done').sort(byDue),
    parkingLot: snapshot.parkingLot.map((question) => ({ text: question.text, takenUp: question.takenUp })),
  };
}
