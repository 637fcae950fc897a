import type { WorkshopList, WorkshopStore } from '../../storage/workshop-store';

/*
 * The home list, read at start-up while the language's texts load and before React's first
 * render (renderer/main.tsx), so the first render of the home screen shows the workshops instead
 * of "Loading…" followed by a second render and layout once its effect has read them.
 */

let readAtStart: { store: WorkshopStore; list: WorkshopList } | null = null;

/** Reads the list for the first home screen. Never rejects: on a failure the screen reads again itself and reports it as before. */
export async function readStartList(store: WorkshopStore): Promise<void> {
  try {
    readAtStart = { store, list: await store.listWorkshops() };
  } catch {
    readAtStart = null;
  }
}

/** The list read at start-up for `store`, until `forgetStartList`; null when there is none. */
export function startList(store: WorkshopStore): WorkshopList | null {
  return readAtStart?.store === store ? readAtStart.list : null;
}

/** Once shown, the start's list is stale for any later home screen: that one reads its own. */
export function forgetStartList(): void {
  readAtStart = null;
}
