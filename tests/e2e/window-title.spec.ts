import type { Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/*
 * The window names what it shows (a moderator with the app, the projector and a browser open
 * picks the right one from the taskbar), and the app has its icon: no request of the page, the
 * favicon's included, fails on the way.
 */

/** Every request that failed or answered an error, and every console error, from now on. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  return failures;
}

test('the window title names the open workshop and the projector, and the icon loads without a failed request', async ({ page, context }) => {
  const failures = watchFailures(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Plenum');
  // The icon the page declares is there, and so is /favicon.ico, which browsers and bookmarks ask for on their own.
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect(icon).toBeTruthy();
  for (const path of [icon ?? '', '/favicon.ico']) {
    const response = await page.request.get(new URL(path, page.url()).href);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/^image\//);
  }

  await createWorkshop(page, 'Themenkreis Wirtschaft');
  await expect(page).toHaveTitle('Themenkreis Wirtschaft – Plenum');
  await page.getByTestId('workshop-heading').click();
  await page.getByTestId('workshop-title-input').fill('Themenkreis Wiederaufbau');
  await page.getByTestId('workshop-title-input').press('Enter');
  await expect(page).toHaveTitle('Themenkreis Wiederaufbau – Plenum');

  const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
  const projector = await context.newPage();
  const projectorFailures = watchFailures(projector);
  await projector.goto(`/#/projector/${encodeURIComponent(id)}`);
  await expect(projector).toHaveTitle('Themenkreis Wiederaufbau – Beamer – Plenum');

  // The title follows the UI's language (the projector reads it when it opens).
  await page.getByTestId('language-switcher').selectOption('uk');
  await expect(page).toHaveTitle('Themenkreis Wiederaufbau – Plenum');
  await projector.reload();
  await expect(projector).toHaveTitle('Themenkreis Wiederaufbau – Проєктор – Plenum');
  await page.getByRole('button', { name: 'Назад до всіх воркшопів' }).click();
  await expect(page).toHaveTitle('Plenum');

  expect(failures, 'failed requests or console errors in the moderator window').toEqual([]);
  expect(projectorFailures, 'failed requests or console errors in the projector window').toEqual([]);
});
