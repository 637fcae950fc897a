import { useCallback, useRef, useSyncExternalStore } from 'react';
import { AREA_NAMES, perArea, type LiveWorkshop, type WorkshopSnapshot } from '../../../shared/model';

/**
 * The whole workshop as one snapshot, for the minutes, which read every area. Re-renders when
 * any area changes; the object stays the same while none does (each area is memoised by `live`).
 */
export function useWorkshopSnapshot(live: LiveWorkshop): WorkshopSnapshot {
  const cache = useRef<WorkshopSnapshot | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = AREA_NAMES.map((area) => live.subscribe(area, listener));
      return () => stops.forEach((stop) => stop());
    },
    [live],
  );
  const read = useCallback(() => {
    const previous = cache.current;
    const areas = perArea<WorkshopSnapshot>((area) => live.get(area));
    if (previous && AREA_NAMES.every((area) => previous[area] === areas[area])) return previous;
    cache.current = areas;
    return areas;
  }, [live]);
  return useSyncExternalStore(subscribe, read);
}
