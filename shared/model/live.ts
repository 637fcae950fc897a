import type * as Y from 'yjs';
import { roots, type WorkshopDoc } from './doc';
import { AREA_NAMES, AREAS, type Area, type WorkshopSnapshot } from './areas';
import { cardById } from './cards';
import { compareOrdered } from './order';
import type { Card } from './schema';

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
 * The cards of the workshop after a change to some of them: the others are kept as they were
 * (same objects, same order), only the changed ones are read again and merged in by order. The
 * same list as cardsSnapshot() reads whole, for a fraction of the work: a new card on a board of
 * 2,000 read every card's map, compared them all and sorted them again.
 */
export function patchCards(doc: WorkshopDoc, previous: readonly Card[], changed: ReadonlySet<string>): readonly Card[] {
  const before = new Map<string, Card>();
  const kept: Card[] = [];
  for (const card of previous) {
    if (changed.has(card.id)) before.set(card.id, card);
    else kept.push(card);
  }
  const fresh: Card[] = [];
  let same = true;
  for (const id of changed) {
    const read = cardById(doc, id);
    const old = before.get(id);
    if (!read) {
      if (old) same = false;
      continue;
    }
    const card = old && shallowEqual(old, read) ? old : read;
    if (card !== old) same = false;
    fresh.push(card);
  }
  if (same) return previous;
  fresh.sort(compareOrdered);
  // Each fresh card (usually one) goes in by binary search: comparing it with all 2,000 kept
  // cards cost more than reading it. It goes after the kept cards that compare equal, as a sort would leave it.
  const merged: Card[] = [];
  let from = 0;
  for (const card of fresh) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareOrdered(kept[middle] as Card, card) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let index = from; index < low; index += 1) merged.push(kept[index] as Card);
    merged.push(card);
    from = low;
  }
  for (let index = from; index < kept.length; index += 1) merged.push(kept[index] as Card);
  return merged;
}

/** The ids of the cards a change touched: keys of the cards' root, or the card a nested change lies in. */
function changedCardIds(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, into: Set<string>): void {
  for (const event of events) {
    if (event.path.length === 0) {
      for (const key of event.keys.keys()) into.add(key);
    } else {
      const [id] = event.path;
      if (typeof id === 'string') into.add(id);
    }
  }
}

export function liveWorkshop(doc: WorkshopDoc): LiveWorkshop {
  const cache = new Map<Area, AreaValue>();
  const stale = new Set<Area>();
  const listeners = new Map<Area, Set<() => void>>();
  const maps = roots(doc);
  const unobserve: Array<() => void> = [];
  // The cards changed since the cards were last read (null: read them whole).
  let changedCards: Set<string> | null = null;

  // Each area listens on its root: an area is notified for every change there (report-back
  // shares the boards' root), never for a change elsewhere.
  for (const area of AREA_NAMES) {
    const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      if (area === 'cards') {
        // The first change after a reading starts the list; later ones before the next reading add to it.
        if (!stale.has('cards') && cache.has('cards')) changedCards = new Set();
        if (changedCards) changedCardIds(events, changedCards);
      }
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
        const previous = cache.get(area);
        if (area === 'cards' && previous && changedCards) cache.set(area, patchCards(doc, previous as Card[], changedCards) as AreaValue);
        else cache.set(area, shareStructure(previous, AREAS[area].read(doc)));
        if (area === 'cards') changedCards = null;
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
