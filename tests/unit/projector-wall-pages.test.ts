import { describe, expect, it } from 'vitest';
import { chooseTier, columnsThatFit, flowIntoPages, turnPage, type FlowBlock } from '../../renderer/features/projector/wall-pages';

const card = (height: number): FlowBlock => ({ height, keepWithNext: false });
const heading = (height: number): FlowBlock => ({ height, keepWithNext: true });

describe('flowIntoPages', () => {
  it('fills columns top to bottom, then the next page, keeping every block once and in order', () => {
    const blocks = Array.from({ length: 7 }, () => card(40));
    // 100 px columns with 10 px gaps hold two 40 px cards each; two columns a page.
    const pages = flowIntoPages(blocks, 100, 2, 10);
    expect(pages).toEqual([[[0, 1], [2, 3]], [[4, 5], [6]]]);
    expect(pages.flat(2)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('moves a heading on with the card it heads instead of leaving it at the bottom of a column', () => {
    const pages = flowIntoPages([card(50), heading(20), card(50)], 100, 3, 10);
    expect(pages).toEqual([[[0], [1, 2]]]);
  });

  it('keeps a chain of headings (a table, then its group) with the first card', () => {
    const pages = flowIntoPages([card(40), heading(15), heading(15), card(40)], 100, 3, 5);
    expect(pages).toEqual([[[0], [1, 2, 3]]]);
  });

  it('gives a block taller than a column a column of its own rather than dropping it', () => {
    const pages = flowIntoPages([card(30), card(500), card(30)], 100, 3, 10);
    expect(pages).toEqual([[[0], [1], [2]]]);
  });

  it('has one empty page for nothing', () => {
    expect(flowIntoPages([], 100, 2, 10)).toEqual([[]]);
  });
});

describe('chooseTier', () => {
  it('takes the largest type that fits one page', () => {
    expect(chooseTier([[[[0]], [[1]]], [[[0, 1]]], [[[0, 1]]]]).tier).toBe(1);
  });
  it('takes the smallest type (fewest pages) when none fits', () => {
    const fit = chooseTier([[[[0]], [[1]], [[2]]], [[[0]], [[1, 2]]]]);
    expect(fit.tier).toBe(1);
    expect(fit.pages).toHaveLength(2);
  });
});

describe('columnsThatFit and turnPage', () => {
  it('counts columns of a minimum width, at least one, at most the cap', () => {
    expect(columnsThatFit(1000, 300, 20, 6)).toBe(3);
    expect(columnsThatFit(100, 300, 20, 6)).toBe(1);
    expect(columnsThatFit(5000, 300, 20, 6)).toBe(6);
  });
  it('turns round at both ends', () => {
    expect(turnPage(2, 3, 1)).toBe(0);
    expect(turnPage(0, 3, -1)).toBe(2);
    expect(turnPage(0, 1, 1)).toBe(0);
  });
});
