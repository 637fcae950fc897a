import type { Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/*
 * Where the keyboard's focus goes on a board: never to the page itself. Enter in the empty entry
 * keeps it there; a deleted card hands it to its neighbour (or the entry when none is left); undo
 * and redo put it on the card they changed, or on a neighbour when that card is gone.
 */

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const focusedCardText = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid="card"]')?.querySelector('[data-testid="card-text"]')?.textContent ?? null);

/**
 * A new table of `name` in the open workshop (made first when `page` is still on the home screen),
 * its board open and holding `ideas`, typed into the entry. Each scenario has a board of its own in
 * one workshop: a workshop apiece cost a context, a start and a workshop screen more each.
 */
async function boardWith(page: Page, name: string, ideas: readonly string[]) {
  if (!page.url().includes('#/workshop/')) {
    await page.goto('/');
    await createWorkshop(page, 'Fokus');
  }
  await page.getByTestId('tab-tables').click();
  await page.getByTestId('table-name').fill(name);
  await page.getByTestId('table-add').click();
  await page.getByTestId('table-column').filter({ hasText: name }).getByTestId('table-open').click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const entry = page.getByTestId('card-entry');
  await entry.focus();
  for (const idea of ideas) {
    await page.keyboard.type(idea);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('card')).toHaveCount(ideas.length);
}

test('focus on a board: Enter in the empty entry; a deleted card; undo and redo', async ({ page }) => {
  // The sum of the time the tests merged here had each (60 s apiece): each check keeps its own.
  test.setTimeout(180_000);
  await test.step('Enter in the empty entry keeps the focus there and adds nothing', async () => {
    await boardWith(page, 'Tisch 1', ['Erste Idee']);
    const entry = page.getByTestId('card-entry');
    await expect(entry).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(entry).toBeFocused();
    await expect(page.getByTestId('card')).toHaveCount(1);
    // A gentle hint says why nothing happened, and goes as soon as the person writes.
    await expect(page.getByTestId('card-error')).toHaveText('Eine leere Karte wird nicht angelegt: Bitte schreiben Sie etwas.');
    await page.keyboard.type('Zweite Idee');
    await expect(page.getByTestId('card-error')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card')).toHaveCount(2);
    await expect(entry).toBeFocused();
  });

  await test.step('a deleted card hands the focus to the next card, the previous one, then the entry', async () => {
    await boardWith(page, 'Tisch 2', ['Alpha', 'Beta', 'Gamma']);
    await page.getByTestId('card').filter({ hasText: 'Beta' }).focus();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('card')).toHaveCount(2);
    await expect.poll(() => focusedCardText(page)).toBe('Gamma');
    // The delete button as well: the last card hands over to the one before it.
    await page.getByTestId('card').filter({ hasText: 'Gamma' }).getByTestId('card-delete').click();
    await expect(page.getByTestId('card')).toHaveCount(1);
    await expect.poll(() => focusedCardText(page)).toBe('Alpha');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('card')).toHaveCount(0);
    await expect(page.getByTestId('card-entry')).toBeFocused();
  });

  await test.step('undo and redo put the focus on the card they changed, or on its neighbour when it is gone', async () => {
    await boardWith(page, 'Tisch 3', ['Alpha', 'Beta', 'Gamma']);
    await page.getByTestId('card').filter({ hasText: 'Beta' }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => focusedCardText(page)).toBe('Gamma');
    // Undo brings Beta back and focuses it.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('card')).toHaveCount(3);
    await expect.poll(() => focusedCardText(page)).toBe('Beta');
    // Redo deletes it again: the focus goes on as after Delete, not to the page.
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('card')).toHaveCount(2);
    await expect.poll(() => focusedCardText(page)).toBe('Gamma');
    await page.keyboard.press('Control+z');
    await expect.poll(() => focusedCardText(page)).toBe('Beta');
    await page.keyboard.press('Control+y');
    await expect(page.getByTestId('card')).toHaveCount(2);
    await expect.poll(() => focusedCardText(page)).toBe('Gamma');
    // Undo of adding the focused card takes it away: its neighbour has the focus, not the page.
    await page.keyboard.press('Control+z');
    await expect.poll(() => focusedCardText(page)).toBe('Beta');
    await page.getByTestId('card').filter({ hasText: 'Gamma' }).focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('card')).toHaveCount(2);
    await expect.poll(() => focusedCardText(page)).toBe('Beta');
    expect(await focusedTestId(page)).toBe('card');
  });
});
