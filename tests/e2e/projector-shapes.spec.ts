import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { MIN_TEXT_VH } from '../../renderer/features/projector/wall-size';
import { expect, importAndOpen, startDayAfresh, stepToTask, test } from './fixtures';
import { seedDay, seedLongUk } from './projector-backups';
import { saveScreenshot } from './shots';
import { measureAllPages, wordsBrokenAcrossLines } from './wall-measure';
import { wallSettled } from './wall-settled';

/*
 * The wall at the shapes a screen may have beyond projector-fit.spec.ts's: a portrait screen
 * (9:16), 4:3 with long texts, 21:9, with the seed day in German and long Ukrainian texts (a running title of
 * 132 characters under a long speaker). On every view that is not a board: nothing of the wall
 * outside the window, the countdown whole in sight, no word broken inside, the running title never
 * smaller than the speaker or task under it, and what projector-fit.spec.ts measures (overlap,
 * cut, too small, too faint). One projector page per language, resized between the checks.
 */

/** The shapes projector-fit.spec.ts does not try (it has 1024×768 to 3840×2160 at 16:9 and 4:3, with short texts). */
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1024, height: 768 },
  { width: 2560, height: 1080 },
] as const;

/** The views laid out by hand (use-wall-fit.ts); the boards and rankings flow (WallFlow), and projector-fit.spec.ts pages through them. */
const VIEWS = ['title', 'join', 'run', 'task'] as const;

let server: SignalingServer;
test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => {
  await server.close();
});

/** Elements of the wall (outside the hidden copies layouts measure with) that reach outside the window. */
function outsideTheWindow(projector: Page): Promise<string[]> {
  return projector.getByTestId('projector').evaluate((root) => {
    const found: string[] = [];
    for (const element of [root, ...root.querySelectorAll('*')]) {
      if (element.closest('[aria-hidden="true"]')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left < -1 || rect.top < -1 || rect.right > window.innerWidth + 1 || rect.bottom > window.innerHeight + 1) {
        found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)}`);
      }
    }
    return found;
  });
}

/** Where the countdown is not whole in sight: outside the window or cut by an ancestor that clips. */
function countdownHidden(projector: Page): Promise<string | null> {
  return projector.getByTestId('countdown').evaluate((countdown) => {
    const rect = countdown.getBoundingClientRect();
    const within = (area: { left: number; top: number; right: number; bottom: number }) =>
      rect.left >= area.left - 1 && rect.top >= area.top - 1 && rect.right <= area.right + 1 && rect.bottom <= area.bottom + 1;
    if (rect.height === 0 || !within({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) return `outside the window at ${Math.round(rect.top)}–${Math.round(rect.bottom)}`;
    for (let node = countdown.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !within(node.getBoundingClientRect())) return `cut by .${node.className}`;
    }
    return null;
  });
}

/** Font sizes in px of the running title and of the secondary texts under it. */
function runningSizes(projector: Page) {
  return projector.getByTestId('projector-now').evaluate((now) => {
    const size = (selector: string) => {
      const element = now.querySelector(selector);
      return element ? parseFloat(getComputedStyle(element).fontSize) : 0;
    };
    return { title: size('.projector-current'), speaker: size('.projector-speaker'), task: size('.projector-task') };
  });
}

async function show(moderator: Page, projector: Page, view: (typeof VIEWS)[number]): Promise<void> {
  if (view === 'run') {
    await moderator.getByTestId('projector-view').selectOption('agenda');
    await startDayAfresh(moderator);
    await expect(projector.getByTestId('projector-now')).toBeVisible();
    await expect(projector.locator('.projector-speaker')).toBeVisible();
    return;
  }
  if (view === 'task') {
    await stepToTask(moderator, projector);
    return;
  }
  await moderator.getByTestId('projector-view').selectOption(view);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', view);
  if (view === 'join') await expect(projector.getByTestId('phone-qr').locator('img')).toBeVisible();
}

for (const language of ['de', 'uk'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test(`the wall fits portrait to 21:9, 4:3: nothing off the window, the countdown in sight, no word broken, the title the largest (${language}) @build-only`, async ({ page: moderator, context }) => {
      test.setTimeout(240_000);
      const file = language === 'uk' ? seedLongUk : seedDay;
      const id = language === 'uk' ? 'seed-uk' : 'seed-rb';
      await moderator.goto('/');
      await importAndOpen(moderator, file);
      await moderator.getByTestId('tab-connection').click();
      await moderator.getByTestId('host-start').click();
      await moderator.getByTestId('host-server').fill(`ws://127.0.0.1:${server.port}`);
      await moderator.getByTestId('host-start').click();
      await expect(moderator.getByTestId('join-code')).toBeVisible();
      const projector = await context.newPage();
      await projector.goto(`/#/projector/${id}`);
      await expect(projector.getByTestId('projector')).toBeVisible();

      const findings: string[] = [];
      for (const view of VIEWS) {
        await show(moderator, projector, view);
        for (const size of SIZES) {
          await projector.setViewportSize(size);
          await wallSettled(projector);
          const where = `${view} ${size.width}×${size.height}`;
          await saveScreenshot(projector, `test-results/screenshots/projector-shapes--${view}-${language}-${size.width}x${size.height}.png`);
          findings.push(...(await outsideTheWindow(projector)).map((element) => `${where}: outside the window: ${element}`));
          findings.push(...(await wordsBrokenAcrossLines(projector)).map((word) => `${where}: word broken: "${word}"`));
          if (view === 'run' || view === 'task') {
            const hidden = await countdownHidden(projector);
            if (hidden) findings.push(`${where}: countdown ${hidden}`);
            const sizes = await runningSizes(projector);
            if (sizes.title < sizes.speaker) findings.push(`${where}: title ${sizes.title}px smaller than the speaker's ${sizes.speaker}px`);
            if (sizes.title < sizes.task) findings.push(`${where}: title ${sizes.title}px smaller than the task's ${sizes.task}px`);
          }
          const measured = await measureAllPages(projector, MIN_TEXT_VH);
          findings.push(...measured.findings.map((finding) => `${where}: ${finding}`));
        }
      }
      expect(findings, `${findings.length} findings`).toEqual([]);
    });
  });
}
