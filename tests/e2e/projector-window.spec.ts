import { createWorkshop, expect, importAndOpen, startDayAfresh, test } from './fixtures';
import { saveScreenshot } from './shots';
import { wallSettled } from './wall-settled';
import { bigBoard, seedDay, variant, type Backup } from './projector-backups';

/*
 * Beamer in a plain browser: a window of its own (a popup, which can be dragged onto the
 * projector's screen), not a tab; until it is full screen it says where to put it and offers a
 * full-screen button. The moderator turns the wall's pages from the run bar.
 */

test('Beamer opens a popup window with a full-screen button and a hint to move it to the projector', async ({ page, context }) => {
  // Playwright makes the screen as large as each viewport; a real projector window starts smaller than its screen.
  await context.addInitScript(() => {
    Object.defineProperty(window.screen, 'width', { get: () => 1920 });
    Object.defineProperty(window.screen, 'height', { get: () => 1080 });
  });
  await page.goto('/');
  // What the page asks the browser for: headless Chromium shows no toolbars at all, so the request tells a window from a tab.
  await page.evaluate(() => {
    const open = window.open.bind(window);
    window.open = (url, target, features) => {
      document.documentElement.dataset.openedWith = features ?? '';
      return open(url, target, features);
    };
  });
  await createWorkshop(page, 'Plattform für nachhaltigen Wiederaufbau');
  const [projector] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Beamer', exact: true }).click()]);
  await expect(projector.getByTestId('projector')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-opened-with', /\bpopup\b.*width=\d+/);
  expect(await projector.evaluate(() => ({ toolbar: window.toolbar.visible, menubar: window.menubar.visible }))).toEqual({ toolbar: false, menubar: false });
  // A window smaller than its screen: the hint and the button show.
  await expect(projector.getByTestId('beamer-bar')).toContainText('Ziehen Sie dieses Fenster auf den Beamer');
  await expect(projector.getByTestId('beamer-fullscreen')).toHaveText('Vollbild');
  await projector.getByTestId('beamer-fullscreen').click();
  await expect(projector.getByTestId('beamer-bar')).toBeHidden();
});

test('the moderator turns the wall’s pages from the run bar, with the buttons and with Alt+Shift+arrows', async ({ page, context }) => {
  await page.goto('/');
  await importAndOpen(page, bigBoard);
  const projector = await context.newPage();
  await projector.goto('/#/projector/seed-300');
  await page.getByTestId('projector-view').selectOption('plenary');
  const pager = projector.getByTestId('projector-pages');
  await expect(pager).toHaveAttribute('data-pages', /^\d+$/);
  const pages = Number(await pager.getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(2);
  const after = (from: number, step: number) => ((from - 1 + step + pages) % pages) + 1;
  // The wall turns by itself every 15 s until the moderator turns by hand; then it waits a minute,
  // so from the first turn on each step below is the only one.
  const start = Number(await pager.getAttribute('data-page'));
  await page.getByTestId('projector-page-next').click();
  const first = after(start, 1);
  await expect(pager).toHaveAttribute('data-page', String(first));
  await expect(page.getByTestId('projector-page-state')).toHaveText(`Seite ${first}/${pages}`);
  await page.locator('body').press('Alt+Shift+ArrowRight');
  await expect(pager).toHaveAttribute('data-page', String(after(first, 1)));
  await page.locator('body').press('Alt+Shift+ArrowLeft');
  await expect(pager).toHaveAttribute('data-page', String(first));
  // On the projector window itself, the plain arrow keys; before the first page comes the last.
  for (let shown = first; shown > 1; shown -= 1) {
    await projector.locator('body').press('ArrowLeft');
    await expect(pager).toHaveAttribute('data-page', String(shown - 1));
  }
  await projector.locator('body').press('ArrowLeft');
  await expect(pager).toHaveAttribute('data-page', String(pages));
  // A moderator's window opened after the wall asks for its page at once (the wall would not say
  // it again for a minute).
  await page.reload();
  await expect(page.getByTestId('projector-page-state')).toHaveText(`Seite ${pages}/${pages}`, { timeout: 10_000 });
  // The wall's window closed: the moderator's buttons go.
  await projector.close({ runBeforeUnload: true });
  await expect(page.getByTestId('projector-page-state')).toHaveCount(0);
});

/** The seed day at the report-back before the plenary has a card: only the tables brought in have some. */
const emptyPlenary = variant('seed-empty-plenary', (backup) => {
  const workshop = backup.workshop as Backup['workshop'] & { groups: Array<{ boardId: string }> };
  workshop.cards = workshop.cards.filter((card) => card.boardId !== 'plenary');
  workshop.groups = workshop.groups.filter((group) => group.boardId !== 'plenary');
});

test('an empty plenary with tables brought in shows the tables from the top, not "no cards yet" above them', async ({ page, context }) => {
  await page.goto('/');
  await importAndOpen(page, emptyPlenary);
  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto('/#/projector/seed-empty-plenary');
  await page.getByTestId('projector-view').selectOption('plenary');
  const board = projector.getByTestId('projector-board');
  await expect(board.locator('h2').first()).toBeVisible();
  // The first thing under the title is the first table's heading; every table that has no card
  // of its own would still say so under its heading.
  const firstBlock = await board.locator('.projector-columns > *').first().evaluate((element) => element.querySelector('h2')?.textContent ?? element.textContent);
  expect(firstBlock).not.toBe('Noch keine Karten.');
  await saveScreenshot(projector, 'test-results/screenshots/projector-report-back-empty-plenary-1920.png');
  await expect(board.getByText('Noch keine Karten.')).toHaveCount(0);
  // The first table begins where the wall's columns begin.
  const offset = await board.locator('.projector-columns').evaluate((columns) => {
    const heading = columns.querySelector('h2');
    return heading ? Math.round(heading.getBoundingClientRect().top - columns.getBoundingClientRect().top) : null;
  });
  expect(offset).not.toBeNull();
  expect(offset ?? 0).toBeLessThan(40);
  await saveScreenshot(projector, 'test-results/screenshots/projector-report-back-empty-plenary-1920.png');
});

/** The seed day whose first item has a 70-letter word in its title: more than a line of the wall's left half. */
const monsterWord = variant('seed-monster-word', (backup) => {
  const { workshop } = backup as unknown as { workshop: { agenda: Array<{ title: string }> } };
  const first = workshop.agenda[0];
  if (first) first.title = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsverordnung und Energieeffizienz';
});

test('a word too long for the wall breaks in the running item\'s title instead of shrinking its countdown to a third', async ({ page, context }) => {
  await page.goto('/');
  await importAndOpen(page, monsterWord);
  await startDayAfresh(page);
  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto('/#/projector/seed-monster-word');
  await page.getByTestId('projector-view').selectOption('agenda');
  const countdown = projector.getByTestId('countdown');
  await expect(countdown).toBeVisible();
  await expect(projector.getByTestId('projector-current')).toContainText('Donaudampf');
  await wallSettled(projector);
  // A short title's countdown is about 200 px high here; the word once took it down to about 60.
  const height = await countdown.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(height).toBeGreaterThan(1080 * 0.12);
  // Nothing leaves the wall for it: the title is broken and whole on the screen.
  const box = await projector.getByTestId('projector-current').boundingBox();
  expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1920 && box.y + box.height <= 1080).toBe(true);
  await saveScreenshot(projector, 'test-results/screenshots/projector-monster-word-1920.png');
});

test("the moderator's plenary shows the tables brought in grouped as the tables grouped them, as the wall does", async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, seedDay);
  const reportBack = page.getByTestId('report-back');
  await expect(reportBack.getByTestId('report-back-table')).toHaveCount(3);
  const webinar = reportBack.getByTestId('report-back-table').filter({ hasText: 'Webinar-Serie' });
  await expect(webinar.getByTestId('report-back-group')).toHaveText(['Themen der ersten Folgen', 'Weitere Karten']);
  await expect(webinar.locator('.report-back-group').first().locator('.card-text')).toHaveText([/^Folge 1:/, /^Folge 2:/]);
});
