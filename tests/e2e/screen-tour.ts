import type { Locator, Page } from '@playwright/test';
import { germanRoster, rosterText } from '../fixtures/csv/rosters';
import { expect, importAndOpen, startDayAfresh } from './fixtures';

/*
 * Every screen of Plenum once, filled with the seed day: the moderator's screens, the projector's
 * views and, when a table laptop is given, what a laptop at a table sees. One page per role,
 * moved from screen to screen in an order that needs no reload; `visit` is called at each screen
 * (the accessibility spec runs axe there, the screenshot spec photographs it).
 */

export const SEED_DAY = 'tests/fixtures/seed-day.plenum';
const WORKSHOP_ID = 'seed-day';

export type ScreenRole = 'moderator' | 'projector' | 'table';

export interface Screen {
  name: string;
  role: ScreenRole;
  page: Page;
  /** What the screen is about when it is not at the top (a card's open details). */
  show?: Locator;
}

export interface TourPages {
  moderator: Page;
  /** A second page of the moderator's browser: the wall, as the Beamer button opens it. */
  projector: Page;
  /** A laptop in a browser of its own that joins the hosted workshop and sits at a table. */
  table?: Page;
  signalingUrl: string;
}

/** The moderator picks what the wall shows; waits until the wall shows it. */
async function showOnWall(pages: TourPages, value: string, view: string): Promise<void> {
  await pages.moderator.getByTestId('projector-view').selectOption(value);
  await expect(pages.projector.getByTestId('projector')).toHaveAttribute('data-view', view);
}

async function tab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await expect(page.getByTestId(`tab-${key}`)).toHaveAttribute('aria-current', 'page');
}

/** Gives the first cards of the plenary each card colour, through their details panels. */
async function colourCards(page: Page): Promise<void> {
  const cards = page.getByTestId('card');
  for (let index = 0; index < 6; index += 1) {
    const card = cards.nth(index);
    await card.getByTestId('card-details').click();
    // The swatches: the default first, then the six colours in CARD_COLOURS' order.
    await card.getByTestId('card-details-panel').getByRole('radio').nth(index + 1).check();
    // A modal dialog: closed with Escape, the card behind it cannot be clicked.
    await page.keyboard.press('Escape');
    await expect(card.getByTestId('card-details-panel')).toHaveCount(0);
  }
}

export async function tourEveryScreen(pages: TourPages, visit: (screen: Screen) => Promise<void>): Promise<void> {
  const { moderator, projector } = pages;
  const at = (name: string, role: ScreenRole = 'moderator', show?: Locator) =>
    visit({ name, role, page: role === 'moderator' ? moderator : role === 'projector' ? projector : (pages.table ?? moderator), show });

  // Home, before there is any workshop: the new-workshop and join forms.
  await moderator.goto('/');
  await expect(moderator.getByTestId('new-workshop-title')).toBeVisible();
  // The date field comes a moment after the screen (at its first idle moment), in a placeholder until then.
  await expect(moderator.getByTestId('new-workshop-date')).toBeVisible();
  await at('home-empty');

  // The seed day, imported from its backup, opens at the plenary.
  await importAndOpen(moderator, SEED_DAY);
  await expect(moderator.getByTestId('parking-lot')).toBeVisible();
  await expect(moderator.getByTestId('card').first()).toBeVisible();
  await colourCards(moderator);
  await at('plenary');

  // Not while typing: "?" would be a character in a field.
  await moderator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await moderator.keyboard.press('?');
  await expect(moderator.getByTestId('shortcuts')).toBeVisible();
  await at('shortcuts');
  await moderator.getByTestId('shortcuts-close').click();
  await expect(moderator.getByTestId('shortcuts')).toBeHidden();

  // The wall before the day starts: the agenda, the plenary board, a table's board, vote results.
  await projector.goto(`/#/projector/${WORKSHOP_ID}`);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-view', 'agenda');
  await at('projector-agenda', 'projector');
  await showOnWall(pages, 'plenary', 'plenary');
  await at('projector-plenary', 'projector');
  const firstTable = await moderator.getByTestId('projector-view').locator('option[value^="table:"]').first().getAttribute('value');
  await showOnWall(pages, firstTable ?? '', 'table');
  await at('projector-table', 'projector');
  await showOnWall(pages, 'votes', 'votes');
  await at('projector-votes', 'projector');
  await showOnWall(pages, 'title', 'title');
  await at('projector-title', 'projector');

  // A dot vote open on the plenary (every card has its vote button), and a card's details open.
  await moderator.getByTestId('vote-open').click();
  await moderator.getByTestId('vote-open-confirm').click();
  await expect(moderator.getByTestId('vote-bar')).toBeVisible();
  const first = moderator.getByTestId('card').first();
  await first.getByTestId('card-details').click();
  await expect(first.getByTestId('card-details-panel')).toBeVisible();
  await at('plenary-voting-card-details', 'moderator', first);
  // An action item from the card: its dialog, with the due date's calendar open inside it.
  await first.getByTestId('card-make-action').click();
  const actionDialog = moderator.getByTestId('action-dialog');
  await expect(actionDialog).toBeVisible();
  await actionDialog.getByTestId('action-dialog-due').getByRole('button').click();
  await expect(actionDialog.getByRole('grid')).toBeVisible();
  await at('plenary-action-dialog', 'moderator', actionDialog);
  await moderator.keyboard.press('Escape');
  await expect(actionDialog.getByRole('grid')).toBeHidden();
  await moderator.keyboard.press('Escape');
  await expect(actionDialog).toBeHidden();
  await moderator.getByTestId('vote-close').click();
  // The board's filters, folded behind one button.
  await moderator.getByTestId('board-filters').click();
  await expect(moderator.getByTestId('board-filters-panel')).toBeVisible();
  await at('plenary-filters');
  await moderator.getByTestId('board-filters').click();
  await expect(moderator.getByTestId('board-filters-panel')).toBeHidden();

  await tab(moderator, 'tables');
  await at('tables');
  await moderator.getByTestId('table-open').first().click();
  await expect(moderator.getByTestId('board')).toBeVisible();
  await at('table-board');

  await tab(moderator, 'participants');
  await expect(moderator.getByTestId('participant-row').first()).toBeVisible();
  await at('participants');
  await moderator.getByTestId('import-file').setInputFiles({ name: 'Teilnehmende.csv', mimeType: 'text/csv', buffer: Buffer.from(rosterText(germanRoster, ';')) });
  await expect(moderator.getByTestId('import-dialog')).toBeVisible();
  await expect(moderator.getByTestId('import-preview')).toBeVisible();
  await at('participants-import');
  await moderator.keyboard.press('Escape');
  await expect(moderator.getByTestId('import-dialog')).toBeHidden();

  await tab(moderator, 'actions');
  await expect(moderator.getByTestId('action-row').first()).toBeVisible();
  await at('actions');

  await tab(moderator, 'minutes');
  await expect(moderator.getByTestId('minutes-preview')).toBeVisible();
  await at('minutes');

  await tab(moderator, 'connection');
  await at('connection');
  await moderator.getByTestId('host-start').click();
  // In a browser Plenum cannot listen on a port: it asks for a signaling server.
  await moderator.getByTestId('host-server').fill(pages.signalingUrl);
  await moderator.getByTestId('host-start').click();
  await expect(moderator.getByTestId('join-code')).toBeVisible();
  await at('connection-hosting');

  await showOnWall(pages, 'join', 'join');
  await expect(projector.getByTestId('projector-code')).toBeVisible();
  await at('projector-join', 'projector');

  if (pages.table) {
    const table = pages.table;
    const code = (await moderator.getByTestId('join-code').textContent()) ?? '';
    await table.goto('/');
    await table.getByTestId('join-address').fill(pages.signalingUrl);
    await table.getByTestId('join-code-input').fill(code);
    await table.getByTestId('join-name').fill('Laptop Tisch 2');
    await table.getByTestId('join-submit').click();
    await expect(table.getByTestId('table-picker')).toBeVisible({ timeout: 20_000 });
    await table.getByTestId('table-picker').selectOption({ index: 2 });
    await expect(table.getByTestId('role-badge')).toHaveAttribute('data-role', 'table');
    await at('table-laptop-connection', 'table');
  }

  // The day runs: the run bar while an item runs, then the tables' group work.
  await tab(moderator, 'plenary');
  await startDayAfresh(moderator);
  await at('plenary-running');
  await showOnWall(pages, 'agenda', 'agenda');
  await expect(projector.getByTestId('projector-current')).toBeVisible();
  await at('projector-agenda-running', 'projector');
  for (let step = 0; step < 4; step += 1) await moderator.getByTestId('run-next').click();
  await expect(moderator.getByTestId('run-current')).toContainText('5.');
  await moderator.getByTestId('run-signal').click();
  await at('plenary-group-work');
  await expect(projector.getByTestId('projector-current')).toContainText(await moderator.getByTestId('run-current').evaluate((element) => element.textContent?.replace(/^\d+\.\s*/, '') ?? ''));
  await at('projector-group-work', 'projector');

  if (pages.table) {
    const table = pages.table;
    await tab(table, 'mine');
    await expect(table.getByTestId('run-task')).toBeVisible({ timeout: 15_000 });
    await at('table-laptop-group-work', 'table');
    await tab(table, 'plenary');
    await at('table-laptop-plenary', 'table');
    await tab(table, 'actions');
    await at('table-laptop-actions', 'table');
  }

  // Back home: the workshop in the list.
  await moderator.goto('/#/');
  await expect(moderator.getByTestId('workshop-row')).toHaveCount(1);
  await at('home');
}
