import { updateMeta, validTitle, type Language, type Result } from '../../../shared/model';
import type { WorkshopStore } from '../../storage/workshop-store';
import { createStoredWorkshop, openWorkshopSession, readStoredWorkshop } from '../../session/workshop-session';

/** How long a deleted workshop can be brought back before it is purged at the next start. */
export const DELETE_GRACE_MS = 24 * 60 * 60 * 1000;

export async function createWorkshop(
  store: WorkshopStore,
  rawTitle: string,
  language: Language,
  date: string,
): Promise<Result<string>> {
  const title = validTitle(rawTitle);
  if (!title.ok) return title;
  return { ok: true, value: await createStoredWorkshop(store, { title: title.value, language, date }) };
}

/** Renames through the document, so the new title syncs and lands in the minutes, then the index. */
export async function renameWorkshop(store: WorkshopStore, id: string, rawTitle: string): Promise<Result<true>> {
  const title = validTitle(rawTitle);
  if (!title.ok) return title;
  const session = await openWorkshopSession(store, id);
  try {
    const result = updateMeta(session.doc, { title: title.value });
    if (!result.ok) return result;
    await session.saver.flush();
    return { ok: true, value: true };
  } finally {
    await session.close();
  }
}

/** A new workshop with the plan of `id` (agenda, venue, language) and none of its cards. */
export async function duplicateWorkshop(store: WorkshopStore, id: string, title: string): Promise<string> {
  const source = await readStoredWorkshop(store, id);
  try {
    return await createStoredWorkshop(store, { title, language: 'de', templateOf: source });
  } finally {
    source.destroy();
  }
}
