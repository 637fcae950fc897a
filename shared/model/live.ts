import type * as Y from 'yjs';
import { roots, type WorkshopDoc } from './doc';
import { AREA_NAMES, AREAS, type Area, type WorkshopSnapshot } from './areas';
import { cardById } from './cards';
import { compareOrdered } from './order';
import { compareParticipants, participantById } from './participants';
import type { Card, Participant } from './schema';

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

/**
 * A sorted list of items after a change to some of them: the others are kept as they were (same
 * objects, same order), only the changed ones are read again (`read`: null when gone) and merged
 * in by `compare`. The same list as reading the area whole, for a fraction of the work: a new
 * card on a board of 2,000 read every card's map, compared them all and sorted them again, and
 * one person's consent ticked on a roster of 5,000 did the same to every person.
 */
export function patchSorted<T extends { id: string }>(
  previous: readonly T[],
  changed: ReadonlySet<string>,
  read: (id: string) => T | null,
  compare: (a: T, b: T) => number,
): readonly T[] {
  const before = new Map<string, T>();
  const kept: T[] = [];
  for (const item of previous) {
    if (changed.has(item.id)) before.set(item.id, item);
    else kept.push(item);
  }
  const fresh: T[] = [];
  let same = true;
  for (const id of changed) {
    const item = read(id);
    const old = before.get(id);
    if (!item) {
      if (old) same = false;
      continue;
    }
    const shared = old && shallowEqual(old, item) ? old : item;
    if (shared !== old) same = false;
    fresh.push(shared);
  }
  if (same) return previous;
  fresh.sort(compare);
  // Each fresh item (usually one) goes in by binary search: comparing it with all 2,000 kept
  // cards cost more than reading it. It goes after the kept items that compare equal, as a sort would leave it.
  const merged: T[] = [];
  let from = 0;
  for (const item of fresh) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let index = from; index < low; index += 1) merged.push(kept[index] as T);
    merged.push(item);
    from = low;
  }
  for (let index = from; index < kept.length; index += 1) merged.push(kept[index] as T);
  return merged;
}

/** The cards of the workshop after a change to some of them (patchSorted). */
export function patchCards(doc: WorkshopDoc, previous: readonly Card[], changed: ReadonlySet<string>): readonly Card[] {
  return patchSorted(previous, changed, (id) => cardById(doc, id), compareOrdered);
}

/** The participants after a change to some of them (patchSorted). */
export function patchParticipants(doc: WorkshopDoc, previous: readonly Participant[], changed: ReadonlySet<string>): readonly Participant[] {
  return patchSorted(previous, changed, (id) => participantById(doc, id), compareParticipants);
}

/** The ids of the items a change touched: keys of the area's root, or the item a nested change lies in. */
function changedItemIds(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, into: Set<string>): void {
  for (const event of events) {
    if (event.path.length === 0) {
      for (const key of event.keys.keys()) into.add(key);
    } else {
      const [id] = event.path;
      if (typeof id === 'string') into.add(id);
    }
  }
}

/** Areas of items under their ids whose list is patched after a change (patchSorted) instead of read whole. */
type PatchedArea = 'cards' | 'participants';
const isPatched = (area: Area): area is PatchedArea => area === 'cards' || area === 'participants';

export function liveWorkshop(doc: WorkshopDoc): LiveWorkshop {
  const cache = new Map<Area, AreaValue>();
  const stale = new Set<Area>();
  const listeners = new Map<Area, Set<() => void>>();
  const maps = roots(doc);
  const unobserve: Array<() => void> = [];
  // Per patched area, the items changed since it was last read (none: read it whole).
  const changedItems = new Map<PatchedArea, Set<string>>();

  // Each area listens on its root: an area is notified for every change there (report-back
  // shares the boards' root), never for a change elsewhere.
  for (const area of AREA_NAMES) {
    const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      if (isPatched(area)) {
        // The first change after a reading starts the list; later ones before the next reading add to it.
        if (!stale.has(area) && cache.has(area)) changedItems.set(area, new Set());
        const changed = changedItems.get(area);
        if (changed) changedItemIds(events, changed);
      }
      stale.add(area);
      listeners.get(area)?.forEach((listener) => listener());
    };
    const root = maps[AREAS[area].root];
    root.observeDeep(onChange);
    unobserve.push(() => root.unobserveDeep(onChange));
  }

  const readArea = (area: Area, previous: AreaValue | undefined): AreaValue => {
    const changed = isPatched(area) ? changedItems.get(area) : undefined;
    if (area === 'cards' && previous && changed) return patchCards(doc, previous as Card[], changed) as AreaValue;
    if (area === 'participants' && previous && changed) return patchParticipants(doc, previous as Participant[], changed) as AreaValue;
    return shareStructure(previous, AREAS[area].read(doc));
  };

  return {
    get<A extends Area>(area: A): WorkshopSnapshot[A] {
      if (!cache.has(area) || stale.has(area)) {
        cache.set(area, readArea(area, cache.get(area)));
        if (isPatched(area)) changedItems.delete(area);
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
