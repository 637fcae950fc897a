import type { WorkshopDoc } from './doc';
import { AREAS, perArea, type Area, type WorkshopSnapshot } from './areas';

export { AREA_NAMES, type Area, type WorkshopSnapshot } from './areas';

/** Readers of each area, by the name of the area (made from the registry, areas.ts). */
export const areaReaders = perArea<{ [A in Area]: (doc: WorkshopDoc) => WorkshopSnapshot[A] }>((area) => AREAS[area].read);

/** The whole workshop as plain data: what tests compare, minutes read and backups hold. */
export function workshopSnapshot(doc: WorkshopDoc): WorkshopSnapshot {
  return perArea<WorkshopSnapshot>((area) => AREAS[area].read(doc));
}
