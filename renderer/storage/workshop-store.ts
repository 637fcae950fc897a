import { LIMITS } from '../../shared/model/plain';
import Dexie from 'dexie';
import { PlenumDb, STORE_VERSION, STORES, UPDATES_BY_WORKSHOP, type ConnectionRow, type PlenumDbOptions, type WorkshopIndexRow } from './plenum-db';
import { StorageError, toStorageError } from './storage-error';
import type * as RowSchemas from './row-schemas';

/**
 * Local storage of workshops: an index for the home screen and, per workshop, a compacted
 * state plus a log of updates appended since. Our own small store rather than y-indexeddb:
 * y-indexeddb writes without reporting errors and can lose the last edit before a close;
 * here every update is its own strict-durability write and every failure reaches the caller.
 * Compaction merges the log into the state in one transaction, so it can never drop an
 * update that was written meanwhile.
 */
export const COMPACT_AFTER_UPDATES = 500;

/** zod's z.number(): finite numbers only. */
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const shortText = (value: unknown): string => (typeof value === 'string' && value.length <= LIMITS.shortTextMax ? value : '');

/**
 * The index row as indexRowSchema (row-schemas.ts) reads it: unknown keys dropped, a damaged venue
 * or room read as ''; null where the schema refuses it. The same answer without zod, which the
 * store loads only for a refused row's reason and for connections: the list is read at every
 * start, where zod's module and schemas cost more than the read (tests/unit/index-row-check.test.ts
 * compares the two).
 */
export function readIndexRow(value: unknown): WorkshopIndexRow | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const row = value as Partial<Record<keyof WorkshopIndexRow, unknown>>;
  const { id, title, date, createdAt, updatedAt, deletedAt } = row;
  if (typeof id !== 'string' || id.length < 1 || typeof title !== 'string' || typeof date !== 'string') return null;
  if (!isNumber(createdAt) || !isNumber(updatedAt) || !(deletedAt === null || isNumber(deletedAt))) return null;
  return { id, title, date, venue: shortText(row.venue), room: shortText(row.room), createdAt, updatedAt, deletedAt };
}

/** The store's zod schemas, loaded when first needed (see readIndexRow). */
async function rowSchemas(): Promise<typeof RowSchemas> {
  let loaded: typeof RowSchemas | undefined;
  try {
    loaded = await import('./row-schemas');
  } catch (error) {
    throw new StorageError('codeNotLoaded', error instanceof Error ? error.message : String(error));
  }
  // A failed load whose error the page's reload handler took (chunk-reload.ts) resolves to nothing.
  if (!loaded) throw new StorageError('codeNotLoaded', 'row-schemas');
  return loaded;
}

/**
 * Why indexRowSchema refuses `row`, for the damaged row's details. Never fails: without the
 * details, a damaged row is still listed as damaged and the sound ones are still shown.
 */
async function whyRefused(row: unknown): Promise<string> {
  try {
    const parsed = (await rowSchemas()).indexRowSchema.safeParse(row);
    return parsed.success ? 'refused' : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  } catch {
    return 'refused (the details could not be loaded)';
  }
}

export interface DamagedWorkshop {
  id: string;
  title: string;
  reason: string;
}

export interface WorkshopList {
  workshops: WorkshopIndexRow[];
  damaged: DamagedWorkshop[];
}

/** What `readWorkshop` read besides the updates: the log rows and the state's generation. */
export interface StoredLog {
  /** Highest update sequence number read. */
  lastSeq: number;
  /** Sequence numbers of the log rows read: a compaction may drop exactly these. */
  seqs: number[];
  /** Generation of the state row read (see StateRow.generation). */
  generation: number;
}

export interface StoredWorkshop extends StoredLog {
  /** The state first (if any), then the log in write order. */
  updates: Uint8Array[];
}

/** A new index row: a workshop joined or made without a place has none yet. */
export type NewIndexRow = Omit<WorkshopIndexRow, 'deletedAt' | 'venue' | 'room'> & Partial<Pick<WorkshopIndexRow, 'venue' | 'room'>>;

export type IndexPatch = Partial<Pick<WorkshopIndexRow, 'title' | 'date' | 'venue' | 'room'>>;

/** Splits sorted keys of one workshop into runs that no other workshop's key interrupts. */
function contiguousRuns(ours: readonly number[], all: readonly number[]): Array<[number, number]> {
  const mine = new Set(ours);
  const runs: Array<[number, number]> = [];
  let start: number | null = null;
  let end = 0;
  for (const key of all) {
    if (mine.has(key)) {
      if (start === null) start = key;
      end = key;
    } else if (start !== null) {
      runs.push([start, end]);
      start = null;
    }
  }
  if (start !== null) runs.push([start, end]);
  return runs;
}

/** Dexie stores `db.version(n)` as IndexedDB version n * 10. */
const NATIVE_VERSION = STORE_VERSION * 10;

const newerStore = (detail: string) => new StorageError('storage.newer', `store layout ${detail}, this Plenum reads up to ${STORE_VERSION}`);

/**
 * The IndexedDB factory the store opens `name` with: it opens our version and nothing else.
 * Dexie 4 does not refuse a newer database: after a VersionError it reopens it without a
 * version (at whatever version is installed), and where the installed tables differ from ours
 * it even upgrades the database to patch them. Both go through `open` with another version than
 * ours, so refusing those calls refuses a newer store before anything in it has been touched,
 * and costs nothing on the normal path (an `indexedDB.databases()` call before every open did).
 * Other databases (Dexie's own list of names, where a browser has no `databases()`) pass.
 */
function versionGuard(factory: IDBFactory, name: string): NonNullable<PlenumDbOptions['indexedDB']> {
  const guarded: NonNullable<PlenumDbOptions['indexedDB']> = {
    open(opened: string, version?: number): IDBOpenDBRequest {
      if (opened !== name || version === NATIVE_VERSION) return factory.open(opened, version);
      // Thrown inside Dexie's open: it rejects db.open() with this error as it is.
      throw newerStore(version === undefined ? 'is newer (IndexedDB refused our version)' : `differs from ours (Dexie would upgrade it to ${version / 10})`);
    },
    deleteDatabase: (deleted: string) => factory.deleteDatabase(deleted),
    cmp: (first: unknown, second: unknown) => factory.cmp(first, second),
  };
  // Dexie looks for databases() to decide whether to keep a list of names itself.
  if (typeof factory.databases === 'function') guarded.databases = () => factory.databases();
  return guarded;
}

/** Resolves with an IndexedDB request's result; rejects with its error. */
function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

const damaged = (detail: string) => new StorageError('storage.damaged', detail);

/**
 * One strict read-write transaction: adds a log row per update and, with `patch`, merges it into
 * the workshop's index row (a missing row stays missing, as with Dexie's update). Resolves with
 * the rows' keys once the transaction has committed, rejects with the transaction's error.
 */
function appendRows(db: IDBDatabase, id: string, updates: readonly Uint8Array[], patch: (IndexPatch & { updatedAt: number }) | null): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const names = patch === null ? [STORES.updates] : [STORES.updates, STORES.workshops];
    // The durability Dexie is given in plenum-db.ts, asked for explicitly: this bypasses Dexie.
    const transaction = db.transaction(names, 'readwrite', { durability: 'strict' });
    const keys: number[] = new Array<number>(updates.length);
    const log = transaction.objectStore(STORES.updates);
    updates.forEach((update, index) => {
      const request = log.add({ workshopId: id, update });
      request.onsuccess = () => {
        keys[index] = request.result as number;
      };
    });
    if (patch !== null) {
      const index = transaction.objectStore(STORES.workshops);
      const read = index.get(id);
      read.onsuccess = () => {
        const row: unknown = read.result;
        if (typeof row === 'object' && row !== null) index.put({ ...row, ...patch });
      };
    }
    transaction.oncomplete = () => resolve(keys);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class WorkshopStore {
  /** Closed by its owner (not under it by another window): nothing may open it again. */
  private closedByOwner = false;

  private constructor(private readonly db: PlenumDb) {}

  /** Opens (and if need be creates) the store; a store of a newer Plenum is refused and left untouched. */
  static async open(name = 'plenum'): Promise<WorkshopStore> {
    const db = new PlenumDb(name, { indexedDB: versionGuard(Dexie.dependencies.indexedDB, name) });
    try {
      await db.open();
      // Cannot happen through the guard; checked anyway, as it costs nothing.
      const installed = db.backendDB().version;
      if (installed > NATIVE_VERSION) throw newerStore(`${installed / 10} is newer`);
    } catch (error) {
      db.close();
      throw toStorageError(error);
    }
    return new WorkshopStore(db);
  }

  close(): void {
    this.closedByOwner = true;
    this.db.close();
  }

  /** Workshops newest first; rows that do not parse are listed as damaged, never dropped silently. */
  async listWorkshops(): Promise<WorkshopList> {
    const rows: unknown[] = await this.run(() => this.db.workshops.toArray());
    const workshops: WorkshopIndexRow[] = [];
    const damaged: DamagedWorkshop[] = [];
    for (const row of rows) {
      const read = readIndexRow(row);
      if (read) {
        if (read.deletedAt === null) workshops.push(read);
      } else {
        const raw = (row ?? {}) as { id?: unknown; title?: unknown };
        damaged.push({
          id: typeof raw.id === 'string' ? raw.id : '?',
          title: typeof raw.title === 'string' ? raw.title : '',
          reason: await whyRefused(row),
        });
      }
    }
    workshops.sort((a, b) => b.updatedAt - a.updatedAt);
    return { workshops, damaged };
  }

  async getIndexRow(id: string): Promise<WorkshopIndexRow | undefined> {
    const row: unknown = await this.run(() => this.db.workshops.get(id));
    return readIndexRow(row) ?? undefined;
  }

  /** Stores a new workshop with its first state in one transaction: it exists whole or not at all. */
  async createWorkshop(row: NewIndexRow, state: Uint8Array): Promise<void> {
    await this.run(() =>
      this.db.transaction('rw', this.db.workshops, this.db.states, async () => {
        await this.db.workshops.add({ venue: '', room: '', ...row, deletedAt: null });
        await this.db.states.put({ workshopId: row.id, state, compactedAt: Date.now() });
      }),
    );
  }

  /** Reads the state and the update log of a workshop; damage is reported, not applied. */
  async loadWorkshop(id: string): Promise<StoredWorkshop> {
    const parts: Uint8Array[][] = [];
    const log = await this.readWorkshop(id, (part) => {
      parts.push(part);
    });
    return { updates: parts.flat(), ...log };
  }

  /**
   * Reads the state and the update log of a workshop in one read transaction and hands them to
   * `take` as they arrive: first the state (if there is one), then the log rows in write order
   * (if there are any). Both reads are requested at once, so the log is read while `take`
   * applies the state. Damage is reported (storage.damaged) and never handed over; an error
   * thrown by `take` ends the read and rejects with that error.
   */
  async readWorkshop(id: string, take: (updates: Uint8Array[]) => void): Promise<StoredLog> {
    // What `take` throws is the caller's, not a storage error: it is passed on as it is.
    let refused: { error: unknown } | null = null;
    const hand = (updates: Uint8Array[]) => {
      try {
        take(updates);
      } catch (error) {
        refused = { error };
        throw error;
      }
    };
    return new Promise<StoredLog>((resolve, reject) => {
      this.db
        .transaction('r', this.db.states, this.db.updates, async (transaction) => {
          // Plain IndexedDB requests inside Dexie's transaction: both are on their way before the
          // first result is handled, one round trip instead of two.
          const idb = transaction.idbtrans;
          const stateRead = requestResult<unknown>(idb.objectStore(STORES.states).get(id));
          const logRead = requestResult<unknown[]>(idb.objectStore(STORES.updates).index(UPDATES_BY_WORKSHOP).getAll(id));
          // If the state is refused, the log's outcome no longer matters (and must not go unhandled).
          logRead.catch(() => undefined);

          const stateRow = await stateRead;
          let generation = 0;
          let found = false;
          if (stateRow !== undefined) {
            const { state, generation: stored } = (stateRow ?? {}) as { state?: unknown; generation?: unknown };
            if (!(state instanceof Uint8Array)) throw damaged(`state of ${id} is not binary data`);
            generation = typeof stored === 'number' ? stored : 0;
            found = true;
            hand([state]);
          }

          const rows = await logRead;
          const updates: Uint8Array[] = [];
          const seqs: number[] = [];
          let lastSeq = 0;
          for (const row of rows) {
            const { update, seq } = (row ?? {}) as { update?: unknown; seq?: unknown };
            if (!(update instanceof Uint8Array) || typeof seq !== 'number') {
              throw damaged(`update ${String(seq)} of ${id} is not binary data`);
            }
            updates.push(update);
            seqs.push(seq);
            lastSeq = Math.max(lastSeq, seq);
          }
          if (!found && updates.length === 0) throw damaged(`workshop ${id} has no stored state`);
          if (updates.length > 0) hand(updates);
          // Everything is read: a read transaction has nothing to commit, so the caller goes on
          // now instead of after Dexie has seen it complete.
          resolve({ lastSeq, seqs, generation });
        })
        .catch((error: unknown) => reject(refused ? refused.error : toStorageError(error)));
    });
  }

  /**
   * Appends updates, and refreshes the index row when `patch` is given, in one strict
   * transaction. Resolves only once the data is on disk; rejects with a StorageError (quota,
   * disk) the UI must show. Returns the sequence numbers of the new log rows.
   *
   * Plain IndexedDB rather than Dexie's bulkAdd and update: this is the one write on the path
   * from a new card to disk, and Dexie's promise and transaction layers cost about a quarter of
   * it (docs/performance.md, issue 17). Same rows, same strict durability, one transaction.
   */
  async appendUpdates(id: string, updates: readonly Uint8Array[], patch: IndexPatch | null, now = Date.now()): Promise<number[]> {
    try {
      // Dexie reopens a connection closed under it (another window deleted or upgraded the
      // database) on its next call; the plain transaction below would fail on it instead.
      // Closed by its owner, it stays closed, as with Dexie, which opens only what it closed itself.
      if (this.closedByOwner) throw new StorageError('storage.unavailable', 'the store was closed');
      const db = this.db.isOpen() ? this.db : await this.db.open();
      return await appendRows(db.backendDB(), id, updates, patch === null ? null : { ...patch, updatedAt: now });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** How this laptop takes part in a shared workshop, if it does. */
  async getConnection(workshopId: string): Promise<ConnectionRow | undefined> {
    const { connectionSchema } = await rowSchemas();
    const row: unknown = await this.run(() => this.db.connections.get(workshopId));
    const parsed = connectionSchema.safeParse(row);
    return parsed.success ? parsed.data : undefined;
  }

  async saveConnection(row: ConnectionRow): Promise<void> {
    const { connectionSchema } = await rowSchemas();
    await this.run(() => this.db.connections.put(connectionSchema.parse(row)));
  }

  async removeConnection(workshopId: string): Promise<void> {
    await this.run(() => this.db.connections.delete(workshopId));
  }

  /**
   * Records a workshop this laptop joins, with an empty state and its connection, in one
   * transaction. The content arrives from the other laptops: a joining laptop never seeds.
   */
  async createJoinedWorkshop(row: NewIndexRow, emptyState: Uint8Array, connection: ConnectionRow): Promise<void> {
    // Before the transaction: an await of anything but the store inside it would end it.
    const { connectionSchema } = await rowSchemas();
    await this.run(() =>
      this.db.transaction('rw', this.db.workshops, this.db.states, this.db.connections, async () => {
        const existing = await this.db.workshops.get(row.id);
        if (!existing) {
          await this.db.workshops.add({ venue: '', room: '', ...row, deletedAt: null });
          await this.db.states.put({ workshopId: row.id, state: emptyState, compactedAt: Date.now() });
        } else if (existing.deletedAt !== null) {
          await this.db.workshops.update(row.id, { deletedAt: null });
        }
        await this.db.connections.put(connectionSchema.parse(connection));
      }),
    );
  }

  /** Refreshes the index row (title, date, last change) without writing to the log. */
  async updateIndex(id: string, patch: IndexPatch, now = Date.now()): Promise<void> {
    await this.run(() => this.db.workshops.update(id, { ...patch, updatedAt: now }));
  }

  /**
   * Folds the update log into the state, atomically: the merged bytes hold exactly what was
   * read. Slower than `replaceState` (merging costs more than encoding a loaded document) but
   * needs no document, so it is the fallback when another window got in the way.
   */
  async compactLog(id: string): Promise<void> {
    // Before the transaction (an await of anything but the store ends it), and not at start: the
    // merge brings Yjs, which the home screen does not need.
    const { mergeWorkshopUpdates } = await import('../../shared/model');
    await this.run(() =>
      this.db.transaction('rw', this.db.states, this.db.updates, async () => {
        const stateRow = await this.db.states.get(id);
        const rows = await this.db.updates.where('workshopId').equals(id).toArray();
        if (rows.length === 0) return;
        const parts = [...(stateRow ? [stateRow.state] : []), ...rows.map((row) => row.update)];
        const generation = (stateRow?.generation ?? 0) + 1;
        await this.db.states.put({ workshopId: id, state: mergeWorkshopUpdates(parts), compactedAt: Date.now(), generation });
        await this.db.updates.bulkDelete(rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq])));
      }),
    );
  }

  /**
   * Replaces the state with `state`, a full encoding of a document that holds the stored state
   * of `generation` and the log rows `seqs`, and drops those rows. Refused (false) when another
   * window compacted meanwhile, or when a log row up to the newest of `seqs` is not among them
   * (another window appended one this document has not read): nothing may be dropped unread.
   * Rows are deleted by key range: one request per run instead of one per row.
   */
  async replaceState(id: string, state: Uint8Array, seqs: readonly number[], generation: number): Promise<boolean> {
    const known = [...seqs].sort((a, b) => a - b);
    const newest = known.at(-1) ?? 0;
    return this.run(() =>
      this.db.transaction('rw', this.db.states, this.db.updates, async () => {
        const stateRow = await this.db.states.get(id);
        if ((stateRow?.generation ?? 0) !== generation) return false;
        const stored = await this.db.updates.where('workshopId').equals(id).primaryKeys();
        const knownSet = new Set(known);
        if (stored.some((key) => key <= newest && !knownSet.has(key))) return false;
        await this.db.states.put({ workshopId: id, state, compactedAt: Date.now(), generation: generation + 1 });
        const ours = stored.filter((key) => knownSet.has(key)).sort((a, b) => a - b);
        const first = ours[0];
        const last = ours.at(-1);
        if (first === undefined || last === undefined) return true;
        const all = await this.db.updates.where(':id').between(first, last, true, true).primaryKeys();
        for (const [from, to] of contiguousRuns(ours, all)) {
          await this.db.updates.where(':id').between(from, to, true, true).delete();
        }
        return true;
      }),
    );
  }

  async countUpdates(id: string): Promise<number> {
    return this.run(() => this.db.updates.where('workshopId').equals(id).count());
  }

  /** Hides a workshop from the list; `restoreWorkshop` brings it back until it is purged. */
  async markDeleted(id: string, now = Date.now()): Promise<void> {
    await this.run(() => this.db.workshops.update(id, { deletedAt: now }));
  }

  async restoreWorkshop(id: string): Promise<void> {
    await this.run(() => this.db.workshops.update(id, { deletedAt: null }));
  }

  /** Removes deleted workshops for good once their undo window is over. */
  async purgeDeleted(olderThan: number): Promise<number> {
    return (await this.purgeDeletedWorkshops(olderThan)).length;
  }

  /** As `purgeDeleted`, resolving to the ids removed, so what is kept about them elsewhere can go too. */
  async purgeDeletedWorkshops(olderThan: number): Promise<string[]> {
    return this.run(() =>
      this.db.transaction('rw', [this.db.workshops, this.db.states, this.db.updates, this.db.connections], async () => {
        const rows = await this.db.workshops.filter((row) => row.deletedAt !== null && row.deletedAt <= olderThan).toArray();
        for (const row of rows) {
          await this.db.states.delete(row.id);
          await this.db.connections.delete(row.id);
          await this.db.updates.where('workshopId').equals(row.id).delete();
          await this.db.workshops.delete(row.id);
        }
        return rows.map((row) => row.id);
      }),
    );
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      // Outside any ambient Dexie transaction: readWorkshop resolves from inside its read
      // transaction, and a store call made right after would otherwise join that transaction
      // (and fail on a table it does not cover).
      return await Dexie.ignoreTransaction(work);
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
