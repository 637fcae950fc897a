import { expect, importAndOpen, test } from './fixtures';

/*
 * A desktop host that cannot write where the user chose: every save answers Node's own English
 * words with a path. The screens say in the UI's language what happened (the agenda template, the
 * minutes, the backup, the roster); the host's words go to the console only, for support.
 */

const RAW = "EACCES: permission denied, open '/x/y'";

test('a save the host refuses says why in the UI language, not in the host\'s words', async ({ page, shot }) => {
  await page.addInitScript((raw) => {
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    const denied = (channel: string) => () => Promise.resolve({ ok: false, error: `${channel}: ${raw}` });
    const answers: Record<string, () => Promise<unknown>> = {
      'app:info': () => ok({ kind: 'electron', version: 'test', platform: 'linux' }),
      'app:language': () => ok({ stored: true }),
      'menu:update': () => ok({ applied: true }),
      'file:takeOpened': () => ok([]),
      'hosting:status': () => ok({ running: false, addresses: [] }),
      'discovery:list': () => ok({ sessions: [] }),
      'file:save': denied('file:save'),
      'pdf:save': denied('pdf:save'),
    };
    const bridge = new Proxy({} as Record<string, unknown>, {
      get: (_target, key: string) => answers[key] ?? (() => Promise.resolve({ ok: false, error: `${key}: not in this test` })),
    });
    (window as unknown as { plenum: unknown }).plenum = bridge;
  }, RAW);
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));

  await page.goto('/');
  await importAndOpen(page, 'tests/fixtures/seed-day.plenum');
  const said = 'Plenum darf dort nicht schreiben. Bitte wählen Sie einen anderen Ordner.';

  await page.getByTestId('tab-plenary').click();
  await page.getByTestId('agenda-save-template').click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Die Vorlage wurde nicht gespeichert' });
  await expect(toast).toHaveText(new RegExp(`^Die Vorlage wurde nicht gespeichert: ${said}`));
  await shot('template-not-saved-de');

  await page.getByTestId('tab-minutes').click();
  for (const testId of ['minutes-export-md', 'minutes-export-pdf', 'minutes-backup']) {
    await page.getByTestId(testId).click();
    await expect(page.getByTestId('minutes-message')).toHaveText(`Der Export ist fehlgeschlagen: ${said}`);
  }
  await shot('minutes-not-saved-de');

  await page.getByTestId('tab-participants').click();
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Die Liste konnte nicht gespeichert werden' })).toHaveText(new RegExp(`: ${said}`));

  await expect(page.locator('body')).not.toContainText('EACCES');
  await expect(page.locator('body')).not.toContainText('/x/y');
  // Support still finds the host's words: in the console, once per failed save.
  expect(logged.filter((text) => text.includes(RAW))).toHaveLength(5);
});
