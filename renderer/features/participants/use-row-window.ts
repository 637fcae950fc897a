import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { FIRST_ROWS, rowRange, WINDOW_FROM, type RowRange } from './row-window';

/** A roster row's height before one is measured (1366×768, German). */
const ROW_ESTIMATE = 40;

interface RowWindow {
  range: RowRange;
  /** The rows' measured height, for the spacers that stand for the others. */
  rowHeight: number;
}

interface Reading {
  listTop: number;
  viewport: number;
  /** Mean height of the rendered rows; null when none is rendered. */
  rowHeight: number | null;
}

/** Where the list body is and how tall its rendered rows (marked `data-row`) are. */
function read(body: HTMLElement): Reading {
  const rows = body.querySelectorAll<HTMLElement>(':scope > [data-row]');
  let height = 0;
  for (const row of rows) height += row.getBoundingClientRect().height;
  return { listTop: body.getBoundingClientRect().top, viewport: window.innerHeight, rowHeight: rows.length > 0 ? height / rows.length : null };
}

function next(previous: RowWindow, count: number, { listTop, viewport, rowHeight: measured }: Reading): RowWindow {
  // Sub-pixel differences between rows would move the spacers on every measurement.
  const rowHeight = measured !== null && Math.abs(measured - previous.rowHeight) > 0.5 ? measured : previous.rowHeight;
  const range = rowRange(count, { listTop, height: viewport, rowHeight });
  const same = range.start === previous.range.start && range.end === previous.range.end && rowHeight === previous.rowHeight;
  return same ? previous : { range, rowHeight };
}

/**
 * The rows of a list to render for the viewport, following the page's scrolling (any scroll
 * container: scroll events are caught on their way down) and the window's size. `body` goes on
 * the element holding the rows (each marked `data-row`) and the spacers. Lists up to WINDOW_FROM
 * rows are rendered whole and not watched.
 */
export function useRowWindow<T extends HTMLElement>(items: readonly unknown[]): RowWindow & { body: RefObject<T | null> } {
  const body = useRef<T>(null);
  const [state, setState] = useState<RowWindow>({ range: { start: 0, end: FIRST_ROWS }, rowHeight: ROW_ESTIMATE });
  const count = items.length;
  const windowed = count > WINDOW_FROM;

  // Before the list is painted, and again when it changes: a row added or removed moves the rows below it.
  useLayoutEffect(() => {
    const element = body.current;
    if (!windowed || !element) return;
    const reading = read(element);
    setState((previous) => next(previous, count, reading));
  }, [windowed, count, items]);

  useEffect(() => {
    const element = body.current;
    if (!windowed || !element) return;
    const update = () => {
      const reading = read(element);
      setState((previous) => next(previous, count, reading));
    };
    const options = { capture: true, passive: true } as const;
    window.addEventListener('scroll', update, options);
    window.addEventListener('resize', update, options);
    return () => {
      window.removeEventListener('scroll', update, options);
      window.removeEventListener('resize', update, options);
    };
  }, [windowed, count]);

  if (!windowed) return { body, range: { start: 0, end: count }, rowHeight: state.rowHeight };
  // Until the layout effect measures, a range from before rows were removed may reach past the end.
  const end = Math.min(count, state.range.end);
  return { body, range: { start: Math.min(state.range.start, end), end }, rowHeight: state.rowHeight };
}
