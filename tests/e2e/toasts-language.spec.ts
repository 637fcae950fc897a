import { createWorkshop, expect, test } from './fixtures';

/*
 * A toast that is up while the language changes speaks the new language, its Undo button too:
 * the moderator switches to Ukrainian for a guest and the message beside the deleted card must
 * not stay German.
 */

test('a toast speaks the language switched to while it is up, stays while the pointer or the keyboard is on it, and gives the focus back', async ({ page }) => {
  // The page's clock runs as usual and is moved on past a toast's life (8 s) where the test waits for it.
  await page.clock.install();
  await page.goto('/');
  await createWorkshop(page, 'Sprachen der Hinweise');
  for (const text of ['Energiepartnerschaften', 'Fachkräfte', 'Vergabeplattform', 'Kommunen']) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  const card = page.getByTestId('card').filter({ hasText: 'Energiepartnerschaften' });
  const toast = page.getByTestId('toast');
  const undo = toast.locator('.toast-action');

  await card.hover();
  await card.getByTestId('card-delete').click();
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('Karte gelöscht.');
  await expect(undo).toHaveText('Rückgängig');
  // The pointer rests on the toast (near its right edge: it is right-aligned and narrows in
  // English): it stays past its 8 s.
  const box = await toast.boundingBox();
  await toast.hover({ position: { x: (box?.width ?? 24) - 12, y: (box?.height ?? 24) / 2 } });

  await page.getByTestId('language-switcher').selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(toast).toContainText('Картку видалено.');
  await expect(undo).toHaveText('Скасувати дію');
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(toast).toContainText('Card deleted.');
  await expect(undo).toHaveText('Undo');

  await page.clock.fastForward(9000);
  await expect(toast).toHaveCount(1);
  await undo.click();
  await expect(card).toHaveCount(1);
  await expect(toast).toHaveCount(0);

  // The keyboard on its Undo: it stays too, and Enter brings the card back.
  await card.hover();
  await card.getByTestId('card-delete').click();
  await expect(toast).toContainText('Card deleted.');
  await page.getByTestId('card-entry').focus();
  await undo.focus();
  await page.mouse.move(5, 5);
  await page.clock.fastForward(9000);
  await expect(toast).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(1);
  // The focus goes back to where it came from, not to the start of the page.
  await expect(page.getByTestId('card-entry')).toBeFocused();

  // Three at once, "+1 more" clicked open and the pointer gone: they go after their time (a click
  // focuses the button, and that focus must not hold them).
  for (const text of ['Fachkräfte', 'Vergabeplattform', 'Kommunen']) {
    const other = page.getByTestId('card').filter({ hasText: text });
    await other.hover();
    await other.getByTestId('card-delete').click();
  }
  await page.getByTestId('toast-more').click();
  await expect(toast).toHaveCount(3);
  await page.mouse.move(5, 5);
  await page.clock.fastForward(9000);
  await expect(toast).toHaveCount(0);
});

test('the toast the keyboard is on stays shown when newer toasts would fold it, and its Undo still works', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await createWorkshop(page, 'Hinweise unter der Tastatur');
  for (const text of ['Energiepartnerschaften', 'Fachkräfte', 'Vergabeplattform']) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  const card = (text: string) => page.getByTestId('card').filter({ hasText: text });
  const toast = page.getByTestId('toast');
  await card('Energiepartnerschaften').hover();
  await card('Energiepartnerschaften').getByTestId('card-delete').click();
  await expect(toast).toHaveCount(1);
  await page.getByTestId('card-entry').focus();
  const undo = toast.locator('.toast-action');
  await undo.focus();
  await page.mouse.move(5, 5);
  // Two more deletions arrive while the keyboard rests on the first Undo (a click dispatched to
  // the button, so the focus stays where it is, as when the deletions come from elsewhere).
  for (const text of ['Fachkräfte', 'Vergabeplattform']) await card(text).getByTestId('card-delete').dispatchEvent('click');
  await expect(page.getByTestId('card')).toHaveCount(0);
  await expect(toast).toHaveCount(3);
  await expect(page.getByTestId('toast-more')).toHaveCount(0);
  const first = toast.filter({ has: page.locator('.toast-action:focus') });
  await expect(first).toHaveCount(1);
  await page.clock.fastForward(9000);
  await expect(toast).toHaveCount(3);
  await page.keyboard.press('Enter');
  await expect(card('Energiepartnerschaften')).toHaveCount(1);
  await expect(page.getByTestId('card')).toHaveCount(1);
  await expect(page.getByTestId('card-entry')).toBeFocused();
  // The keyboard left: the other two go after their time.
  await page.clock.fastForward(9000);
  await expect(toast).toHaveCount(0);
});

test('Tab from a kept toast onto the "+N" line keeps the focus there, and the toasts still go once the keyboard leaves', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await createWorkshop(page, 'Hinweise und die Zeile darunter');
  const texts = ['Energiepartnerschaften', 'Fachkräfte', 'Vergabeplattform', 'Kommunen'];
  for (const text of texts) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  const card = (text: string) => page.getByTestId('card').filter({ hasText: text });
  const toast = page.getByTestId('toast');
  const [first, ...others] = texts as [string, ...string[]];
  await card(first).hover();
  await card(first).getByTestId('card-delete').click();
  await page.getByTestId('card-entry').focus();
  await toast.locator('.toast-action').focus();
  await page.mouse.move(5, 5);
  for (const text of others) await card(text).getByTestId('card-delete').dispatchEvent('click');
  // The kept toast, a line for the one folded between it and the two newest, and those two.
  await expect(toast).toHaveCount(3);
  await expect(page.getByTestId('toast-more')).toHaveCount(1);
  for (let presses = 0; presses < 3; presses += 1) {
    if (await page.getByTestId('toast-more').evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('toast-more')).toBeFocused();
  // Drawn again with the line under the focus: the focus stays on it, not on the page.
  await page.clock.fastForward(1000);
  await expect(page.getByTestId('toast-more')).toBeFocused();
  await expect(toast).toHaveCount(3);
  await page.getByTestId('card-entry').focus();
  await page.clock.fastForward(12_000);
  await expect(toast).toHaveCount(0);
});
