import { purgeDeletedWorkshops } from '../session/workshop-purge';
import { forgetBoardPrefs } from '../state/board-prefs';
import type { WorkshopStore } from '../storage/workshop-store';

/**
 * At start-up: workshops deleted longer ago than their undo window leave nothing of them on this
 * laptop, neither in the store nor in localStorage (their room clock, their boards' preferences).
 */
export async function forgetDeletedWorkshops(store: WorkshopStore, now = Date.now()): Promise<string[]> {
  const purged = await purgeDeletedWorkshops(store, now);
  for (const id of purged) forgetBoardPrefs(id);
  return purged;
}
