import { createWorkshop, expect, expectSaved, test } from './fixtures';
import { roomOfLaptops } from './laptops';

/** Screens at the sizes they are used at: a table laptop, the moderator's full HD, the projector. */
const seedCards = [
  'Webinar-Serie rund um Energieeffizienz und Biomethan aufsetzen',
  'Workshop zur Kriegsrisikoversicherung mit Versicherungen und Versicherungsverbänden',
  'Veranstaltung: Wie sich Unternehmen in kommunale Partnerschaften einbringen können',
  'Bezüge zur Ukraine Recovery Conference 2024 herstellen',
  'Geschlossene LinkedIn-Gruppe nutzen, um Ideen weiterzudrehen',
  'Deutschland kann viel von der Ukraine lernen: Tempo beim Wiederaufbau',
];

test('the workshop screen at 1920×1080 and the projector route at 1920×1080', async ({ page, shot }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await createWorkshop(page, 'Plattform Wiederaufbau Ukraine – Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  for (const [title, minutes] of [
    ['Begrüßung und Vorstellung der drei Ergebnisse der Plattform', '15'],
    ['Input: Stadtarchitekt von Lwiw, Anton Kolomeytsev', '20'],
    ['Diskussion im Plenum: Unterthemen und Bezüge zur URC 2024', '30'],
    ['Kleingruppenarbeit', '45'],
    ['Ergebnisse aus den Kleingruppen', '30'],
    ['Nächste Schritte und Dokumentation', '10'],
  ] as const) {
    await page.getByTestId('agenda-title').fill(title);
    await page.getByTestId('agenda-duration').fill(minutes);
    await page.getByTestId('agenda-add').click();
  }
  for (const text of seedCards) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  await expectSaved(page);
  await expect(page.getByTestId('agenda-total')).toContainText('2 Std. 30 Min.');
  await shot('moderator-1920');

  const url = new URL(page.url());
  const id = url.hash.split('/')[2] ?? '';
  await page.goto(`/#/projector/${id}`);
  await expect(page.getByTestId('projector')).toContainText('Kleingruppenarbeit');
  await shot('projector-1920');
});

test('the home screen in Ukrainian at 1366×768 renders Cyrillic and long titles', async ({ page, shot }) => {
  await page.goto('/');
  await page.getByTestId('language-switcher').selectOption('uk');
  // The longest title there may be, one word without spaces, and an agenda item's as long.
  await createWorkshop(page, 'W'.repeat(200));
  await page.getByTestId('agenda-title').fill('W'.repeat(150));
  await page.getByTestId('agenda-add').click();
  await page.getByTestId('run-toggle').click();
  // The run bar stays on screen all day: the title takes two lines at most, and is whole in its tooltip.
  const current = page.getByTestId('run-current');
  await expect(current).toHaveAttribute('title', 'W'.repeat(150));
  const lines = await current.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
  expect(lines, 'lines of the running title').toBeLessThanOrEqual(2);
  expect((await page.getByTestId('run-bar').boundingBox())?.height, 'the run bar’s height').toBeLessThan(160);
  await page.goto('/');
  await createWorkshop(page, 'Платформа відновлення України: стале відновлення економіки');
  await page.getByRole('button', { name: 'Назад до всіх воркшопів' }).click();
  await expect(page.getByTestId('workshop-row')).toHaveCount(2);
  // The long title wraps inside its row, beside the row's buttons; the page does not scroll sideways.
  const long = page.getByTestId('workshop-row').filter({ hasText: 'WWW' });
  const [title, actions] = await Promise.all([long.getByTestId('workshop-title').boundingBox(), long.locator('.row-actions').boundingBox()]);
  const row = await long.boundingBox();
  if (!title || !actions || !row) throw new Error('no row');
  expect(title.x + title.width, 'the title ends inside its row').toBeLessThanOrEqual(row.x + row.width + 1);
  expect(title.x + title.width <= actions.x + 1 || title.y >= actions.y + actions.height - 1, 'the title does not run under the buttons').toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'sideways scrolling').toBe(0);
  await page.getByTestId('workshop-search').fill('економіки');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  await page.getByTestId('workshop-search').fill('Kommunen');
  await expect(page.getByTestId('workshop-row')).toHaveCount(0);
  await expect(page.getByText('Жоден воркшоп не відповідає пошуку.')).toBeVisible();
  await page.getByTestId('workshop-search').fill('');
  await shot('home-uk-1366');
});

test.describe('a table laptop during small-group work', () => {
  const room = roomOfLaptops(test);

  test('keeps its run bar short with a long task, whole one press away, at 1366×768 and 360×640 (de, uk)', async ({ page, baseURL, shot }) => {
    test.setTimeout(150_000);
    // A task as a moderator may paste it: several paragraphs, one of them a single long word.
    const task = [
      'Planen Sie ein konkretes Format für Ihre Kommune: Webinar-Serie, Workshop oder Veranstaltung – mit wem, bis wann, mit welchem Geld?',
      'Sammeln Sie zuerst Ideen auf Karten, eine Idee je Karte, und gruppieren Sie sie dann.',
      'Vergeben Sie danach Punkte: jede Person drei.',
      'Energieeffizienzförderprogrammantragsberatungsstellenvernetzung'.repeat(3),
      'Bereiten Sie eine Minute Bericht für das Plenum vor.',
      'Notieren Sie offene Fragen für den Themenspeicher.',
    ].join('\n');
    const url = room.signalingUrl();
    await page.goto('/');
    await createWorkshop(page, 'Nachhaltiger Wiederaufbau der Wirtschaft');
    await page.getByTestId('agenda-title').fill('Kleingruppenarbeit');
    await page.getByTestId('agenda-kind').selectOption('groupWork');
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-item-edit').click();
    await page.getByTestId('agenda-edit-task').fill(task);
    await page.getByTestId('agenda-edit-save').click();
    await page.getByTestId('tab-tables').click();
    await page.getByTestId('table-name').fill('Tisch 1');
    await page.getByTestId('table-add').click();
    await page.getByTestId('tab-connection').click();
    await page.getByTestId('host-start').click();
    await page.getByTestId('host-server').fill(url);
    await page.getByTestId('host-start').click();
    const code = (await page.getByTestId('join-code').textContent()) ?? '';
    await page.getByTestId('run-toggle').click();

    const table = await room.laptop(baseURL ?? '');
    await table.goto('/');
    await table.getByTestId('join-address').fill(url);
    await table.getByTestId('join-code-input').fill(code);
    await table.getByTestId('join-name').fill('Laptop Tisch 1');
    await table.getByTestId('join-submit').click();
    await expect(table.getByTestId('workshop-heading')).toHaveText('Nachhaltiger Wiederaufbau der Wirtschaft', { timeout: 20_000 });
    await table.getByTestId('table-picker').selectOption({ label: 'Tisch 1' });
    const shown = table.getByTestId('run-task');
    await expect(shown).toHaveText(task, { timeout: 15_000 });
    // The whole task in its tooltip, and for screen readers and touch: "show all".
    await expect(shown).toHaveAttribute('title', task);

    for (const language of ['de', 'uk'] as const) {
      await table.getByTestId('language-switcher').selectOption(language);
      await expect(table.locator('html')).toHaveAttribute('lang', language);
      for (const size of [{ width: 1366, height: 768 }, { width: 360, height: 640 }]) {
        await table.setViewportSize(size);
        const lines = await shown.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
        expect(lines, `lines of the task at ${size.width}`).toBeLessThanOrEqual(2);
        // Kicker, title (two lines at most), task (two), the "show all" link and the countdown.
        const limit = size.width < 600 ? 300 : 200;
        expect((await table.getByTestId('run-bar').boundingBox())?.height, `the run bar’s height at ${size.width}`).toBeLessThan(limit);
        // The header's parts (way back, title, role, connection, saved, undo, projector, language) stay in the window.
        const outside = await table.locator('.workshop-topbar > *').evaluateAll((parts) =>
          parts.filter((part) => part.getBoundingClientRect().right > window.innerWidth + 1).map((part) => part.getAttribute('data-testid') ?? part.className),
        );
        expect(outside, `the header's parts outside the window at ${size.width}`).toEqual([]);
        expect(await table.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `sideways scrolling at ${size.width}`).toBe(0);
        await shot(`table-run-${language}-${size.width}`, table);
        const toggle = table.getByTestId('run-task-toggle');
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        expect(await shown.evaluate((element) => element.scrollHeight - element.clientHeight), 'the opened task is whole').toBeLessThanOrEqual(1);
        await shot(`table-run-open-${language}-${size.width}`, table);
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      }
    }
  });
});

test('rename and duplicate a workshop from the home screen', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Themenkreis Wirtschaft');
  await page.getByTestId('agenda-title').fill('Kleingruppenarbeit');
  await page.getByTestId('agenda-add').click();
  await page.getByTestId('card-entry').fill('Diese Karte gehört zum Tag, nicht zur Vorlage');
  await page.getByTestId('card-entry').press('Enter');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();

  await page.getByTestId('workshop-row').getByRole('button', { name: 'Umbenennen' }).click();
  await page.getByTestId('rename-input').fill('');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie einen Titel ein.');
  await page.getByTestId('rename-input').fill('Themenkreis Nachhaltige Wirtschaft');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByTestId('workshop-title')).toHaveText(['Themenkreis Nachhaltige Wirtschaft']);

  await page.getByTestId('workshop-row').getByRole('button', { name: 'Duplizieren' }).click();
  await expect(page.getByTestId('workshop-title')).toHaveText(['Kopie von Themenkreis Nachhaltige Wirtschaft', 'Themenkreis Nachhaltige Wirtschaft']);
  await shot('duplicated');
  await page.getByText('Kopie von Themenkreis Nachhaltige Wirtschaft').click();
  await expect(page.getByTestId('agenda-item-title')).toHaveText(['Kleingruppenarbeit']);
  await expect(page.getByTestId('card')).toHaveCount(0);
});
