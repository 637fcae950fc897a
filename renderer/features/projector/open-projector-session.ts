import { applyWorkshopUpdates, createWorkshopDoc, liveWorkshop, type LiveWorkshop, type WorkshopDoc } from '../../../shared/model';
import type { WorkshopStore } from '../../storage/workshop-store';
import { syncWindows } from '../../session/window-sync';

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
