import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { shortenText } from '../../renderer/features/common/shorten-text';
import { MIN_TEXT_VH } from '../../renderer/features/projector/wall-size';
import { expect, importAndOpen, startDayAfresh, test } from './fixtures';
import { bigBoard, seedDay, seedPlain, type Backup } from './projector-backups';
import { saveScreenshot } from './shots';
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

/**
 * What the measurement finds on every page of the view shown now, each finding one readable line,
 * and the cards seen. Runs in the page, turning the pages with the projector's own arrow key, so a
 * view of 16 pages costs one round trip.
 */
function measureAllPages(projector: Page, minVh: number) {
  return projector.evaluate(async (minVh) => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const pager = () => document.querySelector('[data-testid="projector-pages"]');
  const count = Number(pager()?.getAttribute('data-pages') ?? '1');
  const all: string[] = [];
  const seen = new Set<string>();
  // Every page once, whichever way they come: the wall may also turn one by itself meanwhile.
  const measured = new Set<string>();
  for (let turn = 0; measured.size < count && turn < count * 3; turn += 1) {
    if (turn > 0) {
      const before = pager()?.getAttribute('data-page');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      for (let wait = 0; wait < 200 && pager()?.getAttribute('data-page') === before; wait += 1) await frames();
      await frames();
    }
    const number = pager()?.getAttribute('data-page') ?? '1';
    if (measured.has(number)) continue;
    measured.add(number);
    const page = measure();
    all.push(...page.findings.map((finding) => `p${number}/${count}: ${finding}`));
    for (const card of page.cards) seen.add(card);
  }
  if (measured.size < count) all.push(`only ${measured.size} of ${count} pages could be shown`);
  return { findings: all, cards: [...seen], pages: count };

  function measure() {
    const findings: string[] = [];
    const root = document.querySelector('[data-testid="projector"]') ?? document.body;
    const minPx = (minVh * window.innerHeight) / 100;
    // One style per element for the whole measurement: every text node walks its ancestors three times.
    const styles = new Map<Element, CSSStyleDeclaration>();
    const getComputedStyle = (element: Element): CSSStyleDeclaration => {
      let style = styles.get(element);
      if (!style) styles.set(element, (style = window.getComputedStyle(element)));
      return style;
    };
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/.exec(value)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    /** The colour behind an element: its own and its ancestors' backgrounds, composited; null when an image or mask is in the way. */
    const backgroundOf = (element: Element): Rgba | null => {
      let colour: Rgba = [0, 0, 0, 0];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none' || (style.maskImage && style.maskImage !== 'none')) return null;
        colour = over(colour, parse(style.backgroundColor));
        if (colour[3] >= 0.999) return colour;
      }
      return over(colour, [255, 255, 255, 1]);
    };
    const opacityOf = (element: Element) => {
      let value = 1;
      for (let node: Element | null = element; node; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
      return value;
    };
    const clippers = (element: Element) => {
      const list: Element[] = [];
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') list.push(node);
      }
      return list;
    };

    interface Box {
      label: string;
      rect: DOMRect;
      owner: Text;
    }
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!element || text.trim() === '') continue;
      // The hidden copy a layout measures with is no text on the wall.
      if (element.closest('[aria-hidden="true"]') || !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const label = `"${text.trim().replace(/\s+/g, ' ').slice(0, 48)}"`;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      if (size < minPx - 0.25) findings.push(`small: ${size.toFixed(1)}px < ${minPx.toFixed(1)}px: ${label}`);
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1) findings.push(`ellipsis: ${label}`);
      const range = document.createRange();
      range.selectNodeContents(node);
      // A box that ends its text after so many lines (line-clamp, with an ellipsis) hides the lines
      // under them on purpose: they are not on the wall. What it shows must still fit.
      const clamp = [element, ...clippers(element)].find((node) => getComputedStyle(node).webkitLineClamp !== 'none');
      // Its shown lines end at its content box; it clips at its padding box unless told the content box.
      // A line that starts where the clipping does is hidden; one seen below the content box is cut.
      const clampStyle = clamp ? getComputedStyle(clamp) : null;
      const clampBox = clamp?.getBoundingClientRect();
      const paddingEdge = clampBox && clampStyle ? clampBox.bottom - parseFloat(clampStyle.borderBottomWidth) : Infinity;
      const contentEdge = clampStyle ? paddingEdge - parseFloat(clampStyle.paddingBottom) : Infinity;
      const clipEdge = clampStyle?.overflowClipMargin.includes('content-box') ? contentEdge : paddingEdge;
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0.5 && rect.height > 0.5 && rect.top < clipEdge - 1);
      if (rects.some((rect) => rect.bottom > contentEdge + 1)) findings.push(`cut by its line clamp: ${label}`);
      const clips = clippers(element).filter((clipper) => clipper !== clamp);
      for (const rect of rects) {
        boxes.push({ label, rect, owner: node });
        const outside = (area: { left: number; top: number; right: number; bottom: number }) =>
          rect.left < area.left - 1 || rect.top < area.top - 1 || rect.right > area.right + 1 || rect.bottom > area.bottom + 1;
        if (outside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) {
          findings.push(`outside the window: ${label}`);
          break;
        }
        const clip = clips.find((clipper) => outside(clipper.getBoundingClientRect()));
        if (clip) {
          findings.push(`cut by .${[...clip.classList].join('.') || clip.tagName}: ${label}`);
          break;
        }
      }
      const background = backgroundOf(element);
      if (!background) findings.push(`faded (mask or image behind): ${label}`);
      else {
        const ink = parse(style.color);
        const shown = over([ink[0], ink[1], ink[2], ink[3] * opacityOf(element)], background);
        const [light, dark] = [luminance(shown), luminance(background)].sort((a, b) => b - a) as [number, number];
        const ratio = (light + 0.05) / (dark + 0.05);
        if (ratio < 4.5) findings.push(`contrast ${ratio.toFixed(2)}:1: ${label}`);
      }
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b || a.owner === b.owner) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Line boxes of neighbouring lines may touch by a pixel or two of descender room.
        if (width > 2 && height > 0.25 * Math.min(a.rect.height, b.rect.height)) findings.push(`overlap: ${a.label} × ${b.label}`);
      }
    }
    // A card counts as shown when it is whole inside the window and inside whatever clips it.
    const inside = (rect: DOMRect, area: DOMRect) => rect.left >= area.left - 1 && rect.top >= area.top - 1 && rect.right <= area.right + 1 && rect.bottom <= area.bottom + 1;
    const cards = [...root.querySelectorAll('.projector-card')]
      .filter((card) => !card.closest('[aria-hidden="true"]') && card.checkVisibility({ visibilityProperty: true }))
      .filter((card) => {
        const rect = card.getBoundingClientRect();
        return inside(rect, new DOMRect(0, 0, window.innerWidth, window.innerHeight)) && clippers(card).every((clipper) => inside(rect, clipper.getBoundingClientRect()));
      })
      .map((card) => card.textContent ?? '');
    return { findings: [...new Set(findings)], cards };
  }
  }, minVh);
}

async function show(moderator: Page, projector: Page, view: string, tableId: string | undefined): Promise<boolean> {
  if (view === 'run') {
    await moderator.getByTestId('projector-view').selectOption('agenda');
    if ((await moderator.getByTestId('run-bar').getAttribute('data-status')) !== 'running') await startDayAfresh(moderator);
    await expect(projector.getByTestId('projector-now')).toBeVisible();
    return true;
  }
  if (view === 'task') {
    // On to the small-group work: its task shows under the countdown.
    for (let step = 0; step < 8 && (await projector.locator('.projector-task').count()) === 0; step += 1) {
      const title = await projector.getByTestId('projector-current').textContent();
      await moderator.getByTestId('run-next').click();
      await expect(projector.getByTestId('projector-current')).not.toHaveText(title ?? '');
    }
    await expect(projector.locator('.projector-task')).toBeVisible();
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
