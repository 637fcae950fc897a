/**
 * The shape of a workshop's Y.Doc. Every name here is part of the on-disk and on-the-wire
 * format documented in docs/session-format.md: renaming one orphans existing workshops.
 */
export const SCHEMA_VERSION = 1;

/**
 * Top-level shared types of the document, all `Y.Map`s: `items` roots hold one map per item under
 * its id, `fields` roots hold plain values by field name. roots() (doc.ts) is made from this table.
 */
export const ROOTS = {
  meta: 'fields',
  agenda: 'items',
  boards: 'items',
  cards: 'items',
  participants: 'items',
  groups: 'items',
  voteRounds: 'items',
  votes: 'items',
  actions: 'items',
  /** Questions the plenary takes up later (parking-lot.ts). */
  parkingLot: 'items',
  /** The run of the day and what the projector shows. */
  run: 'fields',
  /** The workshop's own stakeholder-group list: overrides of the built-in groups and groups it added. */
  stakeholderGroups: 'fields',
  /**
   * Who runs the room besides the host, and whether the tables may write on the plenary's board:
   * session state, so not part of the snapshot, a backup or the minutes (see roles.ts).
   */
  roles: 'fields',
  /**
   * Which phone is whom and which cards each phone wrote (phones.ts): session state like
   * `roles`, so in no snapshot, backup, export or the minutes.
   */
  phones: 'fields',
} as const satisfies Record<string, 'fields' | 'items'>;

/** Each root's name, which is its key in ROOTS. */
export const ROOT = Object.fromEntries(Object.keys(ROOTS).map((name) => [name, name])) as { readonly [K in keyof typeof ROOTS]: K };

export type RootName = keyof typeof ROOTS;

/** The plenary board exists in every workshop under this fixed id, so two creators cannot duplicate it. */
export const PLENARY_BOARD_ID = 'plenary';

/**
 * Field of the plenary board's map: a `Y.Map` of the table boards shown in the plenary
 * (report-back), board id → fractional order key. A map, not a Y.Array, so two laptops that
 * show tables at the same time both keep theirs and nobody's entry is duplicated.
 */
export const REPORT_BACK_FIELD = 'reportBack';

export const LANGUAGES = ['de', 'en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LIMITS = {
  titleMax: 200,
  shortTextMax: 500,
  /** Generous on purpose: a pasted document stays whole; far beyond this is a mistake, not a card. */
  cardTextMax: 200_000,
  /**
   * A card's text in UTF-8 bytes. WebRTC data channels carry at most 256 KiB per message and
   * y-webrtc sends each update as one: a larger card would never reach the other laptops.
   */
  cardTextMaxBytes: 240_000,
  notesMax: 20_000,
  durationMaxMin: 24 * 60,
} as const;

export type BoardKind = 'plenary' | 'table';

/** The stakeholder groups of the seed's networks; a card or a participant may carry one. */
export const STAKEHOLDER_GROUPS = ['company', 'association', 'municipality', 'civilSociety', 'politics', 'other'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** Card colours by name; the UI maps them to its palette, so the projector and minutes agree. */
export const CARD_COLOURS = ['yellow', 'blue', 'green', 'pink', 'orange', 'grey'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];

export const ACTION_STATUSES = ['open', 'inProgress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A named cluster of cards on one board. Membership is the card's `groupId`. */
export interface CardGroup {
  id: string;
  boardId: string;
  title: string;
  order: string;
  /** Locked by the moderator: tables do not move or delete its cards (enforced by the UI). */
  locked: boolean;
}

/** A dot-voting round on one board. */
export interface VoteRound {
  id: string;
  boardId: string;
  /** Dots per participant. */
  budget: number;
  /** Whether one participant may put several dots on one card or group. */
  allowStacking: boolean;
  /** Results hidden until the round is closed. */
  hideResults: boolean;
  state: 'open' | 'closed';
  openedAt: number;
  closedAt: number;
}

/** One dot: a participant's vote for a card or a group in a round. */
export interface Vote {
  id: string;
  roundId: string;
  /** Participant id: a budget holds across laptops, so votes count per person, not per screen. */
  voterId: string;
  /** Card or group id. */
  targetId: string;
  at: number;
}

/** Something to do after the workshop, with an owner and a due date. */
export interface ActionItem {
  id: string;
  title: string;
  /** A participant of the roster, or null when the owner is an organisation or not yet known. */
  ownerId: string | null;
  ownerOrganisation: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  due: string;
  status: ActionStatus;
  /** The table it came from, or null for the plenary / the workshop as a whole. */
  boardId: string | null;
  sourceCardId: string | null;
  createdAt: number;
  /** Last change (ms); the calendar export's LAST-MODIFIED and SEQUENCE. Equals createdAt until changed. */
  updatedAt: number;
  order: string;
}

export interface WorkshopMeta {
  id: string;
  schemaVersion: number;
  title: string;
  /** ISO calendar date (YYYY-MM-DD) or empty. */
  date: string;
  venue: string;
  room: string;
  language: Language;
  createdAt: number;
  /** When the day starts, 'HH:MM' (24 h, local time of the venue), or '' when not set. */
  startTime: string;
  /** Minutes the day has for the agenda; 0 when not set. */
  availableMin: number;
  /**
   * The workshop's IANA time zone ("Europe/Berlin"), set from the creating computer and
   * editable: every clock time (app, projector, minutes, CLI) is shown in it, so a Kyiv laptop
   * and a Berlin one show the same. '' in workshops written before it existed: the showing
   * computer's zone.
   */
  timeZone: string;
  /** Who moderates, as the minutes name them ("Moderation"); '' when not set. */
  moderator: string;
  /** Who takes the minutes ("Protokollführung"); '' when not set. */
  minuteTaker: string;
  /** Who receives the minutes ("Verteiler"), as written; '' when not set. */
  distribution: string;
  /** Next steps for the whole workshop, as written (line breaks kept); '' when none. */
  nextSteps: string;
  /** ISO date of the follow-up meeting, or ''. */
  followUpDate: string;
}

/** What happens in an agenda item; small-group work shows its task and countdown at every table. */
export const AGENDA_KINDS = ['input', 'plenary', 'groupWork', 'break', 'networking', 'reportBack'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  id: string;
  title: string;
  /** 'plenary' when missing (items written before kinds existed). */
  kind: AgendaKind;
  durationMin: number;
  /** Speaker or owner of the item; '' when none. */
  speaker: string;
  notes: string;
  /** For small-group work: the task the tables work on; '' otherwise. */
  task: string;
  /** The moderator's short summary of what came out of the item, for the minutes; '' when none. */
  summary: string;
  /** Decisions taken in the item ("Beschlüsse"), one per line; '' when none. */
  decisions: string;
  /** When the item actually started and ended (ms since epoch), 0 while not yet; for the minutes. */
  actualStart: number;
  actualEnd: number;
  /**
   * How long the item ran without its pauses (ms), written when it ended; 0 while not yet. Its
   * actual end minus start would count the pauses, and "previous item" continues from this.
   */
  ranMs: number;
  /** Fractional index; ties broken by id so every peer sorts the same. */
  order: string;
}

export interface Board {
  id: string;
  kind: BoardKind;
  /** A table's name; '' for the plenary board. */
  title: string;
  /** A table's topic; '' when not set and for the plenary board (optional in the document). */
  topic: string;
  order: string;
  /** Locked by the moderator: tables do not move or delete its cards (enforced by the UI). */
  locked: boolean;
}

export interface Card {
  id: string;
  boardId: string;
  text: string;
  order: string;
  /** The group the card was put in, or null; see `effectiveGroupId` for the one it is shown in. */
  groupId: string | null;
  /** null: the board's default colour. */
  colour: CardColour | null;
  /** The participant who wrote it, or null: anonymous (and then nothing on screen says who). */
  authorId: string | null;
  /** Stakeholder group tag, or null when not tagged. */
  stakeholderGroup: StakeholderGroup | null;
  createdAt: number;
  updatedAt: number;
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  /** A stakeholder group key (STAKEHOLDER_GROUPS or one the workshop added), '' when not set. */
  stakeholderGroup: string;
  email: string;
  /** Agreed to be named in the minutes; the others are counted, not named. */
  consent: boolean;
  attended: boolean;
  /** The table board the person sits at, '' when not assigned. */
  tableId: string;
  /** Placed at `tableId` by hand: mixing leaves the person there. */
  fixedToTable: boolean;
}

/** One entry of a workshop's stakeholder-group list, in the order the roster offers them. */
export interface StakeholderGroupEntry {
  /** What `Participant.stakeholderGroup` stores: a STAKEHOLDER_GROUPS key, or the id of a group the workshop added. */
  key: string;
  /** The name this workshop gave it; '' for a built-in group not renamed (the UI shows its translated name). */
  label: string;
  builtin: boolean;
}


/**
 * Where the day stands. Timestamps, not ticks: every laptop computes elapsed and remaining time
 * from them and its own clock, so a laptop that sleeps, reloads or joins late shows the same.
 */
export const RUN_STATUSES = ['idle', 'running', 'paused', 'ended'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What the projector shows; the moderator switches it and every projector follows. */
export const PROJECTOR_VIEWS = ['agenda', 'plenary', 'table', 'votes', 'join', 'title'] as const;
export type ProjectorView = (typeof PROJECTOR_VIEWS)[number];

export interface RunState {
  status: RunStatus;
  /** The agenda item being run; '' while idle or ended. */
  currentId: string;
  /**
   * When the current item's timer started (ms since epoch), moved later by every pause, so
   * elapsed = (pausedAt or now) − itemStartedAt.
   */
  itemStartedAt: number;
  /** When the run was paused; 0 unless paused. */
  pausedAt: number;
  /** When the "two minutes left" signal was sent, and for which item; 0 / '' when never. */
  signalAt: number;
  signalItemId: string;
  projectorView: ProjectorView;
  /** The table board shown when projectorView is 'table'. */
  projectorBoardId: string;
  /** The vote round shown when projectorView is 'votes'; '' shows the latest round. */
  projectorRoundId: string;
}
