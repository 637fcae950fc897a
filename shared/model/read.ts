import * as Y from 'yjs';
import { isId } from './ids';
import { PENDING_ORDER } from './order';
import { timestampOrZero } from './time';

/*
 * Defensive field readers. A document arrives from disk and from other laptops, so a field may
 * be missing or of a wrong type (an older peer, a hand-edited file): read a safe default
 * instead of crashing the board.
 */
type Source = Y.Map<unknown>;

export const str = (map: Source, key: string, fallback = ''): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : fallback;
};

export const num = (map: Source, key: string, fallback = 0): number => {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

/** An instant (ms since epoch) within the bounds of time.ts, or 0: `num` would pass 1e300. */
export const timestamp = (map: Source, key: string): number => timestampOrZero(map.get(key));

export const bool = (map: Source, key: string, fallback = false): boolean => {
  const value = map.get(key);
  return typeof value === 'boolean' ? value : fallback;
};

/** A string field that must be one of `allowed`; null when missing or unknown. */
export function oneOf<T extends string>(map: Source, key: string, allowed: readonly T[]): T | null {
  const value = map.get(key);
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** An item's fractional order key; PENDING_ORDER while it is missing (see order.ts). */
export const orderOf = (map: Source): string => {
  const value = map.get('order');
  return typeof value === 'string' && value !== '' ? value : PENDING_ORDER;
};

/**
 * An item of a keyed collection, or undefined when it is missing or not a map (a broken or
 * hostile laptop can write any value under any key: a Y.Array has a `get` too).
 */
export function itemIn(collection: Y.Map<Y.Map<unknown>>, id: string): Source | undefined {
  const value: unknown = collection.get(id);
  return value instanceof Y.Map ? (value as Source) : undefined;
}

/**
 * The items of a keyed collection whose value is a map under a key that is an id, skipping
 * anything else (a peer can write any key, line breaks included).
 */
export function entries(collection: Y.Map<Y.Map<unknown>>): Array<[string, Source]> {
  const out: Array<[string, Source]> = [];
  collection.forEach((value, key) => {
    if ((value as unknown) instanceof Y.Map && isId(key)) out.push([key, value]);
  });
  return out;
}
