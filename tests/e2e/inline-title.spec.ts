import { createWorkshop, expect, expectSaved, test } from './fixtures';

// One inline title editor serves the workshop heading, a home-screen row and a board group:
// Enter saves, Escape cancels, and focus goes back to the control that opened it.

test('the workshop title is renamed from the keyboard and focus returns to the heading', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Erster Titel');
  const heading = page.getByTestId('workshop-heading');
  const input = page.getByTestId('workshop-title-input');

  await heading.focus();
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Erster Titel');
  await input.fill('Verworfen');
  await page.keyboard.press('Escape');
  await expect(heading).toHaveText('Erster Titel');
  await expect(heading).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('Erster Titel');
  await input.fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie einen Titel ein.');
  await expect(input).toBeFocused();
  await input.fill('Zweiter Titel');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Zweiter Titel');
  await expect(heading).toBeFocused();
  await expectSaved(page);
});

test('a home-screen rename cancelled with Escape changes nothing and gives focus back to its button', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Themenkreis');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();

  const rename = page.getByTestId('workshop-row').getByRole('button', { name: 'Umbenennen' });
  await rename.focus();
  await page.keyboard.press('Enter');
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  await input.fill('Nie gespeichert');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('workshop-title')).toHaveText(['Themenkreis']);
  await expect(rename).toBeFocused();

  await page.keyboard.press('Enter');
  await page.getByTestId('rename-input').fill('Themenkreis Wirtschaft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop-title')).toHaveText(['Themenkreis Wirtschaft']);
  await expect(rename).toBeFocused();
});
