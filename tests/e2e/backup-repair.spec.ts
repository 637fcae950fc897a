import { readFileSync } from 'node:fs';
import { expect, importAndOpen, test } from './fixtures';

/*
 * A backup with a value Plenum cannot use as written (QA: a start time "25:99", a duration of
 * 1.5 minutes, an end before its start) still opens, and the toast says what was changed.
 * @build-only: a second React mount changes nothing of an import.
 */

/** The seed day edited by hand: checksum removed, three values that cannot be used. */
function damagedBackup(): { name: string; mimeType: string; buffer: Buffer } {
  const file = JSON.parse(readFileSync('tests/fixtures/seed-day.plenum', 'utf8')) as {
    checksum?: string;
    workshop: { meta: { startTime: string }; agenda: Array<{ durationMin: number; actualStart: number; actualEnd: number }> };
  };
  delete file.checksum;
  file.workshop.meta.startTime = '25:99';
  const [first, second] = file.workshop.agenda;
  if (!first || !second) throw new Error('the seed day has an agenda');
  first.durationMin = 1.5;
  second.actualEnd = second.actualStart - 20 * 60_000;
  return { name: 'beschaedigt.plenum', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

for (const language of ['de', 'uk'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language, timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 768 } });

    test('a backup with values it cannot use opens, and the toast lists each change @build-only', async ({ page, shot }) => {
      await page.goto('/');
      await importAndOpen(page, damagedBackup());
      const changed = page.getByTestId('toast').filter({ hasText: '25:99' });
      await expect(changed).toBeVisible();
      await changed.hover();
      // In the language's own digits.
      await expect(changed).toContainText('1,5');
      await expect(changed).toContainText('13:57');
      await expect(changed).toContainText('14:17');
      await shot(`backup-repaired-${language}`);
    });
  });
}
