import type { WorkshopDoc } from './doc';
import { agendaSnapshot } from './agenda';
import { boardsSnapshot, cardsSnapshot } from './cards';
import { metaSnapshot } from './meta';
import { participantsSnapshot } from './participants';
import type { WorkshopSnapshot } from './schema';

/** Readers of each area, by the name of the area. */
export const areaReaders = {
  meta: metaSnapshot,
  agenda: agendaSnapshot,
  boards: boardsSnapshot,
  cards: cardsSnapshot,
  participants: participantsSnapshot,
} satisfies { [K in keyof WorkshopSnapshot]: (doc: WorkshopDoc) => WorkshopSnapshot[K] };

export type Area = keyof typeof areaReaders;

/** The whole workshop as plain data: what tests compare, minutes read and backups hold. */
export function workshopSnapshot(doc: WorkshopDoc): WorkshopSnapshot {
  return {
    meta: metaSnapshot(doc),
    agenda: agendaSnapshot(doc),
    boards: boardsSnapshot(doc),
    cards: cardsSnapshot(doc),
    participants: participantsSnapshot(doc),
  };
}
