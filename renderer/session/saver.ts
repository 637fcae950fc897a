import { encodeWorkshopState, metaSnapshot, onWorkshopUpdate, STORE_ORIGIN, type WorkshopDoc } from '../../shared/model';
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

export function saveWorkshop(store: WorkshopStore, id: string, doc: WorkshopDoc, loaded: LoadedLog = { seqs: [], generation: 0 }): WorkshopSaver {
  let pending: Uint8Array[] = [];
  let writing: Promise<void> | null = null;
  let status: SaveStatus = { state: 'saved' };
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let compactTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // Log rows this document holds, so a compaction may drop exactly them (see replaceState).
  let known: number[] = [...loaded.seqs];
  let generation = loaded.generation;
  let indexed = { title: '', date: '', at: 0 };
  let indexStale = false;
  const listeners = new Set<() => void>();
  const waiters: Array<{ resolve: () => void; reject: (error: StorageError) => void }> = [];

  const setStatus = (next: SaveStatus) => {
    status = next;
    listeners.forEach((listener) => listener());
  };

  const settleWaiters = (error?: StorageError) => {
    for (const waiter of waiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  };

  /** The index patch if the title or date changed or the last refresh is old; else null. */
  const indexPatch = (now: number): IndexPatch | null => {
    const meta = metaSnapshot(doc);
    if (meta.title === indexed.title && meta.date === indexed.date && now - indexed.at < INDEX_REFRESH_MS) {
      indexStale = true;
      return null;
    }
    indexed = { title: meta.title, date: meta.date, at: now };
    indexStale = false;
    return { title: meta.title, date: meta.date };
  };

  const compact = async () => {
    const seqs = [...known];
    if (seqs.length === 0) return;
    const replaced = await store.replaceState(id, encodeWorkshopState(doc), seqs, generation);
    if (replaced) {
      generation += 1;
      const dropped = new Set(seqs);
      known = known.filter((seq) => !dropped.has(seq));
      logSizeAtLastCompaction = known.length;
      return;
    }
    // Another window wrote meanwhile: merge what is stored instead, then reload the bookkeeping.
    await store.compactLog(id);
    const reloaded = await store.loadWorkshop(id);
    known = reloaded.seqs;
    generation = reloaded.generation;
    logSizeAtLastCompaction = known.length;
  };

  let logSizeAtLastCompaction = -1;
  const afterWrite = () => {
    writing = null;
    // Before the next batch, so a steady stream of edits cannot grow the log without bound;
    // the size check stops a compaction that could not shrink the log from repeating at once.
    if (known.length >= COMPACT_AFTER_UPDATES && known.length !== logSizeAtLastCompaction) return runCompaction();
    if (pending.length > 0) return writeNext();
    setStatus({ state: 'saved' });
    settleWaiters();
  };

  const runCompaction = () => {
    if (writing || stopped) return;
    logSizeAtLastCompaction = known.length;
    // Holds the writer while compacting: IndexedDB would queue the next append behind it anyway.
    writing = compact()
      .catch(() => undefined)
      .then(afterWrite);
  };

  const writeNext = () => {
    if (writing || pending.length === 0) return;
    const batch = pending;
    pending = [];
    setStatus({ state: 'saving', pending: batch.length });
    const now = Date.now();
    writing = store
      .appendUpdates(id, batch, indexPatch(now), now)
      .then((seqs) => {
        for (const seq of seqs) known.push(seq);
        afterWrite();
      })
      .catch((raw: unknown) => {
        writing = null;
        const error = toStorageError(raw);
        pending = [...batch, ...pending];
        setStatus({ state: 'error', error, pending: pending.length });
        settleWaiters(error);
        if (!stopped) retryTimer = setTimeout(writeNext, RETRY_MS);
      });
  };

  const stopListening = onWorkshopUpdate(doc, (update, origin) => {
    if (origin === STORE_ORIGIN) return;
    pending.push(update);
    writeNext();
  });

  if (known.length > 0) compactTimer = setTimeout(runCompaction, COMPACT_AFTER_OPEN_MS);

  const flush = () => {
    if (!writing && pending.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
  };

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
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
      if (indexStale) {
        const meta = metaSnapshot(doc);
        await store.updateIndex(id, { title: meta.title, date: meta.date }).catch(() => undefined);
      }
    },
  };
}
