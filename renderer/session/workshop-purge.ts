import type * as HostClock from '../network/host-clock';
import type * as HostCode from '../network/host-code';
import type { WorkshopStore } from '../storage/workshop-store';

/*
 * The purge of deleted workshops, apart from workshop-library.ts: it runs at every start, and the
 * library's create/rename/duplicate bring the whole session (Yjs, networking) with them, which
 * the home screen loads only when one of them is used.
 */

/** How long a deleted workshop can be brought back before it is purged at the next start. */
export const DELETE_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the workshops deleted longer than DELETE_GRACE_MS ago, and with them the room clock
 * and join code this laptop kept for them. Resolves to their ids; what the UI remembers of them (the board
 * preferences) the app forgets (renderer/app/forget-deleted.ts): the session knows no UI state.
 */
export async function purgeDeletedWorkshops(store: WorkshopStore, now = Date.now()): Promise<string[]> {
  const purged = await store.purgeDeletedWorkshops(now - DELETE_GRACE_MS);
  if (purged.length === 0) return purged;
  // Loaded only when there is a clock to forget: its module builds zod schemas at import, and the purge runs at every start.
  try {
    // Nothing when a failed load's error went to the page's reload handler (chunk-reload.ts).
    const [clock, code]: [typeof HostClock | undefined, typeof HostCode | undefined] = await Promise.all([import('../network/host-clock'), import('../network/host-code')]);
    for (const id of purged) {
      clock?.forgetHostClock(id);
      code?.forgetHostCode(id);
    }
  } catch {
    // A few bytes of clock and join code per workshop stay behind; the workshops are gone all the
    // same, and what the UI remembers of them is still forgotten.
  }
  return purged;
}
