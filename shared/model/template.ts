import { initWorkshop, type WorkshopDefaults, type WorkshopDoc } from './doc';
import { addAgendaItem, agendaSnapshot } from './agenda';
import { metaSnapshot } from './meta';

/**
 * Starts `target` as a copy of `source`'s plan: venue, room, language and agenda with fresh ids.
 * Cards and participants belong to the day they were written and are not copied; the date is
 * the new workshop's own (empty unless given).
 */
export function initFromTemplate(
  source: WorkshopDoc,
  target: WorkshopDoc,
  defaults: Pick<WorkshopDefaults, 'id' | 'title' | 'now' | 'date'>,
): void {
  const meta = metaSnapshot(source);
  initWorkshop(target, {
    ...defaults,
    language: meta.language,
    venue: meta.venue,
    room: meta.room,
  });
  for (const item of agendaSnapshot(source)) {
    addAgendaItem(target, { title: item.title, durationMin: item.durationMin, notes: item.notes });
  }
}
