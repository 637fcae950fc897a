import { generateKeyBetween } from 'fractional-indexing';

interface Ordered {
  id: string;
  order: string;
}

/** Sort by fractional key, then id: two peers that picked the same key still agree on the order. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key for an item appended after all of `sorted`. */
export function keyAtEnd(sorted: readonly Ordered[]): string {
  return generateKeyBetween(sorted.at(-1)?.order ?? null, null);
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
  const before = others[index - 1]?.order ?? null;
  const after = others[index]?.order ?? null;
  if (before === null || after === null || before < after) {
    return [{ id: movingId, order: generateKeyBetween(before, after) }];
  }
  const tied = others.slice(index).filter((item) => item.order === before);
  const upper = others[index + tied.length]?.order ?? null;
  let previous = before;
  return [movingId, ...tied.map((item) => item.id)].map((id) => {
    previous = generateKeyBetween(previous, upper);
    return { id, order: previous };
  });
}
