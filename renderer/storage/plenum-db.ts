import Dexie, { type Table } from 'dexie';

/** One row per workshop for the home screen: enough to list and search without opening documents. */
export interface WorkshopIndexRow {
  id: string;
  title: string;
  date: string;
  /** Where it takes place, for the home screen's row ('' when not set; rows written before it lack it). */
  venue: string;
  room: string;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted: the row stays until the undo window has passed, then it is purged. */
  deletedAt: number | null;
}

/** The compacted Yjs state of a workshop. */
export interface StateRow {
  workshopId: string;
  state: Uint8Array;
  compactedAt: number;
  /**
   * Bumped by every compaction. A window that replaces the state with its own encoding checks
   * it first: if another window compacted meanwhile, its state may hold updates this window
   * never read, and overwriting it would lose them. Missing in rows written before it existed.
   */
  generation?: number;
}

/** One Yjs update appended since the last compaction, in write order (`seq`). */
export interface UpdateRow {
  seq?: number;
  workshopId: string;
  update: Uint8Array;
}

/**
 * How this laptop takes part in a shared workshop: as its host or at a table. Kept on this
 * laptop only: the secret is the room password, so it is never part of the document, a backup
 * or the minutes. It lets a laptop rejoin by itself after a restart, and take over hosting.
 */
export interface ConnectionRow {
  workshopId: string;
  role: 'host' | 'table';
  secret: string;
  /** ws:// URLs of the signaling servers, the host's LAN addresses first. */
  signaling: string[];
  /** The name others see for this laptop. */
  name: string;
  /** The table this laptop works at (table role). */
  tableId: string | null;
  updatedAt: number;
  /**
   * A table laptop left the room (Leave in Connection): it does not reconnect by itself, and its
   * copy stays a table's, so nothing it did meanwhile can have run the moderator's day when it
   * joins again. Absent in rows written before this field.
   */
  left?: boolean;
}

/**
 * Version of the IndexedDB layout. Bump it with a Dexie upgrade function; never rename a table.
 * A database written by a newer Plenum has a higher version and is refused (see WorkshopStore.open).
 */
export const STORE_VERSION = 2;

/** Names of the object stores and of the log's index, for the few reads that bypass Dexie's query layer. */
export const STORES = { workshops: 'workshops', states: 'states', updates: 'updates', connections: 'connections' } as const;
export const UPDATES_BY_WORKSHOP = 'workshopId';

export interface PlenumDbOptions {
  /** The IndexedDB factory to open with (default: Dexie's); WorkshopStore passes one that refuses other versions. */
  indexedDB?: Pick<IDBFactory, 'open' | 'deleteDatabase' | 'cmp'> & Partial<Pick<IDBFactory, 'databases'>>;
}

export class PlenumDb extends Dexie {
  workshops!: Table<WorkshopIndexRow, string>;
  states!: Table<StateRow, string>;
  updates!: Table<UpdateRow, number>;
  connections!: Table<ConnectionRow, string>;

  constructor(name: string, options: PlenumDbOptions = {}) {
    // Strict durability: the transaction completes only once the data is flushed to disk,
    // so an edit the UI shows survives the laptop's battery dying a moment later.
    super(name, { chromeTransactionDurability: 'strict', ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}) });
    this.version(1).stores({
      [STORES.workshops]: 'id, updatedAt',
      [STORES.states]: 'workshopId',
      [STORES.updates]: `++seq, ${UPDATES_BY_WORKSHOP}`,
    });
    // 2: connections to shared workshops. A new table only: version 1 data opens unchanged.
    this.version(2).stores({ [STORES.connections]: 'workshopId' });
  }
}
