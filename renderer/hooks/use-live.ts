import { useCallback, useSyncExternalStore } from 'react';
import type { Area, LiveWorkshop, WorkshopSnapshot } from '../../shared/model';

/** One area of the open workshop; re-renders only when that area changes. */
export function useLive<A extends Area>(live: LiveWorkshop, area: A): WorkshopSnapshot[A] {
  const subscribe = useCallback((listener: () => void) => live.subscribe(area, listener), [live, area]);
  const read = useCallback(() => live.get(area), [live, area]);
  return useSyncExternalStore(subscribe, read);
}
