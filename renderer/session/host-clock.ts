import { z } from 'zod';
import type { ClockEstimate } from '../../shared/protocol/clock';

/*
 * This laptop's idea of the host's clock (shared/protocol/clock.ts): the run of the day is read
 * and written in it. Kept in localStorage, so the projector window and the table's other windows
 * use the same offset, and a laptop that reopens while the host is gone keeps the last one.
 */

const STORAGE_KEY = 'plenum.hostClock';
const stored = z.object({ offsetMs: z.number().finite(), roundTripMs: z.number().finite().nonnegative() });

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be switched off; the offset then lives as long as the window.
    return null;
  }
};

function readStored(): ClockEstimate | null {
  try {
    const parsed = stored.safeParse(JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

let current: ClockEstimate | null = readStored();

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) current = readStored();
  });
}

/** Now on the host's clock (this laptop's clock until it has asked the host). */
export function hostNow(): number {
  return Date.now() + (current?.offsetMs ?? 0);
}

export function hostClock(): ClockEstimate | null {
  return current;
}

export function setHostClock(estimate: ClockEstimate): void {
  current = { offsetMs: estimate.offsetMs, roundTripMs: estimate.roundTripMs };
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Full or switched off: this window still uses it.
  }
}
