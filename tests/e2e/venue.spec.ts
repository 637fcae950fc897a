import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, expectSaved, test } from './fixtures';

/*
 * The workshop's venue from where the moderator types it to where a recipient reads it: the new
 * workshop form, the workshop's header (changed there), the projector's title view, the home
 * screen's row and the minutes exported as Markdown, HTML and DOCX.
 */

const OUT = 'test-results/venue';

async function download(page: Page, testId: string): Promise<{ path: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return { path, bytes: readFileSync(path) };
}

async function createWithPlace(page: Page, title: string, venue: string, room: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('new-workshop-title').fill(title);
  await page.getByTestId('new-workshop-venue').pressSequentially(venue);
  await page.getByTestId('new-workshop-room').pressSequentially(room);
  await page.getByTestId('create-workshop').click();
  await expect(page.getByTestId('workshop-heading')).toHaveText(title);
}

test('the venue typed in on the home screen reaches the header, the home row and every minutes format', async ({ page, shot }) => {
  await createWithPlace(page, 'Themenkreis Wirtschaft', 'Rathaus Lübeck', 'Saal 2');
  await expect(page.getByTestId('workshop-place')).toHaveText('Rathaus Lübeck, Saal 2');
  await shot('header-de');

  // Changed in the header: the room moves, the venue stays.
  await page.getByTestId('workshop-place').click();
  await expect(page.getByTestId('workshop-place-venue')).toHaveValue('Rathaus Lübeck');
  await page.getByTestId('workshop-place-room').fill('Bürgerschaftssaal');
  await shot('header-editing-de');
  await page.getByTestId('workshop-place-save').click();
  await expect(page.getByTestId('workshop-place')).toHaveText('Rathaus Lübeck, Bürgerschaftssaal');
  await expect(page.getByTestId('workshop-place')).toBeFocused();

  // A room longer than a short text is refused with the reason, and nothing changes.
  await page.getByTestId('workshop-place').click();
  await page.getByTestId('workshop-place-room').fill('x'.repeat(501));
  await page.getByTestId('workshop-place-save').click();
  await expect(page.getByRole('alert')).toContainText('höchstens 500 Zeichen');
  await page.getByTestId('workshop-place-room').press('Escape');
  await expect(page.getByTestId('workshop-place')).toHaveText('Rathaus Lübeck, Bürgerschaftssaal');
  await expectSaved(page);

  await page.getByTestId('tab-minutes').click();
  await expect(page.frameLocator('[data-testid="minutes-preview"]').locator('body')).toContainText('Bürgerschaftssaal');
  const md = await download(page, 'minutes-export-md');
  expect(md.bytes.toString('utf8')).toContain('- **Ort:** Rathaus Lübeck\n- **Raum:** Bürgerschaftssaal');
  const html = await download(page, 'minutes-export-html');
  expect(html.bytes.toString('utf8')).toContain('<dt>Ort</dt><dd>Rathaus Lübeck</dd><dt>Raum</dt><dd>Bürgerschaftssaal</dd>');
  const docx = await download(page, 'minutes-export-docx');
  const docxText = (await mammoth.extractRawText({ buffer: docx.bytes })).value;
  expect(docxText).toContain('Ort: Rathaus Lübeck');
  expect(docxText).toContain('Raum: Bürgerschaftssaal');

  // The projector's title view, as the room sees it while it fills.
  const id = new URL(page.url()).hash.split('/')[2] ?? '';
  const projector = await page.context().newPage();
  await projector.goto(`/#/projector/${id}`);
  await page.getByTestId('projector-view').selectOption('title');
  await expect(projector.getByTestId('projector-venue')).toHaveText('Rathaus Lübeck, Bürgerschaftssaal');
  await projector.close();

  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();
  const row = page.getByTestId('workshop-row').filter({ hasText: 'Themenkreis Wirtschaft' });
  await expect(row.getByTestId('workshop-place')).toHaveText('Rathaus Lübeck, Bürgerschaftssaal');
  await shot('home-de');
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('the venue shows on the home row and in the header', async ({ page, shot }) => {
    await createWithPlace(page, 'Платформа відновлення України: стале відновлення економіки', 'Ратуша Любека', 'Зала засідань');
    await expect(page.getByTestId('workshop-place')).toHaveText('Ратуша Любека, Зала засідань');
    await shot('header-uk');
    await page.getByTestId('workshop-place').click();
    await shot('header-editing-uk');
    await page.getByTestId('workshop-place-venue').press('Escape');
    await page.getByRole('button', { name: 'Назад до всіх воркшопів' }).click();
    await expect(page.getByTestId('workshop-row').getByTestId('workshop-place')).toHaveText('Ратуша Любека, Зала засідань');
    await shot('home-uk');
  });
});
