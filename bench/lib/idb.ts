/** Raw IndexedDB helpers for the bench page (the baseline and clean-up only; our side goes through WorkshopStore). */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Counts the rows of `storeName`. A transaction created after earlier read-write transactions on
 * the same store starts only once they have finished, so this also waits for pending writes.
 */
export function countRows(db: IDBDatabase, storeName: string): Promise<number> {
  return request(db.transaction(storeName, 'readonly').objectStore(storeName).count());
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    // `blocked` is not final: success follows once the last connection closes (all are closed by then).
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Opens (creating it) a database with one auto-incremented store `rows`: a bare write target for floors. */
export function openScratchDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('rows', { autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
  });
}

/** One read-write transaction adding `value` to `rows` with strict durability; resolves once committed. */
export function strictAdd(db: IDBDatabase, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('rows', 'readwrite', { durability: 'strict' });
    transaction.objectStore('rows').add(value);
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });
}
