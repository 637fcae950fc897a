import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { evenBlocks, evenlyCut, stickyBlocks, type Block } from './card-blocks';

/** From this many cards a list is split into blocks; below it one grid is cheap enough. */
export const CHUNKED_FROM = 400;
/** Rows per block: a block is a few screens high, so a screenful lays out one or two of them. */
const ROWS_PER_BLOCK = 16;
/** The column count before the grid has been measured (a laptop's board at 1366 px has 3 or 4). */
const GUESSED_COLUMNS = 4;
/** How long blocks cut unevenly (cards gone from them) wait for a moment nobody works in them. */
const RECUT_AFTER_MS = 2000;

interface Committed<T> {
  blocks: Block<T>[];
  nextKey: number;
  columns: number;
  recut: number;
}

/**
 * A long list of cards as consecutive grids of whole rows, each skipped by the browser while it is
 * off screen (`content-visibility: auto`, board.css). One grid of 5,000 cards is laid out whole
 * whenever any of it is in view: 0.25–1.7 s per layout here, paid on opening the board and on
 * every card added. A block holds a whole number of rows at the grid's current column count, so
 * the seams between blocks do not show. Cards keep their block while others come and go
 * (card-blocks.ts); the blocks are cut evenly again when the column count changes, and when they
 * no longer hold whole rows once nobody is editing, focused or in a dialog in them.
 * Per-card containment was tried first: Chromium then checks every card's visibility in each frame
 * (0.1–0.3 s a frame for 5,000 cards).
 */
export function ChunkedGrid<T>({ items, idOf, render, testId }: { items: readonly T[]; idOf: (item: T) => string; render: (item: T) => ReactNode; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const columns = useGridColumns(container);
  const [recut, setRecut] = useState(0);
  // What the last commit showed: a render React throws away (a transition it restarts) leaves no trace.
  const committed = useRef<Committed<T>>({ blocks: [], nextKey: 0, columns, recut });
  const cut = useMemo(() => {
    const before = committed.current;
    const size = columns * ROWS_PER_BLOCK;
    const even = before.blocks.length === 0 || before.columns !== columns || before.recut !== recut;
    return { ...(even ? evenBlocks(items, size, before.blocks, before.nextKey) : stickyBlocks(items, idOf, size, before.blocks, before.nextKey)), columns, recut };
  }, [items, idOf, columns, recut]);
  useLayoutEffect(() => {
    committed.current = cut;
  }, [cut]);

  useEffect(() => {
    if (evenlyCut(cut.blocks, columns)) return;
    let timer = setTimeout(function whenFree() {
      if (atWork(container.current)) timer = setTimeout(whenFree, RECUT_AFTER_MS);
      else setRecut((count) => count + 1);
    }, RECUT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [cut, columns]);

  return (
    <div ref={container} className="card-grid-blocks" data-testid={testId}>
      {cut.blocks.map((block) => (
        <ul key={block.key} className="card-grid">
          {block.items.map(render)}
        </ul>
      ))}
    </div>
  );
}

/** Someone works in the blocks: a card there has the focus, is being edited or has a dialog open. */
function atWork(element: HTMLElement | null): boolean {
  if (!element) return false;
  return element.contains(document.activeElement) || element.querySelector('.card.editing, dialog[open]') !== null;
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
