import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  addCard,
  createWorkshopDoc,
  groupCards,
  initWorkshop,
  liveWorkshop,
  moveCardToGroup,
  PLENARY_BOARD_ID,
  type WorkshopDoc,
} from '../../shared/model';
import { BoardPanel } from '../../renderer/features/board/BoardPanel';
import { setupI18n } from '../../renderer/i18n';
import type { Series } from '../format';
import { cardText, seededRandom } from '../fixtures/texts';
import type { BenchContext } from './types';
import '../../renderer/styles.css';

/*
 * The capture board with 2,000 cards in 100 groups, rendered by the real BoardPanel in Chromium.
 *
 *  - board-render-2000: from render() to the first frame painted after it (a frame callback
 *    plus a task, so style, layout and paint of that frame are inside). The board renders its
 *    first 12 groups (or 240 loose cards) at once and the rest in a transition right after, so
 *    this is the time until the top of the board is on screen; board-all-cards-2000 (our own
 *    target: median under 1 s) is the time until all 2,000 cards are in the DOM. Unmounted between rounds.
 *  - board-add-card: on the complete board, a card typed into the quick entry, then Enter
 *    dispatched on it, until the frame after the new card is in the DOM (checked, not assumed).
 *  - board-add-card-floor: the same rounds on a board of one group of 20 cards, right after
 *    board-add-card's (not in alternating blocks: every mount's first rounds are slower, and
 *    four mounts raised board-add-card's p95 by 3–4 ms). A round starts just after a frame and ends just after the
 *    next, so it is one frame interval plus the new frame's rendering minus the last one's,
 *    whatever the board: this row shows that part of board-add-card in the same run.
 *  - board-scroll-frame: the window scrolled 120 px per frame through the board; the time
 *    between consecutive animation frames while scrolling.
 */

const CARDS = 2000;
const GROUPS = 100;
/** board-add-card-floor's board: one group of the big board's. */
const FLOOR_CARDS = 20;
const RENDER_ROUNDS = 12;
const ADD_ROUNDS = 60;
const SCROLL_FRAMES = 240;

function boardDoc(cards: number, groups: number): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'bench-board', title: 'Bench board', language: 'de', now: 1_750_000_000_000 });
  const random = seededRandom(4);
  const ids: string[] = [];
  for (let index = 0; index < cards; index += 1) {
    const added = addCard(doc, { boardId: PLENARY_BOARD_ID, text: cardText(random), now: 1_750_000_000_000 + index });
    if (!added.ok) throw new Error('bench board: card not added');
    ids.push(added.value.id);
  }
  const perGroup = cards / groups;
  for (let group = 0; group < groups; group += 1) {
    const members = ids.slice(group * perGroup, (group + 1) * perGroup);
    const made = groupCards(doc, { cardIds: members.slice(0, 2), title: `Gruppe ${group + 1}` });
    if (!made.ok) throw new Error('bench board: group not made');
    for (const id of members.slice(2)) moveCardToGroup(doc, id, made.value.id);
  }
  return doc;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const frameTime = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function mount(doc: WorkshopDoc, host: HTMLElement): Root {
  const root = createRoot(host);
  const session = { id: 'bench', doc, live: liveWorkshop(doc) };
  flushSync(() => root.render(createElement(BoardPanel, { session, boardId: PLENARY_BOARD_ID, role: 'moderator' })));
  return root;
}

const cardsShown = (host: HTMLElement) => host.querySelectorAll('[data-testid="card"]').length;

/** Frames until every card of the board is in the DOM (the board renders the first screenful first). */
async function untilComplete(host: HTMLElement, cards = CARDS): Promise<void> {
  for (let frame = 0; cardsShown(host) < cards; frame += 1) {
    if (frame > 600) throw new Error(`board: only ${cardsShown(host)} of ${cards} cards after 600 frames`);
    await nextFrame();
  }
}

async function measureRender(doc: WorkshopDoc, host: HTMLElement, context: BenchContext): Promise<{ first: number[]; complete: number[] }> {
  const samples: number[] = [];
  const complete: number[] = [];
  for (let round = 0; round < RENDER_ROUNDS + 2; round += 1) {
    context.collectGarbage();
    await nextFrame();
    const start = performance.now();
    const root = mount(doc, host);
    await nextFrame();
    const elapsed = performance.now() - start;
    if (cardsShown(host) === 0) throw new Error('board-render: no card rendered');
    await untilComplete(host);
    const all = performance.now() - start;
    if (round >= 2) {
      samples.push(elapsed);
      complete.push(all);
    }
    root.unmount();
  }
  return { first: samples, complete };
}

function typeInto(textarea: HTMLTextAreaElement, text: string): void {
  // React tracks the value; the native setter plus an input event is what typing does.
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(textarea, text);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/** `rounds` cards added to the board of `doc`, which holds at least `cards` cards; numbered from `first`. */
async function measureAdd(doc: WorkshopDoc, host: HTMLElement, context: BenchContext, cards: number, first: number, rounds: number): Promise<number[]> {
  // What the last board left (2,000 cards unmounted) is collected now, not in these rounds.
  context.collectGarbage();
  const root = mount(doc, host);
  await untilComplete(host, cards);
  const entry = host.querySelector<HTMLTextAreaElement>('[data-testid="card-entry"]');
  if (!entry) throw new Error('board-add-card: no entry field');
  entry.focus();
  const samples: number[] = [];
  for (let round = first; round < first + rounds; round += 1) {
    const text = `Neue Idee ${round}`;
    typeInto(entry, text);
    await nextFrame();
    const before = cardsShown(host);
    const start = performance.now();
    entry.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    await nextFrame();
    const elapsed = performance.now() - start;
    const after = cardsShown(host);
    if (after !== before + 1) throw new Error(`board-add-card: ${after - before} cards appeared, expected 1`);
    samples.push(elapsed);
  }
  root.unmount();
  return samples;
}

async function measureScroll(doc: WorkshopDoc, host: HTMLElement): Promise<number[]> {
  const root = mount(doc, host);
  await untilComplete(host);
  window.scrollTo(0, 0);
  const intervals: number[] = [];
  let last = await frameTime();
  for (let frame = 0; frame < SCROLL_FRAMES; frame += 1) {
    window.scrollBy(0, 120);
    const now = await frameTime();
    intervals.push(now - last);
    last = now;
  }
  if (window.scrollY < 120 * 100) throw new Error(`board-scroll-frame: the board did not scroll (${window.scrollY}px)`);
  root.unmount();
  return intervals;
}

/** The board suite's body; loaded only in the bench page (it renders React and imports CSS). */
export async function runBoard(context: BenchContext): Promise<Series[]> {
  await setupI18n();
    context.log('building the board document');
    const doc = boardDoc(CARDS, GROUPS);
    const floorDoc = boardDoc(FLOOR_CARDS, 1);
    const host = document.createElement('div');
    host.style.width = '1366px';
    document.body.append(host);
    context.log('board-render-2000');
    const render = await measureRender(doc, host, context);
    context.log('board-add-card');
    const add = await measureAdd(doc, host, context, CARDS, 0, ADD_ROUNDS);
    context.log('board-add-card-floor: the same on a board of one group');
    const addFloor = await measureAdd(floorDoc, host, context, FLOOR_CARDS, 0, ADD_ROUNDS);
    context.log('board-scroll-frame');
    const scroll = await measureScroll(doc, host);
    host.remove();
    const series: Series[] = [
      { name: 'board-render-2000', unit: 'ms', samples: render.first, target: { metric: 'median', max: 300 } },
      // Not an issue target but ours: the rest of the board follows within a second.
      { name: 'board-all-cards-2000', unit: 'ms', samples: render.complete, target: { metric: 'median', max: 1000 } },
      // Issue 17: one frame at 60 Hz. The floor shows the same measure on a board of 20 cards: a
      // round ends in the frame after Enter, so it is about one frame interval on any board.
      { name: 'board-add-card', unit: 'ms', samples: add, target: { metric: 'p95', max: 16.7, maxBaselineRatio: null }, baseline: 'board-add-card-floor' },
      { name: 'board-add-card-floor', unit: 'ms', samples: addFloor },
      { name: 'board-scroll-frame', unit: 'ms', samples: scroll, target: { metric: 'p95', max: 20 } },
    ];
    return series;
}
