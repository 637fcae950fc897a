import type { Page } from '@playwright/test';
import { bigRoster, rosterBytes, rosterText } from '../fixtures/csv/rosters';
import { createWorkshop, expect, expectSaved, test } from './fixtures';

async function addTables(page: Page, names: readonly string[]) {
  await page.getByTestId('tab-tables').click();
  for (const name of names) {
    await page.getByTestId('table-name').fill(name);
    await page.getByTestId('table-add').click();
  }
  await expect(page.getByTestId('table-column')).toHaveCount(names.length);
  await page.getByTestId('tab-participants').click();
}

async function chooseCsv(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

/** Closes the messages at the bottom, so a screenshot shows the roster under them. */
async function dismissToasts(page: Page) {
  while ((await page.locator('.toast-close').count()) > 0) await page.locator('.toast-close').first().click();
  await expect(page.locator('.toast')).toHaveCount(0);
}

/** Every table of the balance: its size and the count of each stakeholder group there. */
async function balance(page: Page): Promise<Array<{ size: string; counts: string[] }>> {
  return page.getByTestId('balance-table').evaluateAll((tables) =>
    tables.map((table) => ({
      size: table.querySelector('[data-testid="balance-size"]')?.textContent ?? '',
      counts: [...table.querySelectorAll('.balance-count')].map((cell) => cell.textContent ?? ''),
    })),
  );
}

test.describe('in German', () => {
  test('60 participants imported from a Windows-1252 CSV are mixed onto 6 tables, 2 of each group per table', async ({ page, shot }) => {
    await page.goto('/');
    await createWorkshop(page, 'Wiederaufbau-Werkstatt');
    await addTables(page, ['Tisch 1', 'Tisch 2', 'Tisch 3', 'Tisch 4', 'Tisch 5', 'Tisch 6']);

    const roster = bigRoster('de');
    await chooseCsv(page, 'teilnehmende-excel.csv', rosterBytes(rosterText(roster, ';'), 'windows-1252'));
    const dialog = page.getByTestId('import-dialog');
    await expect(page.getByTestId('import-encoding').locator('option:checked')).toHaveText(/Windows-1252/);
    await expect(page.getByTestId('import-map-0')).toHaveValue('name');
    await expect(page.getByTestId('import-map-2')).toHaveValue('stakeholderGroup');
    const firstRow = page.getByTestId('import-preview').locator('tbody tr').first();
    await expect(firstRow).toContainText(roster.rows[0]?.[0] as string);
    await expect(firstRow).toContainText('Unternehmen');
    await expect(page.getByTestId('import-problems')).toHaveCount(0);
    await expect(page.getByTestId('import-submit')).toHaveText('60 Personen importieren');
    await shot('import-preview');
    await page.getByTestId('import-submit').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('participant-row')).toHaveCount(60);
    await expect(page.getByTestId('roster-summary')).toContainText('60 Personen');

    // One person placed by hand stays at their table through every mix.
    const fixedRow = page.getByTestId('participant-row').filter({ has: page.locator(`input[value="${roster.rows[0]?.[0]}"]`) });
    await fixedRow.getByTestId('participant-table').selectOption({ label: 'Tisch 4' });
    await expect(fixedRow.getByTestId('participant-fixed')).toBeChecked();

    await page.getByTestId('mix-button').click();
    await expect(page.getByTestId('balance-table')).toHaveCount(6);
    const tables = await balance(page);
    expect(tables.map((table) => table.size)).toEqual(Array(6).fill('10 Personen'));
    for (const table of tables) expect(table.counts).toEqual(['2', '2', '2', '2', '2']);
    await expect(fixedRow.getByTestId('participant-table').locator('option:checked')).toHaveText('Tisch 4');
    await expectSaved(page);
    await dismissToasts(page);
    await shot('mixed');

    await page.getByTestId('mix-button').click();
    await expect(fixedRow.getByTestId('participant-table').locator('option:checked')).toHaveText('Tisch 4');
    expect((await balance(page)).every((table) => table.counts.join() === '2,2,2,2,2')).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const file = await download;
    // Named as the minutes are (shared/minutes/file-name.ts): kind, title, the workshop's date when it has one.
    expect(file.suggestedFilename()).toMatch(/^Teilnehmende-Wiederaufbau-Werkstatt(-\d{4}-\d{2}-\d{2})?\.csv$/);
    const text = (await import('node:fs')).readFileSync(await file.path(), 'utf8');
    expect(text.startsWith('\uFEFFName;Organisation;Akteursgruppe;E-Mail;Einwilligung;Anwesend;Tisch\r\n')).toBe(true);
    expect(text).toContain(`${roster.rows[0]?.[0]};`);

    // The same list again adds nobody: everyone is already on it.
    await chooseCsv(page, 'teilnehmende-excel.csv', rosterBytes(rosterText(roster, ';'), 'windows-1252'));
    await expect(page.getByTestId('import-skipped')).toContainText('60 Zeilen stehen schon auf der Liste');
    await expect(page.getByTestId('import-submit')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
    await expect(page.getByTestId('participant-row')).toHaveCount(60);
  });

  test('a CSV without a name column shows what is missing and imports nobody', async ({ page, shot }) => {
    await page.goto('/');
    await createWorkshop(page, 'Fehlerhafte Liste');
    await page.getByTestId('tab-participants').click();
    await chooseCsv(page, 'ohne-namen.csv', rosterBytes('Firma;E-Mail\r\nStadtwerke;a@example.de\r\n', 'utf-8'));
    await expect(page.getByTestId('import-problems')).toContainText('Keine Spalte enthält den Namen');
    await expect(page.getByTestId('import-submit')).toBeDisabled();
    await shot('missing-name-column');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByTestId('participant-row')).toHaveCount(0);
  });
});

test('a participant typed in by hand is edited in place, deleted and brought back, and kept after a reload', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Handliste');
  await page.getByTestId('tab-participants').click();
  await page.getByTestId('participant-add-organisation').fill('Stadtwerke Süd');
  await page.getByTestId('participant-add-group').selectOption({ label: 'Kommune' });
  await page.getByTestId('participant-add-name').fill('Jürgen Müller');
  await page.getByTestId('participant-add-name').press('Enter');
  const row = page.getByTestId('participant-row');
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('participant-add-name')).toBeFocused();

  const email = row.getByRole('textbox', { name: 'E-Mail von Jürgen Müller' });
  await email.fill('kein-mail');
  await email.press('Enter');
  await expect(row.getByRole('alert')).toHaveText('Das ist keine gültige E-Mail-Adresse.');
  await email.fill('j.mueller@example.de');
  await email.press('Enter');
  await expect(row.getByRole('alert')).toHaveCount(0);
  await row.getByRole('checkbox', { name: 'Jürgen Müller willigt in die Nennung im Protokoll ein' }).check();

  await page.getByTestId('group-add-name').fill('Wissenschaft');
  await page.getByTestId('group-add-name').press('Enter');
  await row.getByTestId('participant-group').selectOption({ label: 'Wissenschaft' });

  await row.getByTestId('participant-delete').click();
  await expect(row).toHaveCount(0);
  await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('participant-group').locator('option:checked')).toHaveText('Wissenschaft');
  await expectSaved(page);
  await dismissToasts(page);
  await page.getByTestId('group-list').scrollIntoViewIfNeeded();
  await shot('roster-and-groups');

  await page.reload();
  await page.getByTestId('tab-participants').click();
  await expect(row.getByTestId('participant-name')).toHaveValue('Jürgen Müller');
  await expect(row.getByRole('textbox', { name: 'E-Mail von Jürgen Müller' })).toHaveValue('j.mueller@example.de');
  await expect(row.getByTestId('participant-consent')).toBeChecked();
  await expect(row.getByTestId('participant-group').locator('option:checked')).toHaveText('Wissenschaft');
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('a Windows-1251 CSV with commas is recognised, previewed in Cyrillic and mixed', async ({ page, shot }) => {
    await page.goto('/');
    await createWorkshop(page, 'Відновлення громад');
    await addTables(page, ['Стіл 1', 'Стіл 2', 'Стіл 3', 'Стіл 4', 'Стіл 5', 'Стіл 6']);
    const roster = bigRoster('uk');
    await chooseCsv(page, 'учасники.csv', rosterBytes(rosterText(roster, ','), 'windows-1251'));
    await expect(page.getByTestId('import-encoding').locator('option:checked')).toHaveText(/Windows-1251/);
    await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText(roster.rows[0]?.[0] as string);
    await shot('import-preview');
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('participant-row')).toHaveCount(60);
    await page.getByTestId('mix-button').click();
    const tables = await balance(page);
    expect(tables).toHaveLength(6);
    for (const table of tables) expect(table.counts).toEqual(['2', '2', '2', '2', '2']);
    // At 1366×768 the roster fits its panel: no sideways scrolling, the delete buttons whole.
    const fit = await page.locator('.roster-scroll').evaluate((box) => ({ box: box.clientWidth, table: box.scrollWidth }));
    expect(fit.table, 'the roster table’s width in its panel').toBeLessThanOrEqual(fit.box);
    await dismissToasts(page);
    await shot('mixed');
  });
});

const GROUPS_CSV = 'Name;Gruppe\r\nAda;Wirtschaft\r\nBob;wirtschaft\r\nCleo;Unternehmen\r\nDora;NGO\r\nEmil;Wissenschaft\r\n';

async function importGroups(page: Page) {
  await page.goto('/');
  await createWorkshop(page, 'Gruppen');
  await page.getByTestId('tab-participants').click();
  await chooseCsv(page, 'gruppen.csv', new TextEncoder().encode(GROUPS_CSV));
}

test('the import says which groups it filed under another name', async ({ page, shot }) => {
  await importGroups(page);
  // "Unternehmen" is the group's name here: nothing to say about it.
  await expect(page.getByTestId('import-renamed-groups')).toHaveText('Einer Akteursgruppe mit anderem Namen zugeordnet: 2 × „Wirtschaft“ → Unternehmen; 1 × „NGO“ → Zivilgesellschaft');
  await expect(page.getByTestId('import-new-groups')).toContainText('Wissenschaft');
  await shot('import-renamed-groups-de');
});

test.describe('the renamed groups in Ukrainian', () => {
  test.use({ language: 'uk' });
  test('name the German spellings and the groups they went to', async ({ page, shot }) => {
    await importGroups(page);
    await expect(page.getByTestId('import-renamed-groups')).toHaveText(
      /^Зараховано до груп зацікавлених сторін з іншою назвою: 2 × «Wirtschaft» → [^;]+; 1 × «Unternehmen» → [^;]+; 1 × «NGO» → Громадянське суспільство$/,
    );
    await shot('import-renamed-groups-uk');
  });
});
