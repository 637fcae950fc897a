import { applyWorkshopUpdates, createWorkshopDoc, encodeWorkshopState, updateMeta } from '../../shared/model';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { buildWorkshop, STANDARD_WORKSHOP, type SeededWorkshop } from '../fixtures/workshop';

/*
 * Served from the same origin as the built app (bench/suites/app-start.ts), so it writes into the
 * app's own IndexedDB through the app's own store: the workshops lie there as the app leaves them.
 * The 2,000-card workshop is the suites' standard one (a compacted state plus 200 single-card
 * updates in the log); the others are smaller workshops made the same way.
 */

export interface SeedRequest {
  /** Titles and card counts; the first gets the standard 2,000-card workshop when it asks for 2,000 cards. */
  workshops: Array<{ title: string; cards: number }>;
}

/** The ids of the stored workshops, in the order asked for. */
export type SeedResult = string[];

declare global {
  interface Window {
    plenumSeed?: (request: SeedRequest) => Promise<SeedResult>;
  }
}

/** The fixture with its own title in the document too, so the workshop reads as that workshop when opened. */
function retitled(workshop: SeededWorkshop, title: string): { state: Uint8Array; log: Uint8Array[] } {
  const doc = createWorkshopDoc();
  try {
    applyWorkshopUpdates(doc, [workshop.state]);
    updateMeta(doc, { title });
    return { state: encodeWorkshopState(doc), log: workshop.log };
  } finally {
    doc.destroy();
  }
}

window.plenumSeed = async ({ workshops }) => {
  const store = await WorkshopStore.open();
  const ids: string[] = [];
  let seed = 1;
  for (const { title, cards } of workshops) {
    const options = cards === STANDARD_WORKSHOP.cards ? STANDARD_WORKSHOP : { cards, logCards: Math.min(20, cards), laptops: 2, seed: (seed += 1) };
    const workshop = buildWorkshop(options);
    const { state, log } = retitled(workshop, title);
    const now = Date.now();
    await store.createWorkshop({ id: workshop.id, title, date: '2025-06-14', venue: 'Rathaus', room: 'Saal 2', createdAt: workshop.createdAt, updatedAt: now }, state);
    if (log.length > 0) await store.appendUpdates(workshop.id, log, null, now);
    ids.push(workshop.id);
  }
  store.close();
  return ids;
};
