/**
 * How the wall lays out what does not fit: blocks (cards, headings, agenda rows) flow down
 * columns of equal width, column after column, page after page. Pure, so the rules are tested
 * without a browser; the component measures the blocks and hands their heights in.
 */

export interface FlowBlock {
  /** Measured height in px at the column width being tried. */
  height: number;
  /** A heading: never the last block of a column, it moves on with what it heads. */
  keepWithNext: boolean;
}

/** Block indices per column, columns per page. */
export type FlowPages = number[][][];

/**
 * Fills `columnsPerPage` columns of `columnHeight` px per page with the blocks in order, `gap`
 * px between blocks. A block taller than a whole column still gets a column of its own (it is
 * never split or dropped; the caller gives it a size that fits). Every block lands on exactly one
 * page, in order.
 */
export function flowIntoPages(blocks: readonly FlowBlock[], columnHeight: number, columnsPerPage: number, gap: number): FlowPages {
  const perPage = Math.max(1, Math.floor(columnsPerPage));
  const columns: number[][] = [];
  let column: number[] = [];
  let used = 0;
  const startColumn = () => {
    if (column.length > 0) columns.push(column);
    column = [];
    used = 0;
  };
  for (let index = 0; index < blocks.length; index += 1) {
    // A heading needs room for itself and the first block it heads (and any heading in between).
    let need = 0;
    let last = index;
    for (; last < blocks.length; last += 1) {
      need += (blocks[last]?.height ?? 0) + (last > index ? gap : 0);
      if (!blocks[last]?.keepWithNext) break;
    }
    const room = columnHeight - used - (column.length > 0 ? gap : 0);
    if (column.length > 0 && need > room) startColumn();
    used += (column.length > 0 ? gap : 0) + (blocks[index]?.height ?? 0);
    column.push(index);
  }
  startColumn();
  const pages: FlowPages = [];
  for (let start = 0; start < columns.length; start += perPage) pages.push(columns.slice(start, start + perPage));
  return pages.length > 0 ? pages : [[]];
}

export interface TierFit {
  /** Index into the tiers tried, largest type first. */
  tier: number;
  pages: FlowPages;
}

/**
 * The largest type whose layout fits one page; when none does, the smallest (the wall's
 * minimum), which needs the fewest pages.
 */
export function chooseTier(tried: readonly FlowPages[]): TierFit {
  const fitting = tried.findIndex((pages) => pages.length <= 1);
  const tier = fitting >= 0 ? fitting : tried.length - 1;
  return { tier, pages: tried[tier] ?? [[]] };
}

/** How many columns of at least `minWidth` px fit `width` px with `gap` between them (1 at least, `max` at most). */
export function columnsThatFit(width: number, minWidth: number, gap: number, max: number): number {
  const fit = Math.floor((width + gap) / (minWidth + gap));
  return Math.max(1, Math.min(max, fit));
}

/** The page after turning `step` pages from `page` of `count`, going round at either end. */
export function turnPage(page: number, count: number, step: number): number {
  if (count <= 1) return 0;
  return (((page + step) % count) + count) % count;
}
