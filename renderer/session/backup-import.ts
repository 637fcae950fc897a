import { backupSizeRefusal, backupState, backupTooBig, newId, readBackup, type BackupError, type BackupRepair } from '../../shared/model';
import type { HostApi } from '../../shared/host-api';
import type { NewIndexRow, WorkshopStore } from '../storage/workshop-store';
import { readFromWorker, type FromWorker, type ImportedMeta, type ImportStage, type ToWorker } from './backup-import-protocol';

export { IMPORT_STAGES, type ImportStage } from './backup-import-protocol';

/**
 * `zoneless`: the backup does not say in which time zone the workshop is (one written before
 * workshops had one): its clock times then show in this computer's zone, which may not be the venue's.
 * `repairs`: values of the file that were changed to be imported (backup-repair.ts), for the user to be told;
 * `timeZone` the zone the workshop's clock times show in, for telling them.
 */
export type ImportOutcome =
  | { ok: true; id: string; title: string; copy: boolean; zoneless: boolean; timeZone: string; repairs: BackupRepair[] }
  | { ok: false; error: BackupError };

/**
 * `signal`: cancels the import up to the moment the workshop is stored (the promise then rejects
 * with the signal's reason and nothing is stored); the store's one transaction is not cut.
 * `onStage`: each step as it begins, for the progress.
 */
export interface ImportOptions {
  signal?: AbortSignal;
  onStage?: (stage: ImportStage) => void;
  /** Starts the import's worker; null where none can start (tests in Node, a host that refuses workers). */
  startWorker?: () => Worker | null;
}

/** The file, or its text (a file the desktop app was opened with arrives as text). */
type Source = string | Pick<Blob, 'size' | 'text'>;

/**
 * Reading, checking and building a big backup takes seconds (100,000 cards: JSON.parse, the
 * checksum, the schema and Yjs); on the page's thread nothing answered meanwhile, not even a
 * cancel. A worker does them; the page only stores the result. Vite bundles the worker from
 * this expression (the URL must be written here, literally).
 */
function startImportWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./backup-import.worker.ts', import.meta.url), { type: 'module', name: 'plenum-backup-import' });
  } catch {
    // A policy or host that refuses workers: the import runs on the page, as it did before workers.
    return null;
  }
}

/** What the import needs from wherever the checking and building run: the worker, or the page itself. */
interface BackupBuilder {
  check(source: Source): Promise<{ ok: true; meta: ImportedMeta; repairs: BackupRepair[] } | { ok: false; error: BackupError }>;
  build(workshopId: string): Promise<Uint8Array>;
  close(): void;
}

const aborted = (signal: AbortSignal | undefined): Promise<never> =>
  new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** Lets the page paint the progress and take a click (a cancel) between the steps that run on it. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The fallback where no worker starts: the same steps on the page, with a pause between them so
 * the progress shows and a cancel is seen before the next step (each step itself still blocks).
 */
function builderInPlace(onStage: (stage: ImportStage) => void): BackupBuilder {
  let checked: Parameters<typeof backupState>[0] | null = null;
  return {
    async check(source) {
      onStage('reading');
      const text = typeof source === 'string' ? source : await source.text();
      onStage('checking');
      await breathe();
      const parsed = readBackup(text);
      if (!parsed.ok) return parsed;
      checked = parsed.value.workshop;
      return { ok: true, meta: checked.meta, repairs: parsed.value.repairs };
    },
    async build(workshopId) {
      if (!checked) throw new Error('build before check');
      onStage('building');
      await breathe();
      const state = backupState(checked, { workshopId });
      checked = null;
      return state;
    },
    close() {
      checked = null;
    },
  };
}

/**
 * The worker's side of the import. `started` tells whether the worker runs: its "ready" comes
 * first; a worker whose script does not load or is refused fires `error` before any message.
 */
function builderInWorker(worker: Worker, onStage: (stage: ImportStage) => void): BackupBuilder & { started: Promise<boolean> } {
  let waiting: { resolve: (message: FromWorker) => void; reject: (error: unknown) => void } | null = null;
  let markStarted: (started: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => (markStarted = resolve));
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = null;
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = readFromWorker(event.data);
    if (!message) return fail(new Error('the import worker sent a message this page does not know'));
    if (message.type === 'ready') return markStarted(true);
    if (message.type === 'stage') return onStage(message.stage);
    if (message.type === 'failed') return fail(new Error(message.message));
    waiting?.resolve(message);
    waiting = null;
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    markStarted(false);
    fail(new Error(event.message || 'the import worker stopped'));
  });
  worker.addEventListener('messageerror', () => fail(new Error('a message of the import worker could not be read')));
  const ask = (message: ToWorker) =>
    new Promise<FromWorker>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(message);
    });
  return {
    started,
    async check(source) {
      // A Blob crosses as a handle (the worker reads it); an object that only looks like one is read here.
      const sendable = typeof source === 'string' || source instanceof Blob ? source : await source.text();
      const reply = await ask({ type: 'check', source: sendable });
      if (reply.type !== 'checked') throw new Error(`the import worker answered "${reply.type}" to "check"`);
      return reply.result;
    },
    async build(workshopId) {
      const reply = await ask({ type: 'build', workshopId });
      if (reply.type !== 'built') throw new Error(`the import worker answered "${reply.type}" to "build"`);
      return reply.state;
    },
    close: () => worker.terminate(),
  };
}

/**
 * Imports a backup as a workshop of this laptop. Everything is checked before the store is
 * touched, and the workshop is stored in one transaction: it exists whole or not at all. A
 * workshop already here keeps its place: the backup then arrives as a second one.
 */
async function runImport(store: WorkshopStore, source: Source, now: number, options: ImportOptions): Promise<ImportOutcome> {
  const { signal, onStage = () => undefined, startWorker = startImportWorker } = options;
  signal?.throwIfAborted();
  const cancelled = aborted(signal);
  // Not left unhandled when nobody races it any more.
  cancelled.catch(() => undefined);
  const worker = startWorker();
  let builder: BackupBuilder = builderInPlace(onStage);
  try {
    if (worker) {
      const inWorker = builderInWorker(worker, onStage);
      // A worker that cannot start (its script does not load, a content policy refuses it) says so
      // before its "ready": the page then does the work itself, as before there was a worker.
      if (await Promise.race([inWorker.started, cancelled])) builder = inWorker;
      else worker.terminate();
    }
    const checked = await Promise.race([builder.check(source), cancelled]);
    if (!checked.ok) return checked;
    const meta = checked.meta;
    // A backup without a workshop id (its document had none that was an id) gets a fresh one.
    const existing = meta.id ? await store.getIndexRow(meta.id) : undefined;
    const id = existing || !meta.id ? newId() : meta.id;
    const state = await Promise.race([builder.build(id), cancelled]);
    signal?.throwIfAborted();
    onStage('saving');
    const row: NewIndexRow = { id, title: meta.title, date: meta.date, venue: meta.venue, room: meta.room, createdAt: meta.createdAt || now, updatedAt: now };
    await store.createWorkshop(row, state);
    return { ok: true, id, title: meta.title, copy: existing !== undefined, zoneless: meta.timeZone === '', timeZone: meta.timeZone, repairs: checked.repairs };
  } finally {
    builder.close();
    worker?.terminate();
  }
}

/** Imports a backup file's text as a workshop of this laptop (see runImport). */
export async function importBackup(store: WorkshopStore, text: string, now = Date.now(), options: ImportOptions = {}): Promise<ImportOutcome> {
  return runImport(store, text, now, options);
}

/**
 * Imports a backup file the user picked: refused by its size before it is read, so a file far
 * too big answers at once instead of after seconds and gigabytes of parsing.
 */
export async function importBackupFile(store: WorkshopStore, file: Pick<Blob, 'size' | 'text'>, now = Date.now(), options: ImportOptions = {}): Promise<ImportOutcome> {
  const tooBig = backupSizeRefusal(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  return runImport(store, file, now, options);
}

/** What became of one file the app was opened with. */
export type OpenedFileOutcome = { file: string } & ImportOutcome;

/**
 * Imports the `.plenum` files the desktop app was opened with (double-click, "Open with"), each
 * as the import button would, and reports each as soon as it is done. A file over the size
 * limit arrives unread, with its size; a host that cannot say (an error across the bridge) gives none.
 */
export async function importOpenedFiles(host: Pick<HostApi, 'file:takeOpened'>, store: WorkshopStore, report: (outcome: OpenedFileOutcome) => void, now = Date.now(), options: ImportOptions = {}): Promise<void> {
  const opened = await host['file:takeOpened']();
  if (!opened.ok) return;
  for (const file of opened.value) {
    const result: ImportOutcome = 'text' in file ? await importBackup(store, file.text, now, options) : { ok: false, error: backupTooBig(file.tooBig) };
    report({ file: file.name, ...result });
  }
}
