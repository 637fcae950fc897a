import type { Page } from '@playwright/test';
import { createWorkshop, expect, importAndOpen, test } from './fixtures';

/*
 * Undo and the keyboard as a moderator meets them (QA, session 23): one undo history serves the
 * whole workshop, so each undo says what it did and where; the shortcuts work with any keyboard
 * layout; the focus never falls back to the top of the page.
 */

const toast = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text });

async function openTable(page: Page, name: string) {
  await page.getByTestId('tab-tables').click();
  const column = page.getByTestId('table-column').filter({ hasText: name });
  if ((await column.count()) === 0) {
    await page.getByTestId('table-name').fill(name);
    await page.getByTestId('table-add').click();
  }
  await page.getByTestId('table-column').filter({ hasText: name }).getByTestId('table-open').click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function addCard(page: Page, text: string) {
  const entry = page.getByTestId('card-entry');
  await entry.fill(text);
  await entry.press('Enter');
  await expect(page.getByTestId('card').filter({ hasText: text })).toHaveCount(1);
}

test('an undo says what it undid and where; one on a board not shown offers to show it', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Rückgängig');
  await openTable(page, 'Tisch 2');
  await addCard(page, 'Nur am Tisch');
  await page.getByTestId('tab-plenary').click();
  await addCard(page, 'Im Plenum');

  // On the board shown: said, nothing to show.
  await page.getByTestId('undo').click();
  await expect(toast(page, 'Rückgängig gemacht: Karte „Im Plenum“ entfernt (Plenum)')).toBeVisible();
  await expect(toast(page, 'Im Plenum').getByRole('button', { name: 'Zeigen' })).toHaveCount(0);

  // The table's card, undone from the plenary: said, with the table's name, and one click away.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  const elsewhere = toast(page, 'Rückgängig gemacht: Karte „Nur am Tisch“ entfernt (Tisch 2)');
  await expect(elsewhere).toBeVisible();
  await elsewhere.getByRole('button', { name: 'Zeigen' }).click();
  await expect(page.getByRole('heading', { name: 'Tisch 2' })).toBeVisible();
  await expect(page.getByTestId('card')).toHaveCount(0);

  // Redo says so as well, here on the board shown.
  await page.keyboard.press('Control+Shift+z');
  await expect(toast(page, 'Wiederholt: Karte „Nur am Tisch“ wiederhergestellt (Tisch 2)')).toBeVisible();
  await expect(page.getByTestId('card')).toHaveCount(1);
});

/** A key press as a layout sends it: `key` what it types, `code` where the key is (US names). */
const press = (page: Page, init: { key: string; code: string; ctrlKey?: boolean; shiftKey?: boolean }) =>
  page.evaluate((event) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { ...event, bubbles: true, cancelable: true })), init);

test('undo, redo and V work with a Ukrainian layout (the typed letter is Cyrillic), and Z is where German QWERTZ prints it', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Розкладка');
  await page.getByTestId('author-add').click();
  await page.getByTestId('author-new-name').fill('Olena');
  await page.getByTestId('author-new-name').press('Enter');
  await addCard(page, 'Перша');
  await addCard(page, 'Друга');
  const cards = page.getByTestId('card');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await press(page, { key: 'я', code: 'KeyZ', ctrlKey: true });
  await expect(cards).toHaveCount(1);
  await press(page, { key: 'Я', code: 'KeyZ', ctrlKey: true, shiftKey: true });
  await expect(cards).toHaveCount(2);
  await press(page, { key: 'я', code: 'KeyZ', ctrlKey: true });
  await expect(cards).toHaveCount(1);
  await press(page, { key: 'н', code: 'KeyY', ctrlKey: true });
  await expect(cards).toHaveCount(2);
  // German QWERTZ: the key in the US Y place types "z" and is undo, not redo; the one in the Z place redoes.
  await press(page, { key: 'z', code: 'KeyY', ctrlKey: true });
  await expect(cards).toHaveCount(1);
  await press(page, { key: 'y', code: 'KeyZ', ctrlKey: true });
  await expect(cards).toHaveCount(2);

  await page.getByTestId('vote-open').click();
  await page.getByTestId('vote-budget').press('Enter');
  await page.getByTestId('author-chip').filter({ hasText: 'Olena' }).click();
  await expect(page.getByTestId('dots-left')).toContainText('3');
  await cards.first().focus();
  await press(page, { key: 'м', code: 'KeyV' });
  await expect(page.getByTestId('dots-left')).toContainText('2');
  // Ctrl+V on a card is paste, never a dot.
  await press(page, { key: 'v', code: 'KeyV', ctrlKey: true });
  await expect(page.getByTestId('dots-left')).toContainText('2');
  // One dot per card: the next goes on the other card.
  await cards.nth(1).focus();
  await press(page, { key: 'v', code: 'KeyV' });
  await expect(page.getByTestId('dots-left')).toContainText('1');
});

test('from the empty entry Ctrl+Z takes back the card just added; Escape leaves the entry for that card', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Eingabe');
  const entry = page.getByTestId('card-entry');
  const cards = page.getByTestId('card');
  await entry.focus();
  await page.keyboard.type('Erste');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Zweite');
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(2);
  await expect(entry).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(1);
  await expect(toast(page, 'Rückgängig gemacht: Karte „Zweite“ entfernt')).toBeVisible();
  await expect(entry).toBeFocused();
  // With words in it, Ctrl+Z is the field's own again: the cards stay.
  await page.keyboard.type('Dritte');
  await page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(1);
  await expect(entry).not.toHaveValue('Dritte');
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(2);

  await page.keyboard.press('Escape');
  await expect(cards.last()).toBeFocused();
  await expect(cards.last()).toContainText('Dritt');
  await page.keyboard.press('Delete');
  await expect(cards).toHaveCount(1);
});

test('the focus stays near what the keyboard removed: a dissolved group, an agenda item, a participant; Escape on a question goes back to its button', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, 'tests/fixtures/seed-day.plenum');
  const board = page.getByTestId('board').first();
  await expect(board.getByTestId('card').first()).toBeVisible();

  const group = board.getByTestId('group').first();
  const firstText = await group.getByTestId('card-text').first().innerText();
  const groups = await board.getByTestId('group').count();
  await group.getByTestId('group-dissolve').focus();
  await page.keyboard.press('Enter');
  await expect(board.getByTestId('group')).toHaveCount(groups - 1);
  await expect(board.getByTestId('card').filter({ has: page.getByTestId('card-text').getByText(firstText, { exact: true }) })).toBeFocused();

  const items = page.getByTestId('agenda-item');
  const count = await items.count();
  const after = await items.nth(2).getByTestId('agenda-item-title').innerText();
  await items.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(count - 1);
  await expect(items.nth(1)).toBeFocused();
  await expect(items.nth(1).getByTestId('agenda-item-title')).toHaveText(after);
  // The last item hands the focus back to the one before it.
  await items.last().focus();
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(count - 2);
  await expect(items.last()).toBeFocused();

  await page.getByTestId('tab-participants').click();
  const rows = page.getByTestId('participant-row');
  await expect(rows.first()).toBeVisible();
  const people = await rows.count();
  const second = await rows.nth(1).getAttribute('data-row');
  await rows.first().getByTestId('participant-delete').focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(people - 1);
  await expect(page.locator(`[data-row="${second}"]`).getByTestId('participant-delete')).toBeFocused();

  await page.getByTestId('tab-tables').click();
  const remove = page.getByTestId('table-delete').first();
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog[open]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(remove).toBeFocused();
});

test('Escape closes the board’s filters from their button as from inside them', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Filter');
  const button = page.getByTestId('board-filters');
  const panel = page.getByTestId('board-filters-panel');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(button).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('filter-colour').focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
});
