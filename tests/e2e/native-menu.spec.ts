import type { Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/*
 * The window's side of Electron's application menu, in the web build with a stand-in for the
 * preload's bridge: the window tells the host its language and recent workshops (again when
 * either changes), and a menu click opens a workshop, the list or the new workshop form. What
 * main makes of it (the menu itself) is tests/unit/electron-app-menu.test.ts.
 */

type MenuUpdate = { language: string; recent: Array<{ id: string; title: string }> };

async function withFakeBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    const state = window as unknown as { menuUpdates: unknown[]; menuListener: ((command: unknown) => void) | null };
    state.menuUpdates = [];
    state.menuListener = null;
    const answers: Record<string, (input: unknown) => Promise<unknown>> = {
      'app:info': () => ok({ kind: 'electron', version: 'test', platform: 'linux' }),
      'file:takeOpened': () => ok([]),
      'hosting:status': () => ok({ running: false, addresses: [] }),
      'hosting:stop': () => ok({ stopped: false }),
      'discovery:list': () => ok({ sessions: [] }),
      'menu:update': (input) => {
        state.menuUpdates.push(input);
        return ok({ applied: true });
      },
    };
    const bridge = new Proxy(
      {
        onMenuCommand(listener: (command: unknown) => void) {
          state.menuListener = listener;
          return () => {
            if (state.menuListener === listener) state.menuListener = null;
          };
        },
      } as Record<string, unknown>,
      { get: (target, key: string) => target[key] ?? answers[key] ?? (() => Promise.resolve({ ok: false, error: `${key}: not in this test` })) },
    );
    (window as unknown as { plenum: unknown }).plenum = bridge;
  });
}

const lastUpdate = (page: Page) => page.evaluate(() => (window as unknown as { menuUpdates: MenuUpdate[] }).menuUpdates.at(-1) ?? null);
const click = (page: Page, command: unknown) =>
  page.evaluate((sent) => {
    const listener = (window as unknown as { menuListener: ((command: unknown) => void) | null }).menuListener;
    if (!listener) throw new Error('no menu listener');
    listener(sent);
  }, command);

test('the menu learns the language and the recent workshops, and its clicks open them', async ({ page }) => {
  await withFakeBridge(page);
  await page.goto('/');
  await expect.poll(() => lastUpdate(page)).toEqual({ language: 'de', recent: [] });

  await createWorkshop(page, 'Themenkreis Wirtschaft');
  const firstId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();
  await createWorkshop(page, 'Themenkreis Kommune');
  await expect.poll(async () => (await lastUpdate(page))?.recent.map((entry) => entry.title)).toEqual(['Themenkreis Kommune', 'Themenkreis Wirtschaft']);

  // The UI's language changes: the menu is rebuilt in it.
  await page.getByTestId('language-switcher').selectOption('uk');
  await expect.poll(async () => (await lastUpdate(page))?.language).toBe('uk');
  await page.getByTestId('language-switcher').selectOption('de');
  await expect.poll(async () => (await lastUpdate(page))?.language).toBe('de');

  // File ▸ Open Recent ▸ the first workshop.
  await click(page, { kind: 'openWorkshop', id: firstId });
  await expect(page.getByTestId('workshop-heading')).toHaveText('Themenkreis Wirtschaft');

  // A command the window does not know, or an id that is none, changes nothing.
  await click(page, { kind: 'openWorkshop', id: '../../etc/passwd' });
  await click(page, { kind: 'reload' });
  await click(page, 'home');
  await expect(page.getByTestId('workshop-heading')).toHaveText('Themenkreis Wirtschaft');

  // File ▸ New Workshop: the list, with the title field ready to type in.
  await click(page, { kind: 'newWorkshop' });
  await expect(page.getByTestId('new-workshop-title')).toBeFocused();
  await click(page, { kind: 'openWorkshop', id: firstId });
  await expect(page.getByTestId('workshop-heading')).toHaveText('Themenkreis Wirtschaft');
  // File ▸ All Workshops.
  await click(page, { kind: 'home' });
  await expect(page.getByTestId('workshop-row')).toHaveCount(2);
  // Coming back to the list by hand does not take the focus again.
  await expect(page.getByTestId('new-workshop-title')).not.toBeFocused();
});
