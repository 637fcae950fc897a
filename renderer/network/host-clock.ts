import { z } from 'zod';
import { clockOffset, type ClockEstimate } from '../../shared/protocol/clock';

/*
 * Each workshop's room clock as this laptop last measured it (shared/protocol/clock.ts): the
 * run of the day is read and written in it. Kept per workshop in localStorage, so the projector
 * and other windows use the same offset, and a laptop that reopens while the host is gone keeps
 * it; a workshop never connected (or left) runs on this laptop's own clock.
 */

const KEY_PREFIX = 'plenum.hostClock.';
const stored = z.object({ offsetMs: clockOffset, roundTripMs: z.number().finite().nonnegative() });

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be switched off; the offset then lives as long as the window.
    return null;
  }
};

function readStored(workshopId: string): ClockEstimate | null {
  try {
    const parsed = stored.safeParse(JSON.parse(storage()?.getItem(KEY_PREFIX + workshopId) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Read once per workshop and window, then kept up to date by this window and storage events. */
const cache = new Map<string, ClockEstimate | null>();

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key?.startsWith(KEY_PREFIX)) cache.delete(event.key.slice(KEY_PREFIX.length));
    else if (event.key === null) cache.clear();
  });
}

export function hostClock(workshopId: string): ClockEstimate | null {
  if (!cache.has(workshopId)) cache.set(workshopId, readStored(workshopId));
  return cache.get(workshopId) ?? null;
}

/** Now on the workshop's room clock (this laptop's own clock until it has measured one). */
export function hostNow(workshopId: string): number {
  return Date.now() + (hostClock(workshopId)?.offsetMs ?? 0);
}

export function setHostClock(workshopId: string, estimate: ClockEstimate): void {
  const value = { offsetMs: estimate.offsetMs, roundTripMs: estimate.roundTripMs };
  if (!stored.safeParse(value).success) return;
  cache.set(workshopId, value);
  try {
    storage()?.setItem(KEY_PREFIX + workshopId, JSON.stringify(value));
  } catch {
    // Full or switched off: this window still uses it.
  }
}

/** The laptop left the workshop's network for good: its own clock again. */
export function forgetHostClock(workshopId: string): void {
  cache.set(workshopId, null);
  try {
    storage()?.removeItem(KEY_PREFIX + workshopId);
  } catch {
    // Nothing stored then.
  }
}
