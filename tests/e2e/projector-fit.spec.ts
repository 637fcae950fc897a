import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { shortenText } from '../../renderer/features/common/shorten-text';
import { MIN_TEXT_VH } from '../../renderer/features/projector/wall-size';
import { expect, importAndOpen, startDayAfresh, stepToTask, test } from './fixtures';
import { bigBoard, seedDay, seedPlain, type Backup } from './projector-backups';
import { saveScreenshot } from './shots';
import { measureAllPages } from './wall-measure';
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
 * Fast on purpose: one moderator page and one projector page per language, views switched by the
 * moderator and sizes by resizing, the 300 cards built into a backup file instead of typed.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

interface Workshop {
  id: string;
  /** Cards a board view must show over its pages: plenary (and the tables shown), or a table. */
  cards: Record<string, string[]>;
  views: readonly string[];
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
  { id: 'seed-rb', file: seedDay, cards: cardCounts(seedDay), views: ['title', 'agenda', 'plenary', 'table', 'votes', 'join', 'run', 'task'] },
  { id: 'seed-plain', file: seedPlain, cards: cardCounts(seedPlain), views: ['title', 'plenary'] },
  { id: 'seed-300', file: bigBoard, cards: cardCounts(bigBoard), views: ['plenary', 'votes', 'run'] },
];

let server: SignalingServer;
test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => {
  await server.close();
});

async function show(moderator: Page, projector: Page, view: string, tableId: string | undefined): Promise<boolean> {
  if (view === 'run') {
    await moderator.getByTestId('projector-view').selectOption('agenda');
    if ((await moderator.getByTestId('run-bar').getAttribute('data-status')) !== 'running') await startDayAfresh(moderator);
    await expect(projector.getByTestId('projector-now')).toBeVisible();
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

for (const language of ['de', 'uk'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    for (const run of RUNS) test(`every projector view fits the wall at four sizes: nothing overlaps, is cut, too small or too faint (${run.name}, ${language})`, async ({ page: moderator, context }) => {
      // 25–72 s on a quiet 2-core machine, 96 s in CI beside a CPU hog (ci13): room for a loaded runner.
      test.setTimeout(Number(process.env.FIT_TIMEOUT ?? 180_000));
      const findings: string[] = [];
      await moderator.goto('/');
      for (const { file } of run.workshops) {
        await moderator.goto('/#/');
        await importAndOpen(moderator, file);
      }
      const projector = await context.newPage();
      for (const workshop of run.workshops) {
        await moderator.goto(`/#/workshop/${workshop.id}`);
        await expect(moderator.getByTestId('workshop-heading')).toBeVisible({ timeout: 20_000 });
        if (workshop.views.includes('join')) await startHosting(moderator);
        await projector.goto(`/#/projector/${workshop.id}`);
        await expect(projector.getByTestId('projector')).toBeVisible();
        const tableId = Object.keys(workshop.cards).find((key) => key.startsWith('table:'))?.slice('table:'.length);
        for (const view of workshop.views) {
          if (!(await show(moderator, projector, view, tableId))) {
            findings.push(`${workshop.id} ${view}: the moderator cannot show this view`);
            continue;
          }
          if (view === 'join') {
            await expect(projector.getByTestId('projector-code')).toBeVisible();
            await expect(projector.getByTestId('phone-qr').locator('img')).toBeVisible();
            await expect(projector.getByTestId('phone-url')).toHaveText(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/p/#`));
          }
          const expected = view === 'plenary' ? workshop.cards.plenary : view === 'table' ? workshop.cards[`table:${tableId}`] : undefined;
          for (const size of SIZES) {
            await projector.setViewportSize(size);
            await wallSettled(projector);
            const where = `${workshop.id} ${view} ${size.width}×${size.height}`;
            // Screenshots to look at (PLENUM_SCREENSHOTS=1): the sizes of issue 14, all four with FIT_SHOTS=1 too (first page of each view).
            if (size.height !== 2160 && (size.width !== 1024 || process.env.FIT_SHOTS)) await saveScreenshot(projector, `test-results/screenshots/projector-fit--${workshop.id}-${view}-${language}-${size.width}x${size.height}.png`);
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
  });
}
