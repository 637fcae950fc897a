import type { WorkshopList, WorkshopStore } from '../../storage/workshop-store';

/*
 * The home list, read at start-up while the language's texts load and before React's first
 * render (renderer/main.tsx), so the first render of the home screen shows the workshops instead
 * of "Loading…" followed by a second render and layout once its effect has read them.
 */

let readAtStart: { store: WorkshopStore; list: WorkshopList } | null = null;

/**
 * Reads the list for the first home screen, waiting for it at most `budgetMs`: a read that takes
 * longer is dropped (the screen shows "Loading…" and reads again itself, as before), so a stuck
 * store never keeps the window blank. Never rejects: on a failure the screen reads again and
 * reports it as before.
 */
export function readStartList(store: WorkshopStore, budgetMs: number): Promise<void> {
  let late = false;
  const reading = store.listWorkshops().then(
    (list) => {
      if (!late) readAtStart = { store, list };
    },
    () => undefined,
  );
  return new Promise((resolve) => {
    const budget = setTimeout(() => {
      late = true;
      resolve();
    }, budgetMs);
    void reading.then(() => {
      clearTimeout(budget);
      resolve();
    });
  });
}

/**
 * The list read at start-up for `store`, for the first home screen only; null when there is none.
 * Taken once: a later home screen (after an error boundary's retry, or coming back from a
 * workshop) reads its own, never this one grown stale. Forgotten after the current task, not at
 * once, because StrictMode calls the same state initializer twice in a row.
 */
export function startList(store: WorkshopStore): WorkshopList | null {
  const list = readAtStart?.store === store ? readAtStart.list : null;
  if (list) queueMicrotask(forgetStartList);
  return list;
}

/** Once shown, the start's list is stale for any later home screen: that one reads its own. */
export function forgetStartList(): void {
  readAtStart = null;
}
