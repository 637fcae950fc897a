import { generateKeyBetween } from 'fractional-indexing';

interface Ordered {
  id: string;
  order: string;
}

/**
 * What an item's order reads as while its key is missing: Yjs applies the deletion of an
 * overwritten key even while the update with the new value waits for an earlier one, so for a
 * moment an item can have no key. It sorts after every real key (they are ASCII) instead of
 * jumping to the top, and no new key is ever computed from it.
 */
export const PENDING_ORDER = '\uffff';

const validity = new Map<string, boolean>();

/** Whether fractional-indexing accepts `key`; a key from another program may be anything. */
function isValidKey(key: string): boolean {
  let valid = validity.get(key);
  if (valid === undefined) {
    try {
      generateKeyBetween(key, null);
      valid = true;
    } catch {
      valid = false;
    }
    if (validity.size > 10_000) validity.clear();
    validity.set(key, valid);
  }
  return valid;
}

/** A neighbour's key usable for generating a new one, or null (open end) if it is not a key. */
const usable = (key: string | undefined): string | null => (key !== undefined && isValidKey(key) ? key : null);

/** Sort by fractional key, then id: two peers that picked the same key still agree on the order. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key for an item appended after all of `sorted`. */
export function keyAtEnd(sorted: readonly Ordered[]): string {
  const last = [...sorted].reverse().find((item) => isValidKey(item.order));
  return generateKeyBetween(last?.order ?? null, null);
}

/**
 * The keys that put an item at `toIndex` among `sorted` once the item itself is taken out.
 * Usually that is one new key for the moving item. Two laptops that appended at the same
 * time hold equal keys (ordered by id); no key fits between those, so the tied items after
 * the target place are given fresh keys after the moving one, and it lands where it was put.
 */
export function keysForMove(sorted: readonly Ordered[], movingId: string, toIndex: number): Ordered[] {
  const others = sorted.filter((item) => item.id !== movingId);
  const index = Math.max(0, Math.min(toIndex, others.length));
  const before = usable(others[index - 1]?.order);
  const after = usable(others[index]?.order);
  if (before === null || after === null || before < after) {
    return [{ id: movingId, order: generateKeyBetween(before, after) }];
  }
  const tied = others.slice(index).filter((item) => item.order === before);
  // The next key up may be a pending one too: an open end then, as for `after` above.
  const upper = usable(others[index + tied.length]?.order);
  let previous = before;
  return [movingId, ...tied.map((item) => item.id)].map((id) => {
    previous = generateKeyBetween(previous, upper);
    return { id, order: previous };
  });
}
