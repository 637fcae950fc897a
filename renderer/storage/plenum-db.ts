import Dexie, { type Table } from 'dexie';

/** One row per workshop for the home screen: enough to list and search without opening documents. */
export interface WorkshopIndexRow {
  id: string;
  title: string;
  date: string;
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
 * Version of the IndexedDB layout. Bump it with a Dexie upgrade function; never rename a table.
 * A database written by a newer Plenum has a higher version and is refused (see openStoreError).
 */
export const STORE_VERSION = 1;

export class PlenumDb extends Dexie {
  workshops!: Table<WorkshopIndexRow, string>;
  states!: Table<StateRow, string>;
  updates!: Table<UpdateRow, number>;

  constructor(name: string) {
    // Strict durability: the transaction completes only once the data is flushed to disk,
    // so an edit the UI shows survives the laptop's battery dying a moment later.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(STORE_VERSION).stores({
      workshops: 'id, updatedAt',
      states: 'workshopId',
      updates: '++seq, workshopId',
    });
  }
}
