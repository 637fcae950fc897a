/*
 * Which rows of a long list are in the page. A network conference brings thousands of people: a
 * roster row is some 25 elements (fields, selects with every group and table, boxes), and 5,000
 * of them took seconds to render, and seconds again for every change the table had to lay out
 * anew (QA, session 19). Rows near the viewport are rendered; the others are one spacer above
 * and one below, as tall as the rows they stand for, so the page scrolls as before.
 */

/** Up to this many rows every row is in the page: find in page and a screen reader's reading mode see them all. */
export const WINDOW_FROM = 200;
/** Rows rendered beyond either edge of the viewport: Tab and arrow keys reach a rendered row before the window moves. */
export const OVERSCAN = 8;
/** Rows rendered before the first measurement (a tall screen's worth). */
export const FIRST_ROWS = 30;

export interface RowRange {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

export interface Viewport {
  /** Where the list's first row starts, in viewport coordinates (negative once scrolled past). */
  listTop: number;
  /** The viewport's height. */
  height: number;
  /** A row's height in pixels. */
  rowHeight: number;
}

/** The rows of a list of `count` that the viewport shows, plus OVERSCAN on either side. */
export function rowRange(count: number, { listTop, height, rowHeight }: Viewport): RowRange {
  if (count <= WINDOW_FROM) return { start: 0, end: count };
  const row = Math.max(1, rowHeight);
  const first = Math.floor(-listTop / row);
  const last = Math.ceil((height - listTop) / row);
  const start = Math.min(count, Math.max(0, first - OVERSCAN));
  const end = Math.max(start, Math.min(count, last + OVERSCAN));
  return { start, end };
}

/** A run of rendered rows, or a spacer standing for `rows` rows that are not. */
export type RowSlice = { kind: 'rows'; start: number; end: number } | { kind: 'gap'; rows: number };

/**
 * The list as rendered: the range, plus `keep` (the row holding the focus, so scrolling away
 * neither loses the focus nor an edit in progress), with gaps between them.
 */
export function rowSlices(count: number, range: RowRange, keep: number | null = null): RowSlice[] {
  const runs: Array<{ start: number; end: number }> = [];
  if (range.end > range.start) runs.push({ start: range.start, end: range.end });
  if (keep !== null && keep >= 0 && keep < count && (keep < range.start || keep >= range.end)) {
    runs.push({ start: keep, end: keep + 1 });
    runs.sort((a, b) => a.start - b.start);
  }
  const slices: RowSlice[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) slices.push({ kind: 'gap', rows: run.start - at });
    slices.push({ kind: 'rows', start: run.start, end: run.end });
    at = run.end;
  }
  if (count > at) slices.push({ kind: 'gap', rows: count - at });
  return slices;
}
