import { useCallback } from 'react';
import type { LiveWorkshop } from '../../shared/model';
import { clockTimeIn, shownTimeZone } from '../../shared/time-zone';
import { useLive } from './use-live';

/** The zone the open workshop's clock times are shown in (its own; this computer's when it has none). */
export function useWorkshopTimeZone(live: LiveWorkshop): string {
  return shownTimeZone(useLive(live, 'meta').timeZone);
}

/** Formats an instant as a clock time of the open workshop ("14:05" in its zone, whatever this laptop's). */
export function useClockTime(live: LiveWorkshop): (ms: number) => string {
  const zone = useWorkshopTimeZone(live);
  return useCallback((ms: number) => clockTimeIn(ms, zone), [zone]);
}
