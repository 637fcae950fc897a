import type { Page } from '@playwright/test';
import { drag } from './board-drag';
import { createWorkshop, expect, test } from './fixtures';

/*
 * A card edited in one window while another window (or laptop) saves it: the editor keeps the
 * draft, shows their text, and saves nothing over it until the person chose. Two windows of one
 * browser are kept in step like two laptops (window-sync.ts); the model's part, including two
 * saves at the same moment, is in tests/unit/model-card-text.test.ts.
 */

test('an edit in progress keeps its draft when another window saves the card, and shows their text to take or overwrite', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Zwei Fenster, eine Karte');
  await page.getByTestId('card-entry').fill('Bänke am Markt');
  await page.getByTestId('card-entry').press('Enter');
  const other = await page.context().newPage();
  await other.goto(page.url());
  const theirCard = other.getByTestId('card').filter({ hasText: 'Bänke am Markt' });
  await expect(theirCard).toBeVisible({ timeout: 20_000 });

  // This window starts editing; the other saves its own version meanwhile.
  await page.getByTestId('card').filter({ hasText: 'Bänke am Markt' }).focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('card-edit');
  await editor.fill('Mehr Bänke in der Altstadt');
  await theirCard.focus();
  await other.keyboard.press('Enter');
  await other.getByTestId('card-edit').fill('Bänke am Markt und am Bahnhof');
  await other.getByTestId('card-edit').press('Enter');
  await expect(other.getByTestId('card-edit')).toHaveCount(0);

  const conflict = page.getByTestId('card-conflict');
  await expect(conflict).toContainText('Inzwischen auf einem anderen Laptop geändert:');
  await expect(page.getByTestId('card-conflict-text')).toHaveText('Bänke am Markt und am Bahnhof');
  await expect(editor).toHaveValue('Mehr Bänke in der Altstadt');
  await shot('card-conflict-de');
  // Enter does not save over a text the person has not chosen about.
  await editor.press('Enter');
  await expect(editor).toHaveValue('Mehr Bänke in der Altstadt');
  await expect(other.getByTestId('card-text')).toHaveText(['Bänke am Markt und am Bahnhof']);

  // Keeping mine, then saving: overwritten knowingly, in both windows.
  await page.getByTestId('card-conflict-keep').click();
  await expect(conflict).toHaveCount(0);
  await editor.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(other.getByTestId('card-text')).toHaveText(['Mehr Bänke in der Altstadt']);

  // Once more, and this time their text is taken into the draft.
  await page.getByTestId('card').first().focus();
  await page.keyboard.press('Enter');
  await editor.fill('Bänke, Variante drei');
  await other.getByTestId('card').first().focus();
  await other.keyboard.press('Enter');
  await other.getByTestId('card-edit').fill('Bänke mit Lehne');
  await other.getByTestId('card-edit').press('Enter');
  await page.getByTestId('card-conflict-take').click();
  await expect(editor).toHaveValue('Bänke mit Lehne');
  await expect(conflict).toHaveCount(0);
  await editor.press('Enter');
  await expect(page.getByTestId('card-text')).toHaveText(['Bänke mit Lehne']);
  await other.close();
});

/** A workshop with two cards, open in a second window of the same browser that already shows both. */
async function twoWindowsWithTwoCards(page: Page, title: string) {
  await page.goto('/');
  await createWorkshop(page, title);
  for (const text of ['Bänke am Markt', 'Mehr Schatten']) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  const other = await page.context().newPage();
  await other.goto(page.url());
  const theirs = (text: string) => other.getByTestId('card').filter({ hasText: text });
  await expect(theirs('Bänke am Markt')).toBeVisible({ timeout: 20_000 });
  await expect(theirs('Mehr Schatten')).toBeVisible();
  return { other, theirs };
}

test('an edit in progress goes on where it was when another window moves the card into a group: draft, caret and focus', async ({ page }) => {
  const { other, theirs } = await twoWindowsWithTwoCards(page, 'Zwei Fenster, eine Gruppe');

  // Editing here, the caret in the middle of the draft ("Bänke| am Markt und am Bahnhof").
  await page.getByTestId('card').filter({ hasText: 'Bänke am Markt' }).focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('card-edit');
  await editor.fill('Bänke am Markt und am Bahnhof');
  // Control+Home: the card is narrow and the draft wraps, so Home goes to the start of its last line.
  await editor.press('Control+Home');
  for (let step = 0; step < 'Bänke'.length; step += 1) await editor.press('ArrowRight');

  // The other window puts the card into a group with the other one: it is drawn anew here.
  await drag(other, theirs('Bänke am Markt'), theirs('Mehr Schatten'));
  await expect(other.getByTestId('group')).toHaveCount(1);
  const grouped = page.getByTestId('group').getByTestId('card-edit');
  await expect(grouped).toHaveValue('Bänke am Markt und am Bahnhof');
  await expect(grouped).toBeFocused();
  // Typing goes on at the caret, and Enter saves it, in the group, in both windows.
  await page.keyboard.type(' mit Lehne');
  await expect(grouped).toHaveValue('Bänke mit Lehne am Markt und am Bahnhof');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-edit')).toHaveCount(0);
  await expect(other.getByTestId('group').getByTestId('card-text')).toContainText(['Bänke mit Lehne am Markt und am Bahnhof']);
  await other.close();
});

test('an edit in progress whose card another window deletes says so, with the draft, and keeps it as a new card on request', async ({ page }) => {
  const { other, theirs } = await twoWindowsWithTwoCards(page, 'Zwei Fenster, eine gelöschte Karte');

  await page.getByTestId('card').filter({ hasText: 'Bänke am Markt' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('card-edit').fill('Bänke am Markt und am Bahnhof');

  // The other window deletes the card: the editor goes with it, but the draft is said, not lost.
  await theirs('Bänke am Markt').focus();
  await other.keyboard.press('Delete');
  await expect(theirs('Bänke am Markt')).toHaveCount(0);
  await expect(page.getByTestId('card-edit')).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'Die Karte, die Sie gerade bearbeitet haben, wurde gelöscht' });
  await expect(notice).toContainText('„Bänke am Markt und am Bahnhof“');
  await notice.getByRole('button', { name: 'Als neue Karte behalten' }).click();
  await expect(page.getByTestId('card-text')).toContainText(['Bänke am Markt und am Bahnhof']);
  await expect(theirs('Bänke am Markt und am Bahnhof')).toBeVisible({ timeout: 20_000 });
  await other.close();
});
