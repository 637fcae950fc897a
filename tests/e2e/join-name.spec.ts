import { expect, test } from '@playwright/test';
import { saveScreenshot } from './shots';

/*
 * A laptop name longer than the stored 200 characters: the field stops at 200, and a longer one
 * that gets past it (set by a script, an autofill) is refused with a sentence, before the host is
 * asked, not with the store's raw validation dump.
 */
test('a laptop name over 200 characters is refused in words, and the field stops at 200', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('join-address').fill('127.0.0.1:1');
  await page.getByTestId('join-code-input').fill('K7QF-2MXD-9PAW');
  const name = page.getByTestId('join-name');
  await name.fill('N'.repeat(250));
  expect((await name.inputValue()).length).toBeLessThanOrEqual(200);
  // Past the field's limit, as React sees a typed value.
  await name.evaluate((input: HTMLInputElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'N'.repeat(250));
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('join-error')).toHaveText(/at most 200 characters|höchstens 200 Zeichen|щонайбільше 200 символів/);
  await expect(page.getByTestId('join-error')).not.toContainText('storage');
  await saveScreenshot(page, 'test-results/screenshots/join-name-too-long.png');
});
