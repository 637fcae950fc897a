import {
  applyWorkshopUpdates,
  checkSchema,
  createUndoHistory,
  createWorkshopDoc,
  encodeWorkshopState,
  initFromTemplate,
  initWorkshop,
  liveWorkshop,
  metaSnapshot,
  newId,
  type Language,
  type LiveWorkshop,
  type ModelError,
  type Result,
  type UndoHistory,
  type WorkshopDoc,
} from '../../shared/model';
import { connectWorkshop, type ConnectionController, type ConnectOptions } from '../network/connection';
import type { ConnectionRow } from '../storage/plenum-db';
import { StorageError } from '../storage/storage-error';
import type { WorkshopStore } from '../storage/workshop-store';
import { saveWorkshop, type LoadedLog, type WorkshopSaver } from './saver';
import { syncWindows } from './window-sync';

/**
 * An open workshop: its document, live snapshots, undo history, the saver writing it to disk and,
 * when it was opened with the network, its connection to the other laptops. Closing it stops all
 * of them, the connection first.
 */
export interface WorkshopSession {
  id: string;
  doc: WorkshopDoc;
  live: LiveWorkshop;
  undo: UndoHistory;
  saver: WorkshopSaver;
  /** Null when opened without the network (a test, a benchmark). */
  connection: ConnectionController | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Connects the workshop to the others with its stored connection record (the workshop screen
   * does); without it the workshop stays on this laptop. Its `signal` aborts an open that is no
   * longer wanted before it ever reaches the network.
   */
  network?: ConnectOptions;
}

/** A workshop that cannot be opened, with the reason as a translatable code. */
export class WorkshopOpenError extends Error {
  constructor(readonly reason: ModelError | StorageError) {
    super(reason instanceof StorageError ? reason.message : reason.code);
    this.name = 'WorkshopOpenError';
  }
}

/** Loads a workshop from the store and keeps it saved (and, asked to, connected) while it is open. */
export async function openWorkshopSession(store: WorkshopStore, id: string, options: OpenOptions = {}): Promise<WorkshopSession> {
  const { doc, stored, row } = await loadWorkshop(store, id, options.network !== undefined);
  const { network } = options;
  // The saver folds the loaded log into one state a moment after the workshop is on screen. The
  // connection starts last, once the saver listens: an edit is always handed to the saver before
  // the network sees it (docs/flows.md).
  return bindSession(store, id, doc, stored, network ? () => connectWorkshop(store, { id, doc }, row, network) : null);
}

/**
 * Changes a stored workshop without showing it (a rename from the home screen): the change is
 * written and reaches any window showing the workshop as in a session, with neither live
 * snapshots, undo history nor network. `change` gets the connection record read with it.
 */
export async function editStoredWorkshop<T>(store: WorkshopStore, id: string, change: (doc: WorkshopDoc, connection: ConnectionRow | null) => Result<T>): Promise<Result<T>> {
  const { doc, stored, row } = await loadWorkshop(store, id, true);
  const saver = saveWorkshop(store, id, doc, stored);
  const stopWindowSync = syncWindows(doc, id);
  try {
    const result = change(doc, row);
    if (result.ok) await saver.flush();
    return result;
  } finally {
    stopWindowSync();
    await saver.stop();
    doc.destroy();
  }
}

/**
 * Reads a workshop into a new document, refusing one that is damaged or from a newer Plenum.
 * The connection record is read once, here, when `withConnection` asks for it or when an empty
 * workshop may be one that waits for the others.
 */
async function loadWorkshop(store: WorkshopStore, id: string, withConnection: boolean): Promise<{ doc: WorkshopDoc; stored: LoadedLog; row: ConnectionRow | null }> {
  const doc = createWorkshopDoc();
  const undecodable = new WorkshopOpenError(new StorageError('storage.damaged', `updates of ${id} do not decode`));
  let stored;
  try {
    // The state is applied while the log is still being read.
    stored = await store.readWorkshop(id, (updates) => {
      if (!applyWorkshopUpdates(doc, updates).ok) throw undecodable;
    });
  } catch (error) {
    doc.destroy();
    if (error === undecodable) throw error;
    throw new WorkshopOpenError(error instanceof StorageError ? error : new StorageError('storage.failed', String(error)));
  }
  const schema = checkSchema(doc);
  const missing = !schema.ok && schema.error.code === 'schema.missing';
  let row: ConnectionRow | null;
  try {
    row = withConnection || missing ? ((await store.getConnection(id)) ?? null) : null;
  } catch (error) {
    doc.destroy();
    throw error;
  }
  // A laptop that joined a table has nothing until the others send it the workshop.
  const awaitingContent = missing && row?.role === 'table';
  if (!schema.ok && !awaitingContent) {
    doc.destroy();
    throw new WorkshopOpenError(schema.error);
  }
  return { doc, stored, row };
}

function bindSession(store: WorkshopStore, id: string, doc: WorkshopDoc, loaded: LoadedLog, connect: (() => ConnectionController) | null): WorkshopSession {
  const live = liveWorkshop(doc);
  const undo = createUndoHistory(doc);
  const saver = saveWorkshop(store, id, doc, loaded);
  // The projector window follows this one (renderer/session/window-sync.ts).
  const stopWindowSync = syncWindows(doc, id);
  const connection = connect ? connect() : null;
  return {
    id,
    doc,
    live,
    undo,
    saver,
    connection,
    async close() {
      // Off the network first: nothing arrives for a document that is being closed.
      connection?.destroy();
      stopWindowSync();
      await saver.stop();
      undo.destroy();
      live.destroy();
      doc.destroy();
    },
  };
}

export interface NewWorkshopInput {
  title: string;
  language: Language;
  date?: string;
  venue?: string;
  room?: string;
  /** Start from this workshop's plan (agenda, venue) instead of an empty one. */
  templateOf?: WorkshopDoc;
}

/** Creates a workshop on disk and returns its id. Title must already be validated. */
export async function createStoredWorkshop(store: WorkshopStore, input: NewWorkshopInput, now = Date.now()): Promise<string> {
  const id = newId();
  const doc = createWorkshopDoc();
  if (input.templateOf) initFromTemplate(input.templateOf, doc, { id, title: input.title, date: input.date ?? '', now });
  else initWorkshop(doc, { id, title: input.title, language: input.language, date: input.date ?? '', venue: input.venue ?? '', room: input.room ?? '', now });
  const meta = metaSnapshot(doc);
  await store.createWorkshop({ id, title: meta.title, date: meta.date, venue: meta.venue, room: meta.room, createdAt: now, updatedAt: now }, encodeWorkshopState(doc));
  doc.destroy();
  return id;
}

/** Reads a stored workshop into a document that is not kept open (for templates and exports). */
export async function readStoredWorkshop(store: WorkshopStore, id: string): Promise<WorkshopDoc> {
  const stored = await store.loadWorkshop(id);
  const doc = createWorkshopDoc();
  const applied = applyWorkshopUpdates(doc, stored.updates);
  if (!applied.ok) throw new WorkshopOpenError(applied.error);
  // A newer document is refused here too: a template or an export read from it would be half-understood.
  const schema = checkSchema(doc);
  if (!schema.ok) {
    doc.destroy();
    throw new WorkshopOpenError(schema.error);
  }
  return doc;
}

/** A workshop opened for the wall: read from disk, then kept current by the moderator's window. */
export interface ProjectorSession {
  id: string;
  doc: WorkshopDoc;
  live: LiveWorkshop;
  close(): void;
}

/**
 * Opens a workshop read-only. No saver: the projector writes nothing, and a second saver of the
 * same workshop would store every update the moderator's window already stored. The window link
 * starts before the disk is read, so a change made meanwhile is not missed.
 */
export async function openProjectorSession(store: WorkshopStore, id: string): Promise<ProjectorSession> {
  const doc = createWorkshopDoc();
  const stopWindowSync = syncWindows(doc, id);
  try {
    await store.readWorkshop(id, (updates) => {
      const applied = applyWorkshopUpdates(doc, updates);
      if (!applied.ok) throw new Error(applied.error.code);
    });
  } catch (error) {
    stopWindowSync();
    doc.destroy();
    throw error;
  }
  const live = liveWorkshop(doc);
  return {
    id,
    doc,
    live,
    close() {
      stopWindowSync();
      live.destroy();
      doc.destroy();
    },
  };
}
