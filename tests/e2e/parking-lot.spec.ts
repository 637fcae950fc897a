import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, importAndOpen, test } from './fixtures';

/*
 * The parking lot on the plenary, at the size of a common venue laptop: a question parked next to
 * the board appears in the minutes' preview and in the Markdown export.
 */

const SEED_DAY = 'tests/fixtures/seed-day.plenum';

async function openSeedDay(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await expect(page.getByTestId('parking-lot')).toBeVisible();
}

async function park(page: Page, text: string): Promise<void> {
  await page.getByTestId('parking-lot-new').fill(text);
  await page.getByTestId('parking-lot-new').press('Enter');
  await expect(page.getByTestId('parking-lot-text').last()).toHaveValue(text);
}

/** A screenshot with the whole parking lot in the middle of the window. */
async function shotOfPanel(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  await page.getByTestId('parking-lot').evaluate((panel) => panel.scrollIntoView({ block: 'center' }));
  await shot(name);
}

test('a question parked on the plenary is in the minutes', async ({ page, shot }) => {
  await openSeedDay(page);
  await park(page, 'Wer finanziert die Brücke nach 2026?');
  await park(page, 'Zeitplan der Förderanträge');
  await page.getByTestId('parking-lot-taken-up').last().check();
  await expect(page.getByTestId('parking-lot-count')).toHaveText('1 offen');
  await shotOfPanel(page, shot, 'plenary-de');

  await page.getByTestId('tab-minutes').click();
  const preview = page.frameLocator('[data-testid="minutes-preview"]');
  await expect(preview.locator('ul.parking-lot')).toContainText('Wer finanziert die Brücke nach 2026?');
  await expect(preview.locator('ul.parking-lot')).toContainText('Zeitplan der Förderanträge — aufgegriffen');

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('minutes-export-md').click()]);
  mkdirSync('test-results/parking-lot', { recursive: true });
  const path = `test-results/parking-lot/${file.suggestedFilename()}`;
  await file.saveAs(path);
  expect(readFileSync(path, 'utf8')).toContain('## Themenspeicher\n\n- [ ] Wer finanziert die Brücke nach 2026?\n- [x] Zeitplan der Förderanträge — *aufgegriffen*\n');
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('the parking lot speaks Ukrainian on the plenary', async ({ page, shot }) => {
    await openSeedDay(page);
    await expect(page.getByRole('heading', { name: 'Відкладені питання' })).toBeVisible();
    await park(page, 'Хто фінансує міст після 2026 року?');
    await park(page, 'Графік подання заявок на фінансування');
    await expect(page.getByTestId('parking-lot-count')).toHaveText('2 відкриті');
    await shotOfPanel(page, shot, 'plenary-uk');
  });
});
