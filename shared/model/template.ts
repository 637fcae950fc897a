import { initWorkshop, type WorkshopDefaults, type WorkshopDoc } from './doc';
import { agendaTemplateOf, applyAgendaTemplate } from './agenda-template';
import { metaSnapshot } from './meta';

/**
 * Starts `target` as a copy of `source`'s plan: venue, room, language, start time, time available
 * and agenda (kinds, speakers, notes, tasks) with fresh ids; actual times and the run stay behind.
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
  // The same path as a saved agenda file, so both carry every field of the plan (kinds, speakers, tasks, times).
  applyAgendaTemplate(target, agendaTemplateOf(source));
}
