import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { expect, test } from './fixtures';
import { launchLaptop } from './laptops';
import { tourEveryScreen, type Screen } from './screen-tour';

/*
 * Every screen with the seed day at the sizes of a venue laptop and of a full-HD screen, in German
 * and Ukrainian (the moderator's screens also in dark at the laptop size), written to test-results/screenshots/
 * for a person to look at (issue 14). One page per role: the viewport, language and colour
 * scheme change in place, so the whole set takes one walk through the screens.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ['de', 'uk'] as const;
type Language = (typeof LANGUAGES)[number];

let server: SignalingServer;

test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await server.close();
});

/** Switches the UI language as a person does, with the switcher in the header (also behind an open dialog). */
async function speak(page: Page, language: Language): Promise<void> {
  await page.getByTestId('language-switcher').selectOption(language, { force: true });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The wall has no switcher: it reads the language the moderator's window saved when it loads. */
async function speakOnWall(page: Page, language: Language): Promise<void> {
  const view = await page.getByTestId('projector').getAttribute('data-view');
  await page.evaluate((language) => localStorage.setItem('plenum.language', language), language);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.getByTestId('projector')).toHaveAttribute('data-view', view ?? '');
}

test('screens', async ({ page, context, baseURL, shot }) => {
  test.setTimeout(420_000);
  const projector = await context.newPage();
  const laptop = await launchLaptop(baseURL ?? '');
  let count = 0;
  const spoken = new Map<Page, Language>([[page, 'de'], [projector, 'de'], [laptop.page, 'de']]);
  const photograph = async (screen: Screen) => {
    const target = screen.page;
    // From the top of the screen, as a person arrives at it, or where the screen is about.
    if (screen.show) await screen.show.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    else await target.evaluate(() => window.scrollTo(0, 0));
    // The language the page speaks first: one switch per screen, not two.
    const current = spoken.get(target) ?? 'de';
    for (const language of [current, ...LANGUAGES.filter((other) => other !== current)]) {
      if (language !== spoken.get(target)) {
        if (screen.role === 'projector') await speakOnWall(target, language);
        else await speak(target, language);
        spoken.set(target, language);
      }
      // The wall has one theme whatever the system says: one set of pictures is enough. Dark
      // is looked at on the laptop size only, where space is tightest.
      for (const colorScheme of screen.role === 'projector' ? (['dark'] as const) : (['light', 'dark'] as const)) {
        await target.emulateMedia({ colorScheme });
        for (const size of colorScheme === 'dark' && screen.role !== 'projector' ? SIZES.slice(0, 1) : SIZES) {
          await target.setViewportSize(size);
          await shot(`${screen.name}--${language}-${size.width}x${size.height}${screen.role === 'projector' ? '' : `-${colorScheme}`}`, target);
          count += 1;
        }
      }
    }
    await target.emulateMedia({ colorScheme: null });
  };
  try {
    await tourEveryScreen({ moderator: page, projector, table: laptop.page, signalingUrl: `ws://127.0.0.1:${server.port}` }, photograph);
  } finally {
    await laptop.browser.close();
  }
  // 17 screens of the moderator and 4 of a table laptop × 6, 8 views of the wall × 4.
  expect(count).toBe(158);
});
