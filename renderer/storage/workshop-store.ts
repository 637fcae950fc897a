import { z } from 'zod';
import { mergeWorkshopUpdates } from '../../shared/model';
import Dexie from 'dexie';
import { PlenumDb, STORE_VERSION, type WorkshopIndexRow } from './plenum-db';
import { StorageError, toStorageError } from './storage-error';

/**
 * Local storage of workshops: an index for the home screen and, per workshop, a compacted
 * state plus a log of updates appended since. Our own small store rather than y-indexeddb:
 * y-indexeddb writes without reporting errors and can lose the last edit before a close;
 * here every update is its own strict-durability write and every failure reaches the caller.
 * Compaction merges the log into the state in one transaction, so it can never drop an
 * update that was written meanwhile.
 */
export const COMPACT_AFTER_UPDATES = 500;

const indexRowSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  date: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
});

const bytes = z.instanceof(Uint8Array);

export interface DamagedWorkshop {
  id: string;
  title: string;
  reason: string;
}

export interface WorkshopList {
  workshops: WorkshopIndexRow[];
  damaged: DamagedWorkshop[];
}

export interface StoredWorkshop {
  updates: Uint8Array[];
  /** Highest update sequence number read; compaction up to it is safe. */
  lastSeq: number;
}

export type IndexPatch = Partial<Pick<WorkshopIndexRow, 'title' | 'date'>>;

/** Dexie stores `db.version(n)` as IndexedDB version n * 10. */
const NATIVE_VERSION = STORE_VERSION * 10;

const newerStore = (nativeVersion: number) =>
  new StorageError('storage.newer', `store layout ${nativeVersion / 10} is newer than ${STORE_VERSION}`);

/** The IndexedDB version of `name` on disk, 0 if absent or if the browser cannot list databases. */
async function installedVersion(name: string): Promise<number> {
  try {
    const databases = (await Dexie.dependencies.indexedDB.databases?.()) ?? [];
    return databases.find((info) => info.name === name)?.version ?? 0;
  } catch {
    return 0;
  }
}

export class WorkshopStore {
  private constructor(private readonly db: PlenumDb) {}

  /** Opens (and if need be creates) the store; a store of a newer Plenum is refused. */
  static async open(name = 'plenum'): Promise<WorkshopStore> {
    // Dexie 4 does not refuse a newer database: on VersionError it reopens it at whatever
    // version is installed, and may even patch its schema. So the version is checked here,
    // before Dexie touches it where the browser can tell, and once more after opening.
    const before = await installedVersion(name);
    if (before > NATIVE_VERSION) throw newerStore(before);
    const db = new PlenumDb(name);
    try {
      await db.open();
      const after = db.backendDB().version;
      if (after > NATIVE_VERSION) throw newerStore(after);
    } catch (error) {
      db.close();
      throw toStorageError(error);
    }
    return new WorkshopStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** Workshops newest first; rows that do not parse are listed as damaged, never dropped silently. */
  async listWorkshops(): Promise<WorkshopList> {
    const rows: unknown[] = await this.run(() => this.db.workshops.toArray());
    const workshops: WorkshopIndexRow[] = [];
    const damaged: DamagedWorkshop[] = [];
    for (const row of rows) {
      const parsed = indexRowSchema.safeParse(row);
      if (parsed.success) {
        if (parsed.data.deletedAt === null) workshops.push(parsed.data);
      } else {
        const raw = (row ?? {}) as { id?: unknown; title?: unknown };
        damaged.push({
          id: typeof raw.id === 'string' ? raw.id : '?',
          title: typeof raw.title === 'string' ? raw.title : '',
          reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        });
      }
    }
    workshops.sort((a, b) => b.updatedAt - a.updatedAt);
    return { workshops, damaged };
  }

  async getIndexRow(id: string): Promise<WorkshopIndexRow | undefined> {
    const row: unknown = await this.run(() => this.db.workshops.get(id));
    const parsed = indexRowSchema.safeParse(row);
    return parsed.success ? parsed.data : undefined;
  }

  /** Stores a new workshop with its first state in one transaction: it exists whole or not at all. */
  async createWorkshop(row: Omit<WorkshopIndexRow, 'deletedAt'>, state: Uint8Array): Promise<void> {
    await this.run(() =>
      this.db.transaction('rw', this.db.workshops, this.db.states, async () => {
        await this.db.workshops.add({ ...row, deletedAt: null });
        await this.db.states.put({ workshopId: row.id, state, compactedAt: Date.now() });
      }),
    );
  }

  /** Reads the state and the update log of a workshop; damage is reported, not applied. */
  async loadWorkshop(id: string): Promise<StoredWorkshop> {
    return this.run(() =>
      this.db.transaction('r', this.db.states, this.db.updates, async () => {
        const stateRow: unknown = await this.db.states.get(id);
        const rows: unknown[] = await this.db.updates.where('workshopId').equals(id).toArray();
        const updates: Uint8Array[] = [];
        let lastSeq = 0;
        if (stateRow !== undefined) {
          const state = bytes.safeParse((stateRow as { state?: unknown }).state);
          if (!state.success) throw new StorageError('storage.damaged', `state of ${id} is not binary data`);
          updates.push(state.data);
        }
        for (const row of rows) {
          const { update, seq } = (row ?? {}) as { update?: unknown; seq?: unknown };
          const parsed = bytes.safeParse(update);
          if (!parsed.success || typeof seq !== 'number') {
            throw new StorageError('storage.damaged', `update ${String(seq)} of ${id} is not binary data`);
          }
          updates.push(parsed.data);
          lastSeq = Math.max(lastSeq, seq);
        }
        if (updates.length === 0) throw new StorageError('storage.damaged', `workshop ${id} has no stored state`);
        return { updates, lastSeq };
      }),
    );
  }

  /**
   * Appends updates and refreshes the index row in one strict transaction. Resolves only once
   * the data is on disk; rejects with a StorageError (quota, disk) the UI must show.
   * Returns how many updates the log holds now, so the caller knows when to compact.
   */
  async appendUpdates(id: string, updates: readonly Uint8Array[], patch: IndexPatch, now = Date.now()): Promise<number> {
    return this.run(() =>
      this.db.transaction('rw', this.db.updates, this.db.workshops, async () => {
        await this.db.updates.bulkAdd(updates.map((update) => ({ workshopId: id, update })));
        await this.db.workshops.update(id, { ...patch, updatedAt: now });
        return this.db.updates.where('workshopId').equals(id).count();
      }),
    );
  }

  /** Folds the update log into the state, atomically: the merged bytes hold exactly what was read. */
  async compactLog(id: string): Promise<void> {
    await this.run(() =>
      this.db.transaction('rw', this.db.states, this.db.updates, async () => {
        const stateRow = await this.db.states.get(id);
        const rows = await this.db.updates.where('workshopId').equals(id).toArray();
        if (rows.length === 0) return;
        const parts = [...(stateRow ? [stateRow.state] : []), ...rows.map((row) => row.update)];
        await this.db.states.put({ workshopId: id, state: mergeWorkshopUpdates(parts), compactedAt: Date.now() });
        await this.db.updates.bulkDelete(rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq])));
      }),
    );
  }

  /**
   * Replaces state and log with `state`, a full encoding of a document loaded from exactly the
   * updates up to `lastSeq`. Skipped (returns false) when another window appended meanwhile.
   */
  async replaceState(id: string, state: Uint8Array, lastSeq: number): Promise<boolean> {
    return this.run(() =>
      this.db.transaction('rw', this.db.states, this.db.updates, async () => {
        const newest = await this.db.updates.where('workshopId').equals(id).last();
        if ((newest?.seq ?? 0) !== lastSeq) return false;
        await this.db.states.put({ workshopId: id, state, compactedAt: Date.now() });
        await this.db.updates.where('workshopId').equals(id).delete();
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
    return this.run(() =>
      this.db.transaction('rw', this.db.workshops, this.db.states, this.db.updates, async () => {
        const rows = await this.db.workshops.filter((row) => row.deletedAt !== null && row.deletedAt <= olderThan).toArray();
        for (const row of rows) {
          await this.db.states.delete(row.id);
          await this.db.updates.where('workshopId').equals(row.id).delete();
          await this.db.workshops.delete(row.id);
        }
        return rows.length;
      }),
    );
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
