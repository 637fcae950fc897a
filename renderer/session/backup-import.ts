import { backupSizeRefusal, backupTooBig, encodeWorkshopState, newId, parseBackup, restoreBackup, type BackupError } from '../../shared/model';
import type { HostApi } from '../../shared/host-api';
import type { WorkshopStore } from '../storage/workshop-store';

/**
 * `zoneless`: the backup does not say in which time zone the workshop is (one written before
 * workshops had one): its clock times then show in this computer's zone, which may not be the venue's.
 */
export type ImportOutcome = { ok: true; id: string; title: string; copy: boolean; zoneless: boolean } | { ok: false; error: BackupError };

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
    await store.createWorkshop({ id, title: snapshot.meta.title, date: snapshot.meta.date, venue: snapshot.meta.venue, room: snapshot.meta.room, createdAt: snapshot.meta.createdAt || now, updatedAt: now }, encodeWorkshopState(doc));
  } finally {
    doc.destroy();
  }
  return { ok: true, id, title: snapshot.meta.title, copy: existing !== undefined, zoneless: snapshot.meta.timeZone === '' };
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

/** What became of one file the app was opened with. */
export type OpenedFileOutcome = { file: string } & ImportOutcome;

/**
 * Imports the `.plenum` files the desktop app was opened with (double-click, "Open with"), each
 * as the import button would, and reports each as soon as it is done. A file over the size
 * limit arrives unread, with its size; a host that cannot say (an error across the bridge) gives none.
 */
export async function importOpenedFiles(host: Pick<HostApi, 'file:takeOpened'>, store: WorkshopStore, report: (outcome: OpenedFileOutcome) => void, now = Date.now()): Promise<void> {
  const opened = await host['file:takeOpened']();
  if (!opened.ok) return;
  for (const file of opened.value) {
    const result: ImportOutcome = 'text' in file ? await importBackup(store, file.text, now) : { ok: false, error: backupTooBig(file.tooBig) };
    report({ file: file.name, ...result });
  }
}
