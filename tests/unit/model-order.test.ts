import { describe, expect, it } from 'vitest';
import { compareOrdered, keysForMove, PENDING_ORDER } from '../../shared/model/order';

const sortedBy = (items: Array<{ id: string; order: string }>) => [...items].sort(compareOrdered);

describe('keysForMove', () => {
  it('puts an item between two tied keys when the next key up is still pending (a peer overwrote it, its new value not yet here)', () => {
    const items = sortedBy([
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: PENDING_ORDER },
    ]);
    // 'a' moved between the tied 'b' and 'c' (index 1 of the others: b | c).
    const keys = keysForMove(items, 'a', 1);
    expect(keys.map((key) => key.id)).toEqual(['a', 'c']);
    const next = new Map(items.map((item) => [item.id, item.order]));
    for (const { id, order } of keys) next.set(id, order);
    const after = sortedBy([...next].map(([id, order]) => ({ id, order }))).map((item) => item.id);
    expect(after).toEqual(['b', 'a', 'c', 'd']);
  });

  it('moves between tied keys with a real key above them', () => {
    const items = sortedBy([
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: 'a2' },
    ]);
    const keys = keysForMove(items, 'a', 1);
    const next = new Map(items.map((item) => [item.id, item.order]));
    for (const { id, order } of keys) next.set(id, order);
    expect(sortedBy([...next].map(([id, order]) => ({ id, order }))).map((item) => item.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
