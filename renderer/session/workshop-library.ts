import { rolesSnapshot, validShortText, validTitle, type Language, type Result } from '../../shared/model';
import { workshopCommands } from '../../shared/roles/commands';
import { roleOf } from '../../shared/roles/permissions';
import { laptopId } from '../storage/laptop-id';
import type { WorkshopStore } from '../storage/workshop-store';
import { createStoredWorkshop, editStoredWorkshop, readStoredWorkshop } from './workshop-session';

/*
 * The workshops on this laptop as the home screen handles them: create, rename, duplicate, and
 * the purge of deleted ones. Opening one is workshop-session.ts.
 */

export { DELETE_GRACE_MS, purgeDeletedWorkshops } from './workshop-purge';

export interface NewWorkshopFields {
  title: string;
  date: string;
  venue: string;
  room: string;
}

export async function createWorkshop(store: WorkshopStore, fields: NewWorkshopFields, language: Language): Promise<Result<string>> {
  const title = validTitle(fields.title);
  if (!title.ok) return title;
  const venue = validShortText(fields.venue);
  if (!venue.ok) return venue;
  const room = validShortText(fields.room);
  if (!room.ok) return room;
  return { ok: true, value: await createStoredWorkshop(store, { title: title.value, language, date: fields.date, venue: venue.value, room: room.value }) };
}

/** Renames through the document, so the new title syncs and lands in the minutes, then the index. */
export async function renameWorkshop(store: WorkshopStore, id: string, rawTitle: string): Promise<Result<true>> {
  const title = validTitle(rawTitle);
  if (!title.ok) return title;
  return editStoredWorkshop(store, id, (doc, row) => {
    // A table laptop's copy is the room's: renaming it would rename the workshop for everyone.
    const role = roleOf({ connection: row?.role ?? null, laptopId: laptopId(), moderators: rolesSnapshot(doc).moderators.map((entry) => entry.laptopId) });
    const commands = workshopCommands(doc, { role: () => role, seat: () => ({ tableId: row?.tableId ?? null, plenaryOpen: false }) });
    const result = commands.workshop.rename(title.value);
    return result.ok ? { ok: true, value: true } : result;
  });
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
