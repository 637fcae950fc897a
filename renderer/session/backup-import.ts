import { encodeWorkshopState, newId } from '../../shared/model';
import { backupSizeRefusal, parseBackup, restoreBackup, type BackupError } from '../../shared/model';
import type { WorkshopStore } from '../storage/workshop-store';

export type ImportOutcome = { ok: true; id: string; title: string; copy: boolean } | { ok: false; error: BackupError };

/**
 * Imports a backup file's text as a workshop of this laptop. Everything is checked before the
 * store is touched, and the workshop is stored in one transaction: it exists whole or not at
 * all. A workshop already here keeps its place: the backup then arrives as a second one.
 */
export async function importBackup(store: WorkshopStore, text: string, now = Date.now()): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const snapshot = parsed.value;
  // A backup without a workshop id (its document had none that was an id) gets a fresh one.
  const existing = snapshot.meta.id ? await store.getIndexRow(snapshot.meta.id) : undefined;
  const id = existing || !snapshot.meta.id ? newId() : snapshot.meta.id;
  const doc = restoreBackup(snapshot, { workshopId: id });
  try {
    await store.createWorkshop({ id, title: snapshot.meta.title, date: snapshot.meta.date, createdAt: snapshot.meta.createdAt || now, updatedAt: now }, encodeWorkshopState(doc));
  } finally {
    doc.destroy();
  }
  return { ok: true, id, title: snapshot.meta.title, copy: existing !== undefined };
}

/**
 * Imports a backup file the user picked: refused by its size before it is read, so a file far
 * too big answers at once instead of after seconds and gigabytes of parsing.
 */
export async function importBackupFile(store: WorkshopStore, file: Pick<Blob, 'size' | 'text'>, now = Date.now()): Promise<ImportOutcome> {
  const tooBig = backupSizeRefusal(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  return importBackup(store, await file.text(), now);
}
