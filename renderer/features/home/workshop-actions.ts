import { rolesSnapshot, validTitle, type Language, type Result } from '../../../shared/model';
import { workshopCommands } from '../../../shared/roles/commands';
import { roleOf } from '../../../shared/roles/permissions';
import { laptopId } from '../../storage/laptop-id';
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
    // A table laptop's copy is the room's: renaming it would rename the workshop for everyone.
    const row = await store.getConnection(id);
    const role = roleOf({ connection: row?.role ?? null, laptopId: laptopId(), moderators: rolesSnapshot(session.doc).moderators.map((entry) => entry.laptopId) });
    const commands = workshopCommands(session.doc, { role: () => role, seat: () => ({ tableId: row?.tableId ?? null, plenaryOpen: false }) });
    const result = commands.workshop.rename(title.value);
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
