import type { Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/*
 * The cold start loads only the home screen's code (docs/performance.md, "Issue 17: board, memory,
 * start"): the workshop and projector screens, Yjs and the networking come as chunks of their own
 * when needed, and the UI texts of one language only.
 */

/** What the start fetches before any code runs: the page's module script and its modulepreloads. */
const INITIAL_SCRIPTS = /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/(assets\/[^"]+\.js)"/g;
/** Well under half the single 1.56 MB bundle the start parsed before the split. */
const INITIAL_BUDGET_BYTES = 700_000;

const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop() ?? '')
      .filter((name) => name.endsWith('.js')),
  );
const textChunks = (scripts: string[]) => scripts.filter((name) => /^(de|en|uk)-[\w-]+\.js$/.test(name)).map((name) => name.slice(0, 2));

test('the home screen starts with its own code and one language; a workshop brings its code when it opens', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  const initial = [...html.matchAll(INITIAL_SCRIPTS)].map((match) => match[1] ?? '');
  expect(initial.length).toBeGreaterThan(0);
  expect(initial.filter((path) => /(WorkshopScreen|ProjectorScreen|docx)-/.test(path))).toEqual([]);
  let bytes = 0;
  for (const path of initial) bytes += (await (await request.get(`/${path}`)).body()).byteLength;
  expect(bytes, `the start's scripts: ${initial.join(', ')}`).toBeLessThan(INITIAL_BUDGET_BYTES);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Neuer Workshop' })).toBeVisible();
  expect(textChunks(await scriptsLoaded(page))).toEqual(['de']);

  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('heading', { name: 'New workshop' })).toBeVisible();
  expect(textChunks(await scriptsLoaded(page)).sort()).toEqual(['de', 'en']);

  await createWorkshop(page, 'Split start');
  expect((await scriptsLoaded(page)).filter((name) => name.startsWith('WorkshopScreen-'))).toHaveLength(1);
});

/** Fails every request for a language's texts (`languages`), as a host that no longer serves them. */
const failTexts = (page: Page, languages: string) => page.route(new RegExp(`/assets/(${languages})-[\\w-]+\\.js$`), (route) => route.abort());

test('no language loads: a fixed message in every language and a reload button, not a blank window', async ({ page }) => {
  await failTexts(page, 'de|en|uk');
  await page.goto('/');
  const message = page.getByTestId('start-failed');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Plenum konnte nicht geladen werden');
  await expect(message).toContainText('Plenum could not be loaded');
  await expect(message).toContainText('Не вдалося завантажити Plenum');
  await expect(page.getByTestId('start-reload')).toBeVisible();
});

test('site storage blocked (the browser refuses localStorage): the fixed message that says so, not a blank window', async ({ page }) => {
  // As Chromium does with site data blocked: reading window.localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('/');
  const message = page.getByTestId('start-failed');
  await expect(message).toBeVisible();
  // Storage, not the connection: a moderator sent to check the Wi-Fi would look in the wrong place.
  await expect(message).toHaveAttribute('data-reason', 'storage');
  await expect(message).toContainText('Websitedaten sind für diese Adresse blockiert');
  await expect(message).toContainText('site data is blocked');
  await expect(message).toContainText('дані сайту для цієї адреси заблоковано');
  await expect(message).not.toContainText('Verbindung');
  await expect(page.getByTestId('start-reload')).toBeVisible();
  expect(errors).toEqual([]);
});

test('only the chosen language fails to load: the app starts in another one', async ({ page }) => {
  await failTexts(page, 'de');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'New workshop' })).toBeVisible();
});

test('the workshop code does not load: creating says so and frees the form; the failed preloads do not reload the page', async ({ page, request, baseURL }) => {
  // This build has reloaded for a missing chunk already (renderer/app/chunk-reload.ts): create's own
  // failure then shows instead of reloading, whichever of its loads and the preloads fails first.
  const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(await (await request.get('/')).text())?.[1];
  expect(entry).toBeDefined();
  await page.addInitScript((build) => sessionStorage.setItem('plenum.chunkReloadBuild', build), new URL(entry ?? '', baseURL).href);
  // The screens' chunks (preloaded at idle) and the workshop library (loaded by "create"): a host that is gone.
  await page.route(/\/assets\/(WorkshopScreen|ProjectorScreen|workshop-library)-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Neuer Workshop' })).toBeVisible();
  await page.getByTestId('new-workshop-title').fill('Offline');
  await page.getByTestId('create-workshop').click();
  await expect(page.getByTestId('toast')).toContainText('Ein Teil von Plenum konnte nicht geladen werden');
  await expect(page.getByTestId('create-workshop')).toBeEnabled();
  // No reload happened under the form: what was typed is still there.
  await expect(page.getByTestId('new-workshop-title')).toHaveValue('Offline');
});

test("the date field's code does not load: the home form keeps working with the browser's own date input", async ({ page, request, baseURL }) => {
  const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(await (await request.get('/')).text())?.[1];
  expect(entry).toBeDefined();
  await page.addInitScript((build) => sessionStorage.setItem('plenum.chunkReloadBuild', build), new URL(entry ?? '', baseURL).href);
  await page.route(/\/assets\/DateField-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/');
  const date = page.getByTestId('new-workshop-date');
  await expect(date).toHaveAttribute('type', 'date');
  await expect(date).toHaveAccessibleName('Datum');
  await date.fill('2026-12-06');
  await page.getByTestId('new-workshop-title').fill('Ohne Kalender');
  // Back for the workshop screen, which imports the date field itself.
  await page.unroute(/\/assets\/DateField-[\w-]+\.js$/);
  await page.getByTestId('create-workshop').click();
  await expect(page.getByTestId('workshop-heading')).toContainText('Ohne Kalender');
  await page.goto('/');
  await expect(page.getByTestId('workshop-list').locator('li').filter({ hasText: 'Ohne Kalender' })).toContainText('6. Dezember 2026');
});
