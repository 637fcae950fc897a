import type { Locator, Page } from '@playwright/test';
import { createWorkshop, expect, importAndOpen, test } from './fixtures';

const SEED_DAY = 'tests/fixtures/seed-day.plenum';
/** 192 characters, as a phone may send (up to 200). */
const LONG_NAME =
  'Oleksandra-Kateryna Volodymyrivna Shevchenko-Kovalenko-Bondarenko, Beauftragte für Wiederaufbau und kommunale Partnerschaften der Stadtverwaltung Lwiw (Abteilung Internationale Zusammenarbeit)';

async function addAuthor(page: Page, name: string) {
  await page.getByTestId('author-add').click();
  await page.getByTestId('author-new-name').fill(name);
  await page.getByTestId('author-new-name').press('Enter');
}

/** The control stays inside the window and inside the author picker's row. */
async function expectInside(control: Locator, page: Page) {
  const box = await control.boundingBox();
  const picker = await page.getByTestId('author-picker').boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && picker).toBeTruthy();
  if (!box || !picker) return;
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(width, picker.x + picker.width) + 1);
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 360, height: 640 },
] as const;

// One page per language, resized between the checks: a page per size and language cost 8–11 s
// each in CI, most of it opening the seed day again.
for (const language of ['de', 'uk'] as const) {
  test.describe(language, () => {
    test.use({ language });

    test('a long author name keeps the board\'s "who writes" select in its row, the whole name in its title, at 1366×768 and 360×640', async ({ page, shot }) => {
      await page.setViewportSize(SIZES[0]);
      await page.goto('/');
      await importAndOpen(page, SEED_DAY);
      await page.getByTestId('tab-plenary').click();
      const select = page.getByTestId('author-select');
      const before = new Map<number, number>();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        before.set(size.width, (await select.boundingBox())?.width ?? 0);
      }
      await addAuthor(page, LONG_NAME);
      await expect(select.locator('option', { hasText: LONG_NAME })).toHaveCount(1);
      await expect(select).toHaveAttribute('title', LONG_NAME);
      await page.getByTestId('card-entry').fill('Partnerschaften zwischen Kommunen');
      await page.getByTestId('card-entry').press('Enter');
      const author = page.getByTestId('card-author').filter({ hasText: 'Oleksandra' }).first();
      await expect(author).toHaveAttribute('title', LONG_NAME);

      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expectInside(select, page);
        // Still the width of a choice, not of the name: "+ Name" stays beside it on a laptop.
        const after = await select.boundingBox();
        expect(after?.width ?? 0, `${size.width} px`).toBeLessThanOrEqual(Math.max(before.get(size.width) ?? 0, 16 * 16) + 1);
        // A card by that name: its author line is two lines at most, the whole name on pointing.
        const line = await author.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 16);
        expect((await author.boundingBox())?.height ?? 0, `${size.width} px`).toBeLessThanOrEqual(2 * line + 2);
        await author.evaluate((element) => element.scrollIntoView({ block: 'center' }));
        await shot(`long-author-${size.width}-${language}`);
      }
    });

    test('a long author name keeps its chip in the row, at 1366×768 and 360×640', async ({ page, shot }) => {
      // The name is added at the phone's width: the controls for it must be reachable there too.
      await page.setViewportSize(SIZES[1]);
      await page.goto('/');
      await createWorkshop(page, language === 'uk' ? 'Довгі імена' : 'Lange Namen');
      await page.getByTestId('tab-plenary').click();
      await addAuthor(page, LONG_NAME);
      const chip = page.getByTestId('author-chip');
      await expect(chip).toHaveText(LONG_NAME);
      await expect(chip).toHaveAttribute('title', new RegExp(`^${LONG_NAME.replace(/[()]/g, '\\$&')}`));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expectInside(chip, page);
        expect((await chip.boundingBox())?.height ?? 0, `${size.width} px`).toBeLessThan(40);
        await shot(`long-author-chip-${size.width}-${language}`);
      }
    });
  });
}
