import * as Y from 'yjs';
import { ROOT } from '../../shared/model';
import { expect, importAndOpen, test } from './fixtures';
import { storedUpdates, writeStored } from './stored-doc';

/*
 * Names a peer wrote blank (this laptop's forms refuse them; an old, faulty or hand-made peer can
 * write them): two tables and a person seated at the first, empty or made of invisible characters.
 * Every list, heading and choice names them by a placeholder, as a blank workshop title does, not
 * by an empty row; the two tables by their number among such tables, not alike.
 */

const SEED_DAY = 'tests/fixtures/seed-day.plenum';
const WORKSHOP = 'seed-day';

const PLACEHOLDERS = {
  de: { person: 'Person ohne Namen', table: 'Tisch ohne Namen 1', otherTable: 'Tisch ohne Namen 2' },
  uk: { person: 'Особа без імені', table: 'Стіл без назви 1', otherTable: 'Стіл без назви 2' },
} as const;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 360, height: 640 },
] as const;

for (const language of ['de', 'uk'] as const) {
  test.describe(`blank names from a peer (${language})`, () => {
    test.use({ language });

    test(`a table and a person a peer wrote blank read as a placeholder (${language})`, async ({ page, shot }) => {
      test.setTimeout(120_000);
      const words = PLACEHOLDERS[language];
      await page.goto('/');
      await importAndOpen(page, SEED_DAY);
      await page.goto('/');
      await expect(page.getByTestId('workshop-row')).toHaveCount(1);

      const doc = new Y.Doc();
      for (const update of await storedUpdates(page, WORKSHOP)) Y.applyUpdate(doc, new Uint8Array(update));
      const boards = doc.getMap<Y.Map<unknown>>(ROOT.boards);
      // The first and the last of the seed day's three tables, in their order.
      const tableIds = [...boards.entries()]
        .filter(([, board]) => board.get('kind') === 'table')
        .sort(([, a], [, b]) => String(a.get('order')).localeCompare(String(b.get('order'))))
        .map(([id]) => id);
      const [tableId, , otherTableId] = tableIds;
      const people = doc.getMap<Y.Map<unknown>>(ROOT.participants);
      const personId = [...people.keys()][0];
      if (tableId === undefined || otherTableId === undefined || personId === undefined) throw new Error('the seed day has three tables and a participant');
      await writeStored(page, WORKSHOP, doc, () => {
        boards.get(tableId)?.set('title', '\u200b\u200b');
        boards.get(otherTableId)?.set('title', '');
        const person = people.get(personId);
        person?.set('name', '');
        person?.set('tableId', tableId);
      });

      await page.goto(`/#/workshop/${WORKSHOP}`);
      await page.getByTestId('tab-tables').click();
      const heading = page.getByTestId('table-column').getByRole('heading', { level: 3, name: words.table, exact: true });
      await expect(heading).toBeVisible();
      await expect(page.getByTestId('table-column').getByRole('heading', { level: 3, name: words.otherTable, exact: true })).toBeVisible();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await heading.scrollIntoViewIfNeeded();
        await shot(`tables-${language}-${size.width}`);
      }

      await page.setViewportSize(SIZES[0]);
      await page.getByTestId('tab-participants').click();
      // The name field is empty (a name typed there names the person) and says whose it is.
      const name = page.locator(`[data-testid="participant-name"][placeholder="${words.person}"]`);
      await expect(name).toHaveCount(1);
      await expect(name).toHaveValue('');
      await expect(name).toHaveAccessibleName(new RegExp(words.person));
      // The person's table choice names the table; no option of any row is blank.
      const row = page.getByRole('row').filter({ has: name });
      await expect(row.getByRole('combobox').filter({ has: page.locator('option:checked', { hasText: words.table }) })).toHaveCount(1);
      await expect(row.getByRole('option', { name: words.otherTable, exact: true })).toHaveCount(1);
      const blankOptions = await page.locator('option').evaluateAll((options) => options.filter((option) => option.textContent?.replace(/[\s\u200b]/g, '') === '').length);
      expect(blankOptions).toBe(0);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await name.scrollIntoViewIfNeeded();
        await shot(`participants-${language}-${size.width}`);
      }

      // The table's own board: its tab title and the authors to write as.
      await page.setViewportSize(SIZES[0]);
      await page.getByTestId('tab-tables').click();
      await page.getByTestId('table-column').filter({ has: page.getByRole('heading', { level: 3, name: words.table, exact: true }) }).getByTestId('table-open').click();
      await expect(page.getByRole('heading', { name: words.table, exact: true }).first()).toBeVisible();
    });
  });
}
