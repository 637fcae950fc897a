import { describe, expect, it } from 'vitest';
import { evenBlocks, evenlyCut, stickyBlocks, type Block } from '../../renderer/features/board/card-blocks';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `c${from + index}`);
const same = (id: string) => id;
/** Which block key each item is in. */
const placement = (blocks: readonly Block<string>[]) => new Map(blocks.flatMap((block) => block.items.map((item) => [item, block.key] as const)));

describe('card blocks', () => {
  it('cuts evenly, reusing the keys in their order', () => {
    const first = evenBlocks(ids(10), 4, [], 0);
    expect(first.blocks.map((block) => block.items.length)).toEqual([4, 4, 2]);
    expect(first.blocks.map((block) => block.key)).toEqual([0, 1, 2]);
    const again = evenBlocks(ids(10), 3, first.blocks, first.nextKey);
    expect(again.blocks.map((block) => block.key)).toEqual([0, 1, 2, 3]);
    expect(evenlyCut(again.blocks, 3)).toBe(true);
  });

  it('keeps every card in its block when cards before it go: nothing is mounted anew', () => {
    const before = evenBlocks(ids(12), 4, [], 0);
    const after = stickyBlocks(ids(12).filter((id) => id !== 'c1' && id !== 'c6'), same, 4, before.blocks, before.nextKey);
    const was = placement(before.blocks);
    for (const [item, key] of placement(after.blocks)) expect(key).toBe(was.get(item));
    expect(after.blocks.map((block) => block.items.length)).toEqual([3, 3, 4]);
    // Unevenly cut now: the blocks wait for a quiet moment to be cut again.
    expect(evenlyCut(after.blocks, 4)).toBe(false);
    expect(evenlyCut(after.blocks, 1)).toBe(true);
  });

  it('puts new cards at the end into the last block until it is full, then into new ones', () => {
    const before = evenBlocks(ids(6), 4, [], 0);
    const after = stickyBlocks(ids(11), same, 4, before.blocks, before.nextKey);
    expect(after.blocks.map((block) => block.items)).toEqual([ids(4), ids(4, 4), ids(3, 8)]);
    expect(after.blocks.map((block) => block.key)).toEqual([0, 1, 2]);
    expect(after.nextKey).toBe(3);
  });

  it('keeps the order of the list whatever the blocks were: a card moved back joins the block it now follows', () => {
    const before = evenBlocks(ids(8), 4, [], 0);
    const moved = ['c7', ...ids(7)];
    const after = stickyBlocks(moved, same, 4, before.blocks, before.nextKey);
    expect(after.blocks.flatMap((block) => block.items)).toEqual(moved);
    expect(new Set(after.blocks.map((block) => block.key)).size).toBe(after.blocks.length);
  });

  it('gives a block whose first cards went its own key still, and a list emptied no blocks', () => {
    const before = evenBlocks(ids(8), 4, [], 0);
    const after = stickyBlocks(ids(4, 4).slice(2), same, 4, before.blocks, before.nextKey);
    expect(after.blocks).toEqual([{ key: 1, items: ['c6', 'c7'] }]);
    expect(stickyBlocks([], same, 4, before.blocks, before.nextKey).blocks).toEqual([]);
  });
});
