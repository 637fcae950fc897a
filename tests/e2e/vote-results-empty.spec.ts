import { createWorkshop, expect, expectSaved, test } from './fixtures';

/* A round closed before anyone gave a dot: the result says so, and offers nothing to unfold. */

test('a closed round without dots says no dots were given and offers no "show all" (de, uk)', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Punktabfrage ohne Punkte');
  await page.getByTestId('card-entry').fill('Eine Idee, für die niemand stimmt');
  await page.getByTestId('card-entry').press('Enter');
  await page.getByTestId('vote-open').click();
  await page.getByTestId('vote-open-confirm').click();
  await expect(page.getByTestId('vote-bar')).toBeVisible();
  await page.getByTestId('vote-close').click();
  const results = page.getByTestId('vote-results');
  await expect(results).toContainText('Es wurden keine Punkte vergeben.');
  await expect(results.getByTestId('vote-results-toggle')).toHaveCount(0);
  await expectSaved(page);
  // Opened again later, the round comes folded: still no "show all 0 results".
  await page.reload();
  await expect(results).toContainText('Es wurden keine Punkte vergeben.');
  await expect(results).not.toContainText('0');
  await expect(results.getByTestId('vote-results-toggle')).toHaveCount(0);
  await page.getByTestId('language-switcher').selectOption('uk');
  await expect(results).toContainText('Жодного бала не віддано.');
  await expect(results).not.toContainText('0');
});
