import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chromiumArgs, executablePath } from '../../playwright.config';
import { createWorkshop, expect, expectSaved, test } from './fixtures';
import { shownDate, typeDate } from './date-field';

/*
 * Dates follow the UI's language, not the browser's: Chromium runs in American English here
 * (--lang and the context's locale), where its own <input type="date"> shows 12/06/2023 for the
 * 6th of December. English is en-GB on purpose (renderer's LANGUAGE_LOCALES: day first like de/uk).
 */
test.use({ locale: 'en-US', launchOptions: { executablePath, args: [...chromiumArgs, '--lang=en-US'] } });

/** WCAG A/AA findings inside `selector` (the field and its calendar), as readable lines. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

const CASES = [
  { language: 'de', shown: '06.12.2023', long: '6. Dezember 2023' },
  { language: 'uk', shown: '06.12.2023', long: '6 грудня 2023' },
  { language: 'en', shown: '06/12/2023', long: '6 December 2023' },
] as const;

for (const { language, shown, long } of CASES) {
  test.describe(`a ${language} UI in an en-US browser`, () => {
    test.use({ language });

    test(`a new workshop's date shows and takes ${shown} and is stored as 2023-12-06`, async ({ page, shot }) => {
      await page.goto('/');
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');
      const date = page.getByTestId('new-workshop-date');
      await expect(date.getByRole('group')).toHaveAccessibleName(/.+/);
      await typeDate(date, '2023-12-06');
      expect(await shownDate(date)).toBe(shown);
      await expect(date).toHaveAttribute('data-value', '2023-12-06');
      await shot(`new-workshop-${language}`);
      await createWorkshop(page, `Datum ${language}`);
      // The home screen's row shows the stored date in the UI's language: the 6th of December.
      await page.goto('/');
      await expect(page.getByTestId('workshop-row').first()).toContainText(long);
    });

    test(`an action item's due date shows and takes ${shown}, by keyboard and calendar`, async ({ page, shot }) => {
      await page.goto('/');
      await createWorkshop(page, `Fällig ${language}`);
      await page.getByTestId('tab-actions').click();
      await page.getByTestId('action-new-title').fill('Protokoll verschicken');
      await page.getByTestId('action-add').click();
      const due = page.getByTestId('action-due');
      await typeDate(due, '2023-12-06');
      // Stored once typed: Enter says so (as leaving the field does).
      await page.keyboard.press('Enter');
      await expect(due).toHaveAttribute('data-value', '2023-12-06');
      // After a reload the date comes back from storage, shown the same way.
      await expectSaved(page);
      await page.reload();
      await page.getByTestId('tab-actions').click();
      await expect(due).toHaveAttribute('data-value', '2023-12-06');
      expect(await shownDate(due)).toBe(shown);
      await shot(`action-due-${language}`);

      // The keyboard steps a segment: the day up from the 6th is the 7th.
      await due.locator('[data-type="day"]').focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await expect(due).toHaveAttribute('data-value', '2023-12-07');

      // The calendar opens in the UI's language and picks a day.
      await due.getByRole('button').click();
      const calendar = page.getByRole('dialog');
      await expect(calendar.getByRole('heading')).toHaveText(language === 'de' ? 'Dezember 2023' : language === 'uk' ? /грудень 2023/i : 'December 2023');
      await shot(`calendar-${language}`);
      // axe is slow on a shared machine: once, in German, for the field in its row and its calendar.
      if (language === 'de') expect(await axeFindings(page, '[data-testid="action-table"], .date-field-popover')).toEqual([]);
      await calendar.getByRole('gridcell', { name: /\b15\b/ }).getByRole('button').click();
      await expect(due).toHaveAttribute('data-value', '2023-12-15');
    });
  });
}

test.describe('a stored due date edited segment by segment', () => {
  test.use({ language: 'de' });

  test('is stored once, when the person is done, and undone in one step', async ({ page }) => {
    await page.goto('/');
    await createWorkshop(page, 'Fällig in Teilen');
    await page.getByTestId('tab-actions').click();
    await page.getByTestId('action-new-title').fill('Bänke bestellen');
    await page.getByTestId('action-add').click();
    const due = page.getByTestId('action-due');
    await typeDate(due, '2027-03-15');
    await page.keyboard.press('Tab');
    await expect(due).toHaveAttribute('data-value', '2027-03-15');

    // 15.03.2027 becomes 28.04.2027: the day first, then the month. 28.03.2027 is never stored.
    await due.locator('[data-type="day"]').focus();
    await page.keyboard.type('28');
    await expect(due.locator('[data-type="month"]')).toBeFocused();
    await expect(due).toHaveAttribute('data-value', '2027-03-15');
    await page.keyboard.type('04');
    await expect(due).toHaveAttribute('data-value', '2027-03-15');
    expect(await shownDate(due)).toBe('28.04.2027');
    await page.keyboard.press('Enter');
    await expect(due).toHaveAttribute('data-value', '2027-04-28');

    // One undo step takes the whole edit back, not to the 28th of March on the way.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(due).toHaveAttribute('data-value', '2027-03-15');
    expect(await shownDate(due)).toBe('15.03.2027');
    await page.keyboard.press('Control+Shift+z');
    await expect(due).toHaveAttribute('data-value', '2027-04-28');

    // Emptied and left, the date is gone (once).
    await due.locator('[data-type="year"]').focus();
    for (let press = 0; press < 12; press += 1) await page.keyboard.press('Backspace');
    await expect(due).toHaveAttribute('data-value', '2027-04-28');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await expect(due).toHaveAttribute('data-value', '');
  });
});
