import type { Page } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';

/**
 * A day that already ran (the seed has actual times for the minutes): Start asks before it clears
 * them, with Cancel focused, by button and by shortcut; a restart has its own undo. Deleting the
 * running item is refused. Unit tests (model-run.test.ts) cover the model; this shows the dialog.
 */

const SEED_DAY = 'tests/fixtures/seed-day.plenum';

async function openSeedDay(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await expect(page.getByTestId('agenda-item-actual').first()).toBeVisible();
}

const actualTimes = (page: Page) => page.getByTestId('agenda-item-actual').allTextContents();

test('Start on a day that ran asks first; Cancel is the default, a restart can be undone', async ({ page, shot }) => {
  await openSeedDay(page);
  const before = await actualTimes(page);
  const status = await page.getByTestId('run-bar').getAttribute('data-status');

  await page.getByTestId('run-toggle').click();
  const dialog = page.getByTestId('restart-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('restart-cancel')).toBeFocused();
  await shot('restart-dialog-de');
  // Enter on the focused button: a habitual second press keeps the day's record.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', status ?? 'idle');
  expect(await actualTimes(page)).toEqual(before);

  // The shortcut asks as well; starting afresh clears the times, the toast's Undo brings them back.
  await page.locator('body').press('Control+Shift+Space');
  await expect(dialog).toBeVisible();
  await page.getByTestId('restart-afresh').click();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('agenda-item-actual')).toHaveCount(1);
  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', status ?? 'idle');
  expect(await actualTimes(page)).toEqual(before);

  // An item added after the day ran: Continue runs it and keeps the times of the others.
  await page.getByTestId('agenda-title').fill('Nachtrag: Termine');
  await page.getByTestId('agenda-add').click();
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('restart-cancel')).toBeFocused();
  await shot('restart-dialog-continue-de');
  await page.getByTestId('restart-continue').click();
  await expect(page.getByTestId('run-current')).toContainText('Nachtrag: Termine');
  expect((await actualTimes(page)).slice(0, before.length)).toEqual(before);
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('a day whose items all ran offers only a fresh start; the running item cannot be deleted', async ({ page, shot }) => {
    await openSeedDay(page);
    await page.getByTestId('run-toggle').click();
    await expect(page.getByTestId('restart-dialog')).toContainText('Почати день ще раз?');
    await expect(page.getByTestId('restart-continue')).toHaveCount(0);
    await shot('restart-dialog-uk');
    await page.getByTestId('restart-afresh').click();
    await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'running');

    const running = page.locator('[data-testid="agenda-item"][aria-current="step"]');
    const title = await running.getByTestId('agenda-item-title').textContent();
    await running.focus();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('toast').filter({ hasText: 'Цей пункт зараз триває' })).toBeVisible();
    await expect(running.getByTestId('agenda-item-title')).toHaveText(title ?? '');
    await expect(page.getByTestId('run-current')).toBeVisible();
    await shot('delete-running-uk');
  });
});
