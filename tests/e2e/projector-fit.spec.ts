import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { shortenText } from '../../renderer/features/common/shorten-text';
import { MIN_TEXT_VH } from '../../renderer/features/projector/wall-size';
import { expect, importAndOpen, startDayAfresh, stepToTask, test } from './fixtures';
import { bigBoard, seedDay, seedLongUk, seedPlain, type Backup } from './projector-backups';
import { saveScreenshot } from './shots';
import { measureAllPages, wordsBrokenAcrossLines } from './wall-measure';
import { wallSettled } from './wall-settled';

/*
 * Acceptance of issue 14's projector: every view the wall can show, at four projector sizes, in
 * German and Ukrainian, with the seed day and with a plenary board of 300 cards. Every text box
 * on every page of a view is measured: text over other text, text cut (by an ancestor that clips,
 * by the window, by an ellipsis), type smaller than the wall's stated minimum (MIN_TEXT_VH) and
 * contrast under 4.5:1 (computed from the computed colours, the opacity and the background found
 * up the tree). Board views must show every card on one of their pages. The test lists every
 * finding and fails on any.
 *
 * The wall at the shapes a screen may have beyond those: a portrait screen (9:16), 4:3 with long
 * texts, 21:9, with the seed day in German and long Ukrainian texts (a running title of 132
 * characters under a long speaker). On every view that is not a board: nothing of the wall
 * outside the window, the countdown whole in sight, no word broken inside, the running title never
 * smaller than the speaker or task under it, and all that is measured above (overlap, cut, too
 * small, too faint).
 *
 * Fast on purpose: one moderator page and one projector page per language and run, views switched
 * by the moderator and sizes by resizing, the 300 cards built into a backup file instead of typed;
 * the shapes are measured on the same pages as the four sizes (they were a spec of their own,
 * projector-shapes, which imported, hosted and ran the same day again).
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

/** The shapes beyond SIZES (which has 1024×768 to 3840×2160 at 16:9 and 4:3, with short texts). */
const SHAPES = [
  { width: 1080, height: 1920 },
  { width: 1024, height: 768 },
  { width: 2560, height: 1080 },
] as const;

/** The views laid out by hand (use-wall-fit.ts) that are tried at SHAPES; the boards and rankings flow (WallFlow), and SIZES pages through them. */
const SHAPE_VIEWS = ['title', 'join', 'run', 'task'] as const;

interface Workshop {
  id: string;
  /** Cards a board view must show over its pages: plenary (and the tables shown), or a table. */
  cards: Record<string, string[]>;
  /** The views measured at SIZES. */
  views: readonly string[];
  /** The languages whose run measures SHAPE_VIEWS of this workshop at SHAPES (German: the seed day; Ukrainian: its long texts). */
  shapesIn?: ReadonlyArray<'de' | 'uk'>;
  /** Only in these languages' runs (the long Ukrainian texts). */
  only?: 'de' | 'uk';
}

function cardCounts(file: { buffer: Buffer }): Record<string, string[]> {
  const { workshop } = JSON.parse(file.buffer.toString('utf8')) as Backup;
  // As the wall shows a card: its text shortened to a preview (ProjectorBoard.tsx).
  const on = (boardId: string) => workshop.cards.filter((card) => card.boardId === boardId).map((card) => shortenText(card.text.trim()).text);
  const counts: Record<string, string[]> = { plenary: [...on('plenary'), ...workshop.reportBack.flatMap(on)] };
  for (const board of workshop.boards) if (board.kind === 'table') counts[`table:${board.id}`] = on(board.id);
  return counts;
}

const WORKSHOPS: Array<Workshop & { file: typeof seedDay }> = [
  { id: 'seed-rb', file: seedDay, cards: cardCounts(seedDay), views: ['title', 'agenda', 'plenary', 'table', 'votes', 'join', 'run', 'task'], shapesIn: ['de'] },
  { id: 'seed-plain', file: seedPlain, cards: cardCounts(seedPlain), views: ['title', 'plenary'] },
  { id: 'seed-uk', file: seedLongUk, cards: {}, views: [], shapesIn: ['uk'], only: 'uk' },
  { id: 'seed-300', file: bigBoard, cards: cardCounts(bigBoard), views: ['plenary', 'votes', 'run'] },
];

let server: SignalingServer;
test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => {
  await server.close();
});

async function show(moderator: Page, projector: Page, view: string, tableId: string | undefined, shapes: boolean): Promise<boolean> {
  if (view === 'run') {
    await moderator.getByTestId('projector-view').selectOption('agenda');
    // The shapes want the first item (with its speaker under the title): the day starts afresh for them.
    if (shapes || (await moderator.getByTestId('run-bar').getAttribute('data-status')) !== 'running') await startDayAfresh(moderator);
    await expect(projector.getByTestId('projector-now')).toBeVisible();
    if (shapes) await expect(projector.locator('.projector-speaker')).toBeVisible();
    return true;
  }
  if (view === 'task') {
    // On to the small-group work: its task shows under the countdown.
    await stepToTask(moderator, projector);
    return true;
  }
  const value = view === 'table' ? `table:${tableId}` : view;
  if ((await moderator.getByTestId('projector-view').locator(`option[value="${value}"]`).count()) === 0) return false;
  await moderator.getByTestId('projector-view').selectOption(value);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', view);
  return true;
}

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

/** What the shapes check beyond measureAllPages, each finding a line starting with `where`. */
async function shapeFindings(projector: Page, view: string, where: string): Promise<string[]> {
  const findings = [
    ...(await outsideTheWindow(projector)).map((element) => `${where}: outside the window: ${element}`),
    ...(await wordsBrokenAcrossLines(projector)).map((word) => `${where}: word broken: "${word}"`),
  ];
  if (view === 'run' || view === 'task') {
    const hidden = await countdownHidden(projector);
    if (hidden) findings.push(`${where}: countdown ${hidden}`);
    const sizes = await runningSizes(projector);
    if (sizes.title < sizes.speaker) findings.push(`${where}: title ${sizes.title}px smaller than the speaker's ${sizes.speaker}px`);
    if (sizes.title < sizes.task) findings.push(`${where}: title ${sizes.title}px smaller than the task's ${sizes.task}px`);
  }
  return findings;
}

async function startHosting(moderator: Page): Promise<void> {
  await moderator.getByTestId('tab-connection').click();
  await moderator.getByTestId('host-start').click();
  await moderator.getByTestId('host-server').fill(`ws://127.0.0.1:${server.port}`);
  await moderator.getByTestId('host-start').click();
  await expect(moderator.getByTestId('join-code')).toBeVisible();
  // Phones join through the participant page on the same server (issue 16): its QR code beside the laptops'.
  await expect(moderator.getByTestId('phone-url')).toHaveText(`http://127.0.0.1:${server.port}/p/#${await joinSecret(moderator)}`);
}

/** The join code as the invite holds it (the panel shows it grouped for reading). */
async function joinSecret(moderator: Page): Promise<string> {
  return (await moderator.getByTestId('join-code').innerText()).replace(/[\s-]/g, '');
}

const RUNS = [
  { name: 'the seed day', workshops: WORKSHOPS.filter((workshop) => workshop.id !== 'seed-300') },
  { name: 'a plenary of 300 cards', workshops: WORKSHOPS.filter((workshop) => workshop.id === 'seed-300') },
];

/** Every view in the order the moderator shows them (the run before its task). */
const VIEW_ORDER = ['title', 'agenda', 'plenary', 'table', 'votes', 'join', 'run', 'task'];

/** The sizes a view is measured at: SIZES for the fit, SHAPES for the shapes; one both want is measured once. */
function sizesFor(fit: boolean, shapes: boolean) {
  const sizes: Array<{ width: number; height: number; fit: boolean; shape: boolean }> = fit ? SIZES.map((size) => ({ ...size, fit: true, shape: false })) : [];
  if (shapes) {
    for (const size of SHAPES) {
      const same = sizes.find((other) => other.width === size.width && other.height === size.height);
      if (same) same.shape = true;
      else sizes.push({ ...size, fit: false, shape: true });
    }
  }
  return sizes;
}

for (const language of ['de', 'uk'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    for (const run of RUNS) {
      const workshops = run.workshops.filter((workshop) => !workshop.only || workshop.only === language);
      const withShapes = workshops.some((workshop) => workshop.shapesIn?.includes(language));
      const shapesTitle = withShapes ? '; portrait to 21:9, 4:3: nothing off the window, the countdown in sight, no word broken, the title the largest' : '';
      test(`every projector view fits the wall at four sizes: nothing overlaps, is cut, too small or too faint${shapesTitle} (${run.name}, ${language})`, async ({ page: moderator, context }) => {
        // 25–72 s on a quiet 2-core machine, 96 s in CI beside a CPU hog (ci13): room for a loaded runner.
        test.setTimeout(Number(process.env.FIT_TIMEOUT ?? 180_000));
        const findings: string[] = [];
        await moderator.goto('/');
        for (const { file } of workshops) {
          await moderator.goto('/#/');
          await importAndOpen(moderator, file);
        }
        const projector = await context.newPage();
        for (const workshop of workshops) {
          const shapes = workshop.shapesIn?.includes(language) === true;
          const views = VIEW_ORDER.filter((view) => workshop.views.includes(view) || (shapes && (SHAPE_VIEWS as readonly string[]).includes(view)));
          await moderator.goto(`/#/workshop/${workshop.id}`);
          await expect(moderator.getByTestId('workshop-heading')).toBeVisible({ timeout: 20_000 });
          if (views.includes('join')) await startHosting(moderator);
          await projector.goto(`/#/projector/${workshop.id}`);
          await expect(projector.getByTestId('projector')).toBeVisible();
          const tableId = Object.keys(workshop.cards).find((key) => key.startsWith('table:'))?.slice('table:'.length);
          for (const view of views) {
            const shaped = shapes && (SHAPE_VIEWS as readonly string[]).includes(view);
            if (!(await show(moderator, projector, view, tableId, shaped))) {
              findings.push(`${workshop.id} ${view}: the moderator cannot show this view`);
              continue;
            }
            if (view === 'join') {
              await expect(projector.getByTestId('projector-code')).toBeVisible();
              await expect(projector.getByTestId('phone-qr').locator('img')).toBeVisible();
              await expect(projector.getByTestId('phone-url')).toHaveText(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/p/#`));
            }
            const expected = view === 'plenary' ? workshop.cards.plenary : view === 'table' ? workshop.cards[`table:${tableId}`] : undefined;
            for (const size of sizesFor(workshop.views.includes(view), shaped)) {
              await projector.setViewportSize({ width: size.width, height: size.height });
              await wallSettled(projector);
              const where = `${workshop.id} ${view} ${size.width}×${size.height}`;
              // Screenshots to look at (PLENUM_SCREENSHOTS=1): the sizes of issue 14, all four with FIT_SHOTS=1 too (first page of each view), and every shape.
              if (size.fit && size.height !== 2160 && (size.width !== 1024 || process.env.FIT_SHOTS)) await saveScreenshot(projector, `test-results/screenshots/projector-fit--${workshop.id}-${view}-${language}-${size.width}x${size.height}.png`);
              if (size.shape) {
                await saveScreenshot(projector, `test-results/screenshots/projector-shapes--${workshop.id}-${view}-${language}-${size.width}x${size.height}.png`);
                findings.push(...(await shapeFindings(projector, view, where)));
              }
              const result = await measureAllPages(projector, MIN_TEXT_VH);
              findings.push(...result.findings.map((finding) => `${where} ${finding}`));
              const seen = new Set(result.cards);
              const missing = (expected ?? []).filter((text) => !seen.has(text));
              if (missing.length > 0) findings.push(`${where}: ${missing.length} of ${expected?.length} cards never shown, e.g. "${missing[0]}"`);
            }
          }
        }
        expect(findings, `${findings.length} findings`).toEqual([]);
      });
    }
  });
}
