/*
 * Who may do what in a shared workshop: the one table every control and every command asks.
 *
 * Two roles. The moderator runs the room: the laptop that hosts (a takeover host included), any
 * laptop the moderator promoted, and a laptop whose workshop is not shared at all (its copy is
 * its own). Every other laptop that joined sits at a table.
 *
 * The roles guard against mistakes (a table laptop pressing PageDown, deleting the agenda item
 * the room is on), not against a laptop that means harm: every laptop holds the room key and can
 * write any update into the document. See docs/hosting.md, "Roles".
 */

export type Role = 'moderator' | 'table';

export const ACTIONS = [
  /** Add, edit, delete and reorder agenda items; the day's start and available time; templates. */
  'agenda.edit',
  /** Start, pause, resume and move the day; the two-minute signal; what the projector shows. */
  'run.control',
  /** Open and close dot-voting rounds. */
  'vote.manage',
  /** Lock and unlock boards and groups. */
  'board.lock',
  /** Add, rename, delete tables; show them in the plenary. */
  'tables.edit',
  /** Edit, delete, import and mix participants; the stakeholder-group list. */
  'roster.edit',
  /** Rename the workshop; its place, its time zone and what only the minutes say (moderation, minute-taker, distribution, next steps). */
  'workshop.edit',
  /** Open the plenary's board for the tables to write on, and close it again. */
  'plenary.open',
  /** Make a table laptop a moderator, or take it back. */
  'roles.change',
  /** Write cards (on a board this laptop may write on, see `canWriteOn`), group, edit them. */
  'cards.write',
  /** Name a new person as the author of the cards one writes (adds them to the roster). */
  'author.add',
  /** Put and take back dots in an open round. */
  'vote.cast',
  /** Write, edit and delete action items. */
  'actions.write',
  /** Mark parked questions as taken up, remove them (parking them follows the plenary's board, see `canWriteOn`). */
  'parkingLot.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * The permission table. Spelled out per action rather than "tables may X, the rest is the
 * moderator's", so adding an action forces a decision for both roles (the type requires it).
 */
const PERMISSIONS: Readonly<Record<Action, Readonly<Record<Role, boolean>>>> = {
  'agenda.edit': { moderator: true, table: false },
  'run.control': { moderator: true, table: false },
  'vote.manage': { moderator: true, table: false },
  'board.lock': { moderator: true, table: false },
  'tables.edit': { moderator: true, table: false },
  'roster.edit': { moderator: true, table: false },
  'workshop.edit': { moderator: true, table: false },
  'plenary.open': { moderator: true, table: false },
  'roles.change': { moderator: true, table: false },
  'cards.write': { moderator: true, table: true },
  'author.add': { moderator: true, table: true },
  'vote.cast': { moderator: true, table: true },
  'actions.write': { moderator: true, table: true },
  'parkingLot.manage': { moderator: true, table: false },
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action][role];
}

export interface RoleInput {
  /** How this laptop is connected: 'host', 'table', or null when the workshop is not shared. */
  connection: 'host' | 'table' | null;
  /** This laptop's id (kept on the laptop). */
  laptopId: string;
  /** The laptops the moderator promoted, as written in the workshop. */
  moderators: readonly string[];
}

/** This laptop's role in the workshop. */
export function roleOf({ connection, laptopId, moderators }: RoleInput): Role {
  if (connection !== 'table') return 'moderator';
  return laptopId !== '' && moderators.includes(laptopId) ? 'moderator' : 'table';
}

export interface Seat {
  /** The table this laptop works at; null before one is picked. */
  tableId: string | null;
  /** Whether the moderator opened the plenary's board for the tables. */
  plenaryOpen: boolean;
}

/**
 * Whether this laptop may write cards on a board: the moderator everywhere; a table laptop on
 * its own table's board, and on the plenary's while the moderator has opened it for capture.
 */
export function canWriteOn(role: Role, board: { id: string; kind: 'plenary' | 'table' }, seat: Seat): boolean {
  if (role === 'moderator') return true;
  if (board.kind === 'plenary') return seat.plenaryOpen;
  return seat.tableId !== null && seat.tableId === board.id;
}
