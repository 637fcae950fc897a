import { roots, type WorkshopDoc } from './doc';
import { AREA_NAMES, AREAS, type Area, type WorkshopSnapshot } from './areas';

/**
 * Memoised, subscribable snapshots of one workshop, made for `useSyncExternalStore`:
 * `get(area)` returns the same object until that area changes, and items that did not
 * change keep their identity, so a memoised card component skips re-rendering.
 */
export interface LiveWorkshop {
  get<A extends Area>(area: A): WorkshopSnapshot[A];
  subscribe(area: Area, listener: () => void): () => void;
  destroy(): void;
}

type AreaValue = WorkshopSnapshot[Area];

function shallowEqual(a: object, b: object): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** Reuses unchanged items of `previous` in `next` (objects keyed by id, primitives by value). */
function shareStructure(previous: AreaValue | undefined, next: AreaValue): AreaValue {
  if (!Array.isArray(previous) || !Array.isArray(next)) {
    return previous && shallowEqual(previous, next) ? previous : next;
  }
  const before: readonly unknown[] = previous;
  const idOf = (item: unknown) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined);
  const byId = new Map(before.map((item) => [idOf(item), item]));
  let same = before.length === next.length;
  const shared = (next as readonly unknown[]).map((item, index) => {
    const old = typeof item === 'object' && item !== null ? byId.get(idOf(item)) : item;
    const kept = old !== undefined && old !== null && typeof old === 'object' && shallowEqual(old, item as object) ? old : item;
    if (kept !== before[index]) same = false;
    return kept;
  });
  return (same ? previous : shared) as AreaValue;
}

export function liveWorkshop(doc: WorkshopDoc): LiveWorkshop {
  const cache = new Map<Area, AreaValue>();
  const stale = new Set<Area>();
  const listeners = new Map<Area, Set<() => void>>();
  const maps = roots(doc);
  const unobserve: Array<() => void> = [];

  // Each area listens on its root: an area is notified for every change there (report-back
  // shares the boards' root), never for a change elsewhere.
  for (const area of AREA_NAMES) {
    const onChange = () => {
      stale.add(area);
      listeners.get(area)?.forEach((listener) => listener());
    };
    const root = maps[AREAS[area].root];
    root.observeDeep(onChange);
    unobserve.push(() => root.unobserveDeep(onChange));
  }

  return {
    get<A extends Area>(area: A): WorkshopSnapshot[A] {
      if (!cache.has(area) || stale.has(area)) {
        cache.set(area, shareStructure(cache.get(area), AREAS[area].read(doc)));
        stale.delete(area);
      }
      return cache.get(area) as WorkshopSnapshot[A];
    },
    subscribe(area, listener) {
      const set = listeners.get(area) ?? new Set();
      listeners.set(area, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    destroy() {
      unobserve.forEach((stop) => stop());
      listeners.clear();
    },
  };
}
