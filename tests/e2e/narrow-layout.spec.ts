import type { Page } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';
import { roomOfLaptops } from './laptops';
import { SEED_DAY } from './screen-tour';

/*
 * The moderator's screens at the narrow sizes they meet: a 1024×768 laptop or projector-sized
 * window, and a 360×640 phone. The page itself never scrolls sideways; wide content reflows.
 */

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function speak(page: Page, language: 'de' | 'uk'): Promise<void> {
  await page.getByTestId('language-switcher').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('the action items and the participants never make the page scroll sideways at 1024 and 360 px (de, uk)', async ({ page, shot }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  for (const language of ['de', 'uk'] as const) {
    await speak(page, language);
    for (const size of [{ width: 1024, height: 768 }, { width: 360, height: 640 }]) {
      await page.setViewportSize(size);
      await page.getByTestId('tab-actions').click();
      await expect(page.getByTestId('action-row').first()).toBeVisible();
      expect(await sideways(page), `sideways scrolling of the action items at ${size.width} (${language})`).toBe(0);
      // Each item stays usable: its whole row in the window, its title wide enough to read.
      const row = page.getByTestId('action-row').first();
      const [title, remove] = await Promise.all([row.getByTestId('action-title').boundingBox(), row.getByTestId('action-delete').boundingBox()]);
      if (!title || !remove) throw new Error('no title or delete button');
      expect(remove.x + remove.width, 'the delete button in the window').toBeLessThanOrEqual(size.width);
      expect(title.width, 'the title field').toBeGreaterThanOrEqual(Math.min(500, size.width - 140));
      await shot(`actions-${language}-${size.width}`);
      await page.getByTestId('tab-participants').click();
      await expect(page.getByTestId('participant-row').first()).toBeVisible();
      expect(await sideways(page), `sideways scrolling of the participants at ${size.width} (${language})`).toBe(0);
      await shot(`participants-${language}-${size.width}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }
});

test.describe('the workshop header', () => {
  const room = roomOfLaptops(test);

  test('keeps a hosting moderator’s title readable in two lines at most, and stays compact (1024 and 360 px, de, uk)', async ({ page, shot }) => {
    await page.goto('/');
    await importAndOpen(page, SEED_DAY);
    await page.getByTestId('tab-connection').click();
    await page.getByTestId('host-start').click();
    await page.getByTestId('host-server').fill(room.signalingUrl());
    await page.getByTestId('host-start').click();
    await expect(page.getByTestId('join-code')).toBeVisible();
    await expect(page.getByTestId('role-badge')).toBeVisible();
    await page.getByTestId('tab-plenary').click();
    const title = page.getByTestId('workshop-heading');
    for (const language of ['de', 'uk'] as const) {
      await speak(page, language);
      for (const [size, tallest] of [[{ width: 1024, height: 768 }, 100], [{ width: 360, height: 640 }, 200]] as const) {
        await page.setViewportSize(size);
        const box = await title.boundingBox();
        const lines = await title.evaluate((element) => {
          const style = getComputedStyle(element);
          return Math.round((element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight));
        });
        // A quarter of the window at least: "Them…" said nothing.
        expect(box?.width, `the title's width at ${size.width} (${language})`).toBeGreaterThanOrEqual(size.width / 4);
        expect(lines, `the title's lines at ${size.width} (${language})`).toBeLessThanOrEqual(2);
        expect((await page.locator('.workshop-topbar').boundingBox())?.height, `the header's height at ${size.width} (${language})`).toBeLessThanOrEqual(tallest);
        expect(await sideways(page), `sideways scrolling at ${size.width}`).toBe(0);
        await shot(`header-${language}-${size.width}`);
      }
    }
  });
});

test('the action dialog on a phone: the calendar leaves the title and owner seen, the buttons stay inside (de, uk)', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await page.setViewportSize({ width: 360, height: 640 });
  for (const language of ['de', 'uk'] as const) {
    await speak(page, language);
    const card = page.getByTestId('card').first();
    await card.getByTestId('card-details').click();
    await card.getByTestId('card-make-action').click();
    const dialog = page.getByTestId('action-dialog');
    await expect(dialog).toBeVisible();
    const frame = await dialog.boundingBox();
    for (const button of await dialog.locator('.dialog-actions button').all()) {
      const box = await button.boundingBox();
      expect(box && frame && box.x >= frame.x && box.x + box.width <= frame.x + frame.width, `"${await button.textContent()}" inside the dialog (${language})`).toBe(true);
    }
    await dialog.getByTestId('action-dialog-due').getByRole('button').click();
    const calendar = page.locator('.date-field-popover');
    await expect(dialog.getByRole('grid')).toBeVisible();
    const [top, owner] = await Promise.all([calendar.boundingBox(), dialog.getByTestId('action-dialog-owner').boundingBox()]);
    expect(top && owner && top.y >= owner.y + owner.height, `the calendar below the owner (${language})`).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog.getByRole('grid')).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('the agenda’s two template buttons sit side by side in its narrow column, in Ukrainian too (1366 px)', async ({ page }) => {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  for (const language of ['de', 'uk'] as const) {
    await speak(page, language);
    const [save, load, panel] = await Promise.all([
      page.getByTestId('agenda-save-template').boundingBox(),
      page.getByTestId('agenda-load-template').boundingBox(),
      page.locator('section.agenda').boundingBox(),
    ]);
    if (!save || !load || !panel) throw new Error('no template buttons');
    expect(Math.abs(save.y - load.y), `one row (${language})`).toBeLessThanOrEqual(1);
    expect(load.x + load.width, `inside the panel (${language})`).toBeLessThanOrEqual(panel.x + panel.width);
  }
});
