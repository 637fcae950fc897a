import { createWorkshop, expect, expectSaved, test } from './fixtures';

test('a workshop created in German keeps its agenda and cards across a reload', async ({ page, shot }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Neuer Workshop' })).toBeVisible();
  await createWorkshop(page, 'Nachhaltiger Wiederaufbau der Wirtschaft');

  const agenda = [
    ['Begrüßung und Ziele der Plattform', '10'],
    ['Input: Stadtarchitekt von Lwiw', '20'],
    ['Kleingruppenarbeit', '45'],
  ] as const;
  for (const [title, minutes] of agenda) {
    await page.getByTestId('agenda-title').fill(title);
    await page.getByTestId('agenda-duration').fill(minutes);
    await page.getByTestId('agenda-add').click();
  }
  const cards = [
    'Webinar-Serie zu Energieeffizienz',
    'Biomethan als Thema aufnehmen',
    'Workshop zur Kriegsrisikoversicherung mit Versicherungsverbänden',
    'Kommunale Partnerschaften mit Unternehmen',
    'LinkedIn-Gruppe für den Austausch nutzen',
  ];
  for (const text of cards) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  await expect(page.getByTestId('card')).toHaveCount(5);
  await expect(page.getByTestId('card-entry')).toHaveValue('');
  await expect(page.getByTestId('agenda-total')).toContainText('1 Std. 15 Min.');
  await expectSaved(page);
  await shot('before-reload');

  await page.reload();
  await expect(page.getByTestId('agenda-item-title')).toHaveText(agenda.map(([title]) => title));
  await expect(page.getByTestId('card-text')).toHaveText(cards);
  await shot('after-reload');

  await page.getByRole('button', { name: /Zurück zu allen Workshops/ }).click();
  await expect(page.getByTestId('workshop-title')).toHaveText(['Nachhaltiger Wiederaufbau der Wirtschaft']);
});

test('the language switches to Ukrainian and English and back, and is remembered', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Платформа відновлення');
  await page.getByTestId('card-entry').fill('Серія вебінарів з енергоефективності');
  await page.getByTestId('card-entry').press('Enter');

  await page.getByTestId('language-switcher').selectOption('uk');
  await expect(page.getByRole('heading', { name: 'Порядок денний' })).toBeVisible();
  await expect(page.getByTestId('card-count')).toHaveText('1 картка');
  await shot('ukrainian');

  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plenary board' })).toBeVisible();
  await shot('english');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Plenary board' })).toBeVisible();
  await page.getByTestId('language-switcher').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Pinnwand des Plenums' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await shot('german-again');
});

test('a deleted workshop comes back with Undo', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Themenkreis Kommunen');
  await page.getByRole('button', { name: /Zurück zu allen Workshops/ }).click();
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);

  await page.getByTestId('workshop-row').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await shot('confirm');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('workshop-row')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('„Themenkreis Kommunen“ gelöscht.');
  await shot('deleted');

  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.getByTestId('workshop-title')).toHaveText(['Themenkreis Kommunen']);
  await page.reload();
  await expect(page.getByTestId('workshop-title')).toHaveText(['Themenkreis Kommunen']);
  await shot('restored');
});
