import { chromiumArgs, executablePath } from '../../playwright.config';
import { createWorkshop, expect, expectSaved, test } from './fixtures';
import { shownDate, typeDate } from './date-field';

/*
 * Dates follow the UI's language, not the browser's: Chromium runs in American English here
 * (--lang and the context's locale), where its own <input type="date"> shows 12/06/2023 for the
 * 6th of December. English is en-GB on purpose (renderer's LANGUAGE_LOCALES: day first like de/uk).
 */
test.use({ locale: 'en-US', launchOptions: { executablePath, args: [...chromiumArgs, '--lang=en-US'] } });

const CASES = [
  { language: 'de', shown: '06.12.2023', long: '6. Dezember 2023' },
  { language: 'uk', shown: '06.12.2023', long: '6 грудня 2023' },
  { language: 'en', shown: '06/12/2023', long: '6 December 2023' },
] as const;

for (const { language, shown, long } of CASES) {
  test.describe(`a ${language} UI in an en-US browser`, () => {
    test.use({ language });

    test(`shows and takes dates as ${shown} and stores 2023-12-06`, async ({ page, shot }) => {
      await page.goto('/');
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');

      // A new workshop's date: typed as the UI writes dates, shown so, kept as the 6th of December.
      const date = page.getByTestId('new-workshop-date');
      await expect(date.getByRole('group')).toHaveAccessibleName(/.+/);
      await typeDate(date, '2023-12-06');
      expect(await shownDate(date)).toBe(shown);
      await expect(date).toHaveAttribute('data-value', '2023-12-06');
      await shot(`new-workshop-${language}`);
      await createWorkshop(page, `Datum ${language}`);

      // An action item's due date, the same way; after a reload it comes back from storage.
      await page.getByTestId('tab-actions').click();
      await page.getByTestId('action-new-title').fill('Protokoll verschicken');
      await page.getByTestId('action-add').click();
      const due = page.getByTestId('action-due');
      await typeDate(due, '2023-12-06');
      expect(await shownDate(due)).toBe(shown);
      await expect(due).toHaveAttribute('data-value', '2023-12-06');
      await expectSaved(page);
      await page.reload();
      await page.getByTestId('tab-actions').click();
      await expect(due.getByRole('spinbutton').first()).toBeVisible();
      expect(await shownDate(due)).toBe(shown);
      await shot(`action-due-${language}`);

      // The keyboard steps a segment: the day up from the 6th is the 7th.
      await due.getByRole('spinbutton').and(due.locator('[data-type="day"]')).focus();
      await page.keyboard.press('ArrowUp');
      await expect(due).toHaveAttribute('data-value', '2023-12-07');

      // The calendar opens in the UI's language and picks a day.
      await due.getByRole('button').click();
      const calendar = page.getByRole('dialog');
      await expect(calendar.getByRole('heading')).toHaveText(language === 'de' ? 'Dezember 2023' : language === 'uk' ? /грудень 2023/i : 'December 2023');
      await shot(`calendar-${language}`);
      await calendar.getByRole('gridcell', { name: /^15\b|\b15\b/ }).getByRole('button').click();
      await expect(due).toHaveAttribute('data-value', '2023-12-15');

      // The home screen's row shows the workshop's date in the UI's language.
      await page.goto('/');
      await expect(page.getByTestId('workshop-row').first()).toContainText(long);
    });
  });
}
