import { describe, expect, it } from 'vitest';
import { OVERSCAN, rowRange, rowSlices, WINDOW_FROM } from '../../renderer/features/participants/row-window';

const viewport = { listTop: 0, height: 800, rowHeight: 40 };

describe('rowRange', () => {
  it('renders every row of a roster up to WINDOW_FROM', () => {
    expect(rowRange(WINDOW_FROM, { ...viewport, listTop: -4000 })).toEqual({ start: 0, end: WINDOW_FROM });
  });

  it('renders a screenful plus the overscan of 5,000 rows, wherever the list is scrolled', () => {
    const sizes = [0, -20_000, -100_000, -199_000, 300].map((listTop) => rowRange(5000, { ...viewport, listTop })).map(({ start, end }) => end - start);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(800 / 40 + 2 * OVERSCAN + 1);
    expect(rowRange(5000, { ...viewport, listTop: -100_000 })).toEqual({ start: 2500 - OVERSCAN, end: 2520 + OVERSCAN });
    expect(rowRange(5000, { ...viewport, listTop: -199_600 })).toEqual({ start: 4990 - OVERSCAN, end: 5000 });
    // The list below the viewport: only the overscan above the fold would be rendered.
    expect(rowRange(5000, { ...viewport, listTop: 2000 })).toEqual({ start: 0, end: 0 });
  });
});

describe('rowSlices', () => {
  it('stands a spacer for the rows above and below the range', () => {
    expect(rowSlices(5000, { start: 100, end: 150 })).toEqual([
      { kind: 'gap', rows: 100 },
      { kind: 'rows', start: 100, end: 150 },
      { kind: 'gap', rows: 4850 },
    ]);
  });

  it('keeps the focused row in the page between spacers when it is outside the range', () => {
    expect(rowSlices(5000, { start: 100, end: 150 }, 3)).toEqual([
      { kind: 'gap', rows: 3 },
      { kind: 'rows', start: 3, end: 4 },
      { kind: 'gap', rows: 96 },
      { kind: 'rows', start: 100, end: 150 },
      { kind: 'gap', rows: 4850 },
    ]);
    expect(rowSlices(5000, { start: 100, end: 150 }, 120)).toHaveLength(3);
    expect(rowSlices(200, { start: 0, end: 200 })).toEqual([{ kind: 'rows', start: 0, end: 200 }]);
  });
});
