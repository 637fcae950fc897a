/*
 * Code fetched ahead of need (the workshop screen once the home screen is idle, or beside a
 * command's work) fails quietly: its failure is not the user's. Vite still reports it as
 * `vite:preloadError`, which does not say who loaded the chunk; renderer/app/chunk-reload.ts asks
 * here whether such a load is under way, so a network blip at idle does not reload the page under
 * a half-filled form.
 */

let pending = 0;

/** Starts `load` in the background; its failure is swallowed (the screen's own load reports it). */
export function loadInBackground(load: () => Promise<unknown>): void {
  pending += 1;
  void load()
    .catch(() => undefined)
    .finally(() => {
      pending -= 1;
    });
}

/** Whether a background load is under way (a chunk failing now may be its). */
export function loadingInBackground(): boolean {
  return pending > 0;
}
