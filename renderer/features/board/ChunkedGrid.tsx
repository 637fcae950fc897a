import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** From this many cards a list is split into blocks; below it one grid is cheap enough. */
export const CHUNKED_FROM = 400;
/** Rows per block: a block is a few screens high, so a screenful lays out one or two of them. */
const ROWS_PER_BLOCK = 16;
/** The column count before the grid has been measured (a laptop's board at 1366 px has 3 or 4). */
const GUESSED_COLUMNS = 4;

/**
 * A long list of cards as consecutive grids of whole rows, each skipped by the browser while it is
 * off screen (`content-visibility: auto`, board.css). One grid of 5,000 cards is laid out whole
 * whenever any of it is in view: 0.25–0.65 s per layout here, paid on opening the board and on
 * every card added. A block holds a whole number of rows at the grid's current column count, so
 * the seams between blocks do not show; when a resize changes the count, the blocks are cut again.
 * Per-card containment was tried first: Chromium then checks every card's visibility in each frame
 * (0.1–0.3 s a frame for 5,000 cards).
 */
export function ChunkedGrid<T>({ items, render, testId }: { items: readonly T[]; render: (item: T) => ReactNode; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const columns = useGridColumns(container);
  const size = columns * ROWS_PER_BLOCK;
  const blocks: T[][] = [];
  for (let start = 0; start < items.length; start += size) blocks.push(items.slice(start, start + size));
  return (
    <div ref={container} className="card-grid-blocks" data-testid={testId}>
      {blocks.map((block, index) => (
        <ul key={index} className="card-grid">
          {block.map(render)}
        </ul>
      ))}
    </div>
  );
}

/** The number of columns the first block's grid resolves to, followed across resizes. */
function useGridColumns(container: RefObject<HTMLDivElement | null>): number {
  const [columns, setColumns] = useState(GUESSED_COLUMNS);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const grid = element.firstElementChild;
      if (!(grid instanceof HTMLElement)) return;
      const tracks = getComputedStyle(grid).gridTemplateColumns.split(' ').filter((track) => track.endsWith('px')).length;
      if (tracks > 0) setColumns(tracks);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container]);
  return columns;
}
