import type { Page } from '@playwright/test';
import * as Y from 'yjs';

/*
 * A stored workshop as a peer's update reaches it: read from the page's IndexedDB into a Y.Doc of
 * the test, changed there, and the change appended to the workshop's log, where a synced peer
 * update lands. The page must not have the workshop open meanwhile (it reads the log on open).
 */

/** The workshop's stored state and log, as plain byte arrays (what the app reads on open). */
export async function storedUpdates(page: Page, workshopId: string): Promise<number[][]> {
  return page.evaluate(
    (id) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open('plenum');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(['states', 'updates'], 'readonly');
          const state = transaction.objectStore('states').get(id);
          const log = transaction.objectStore('updates').index('workshopId').getAll(id);
          transaction.oncomplete = () => {
            db.close();
            const rows = [(state.result as { state?: Uint8Array } | undefined)?.state, ...(log.result as Array<{ update: Uint8Array }>).map((row) => row.update)];
            resolve(rows.filter((bytes): bytes is Uint8Array => bytes instanceof Uint8Array).map((bytes) => [...bytes]));
          };
          transaction.onerror = () => reject(transaction.error ?? new Error('read failed'));
        };
      }),
    workshopId,
  );
}

/** Appends an update to the workshop's log, as the app stores one that came from a peer. */
async function appendUpdate(page: Page, workshopId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ id, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('plenum');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('updates', 'readwrite');
          transaction.objectStore('updates').add({ workshopId: id, update: new Uint8Array(bytes) });
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        };
      }),
    { id: workshopId, bytes: [...update] },
  );
}

/** Writes into a copy of the stored document and appends what changed. */
export async function writeStored(page: Page, workshopId: string, doc: Y.Doc, change: () => void): Promise<void> {
  const before = Y.encodeStateVector(doc);
  doc.transact(change);
  await appendUpdate(page, workshopId, Y.encodeStateAsUpdate(doc, before));
}
