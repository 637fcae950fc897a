import type { Page } from '@playwright/test';
import { createWorkshop, expect, expectSaved, test } from './fixtures';
import { roomOfLaptops } from './laptops';
import { saveScreenshot } from './shots';
import { wallSettled } from './wall-settled';
import { wordsBrokenAcrossLines } from './wall-measure';

/** The seed's day (Plattform Wiederaufbau Ukraine, 6 December 2023) as six agenda items. */
const DAY: Array<{ title: string; minutes: string; kind: string }> = [
  { title: 'Begrüßung und Ziele der Plattform', minutes: '10', kind: 'plenary' },
  { title: 'Input: Wiederaufbau in Lwiw', minutes: '20', kind: 'input' },
  { title: 'Plenumsdiskussion: Bezüge zur Ukraine Recovery Conference 2024', minutes: '30', kind: 'plenary' },
  { title: 'Kleingruppenarbeit', minutes: '45', kind: 'groupWork' },
  { title: 'Ergebnisse aus den Gruppen', minutes: '30', kind: 'reportBack' },
  { title: 'Nächste Schritte', minutes: '15', kind: 'plenary' },
];
const TASK = 'Planen Sie ein konkretes Format: Webinar-Serie, Workshop oder Veranstaltung – mit wem, bis wann?';

/** Seconds of a countdown as shown: "9:58" → 598, "1:02:03" → 3723, "+0:03" → -3. */
function seconds(text: string): number {
  const over = text.startsWith('+');
  const parts = text.replace('+', '').split(':').map(Number);
  const value = parts.reduce((sum, part) => sum * 60 + part, 0);
  return over ? -value : value;
}

/** The countdowns of two pages read back to back; the difference in seconds. */
async function countdownGap(a: Page, b: Page): Promise<number> {
  const [first, second] = await Promise.all([a.getByTestId('countdown').first().textContent(), b.getByTestId('countdown').first().textContent()]);
  return Math.abs(seconds(first ?? '') - seconds(second ?? ''));
}

async function addItem(page: Page, item: (typeof DAY)[number]): Promise<void> {
  await page.getByTestId('agenda-title').fill(item.title);
  await page.getByTestId('agenda-kind').selectOption(item.kind);
  await page.getByTestId('agenda-duration').fill(item.minutes);
  await page.getByTestId('agenda-add').click();
}

function workshopIdOf(page: Page): string {
  const match = /#\/workshop\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`no workshop in ${page.url()}`);
  return decodeURIComponent(match[1]);
}

test('a day of six items runs on one timer, and the projector follows each step with the same remaining time; it shows the join code with its QR code when the moderator switches to it', async ({ page, shot }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkshop(page, 'Nachhaltiger Wiederaufbau der Wirtschaft');
  for (const item of DAY) await addItem(page, item);
  await expect(page.getByTestId('agenda-item-title')).toHaveText(DAY.map((item) => item.title));

  // The plan: start time, time available, and a warning when the day does not fit.
  await page.getByTestId('agenda-start-time').fill('10:00');
  await page.getByTestId('agenda-available').fill('120');
  await page.getByTestId('agenda-available').press('Enter');
  await expect(page.getByTestId('agenda-over')).toContainText('30 Min. mehr als verfügbar');
  await expect(page.getByTestId('agenda-item').nth(3)).toContainText('11:00');
  await page.getByTestId('agenda-available').fill('150');
  await page.getByTestId('agenda-available').press('Enter');
  await expect(page.getByTestId('agenda-over')).toHaveCount(0);
  await expect(page.getByTestId('agenda-total')).toContainText('Geplant: 2 Std. 30 Min. von 2 Std. 30 Min.');

  // The editor gives the focus back when it closes: Escape to the item that Enter opened it on,
  // saving to the edit button that opened it.
  await page.getByTestId('agenda-item').nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-edit-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('agenda-edit-title')).toHaveCount(0);
  await expect(page.getByTestId('agenda-item').nth(2)).toBeFocused();

  // The task for the tables and the speaker of the input.
  await page.getByTestId('agenda-item-edit').nth(3).click();
  await page.getByTestId('agenda-edit-task').fill(TASK);
  await page.getByTestId('agenda-edit-save').click();
  await expect(page.getByTestId('agenda-item-edit').nth(3)).toBeFocused();
  await page.getByTestId('agenda-item-edit').nth(1).click();
  await page.getByTestId('agenda-edit-speaker').fill('Anton Kolomeytsev, Stadtarchitekt von Lwiw');
  await page.getByTestId('agenda-edit-save').click();
  await expect(page.getByTestId('agenda-item').nth(1)).toContainText('Anton Kolomeytsev');
  await expectSaved(page);

  // The projector: a second page of this browser on the projector route.
  const projector = await page.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/#/projector/${encodeURIComponent(workshopIdOf(page))}`);
  await expect(projector.getByTestId('projector-agenda').locator('li')).toHaveCount(6);

  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-current')).toContainText(DAY[0]?.title ?? '');
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[0]?.title ?? '');
  await expect(projector.getByTestId('countdown')).toHaveText(/^(10:00|9:5\d)$/);
  expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);

  // Next, next, next: the projector follows each step, in small-group work with the task.
  for (const index of [1, 2, 3]) {
    await page.getByTestId('run-next').click();
    await expect(page.getByTestId('run-current')).toContainText(DAY[index]?.title ?? '');
    await expect(projector.getByTestId('projector-current')).toHaveText(DAY[index]?.title ?? '');
    expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);
  }
  await expect(projector.getByTestId('projector-now')).toContainText(TASK);
  await expect(projector.getByTestId('countdown')).toHaveText(/^(45:00|44:5\d)$/);
  // Both keep ticking together: read again once the projector's countdown has moved on.
  const before = (await projector.getByTestId('countdown').textContent()) ?? '';
  await expect(projector.getByTestId('countdown')).not.toHaveText(before);
  expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);
  await shot('run-bar-1366x768');
  await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-1920x1080.png');
  await projector.setViewportSize({ width: 1024, height: 768 });
  await expect(projector.getByTestId('projector-current')).toBeVisible();
  await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-1024x768.png');

  // Previous goes back, PageDown (a presenter remote) goes on.
  await page.getByTestId('run-previous').click();
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[2]?.title ?? '');
  await page.locator('body').press('PageDown');
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[3]?.title ?? '');

  // Pause: both stand still on the same time, no longer in the running clock's colour.
  const colour = (target: typeof page) => target.getByTestId('countdown').first().evaluate((element) => getComputedStyle(element).color);
  const running = { moderator: await colour(page), wall: await colour(projector) };
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'paused');
  const pausedAt = await page.getByTestId('countdown').textContent();
  await projector.waitForTimeout(1500);
  await expect(projector.getByTestId('countdown')).toHaveText(pausedAt ?? '');
  await expect(page.getByTestId('countdown')).toHaveText(pausedAt ?? '');
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-paused', 'true');
  expect(await colour(page)).not.toBe(running.moderator);
  expect(await colour(projector)).not.toBe(running.wall);
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'running');

  // The moderator's window reloads: the projector keeps showing the run, and follows again afterwards.
  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId('run-current')).toContainText(DAY[3]?.title ?? '');
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[3]?.title ?? '');
  expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);
  await page.getByTestId('run-next').click();
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[4]?.title ?? '');
  expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);

  // The projector reloads too (a cable replugged): it reads the run from disk.
  await expectSaved(page);
  await projector.reload();
  await expect(projector.getByTestId('projector-current')).toHaveText(DAY[4]?.title ?? '');
  expect(await countdownGap(page, projector)).toBeLessThanOrEqual(1);

  // The moderator switches what the wall shows; the projector follows.
  await page.getByTestId('projector-view').selectOption('plenary');
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', 'plenary');
  await page.locator('body').press('Alt+p');
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', 'votes');
  await page.getByTestId('projector-view').selectOption('agenda');
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', 'agenda');

  // To the end: the last item, then the day has ended and the actual times are in the agenda.
  await page.getByTestId('run-next').click();
  await page.getByTestId('run-next').click();
  await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'ended');
  await expect(projector.getByTestId('projector-now')).toHaveCount(0);

  // On the same two pages: a workshop and a projector window of its own cost this check some 8 s in CI.
  await test.step('the projector shows the join code with its QR code when the moderator switches to it', async () => {
    await page.getByTestId('tab-connection').click();
    await page.getByTestId('host-start').click();
    await page.getByTestId('host-server').fill('ws://127.0.0.1:9');
    await page.getByTestId('host-start').click();
    const code = (await page.getByTestId('join-code').textContent()) ?? '';
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('projector-view').selectOption('join');
    await expect(projector.getByTestId('projector-code')).toHaveText(code);
    await expect(projector.locator('.projector-qr')).toBeVisible();
    await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-join-1920x1080.png');
    await projector.setViewportSize({ width: 1024, height: 768 });
    await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-join-1024x768.png');
  });
});

test('the countdown turns amber with a fifth left, red in the last twentieth, shows the overrun, and is right after the laptop slept', async ({ page, shot }) => {
  // The page's clock is Playwright's: minutes pass in an instant, and a jump is a sleep and wake.
  await page.clock.install({ time: new Date('2026-05-12T08:00:00') });
  await page.goto('/');
  // Frozen: from here on only runFor/fastForward move the page's time. Paused a minute ahead of the
  // page's own time: a fixed instant can already lie in the past when a loaded machine is slow to load.
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(pageNow + 60_000);
  await createWorkshop(page, 'Uhr');
  await addItem(page, { title: 'Input: Wiederaufbau in Lwiw', minutes: '20', kind: 'input' });
  await addItem(page, { title: 'Plenumsdiskussion', minutes: '30', kind: 'plenary' });
  await page.getByTestId('run-toggle').click();
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toHaveAttribute('data-phase', 'normal');

  await page.clock.fastForward('16:01');
  await expect(countdown).toHaveAttribute('data-phase', 'amber');
  await expect(countdown).toHaveText('3:59');
  await shot('amber');
  await page.clock.fastForward('03:00');
  await expect(countdown).toHaveAttribute('data-phase', 'red');
  await expect(countdown).toHaveText('0:59');
  await page.clock.fastForward('01:30');
  await expect(countdown).toHaveAttribute('data-phase', 'over');
  await expect(countdown).toHaveText('+0:31');
  await shot('over');

  // The lid closes for 45 minutes: no timer ran meanwhile, the timestamps still tell.
  await page.clock.fastForward('45:00');
  await expect(countdown).toHaveText('+45:31');
  // Pause, a long sleep, resume: the item continues where it stopped.
  await page.getByTestId('run-toggle').click();
  await page.clock.fastForward('02:00:00');
  await expect(countdown).toHaveText('+45:31');
  await page.getByTestId('run-toggle').click();
  await page.clock.fastForward('00:10');
  await expect(countdown).toHaveText('+45:41');
});

test('an agenda is reordered by dragging, saved as a template and starts a new workshop', async ({ page }) => {
  await page.goto('/');
  await createWorkshop(page, 'Vorlage Frühjahr');
  await page.getByTestId('agenda-start-time').fill('9:30');
  await page.getByTestId('agenda-start-time').press('Enter');
  for (const item of DAY.slice(3, 6)) await addItem(page, item);
  const titles = page.getByTestId('agenda-item-title');
  await page.getByTestId('agenda-item').nth(2).dragTo(page.getByTestId('agenda-item').nth(0));
  await expect(titles).toHaveText([DAY[5]?.title ?? '', DAY[3]?.title ?? '', DAY[4]?.title ?? '']);
  await expect(page.getByTestId('agenda-item').nth(1)).toContainText('09:45');

  const download = page.waitForEvent('download');
  await page.getByTestId('agenda-save-template').click();
  const file = await (await download).path();
  expect(file).toBeTruthy();

  await page.goto('/');
  await createWorkshop(page, 'Herbst');
  // A damaged file adds nothing and says why.
  await page.getByTestId('agenda-template-file').setInputFiles({ name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"plenum-agenda","version":1,"items":[{"title":""}]}') });
  await expect(page.getByText('keine vollständige Plenum-Agendavorlage')).toBeVisible();
  await expect(page.getByTestId('agenda-item')).toHaveCount(0);
  await page.getByTestId('agenda-template-file').setInputFiles(file);
  await expect(titles).toHaveText([DAY[5]?.title ?? '', DAY[3]?.title ?? '', DAY[4]?.title ?? '']);
  await expect(page.getByTestId('agenda-start-time')).toHaveValue('09:30');
  await expect(page.getByTestId('agenda-item-kind').nth(1)).toHaveText('Kleingruppenarbeit');
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('the projector shows the plenary board read-only, large, in Cyrillic', async ({ page, shot }) => {
    await page.goto('/');
    await createWorkshop(page, 'Відбудова економіки');
    for (const text of ['Серія вебінарів про енергоефективність', 'Біометан як тема', 'Страхування воєнних ризиків разом зі страховими асоціаціями', 'Партнерства громад і бізнесу']) {
      await page.getByTestId('card-entry').fill(text);
      await page.getByTestId('card-entry').press('Enter');
    }
    await addItem(page, { title: 'Робота в малих групах', minutes: '45', kind: 'groupWork' });
    await page.getByTestId('run-toggle').click();
    await page.getByTestId('run-signal').click();
    await expect(page.getByTestId('run-bar')).toHaveAttribute('data-status', 'running');
    await shot('run-bar-uk-1366x768');
    const projector = await page.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`/#/projector/${encodeURIComponent(workshopIdOf(page))}`);
    await expect(projector.getByTestId('projector-current')).toHaveText('Робота в малих групах');
    await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-uk-agenda-1920x1080.png');
    await page.getByTestId('projector-view').selectOption('plenary');
    await expect(projector.locator('.projector-card')).toHaveCount(4);
    await expect(projector.getByTestId('projector-board')).toContainText('Біометан як тема');
    await wallSettled(projector);
    await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-uk-board-1920x1080.png');
    expect(await wordsBrokenAcrossLines(projector, '.projector-card')).toEqual([]);
    await projector.setViewportSize({ width: 1024, height: 768 });
    await wallSettled(projector);
    await saveScreenshot(projector, 'test-results/screenshots/agenda-run--projector-uk-board-1024x768.png');
    // At 4:3 as well, no word of a card loses its last letters to the next line.
    expect(await wordsBrokenAcrossLines(projector, '.projector-card')).toEqual([]);
  });
});

/*
 * A table laptop that joins while the day runs: a separate Chromium process, meeting the
 * moderator only through the signaling server (as in tables-sync.spec.ts).
 */
test.describe('a table laptop that joins late', () => {
  const room = roomOfLaptops(test);

  test('shows the task and the same countdown (though its clock is three minutes ahead), its projector too, and gets the two-minute signal', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const url = room.signalingUrl();
    await page.goto('/');
    await createWorkshop(page, 'Nachhaltiger Wiederaufbau der Wirtschaft');
    for (const item of DAY.slice(2, 4)) await addItem(page, item);
    await page.getByTestId('agenda-item-edit').nth(1).click();
    await page.getByTestId('agenda-edit-task').fill(TASK);
    await page.getByTestId('agenda-edit-save').click();
    await page.getByTestId('tab-tables').click();
    await page.getByTestId('table-name').fill('Tisch 1');
    await page.getByTestId('table-add').click();
    await page.getByTestId('tab-connection').click();
    await page.getByTestId('host-start').click();
    await page.getByTestId('host-server').fill(url);
    await page.getByTestId('host-start').click();
    const code = (await page.getByTestId('join-code').textContent()) ?? '';

    // The day runs before the table arrives: the plenary discussion, then small-group work.
    await page.getByTestId('run-toggle').click();
    await page.getByTestId('run-next').click();
    await expect(page.getByTestId('run-current')).toContainText('Kleingruppenarbeit');

    // Its clock runs three minutes ahead of the moderator's (no NTP in the venue).
    const table = await room.laptop(baseURL ?? '', { size: { width: 1366, height: 768 }, clockSkewMs: 3 * 60_000 });
    expect(await table.evaluate(() => Date.now()) - Date.now()).toBeGreaterThan(170_000);
    await table.goto('/');
    await table.getByTestId('join-address').fill(url);
    await table.getByTestId('join-code-input').fill(code);
    await table.getByTestId('join-name').fill('Laptop Tisch 1');
    await table.getByTestId('join-submit').click();
    await expect(table.getByTestId('workshop-heading')).toHaveText('Nachhaltiger Wiederaufbau der Wirtschaft', { timeout: 20_000 });
    await table.getByTestId('table-picker').selectOption({ label: 'Tisch 1' });

    await expect(table.getByTestId('run-task')).toHaveText(TASK, { timeout: 15_000 });
    await expect(table.getByTestId('run-current')).toHaveText('Kleingruppenarbeit');
    // The table reads the run in the host's time, measured when it connected, not in its own.
    await expect.poll(() => countdownGap(page, table), { timeout: 5000 }).toBeLessThanOrEqual(1);

    // The moderator sends "two minutes left": the table sees it.
    await page.getByTestId('run-signal').click();
    await expect(table.getByTestId('run-signal-banner')).toBeVisible({ timeout: 15_000 });
    await table.getByTestId('tab-mine').click();
    await saveScreenshot(table, 'test-results/screenshots/agenda-run--table-group-work-1366x768.png');

    // A projector opened on the table laptop shows the same item and time.
    const tableProjector = await table.context().newPage();
    await tableProjector.setViewportSize({ width: 1920, height: 1080 });
    await tableProjector.goto(`/#/projector/${encodeURIComponent(workshopIdOf(page))}`);
    await expect(tableProjector.getByTestId('projector-current')).toHaveText('Kleingruppenarbeit');
    await expect.poll(() => countdownGap(page, tableProjector), { timeout: 5000 }).toBeLessThanOrEqual(1);

    // The moderator ends the small-group work; the table's projector follows over the network.
    await page.getByTestId('run-next').click();
    await expect(tableProjector.getByTestId('projector-now')).toHaveCount(0, { timeout: 15_000 });
  });
});
