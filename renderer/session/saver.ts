import { encodeWorkshopState, indexFields, onWorkshopUpdate, STORE_ORIGIN, type WorkshopDoc } from '../../shared/model';
import { COMPACT_AFTER_UPDATES, type IndexPatch, type WorkshopStore } from '../storage/workshop-store';
import { toStorageError, type StorageError } from '../storage/storage-error';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving'; pending: number }
  | { state: 'error'; error: StorageError; pending: number };

/**
 * Writes every update of a workshop to the local store the moment it happens. Updates that
 * arrive while a write is running go out together in the next transaction. A failed write
 * keeps its updates in memory, reports the error, and is retried: nothing is dropped silently.
 */
export interface WorkshopSaver {
  status(): SaveStatus;
  subscribe(listener: () => void): () => void;
  /** Resolves when everything so far is on disk; rejects with the storage error if not. */
  flush(): Promise<void>;
  retry(): void;
  stop(): Promise<void>;
}

/** What the store held when the workshop was loaded: the log rows and the state's generation. */
export interface LoadedLog {
  seqs: readonly number[];
  generation: number;
}

const RETRY_MS = 3000;
/** The home screen's "last changed" may lag this much; sparing the index row a write per card keeps card-to-disk short. */
const INDEX_REFRESH_MS = 2000;
/** Compact a loaded log once the workshop is on screen, not while the moderator waits for it. */
const COMPACT_AFTER_OPEN_MS = 1000;

/**
 * The saver's loop: each document update joins `pending`, one write at a time takes all of it,
 * and after each write the log is compacted when it has grown long. The units below keep the
 * bookkeeping: who waits (SaveReporter), the home screen's row (IndexRefresher), the log rows
 * this document holds (LogBook).
 */
export function saveWorkshop(store: WorkshopStore, id: string, doc: WorkshopDoc, loaded: LoadedLog = { seqs: [], generation: 0 }): WorkshopSaver {
  const reporter = saveReporter();
  const index = indexRefresher(doc);
  const log = logBook(store, id, doc, loaded);
  let pending: Uint8Array[] = [];
  let writing: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let compactTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const writeNext = () => {
    if (writing || pending.length === 0) return;
    const batch = pending;
    pending = [];
    reporter.set({ state: 'saving', pending: batch.length });
    const now = Date.now();
    writing = store
      .appendUpdates(id, batch, index.patch(now), now)
      .then((seqs) => {
        log.record(seqs);
        afterWrite();
      })
      .catch((raw: unknown) => writeFailed(batch, toStorageError(raw)));
  };

  /** The batch goes back in front of what came meanwhile, and is tried again later. */
  const writeFailed = (batch: Uint8Array[], error: StorageError) => {
    writing = null;
    pending = [...batch, ...pending];
    reporter.set({ state: 'error', error, pending: pending.length });
    reporter.settle(error);
    if (!stopped) retryTimer = setTimeout(writeNext, RETRY_MS);
  };

  const afterWrite = () => {
    writing = null;
    // Before the next batch, so a steady stream of edits cannot grow the log without bound.
    if (log.compactionDue()) return runCompaction();
    if (pending.length > 0) return writeNext();
    reporter.set({ state: 'saved' });
    reporter.settle();
  };

  const runCompaction = () => {
    if (writing || stopped) return;
    // Holds the writer while compacting: IndexedDB would queue the next append behind it anyway.
    writing = log
      .compact()
      .catch(() => undefined)
      .then(afterWrite);
  };

  const flush = () => (!writing && pending.length === 0 ? Promise.resolve() : reporter.wait());

  const stopListening = onWorkshopUpdate(doc, (update, origin) => {
    if (origin === STORE_ORIGIN) return;
    pending.push(update);
    writeNext();
  });

  if (log.held() > 0) compactTimer = setTimeout(runCompaction, COMPACT_AFTER_OPEN_MS);

  return {
    status: reporter.status,
    subscribe: reporter.subscribe,
    flush,
    retry() {
      if (retryTimer) clearTimeout(retryTimer);
      writeNext();
    },
    async stop() {
      stopListening();
      if (retryTimer) clearTimeout(retryTimer);
      if (compactTimer) clearTimeout(compactTimer);
      // After a failed write nothing is in flight: write now (the retry timer is gone), or
      // flush() would wait for a write that never starts and close() would hang.
      writeNext();
      await flush().catch(() => undefined);
      stopped = true;
      const owed = index.owed();
      if (owed) await store.updateIndex(id, owed).catch(() => undefined);
    },
  };
}

/** The saver's status for the indicator, and the flush() callers waiting for the next outcome. */
function saveReporter() {
  let status: SaveStatus = { state: 'saved' };
  const listeners = new Set<() => void>();
  const waiters: Array<{ resolve: () => void; reject: (error: StorageError) => void }> = [];
  return {
    status: () => status,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: SaveStatus) {
      status = next;
      listeners.forEach((listener) => listener());
    },
    wait: () => new Promise<void>((resolve, reject) => waiters.push({ resolve, reject })),
    /** Everything so far is on disk (no error), or the write failed. */
    settle(error?: StorageError) {
      for (const waiter of waiters.splice(0)) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
    },
  };
}

/** The home screen's row (title, date, place, last change), written along with the updates. */
function indexRefresher(doc: WorkshopDoc) {
  const rowOf = (): Required<IndexPatch> => indexFields(doc);
  const same = (a: Required<IndexPatch>, b: Required<IndexPatch>) => a.title === b.title && a.date === b.date && a.venue === b.venue && a.room === b.room;
  let indexed = { row: { title: '', date: '', venue: '', room: '' }, at: 0 };
  let stale = false;
  return {
    /** The index patch if the row's fields changed or the last refresh is old; else null. */
    patch(now: number): IndexPatch | null {
      const row = rowOf();
      if (same(row, indexed.row) && now - indexed.at < INDEX_REFRESH_MS) {
        stale = true;
        return null;
      }
      indexed = { row, at: now };
      stale = false;
      return row;
    },
    /** The patch a skipped refresh still owes when the saver stops; null when none was skipped. */
    owed(): IndexPatch | null {
      return stale ? rowOf() : null;
    },
  };
}

/** The log rows this document holds and the stored state's generation: what a compaction may replace. */
function logBook(store: WorkshopStore, id: string, doc: WorkshopDoc, loaded: LoadedLog) {
  let known: number[] = [...loaded.seqs];
  let generation = loaded.generation;
  // The size check stops a compaction that could not shrink the log from repeating at once.
  let sizeAtLastCompaction = -1;
  return {
    held: () => known.length,
    record(seqs: readonly number[]) {
      for (const seq of seqs) known.push(seq);
    },
    compactionDue: () => known.length >= COMPACT_AFTER_UPDATES && known.length !== sizeAtLastCompaction,
    async compact() {
      sizeAtLastCompaction = known.length;
      const seqs = [...known];
      if (seqs.length === 0) return;
      const replaced = await store.replaceState(id, encodeWorkshopState(doc), seqs, generation);
      if (replaced) {
        generation += 1;
        const dropped = new Set(seqs);
        known = known.filter((seq) => !dropped.has(seq));
        sizeAtLastCompaction = known.length;
        return;
      }
      // Another window wrote meanwhile: merge what is stored instead, then reload the bookkeeping.
      await store.compactLog(id);
      const reloaded = await store.loadWorkshop(id);
      known = reloaded.seqs;
      generation = reloaded.generation;
      sizeAtLastCompaction = known.length;
    },
  };
}
