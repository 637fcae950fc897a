import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/*
 * A network conference's roster of 5,000 people (QA, session 19: every roster action took tens of
 * seconds). The roster renders the rows near the viewport (renderer/features/participants/
 * row-window.ts); what this protects is that structure, not a time: a bounded number of rows in
 * the page wherever the roster is scrolled, and keyboard and screen-reader access unchanged.
 */

const PEOPLE = 5000;
/** Rows in the page at 1366×768: a screenful (about 15) plus the overscan either side, with room. */
const MOST_ROWS = 80;

let dir = '';
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The roster file on disk, chosen by its path as a person picks it. Names sort as their numbers. */
function rosterFile(): string {
  dir ||= mkdtempSync(join(tmpdir(), 'plenum-roster-'));
  const rows = Array.from({ length: PEOPLE }, (_, index) => {
    const number = String(index + 1).padStart(4, '0');
    return `Person ${number};Organisation ${index % 40};${['Kommune', 'Unternehmen', 'Politik'][index % 3]};person${number}@example.org;ja`;
  });
  const path = join(dir, 'konferenz.csv');
  writeFileSync(path, ['Name;Organisation;Stakeholdergruppe;E-Mail;Einwilligung', ...rows].join('\r\n') + '\r\n');
  return path;
}

const rowsInPage = (page: Page) => page.getByTestId('participant-row').count();
/** The row at a place of the roster (2 is the first person: the header is row 1). */
const rowAt = (page: Page, index: number) => page.locator(`[data-testid="participant-row"][aria-rowindex="${index}"]`);

test('5,000 participants: only the rows near the viewport are in the page, and keyboard, scrolling and screen readers reach every one', async ({ page, shot }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await createWorkshop(page, 'Netzwerkkonferenz');
  await page.getByTestId('tab-participants').click();
  await page.getByTestId('import-file').setInputFiles(rosterFile());
  await expect(page.getByTestId('import-submit')).toHaveText('5000 Personen importieren', { timeout: 30_000 });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('roster-summary')).toContainText('5000 Personen', { timeout: 30_000 });

  const roster = page.getByTestId('roster');
  await expect(roster).toHaveAttribute('aria-rowcount', String(PEOPLE + 1));
  await expect(rowAt(page, 2).getByTestId('participant-name')).toHaveValue('Person 0001');
  expect(await rowsInPage(page)).toBeLessThanOrEqual(MOST_ROWS);
  // The rows not rendered are spacers a screen reader does not see.
  for (const gap of await page.getByTestId('roster-gap').all()) await expect(gap).toHaveAttribute('aria-hidden', 'true');
  await shot('roster-5000-top');

  // Tab from field to field runs down the roster as it did: the rows come as the focus moves.
  // Eight stops a row (the "fixed" box is disabled for people not seated); row 31 lies past the rows first rendered.
  await rowAt(page, 2).getByTestId('participant-name').focus();
  const focusedRow = () => page.evaluate(() => Number(document.activeElement?.closest('[data-testid="participant-row"]')?.getAttribute('aria-rowindex') ?? 0));
  const visited: number[] = [];
  for (let row = 2; row < 31; row += 1) {
    for (let press = 0; press < 8; press += 1) await page.keyboard.press('Tab');
    visited.push(await focusedRow());
  }
  expect(visited, 'the row focused after every eight Tabs').toEqual(Array.from({ length: 29 }, (_, index) => index + 3));
  await expect(rowAt(page, 31).getByTestId('participant-name')).toBeFocused();
  await expect(rowAt(page, 31).getByTestId('participant-name')).toBeInViewport();
  expect(await rowsInPage(page)).toBeLessThanOrEqual(MOST_ROWS);

  // A field being edited stays in the page (with its draft, focused) while the roster is scrolled away and back.
  const editing = rowAt(page, 31).getByTestId('participant-name');
  await editing.fill('Person 0030 (Entwurf)');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(rowAt(page, PEOPLE + 1).getByTestId('participant-name')).toHaveValue('Person 5000');
  await expect(rowAt(page, PEOPLE + 1)).toBeInViewport();
  await expect(editing).toBeFocused();
  await expect(editing).toHaveValue('Person 0030 (Entwurf)');
  expect(await rowsInPage(page)).toBeLessThanOrEqual(MOST_ROWS + 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(editing).toBeFocused();
  await editing.press('Escape');
  await expect(editing).toHaveValue('Person 0030');

  // In the middle: the spacers stand for the rows above, so the row at a scroll position is where it would be.
  await page.evaluate(() => {
    const roster = document.querySelector('[data-testid="roster"] tbody');
    const top = (roster?.getBoundingClientRect().top ?? 0) + window.scrollY;
    window.scrollTo(0, top + 2500 * (roster?.querySelector('[data-testid="participant-row"]')?.getBoundingClientRect().height ?? 0));
  });
  await expect(rowAt(page, 2502)).toBeInViewport();
  await expect(rowAt(page, 2502).getByTestId('participant-name')).toHaveValue('Person 2501');
  expect(await rowsInPage(page)).toBeLessThanOrEqual(MOST_ROWS);
  await shot('roster-5000-middle');

  // Actions work on rows wherever they are; the roster stays bounded.
  await rowAt(page, 2502).getByTestId('participant-delete').click();
  await expect(page.getByTestId('roster-summary')).toContainText('4999 Personen');
  await expect(roster).toHaveAttribute('aria-rowcount', String(PEOPLE));
  await expect(rowAt(page, 2502).getByTestId('participant-name')).toHaveValue('Person 2502');

  const axe = await new AxeBuilder({ page }).include('[data-testid="roster"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});
