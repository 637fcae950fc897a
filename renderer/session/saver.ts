import { metaSnapshot, onWorkshopUpdate, STORE_ORIGIN, type WorkshopDoc } from '../../shared/model';
import { COMPACT_AFTER_UPDATES, type WorkshopStore } from '../storage/workshop-store';
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

const RETRY_MS = 3000;

export function saveWorkshop(store: WorkshopStore, id: string, doc: WorkshopDoc): WorkshopSaver {
  let pending: Uint8Array[] = [];
  let writing: Promise<void> | null = null;
  let status: SaveStatus = { state: 'saved' };
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
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

  const writeNext = () => {
    if (writing || pending.length === 0) return;
    const batch = pending;
    pending = [];
    const meta = metaSnapshot(doc);
    setStatus({ state: 'saving', pending: batch.length });
    writing = store
      .appendUpdates(id, batch, { title: meta.title, date: meta.date })
      .then(async (logLength) => {
        // Still "writing" while compacting: updates arriving now wait for the next batch, so
        // `flush()` cannot resolve while their append is still on its way to disk.
        if (logLength >= COMPACT_AFTER_UPDATES) await store.compactLog(id).catch(() => undefined);
        writing = null;
        if (pending.length > 0) return writeNext();
        setStatus({ state: 'saved' });
        settleWaiters();
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

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      if (!writing && pending.length === 0) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    retry() {
      if (retryTimer) clearTimeout(retryTimer);
      writeNext();
    },
    async stop() {
      stopListening();
      if (retryTimer) clearTimeout(retryTimer);
      // After a failed write nothing is in flight: write now (the retry timer is gone), or
      // flush() would wait for a write that never starts and close() would hang.
      writeNext();
      await this.flush().catch(() => undefined);
      stopped = true;
    },
  };
}
