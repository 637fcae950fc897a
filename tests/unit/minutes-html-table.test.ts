import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../shared/minutes/html';
import { chromiumPath } from '../../electron/services/chromium-path';
import { seedDayMinutes, seedDaySnapshot } from '../support/seed-day';

/*
 * The HTML minutes' action items as a browser lays them out (the file mailed, and the web app's
 * PDF, which prints it): a number, a name, an organisation, a date or a status is never broken
 * inside a word. Left to the browser, the body's `overflow-wrap: anywhere` (for long addresses in
 * cards) let the title take the room and broke "Erledi|gt", "19.01.2|024" and "Відкри|то".
 */

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(() => browser.close());

/** The words of each cell of the action table's columns `columns` that the layout splits across lines. */
async function brokenWords(html: string, columns: readonly number[]): Promise<string[]> {
  // A4 as the print view lays it out (the body is 180 mm wide there, on screen too).
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html);
    return await page.evaluate((wanted) => {
      const broken: string[] = [];
      for (const row of document.querySelectorAll('table.actions tbody tr')) {
        for (const column of wanted) {
          const cell = row.children[column];
          const text = cell?.firstChild;
          if (!cell || !text || text.nodeType !== Node.TEXT_NODE) continue;
          const content = text.textContent ?? '';
          for (const match of content.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            // One line: every box of the word on one baseline.
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (tops.size > 1) broken.push(match[0]);
          }
        }
      }
      return broken;
    }, columns);
  } finally {
    await page.close();
  }
}

describe('the HTML minutes\' action items', () => {
  it.each(['de', 'uk'] as const)('(%s) break no number, name, organisation, date or status inside a word', async (language) => {
    const html = renderHtml(seedDayMinutes(language));
    expect(html).toContain('<table class="actions">');
    expect(await brokenWords(html, [0, 2, 3, 4, 5])).toEqual([]);
  }, 60_000);

  it('keep the dates and statuses whole beside long names and a long title too', async () => {
    const snapshot = seedDaySnapshot();
    const [first, ...rest] = snapshot.actions;
    if (!first) throw new Error('the seed day has no action item');
    const long = {
      ...first,
      title: 'Workshop Kriegsrisikoversicherung und Wiederaufbaufinanzierungsinstrumente: Versicherer und Verbände einladen',
      owner: 'Oleksandra Nychyporuk-Kostiantynova',
    };
    const html = renderHtml(seedDayMinutes('de', { ...snapshot, actions: [long, ...rest] }));
    expect(await brokenWords(html, [0, 2, 4, 5])).toEqual([]);
  }, 60_000);
});
