import { describe, expect, it } from 'vitest';
import { cutPoints, PAGE_NUMBERS_STYLE, PART_BOUNDARY, printParts, renderHtml } from '../../shared/minutes';
import { seedDayMinutes } from '../support/seed-day';

/** The body of a document, without the part boundaries. */
const bodyOf = (html: string) => (/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '').split(PART_BOUNDARY).join('');

describe('cutting the minutes into parts to print at once', () => {
  it('cuts items into ranges of about equal length, none empty, in order', () => {
    expect(cutPoints([10, 10, 10, 10], 2)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(cutPoints([40, 5, 5, 5, 5, 40], 2)).toEqual([
      [0, 3],
      [3, 6],
    ]);
    // One long item first: the rest still forms the other ranges.
    expect(cutPoints([100, 1, 1], 3)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(cutPoints([7], 1)).toEqual([[0, 1]]);
    // More ranges asked than there are items: one per item, never an empty one.
    expect(cutPoints([3, 4], 5)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(cutPoints([], 2)).toEqual([]);
  });

  it('keeps a short document whole, without the stylesheet page numbers', () => {
    const html = renderHtml(seedDayMinutes('de'));
    expect(html).toContain(PAGE_NUMBERS_STYLE);
    const parts = printParts(html, { maxParts: 4 });
    expect(parts).toHaveLength(1);
    expect(parts[0]).not.toContain(PAGE_NUMBERS_STYLE);
    expect(bodyOf(parts[0] ?? '')).toBe(bodyOf(html));
  });

  it('cuts a long one only where a page starts anyway, into whole documents that add up to it', () => {
    const html = renderHtml(seedDayMinutes('uk'));
    const parts = printParts(html, { maxParts: 3, minPartLength: 1 });
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expect(part.startsWith('<!doctype html>\n<html lang="uk">')).toBe(true);
      expect(part.trimEnd().endsWith('</html>')).toBe(true);
      expect(part).not.toContain(PAGE_NUMBERS_STYLE);
    }
    expect(parts.map(bodyOf).join('')).toBe(bodyOf(html));
    // Every part after the first begins with a block the stylesheet starts on a new page.
    for (const part of parts.slice(1)) expect(bodyOf(part).trimStart()).toMatch(/^<(h2|section) class="[^"]*\bnew-page\b/);
    // Never more parts than there are places to cut.
    expect(printParts(html, { maxParts: 50, minPartLength: 1 }).length).toBe(html.split(PART_BOUNDARY).length);
  });
});
