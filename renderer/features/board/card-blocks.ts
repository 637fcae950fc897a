/*
 * How a long list of cards is cut into blocks (ChunkedGrid.tsx). A card that changes its block is a
 * new element to React: its editor, its open dialog and its focus would go. So a card keeps the
 * block it is in while cards before it come and go (another laptop groups or deletes them), and
 * the blocks are cut evenly again only when nobody is at work in them, or when the column count
 * changes.
 */

export interface Block<T> {
  /** React's key: a block keeps it while it exists, so its cards stay mounted. */
  key: number;
  items: T[];
}

export interface Cut<T> {
  blocks: Block<T>[];
  nextKey: number;
}

/** Blocks of `size` items, reusing the keys of `previous` in their order. */
export function evenBlocks<T>(items: readonly T[], size: number, previous: readonly Block<unknown>[], nextKey: number): Cut<T> {
  const blocks: Block<T>[] = [];
  for (let start = 0, index = 0; start < items.length; start += size, index += 1) {
    blocks.push({ key: previous[index]?.key ?? nextKey++, items: items.slice(start, start + size) });
  }
  return { blocks, nextKey };
}

/**
 * The items in the blocks they were in before: an item keeps its block; a new one joins the block
 * before it while that block has fewer than `size` items, else starts one; an item whose block
 * already came earlier in the list (the order changed) joins the block it now follows.
 */
export function stickyBlocks<T>(items: readonly T[], idOf: (item: T) => string, size: number, previous: readonly Block<T>[], nextKey: number): Cut<T> {
  const blockOf = new Map<string, number>();
  for (const block of previous) for (const item of block.items) blockOf.set(idOf(item), block.key);
  const blocks: Block<T>[] = [];
  const used = new Set<number>();
  let current: Block<T> | undefined;
  for (const item of items) {
    const was = blockOf.get(idOf(item));
    if (was !== undefined && was !== current?.key && !used.has(was)) {
      current = { key: was, items: [] };
      blocks.push(current);
      used.add(was);
    } else if (current === undefined || (was === undefined && current.items.length >= size)) {
      current = { key: nextKey++, items: [] };
      blocks.push(current);
      used.add(current.key);
    }
    current.items.push(item);
  }
  return { blocks, nextKey };
}

/** Whether every block but the last holds whole rows of `columns`: then no seam shows. */
export function evenlyCut(blocks: readonly Block<unknown>[], columns: number): boolean {
  return blocks.every((block, index) => index === blocks.length - 1 || block.items.length % columns === 0);
}
