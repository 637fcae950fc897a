import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type axeCore from 'axe-core';
import { build } from 'vite';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { participantDir } from '../../scripts/participant-dir.mjs';
import type { CommandAnswer, PendingCommand, PhoneLinkState } from '../../shared/phone/client';
import { phoneViewSchema, type PhoneView } from '../../shared/phone/protocol';
import { saveScreenshot } from './shots';

/*
 * The participant page for phones (issue 16), as a person in the room sees it. Its screens
 * (participant/app, as shipped) run in a test-only harness (tests/e2e/phone-page/) on a link this
 * spec controls: it plays the moderator's laptop, setting the link's state and view and answering
 * the commands the page sends. The shipped bundle (dist/participant) is loaded too, for what it
 * does on its own. Both are served at http://plenum.test/ — not a secure context, like a phone on
 * the room's Wi-Fi — through Playwright's routing, no server.
 *
 * Screenshots at 360×640 and 390×844 in German and Ukrainian land in test-results/screenshots/phone-*.png
 * (with PLENUM_SCREENSHOTS=1).
 */

const port = process.env.E2E_PORT ?? '4173';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const harnessDir = here(`../../test-results/phone-harness-${port}`);
const shotsDir = here('../../test-results/screenshots');
const SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * axe-core as its minified build: the same rules as `axeCore.source` in 0.58 of its 1.3 MB, which
 * each page load parses again (1–4 s a phone in CI beside a second worker, twice per language).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test.beforeAll(async () => {
  mkdirSync(shotsDir, { recursive: true });
  await build({
    configFile: false,
    root: here('phone-page'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    cacheDir: here(`../../node_modules/.vite-phone-harness-${port}`),
    build: { outDir: harnessDir, emptyOutDir: true, target: 'es2022' },
  });
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A phone: its own context (language, screen), with /p/ the shipped page and /h/ the harness. */
async function openPhone(browser: Browser, language: 'de' | 'uk' | 'fr', path: string): Promise<Page> {
  const context = await browser.newContext({
    locale: { de: 'de-DE', uk: 'uk-UA', fr: 'fr-FR' }[language],
    viewport: SIZES[0],
    isMobile: true,
    hasTouch: true,
  });
  await context.route('http://plenum.test/**', async (route) => {
    const url = new URL(route.request().url());
    const [, area, ...rest] = url.pathname.split('/');
    const root = area === 'p' ? participantDir(port) : area === 'h' ? harnessDir : null;
    const file = normalize(rest.join('/') || 'index.html');
    if (!root || file.startsWith('..')) return route.fulfill({ status: 404 });
    try {
      await route.fulfill({ body: readFileSync(join(root, file)), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://plenum.test${path}`);
  page.on('close', () => expect(errors, 'uncaught errors in the page').toEqual([]));
  return page;
}

interface Fake {
  setState(state: PhoneLinkState): void;
  setView(view: PhoneView | null): void;
  sent: PendingCommand[];
  answer(answer: CommandAnswer): void;
}
const fakeOf = (page: Page) => ({
  state: (state: PhoneLinkState) => page.evaluate((state) => (window as unknown as { phoneFake: Fake }).phoneFake.setState(state), state),
  view: (view: PhoneView) => page.evaluate((view) => (window as unknown as { phoneFake: Fake }).phoneFake.setView(view), phoneViewSchema.parse(view)),
  answer: (answer: CommandAnswer) => page.evaluate((answer) => (window as unknown as { phoneFake: Fake }).phoneFake.answer(answer), answer),
  /** The `n`-th command the page sent (1-based), once it was sent. */
  async sent(n: number): Promise<PendingCommand> {
    await expect.poll(() => page.evaluate(() => (window as unknown as { phoneFake: Fake }).phoneFake.sent.length)).toBeGreaterThanOrEqual(n);
    return page.evaluate((n) => (window as unknown as { phoneFake: Fake }).phoneFake.sent[n - 1] as PendingCommand, n);
  },
});

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { axe: engine } = window as unknown as { axe: typeof axeCore };
    const results = await engine.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: tags } });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
  }, WCAG);
}

/**
 * What a phone in a real room needs of a screen: no axe finding, nothing wider than the screen,
 * and every control at least 44 px each way (a thumb, not a mouse). Checked at both sizes (a
 * screenshot of each with PLENUM_SCREENSHOTS=1).
 */
async function checkScreen(page: Page, name: string, language: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} ${size.width}: wider than the screen`).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input, textarea, [role="button"]')]
        .filter((element) => element.offsetParent !== null && element.getAttribute('type') !== 'checkbox')
        .map((element) => ({ text: (element.textContent || element.getAttribute('aria-label') || element.tagName).trim().slice(0, 40), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, `${name} ${size.width}: targets under 44 px`).toEqual([]);
    await saveScreenshot(page, join(shotsDir, `phone-${name}-${language}-${size.width}x${size.height}.png`));
  }
  expect(await axe(page), `${name}: axe`).toEqual([]);
  await page.setViewportSize(SIZES[0]);
}

const ROSTER = [
  'Anna Kowalczyk', 'Bernd Hoffmann', 'Chiara Rossi', 'Dmytro Kovalenko', 'Elif Yılmaz', 'Frauke Schulte-Brinkmann',
  'Günther Maier', 'Hanna Schewtschenko', 'Jürgen Weiß', 'Katarzyna Nowak', 'Lukas Becker', 'Oksana Melnyk',
].map((name, index) => ({ participantId: `p${index + 1}`, name }));

const CARDS = [
  'Mehr Fahrradstellplätze am Bahnhof, überdacht und abschließbar',
  'Ein Carsharing-Angebot für das Gewerbegebiet',
  'Jobticket auch für Teilzeitkräfte',
  'Homeoffice-Tage abstimmen, damit Fahrgemeinschaften klappen',
  'Busanbindung nach 19 Uhr fehlt – Spätschicht kommt nicht heim',
  'Ladesäulen auf dem Firmenparkplatz',
  'Sichere Radwege von der Innenstadt zum Werk',
];

/** The view a laptop sends once the person is named: a running item, the plenary's board open for capture. */
function namedView(now: number, language: 'de' | 'uk', extra: Partial<PhoneView> = {}): PhoneView {
  return {
    v: 1,
    at: now,
    workshop: { title: language === 'uk' ? 'Мобільність 2030' : 'Mobilität 2030', language },
    me: { participantId: 'p9', name: 'Jürgen Weiß' },
    roster: ROSTER,
    run: {
      status: 'running',
      itemStartedAt: now - 7 * 60_000,
      pausedAt: 0,
      signalled: false,
      item: { id: 'item-1', title: 'Ideen sammeln: Wie kommen wir 2030 zur Arbeit?', kind: 'groupWork', task: 'Sammelt Ideen auf Karten, eine pro Karte.', durationMin: 20 },
    },
    board: {
      id: 'board-plenary',
      kind: 'plenary',
      title: '',
      writable: true,
      locked: false,
      groups: [],
      cards: CARDS.map((text, index) => ({ id: `card-${index + 1}`, text, cut: false, groupId: null, mine: index === 2, author: index % 3 === 0 ? 'Anna Kowalczyk' : null })),
      omitted: 1942,
    },
    round: null,
    results: null,
    actions: [{ id: 'action-1', title: 'Umfrage zum Jobticket vorbereiten', due: '2026-12-18', status: 'inProgress' }],
    ...extra,
  };
}

for (const language of ['de', 'uk'] as const) {
  test(`a phone in ${language}: name, board, a card, dots, losing the room, a wrong code — fit for a phone, axe clean`, async ({ browser }) => {
    test.setTimeout(50_000);
    const page = await openPhone(browser, language, '/h/index.html#K7QF2MXD9PAW');
    const room = fakeOf(page);
    const now = Date.now();
    await expect(page.locator('html')).toHaveAttribute('lang', language);

    // Picking a name: a long roster is searched, accents ignored.
    await room.state({ kind: 'online' });
    await room.view({ ...namedView(now, language), me: null });
    await expect(page.getByTestId('name-picker')).toBeVisible();
    await checkScreen(page, 'name-picker', language);
    await page.getByRole('searchbox').fill('jurg');
    await expect(page.getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: 'Jürgen Weiß' }).click();
    const claim = await room.sent(1);
    expect(claim.command).toEqual({ type: 'claim', participantId: 'p9' });
    await room.answer({ id: claim.id, ok: true, participantId: 'p9' });
    await room.view(namedView(now, language));
    await expect(page.getByTestId('phone-board')).toBeVisible();
    await expect(page.getByTestId('phone-said')).toContainText('Jürgen Weiß');
    await expect(page.locator('#run-heading')).toBeFocused();

    // The board: newest first, mine marked, the countdown as laptops compute it, the cards left out counted.
    await expect(page.getByTestId('phone-card').first()).toContainText(CARDS.at(-1) ?? '');
    await expect(page.locator('[data-testid="phone-card"][data-mine="true"]')).toHaveCount(1);
    await expect(page.getByTestId('phone-countdown')).toContainText(/1[23]:\d\d/);
    await expect(page.getByText(/1942/)).toBeVisible();
    await checkScreen(page, 'board', language);

    // An idea: kept across a reload while unsent, kept in the field while sending, gone once the laptop took it.
    const field = page.getByRole('textbox', { name: language === 'uk' ? 'Ваша ідея' : 'Ihre Idee' });
    await field.fill('Werksbus vom Bahnhof zur Frühschicht');
    await page.reload();
    await room.state({ kind: 'online' });
    await room.view(namedView(now, language));
    await expect(field).toHaveValue('Werksbus vom Bahnhof zur Frühschicht');
    await page.getByTestId('phone-add-card').getByRole('button').click();
    const add = await room.sent(1);
    expect(add.command).toEqual({ type: 'addCard', boardId: 'board-plenary', text: 'Werksbus vom Bahnhof zur Frühschicht' });
    await expect(page.getByTestId('phone-card-sending')).toBeVisible();
    await expect(field).toHaveValue('Werksbus vom Bahnhof zur Frühschicht');
    await room.answer({ id: add.id, ok: true, cardId: 'card-new' });
    await expect(field).toHaveValue('');
    await expect(page.getByTestId('phone-card-sending')).toHaveCount(0);

    // A draft belongs to its board: sent to a table, the field is that table's; back in the plenary, the text is there.
    await field.fill('Radwege entlang der Bundesstraße');
    const plenary = namedView(now, language);
    await room.view({ ...plenary, board: plenary.board && { ...plenary.board, id: 'board-table-3', kind: 'table', title: 'Tisch 3', cards: [], omitted: 0 } });
    await expect(page.getByRole('heading', { name: /Tisch 3/ })).toBeVisible();
    // A table a peer left without a name reads as the laptops number it, in the phone's language.
    await room.view({ ...plenary, board: plenary.board && { ...plenary.board, id: 'board-table-3', kind: 'table', title: '', unnamedNumber: 2, cards: [], omitted: 0 } });
    await expect(page.getByRole('heading', { name: language === 'uk' ? /Стіл без назви 2/ : /Tisch ohne Namen 2/ })).toBeVisible();
    await expect(field).toHaveValue('');
    await room.view(plenary);
    await expect(field).toHaveValue('Radwege entlang der Bundesstraße');
    await field.fill('');

    // Dot voting: the budget left, a dot given, over budget refused with the laptop's reason, a dot taken back.
    const voting = namedView(now, language, {
      round: { id: 'round-1', budget: 5, allowStacking: false, left: 2, mine: [{ id: 'vote-1', targetId: 'card-3' }, { id: 'vote-2', targetId: 'card-5' }, { id: 'vote-3', targetId: 'card-7' }], totals: null },
    });
    await room.view(voting);
    await expect(page.getByTestId('phone-vote-summary')).toContainText(language === 'uk' ? '2 з 5' : '2 von 5');
    await checkScreen(page, 'voting', language);
    // A phone held sideways (640×360): the budget stays in sight, but leaves the cards most of the height.
    for (const size of [{ width: 640, height: 360 }, SIZES[0]]) {
      await page.setViewportSize(size);
      const summary = (await page.getByTestId('phone-vote-summary').boundingBox())?.height ?? Infinity;
      expect(summary, `vote summary at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height * 0.2);
      await saveScreenshot(page, join(shotsDir, `phone-voting-${language}-${size.width}x${size.height}.png`));
    }
    // Dark phones too: the page follows the system's scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(page), 'voting, dark: axe').toEqual([]);
    await saveScreenshot(page, join(shotsDir, `phone-voting-dark-${language}-360x640.png`));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('phone-card').filter({ hasText: CARDS[0] }).getByRole('button', { name: /Mehr Fahrradstellplätze/ }).first().click();
    const vote = await room.sent(2);
    expect(vote.command).toEqual({ type: 'vote', roundId: 'round-1', targetId: 'card-1' });
    await room.answer({ id: vote.id, ok: false, refusal: { code: 'overBudget', params: { budget: 5 } } });
    await expect(page.getByTestId('phone-said')).toContainText(language === 'uk' ? 'Усі бали використано (5 з 5)' : 'Alle Punkte sind vergeben (5 von 5)');
    const mine = page.getByTestId('phone-card').filter({ hasText: CARDS[2] });
    await mine.getByRole('button', { name: language === 'uk' ? /Забрати бал/ : /zurücknehmen/ }).click();
    const unvote = await room.sent(3);
    expect(unvote.command).toEqual({ type: 'unvote', voteId: 'vote-1' });

    // Results shown once the moderator shows them; the two-minute signal as on the projector.
    await room.view({
      ...voting,
      round: { ...(voting.round ?? { id: 'round-1', budget: 5, allowStacking: false, left: 2, mine: [] }), totals: [{ targetId: 'card-2', dots: 4 }] },
      run: { ...voting.run, signalled: true, itemStartedAt: now - 18 * 60_000 },
    });
    await expect(page.getByTestId('phone-card').filter({ hasText: CARDS[1] })).toContainText(language === 'uk' ? '4 бали' : '4 Punkte');
    await expect(page.getByTestId('phone-run')).toContainText(language === 'uk' ? 'Ще 2 хвилини' : 'Noch 2 Minuten');
    await expect(page.getByText(language === 'uk' ? 'Результати приховано до кінця голосування.' : 'Die Ergebnisse bleiben bis zum Ende verborgen.')).toHaveCount(0);

    // The name can be changed later, and the picker left again.
    await page.getByRole('button', { name: language === 'uk' ? 'Змінити ім’я' : 'Namen ändern' }).click();
    await expect(page.getByTestId('name-picker')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Jürgen Weiß' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: language === 'uk' ? 'Назад' : 'Zurück' }).click();
    await expect(page.getByTestId('phone-board')).toBeVisible();

    // Lost the room: said plainly, the last view stays, marked as maybe out of date.
    await room.state({ kind: 'lost', since: now - 2 * 60_000 });
    await expect(page.getByTestId('phone-banner')).toBeVisible();
    // What stays in sight while scrolling is the headline: a small phone keeps room to write.
    const bannerHeight = await page.getByTestId('phone-banner').evaluate((element) => element.getBoundingClientRect().height);
    expect(bannerHeight).toBeLessThan(SIZES[0].height * 0.2);
    await expect(page.getByTestId('phone-main')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('phone-card').first()).toBeVisible();
    await checkScreen(page, 'lost', language);

    // A wrong code: what happened and what to do.
    await room.state({ kind: 'wrongCode' });
    await expect(page.getByTestId('phone-state')).toHaveAttribute('data-state', 'wrongCode');
    await expect(page.getByRole('alert')).toContainText('QR');
    await checkScreen(page, 'wrong-code', language);
    await page.context().close();
  });
}

for (const language of ['de', 'uk'] as const) {
  test(`a long card on a phone in ${language} shows its beginning and opens to what the view carries; the idea field has the model's limit`, async ({ browser }) => {
    const page = await openPhone(browser, language, '/h/index.html#K7QF2MXD9PAW');
    const room = fakeOf(page);
    // As a laptop sends a 20,000-character card: cut to the 1000 characters a view carries.
    const long = 'Donaudampfschifffahrtsgesellschaftskapitänsmütze '.repeat(21).slice(0, 1000);
    const view = namedView(Date.now(), language);
    const board = view.board ?? null;
    if (!board) throw new Error('the view has a board');
    await room.state({ kind: 'online' });
    await room.view({ ...view, board: { ...board, cards: [...board.cards, { id: 'card-long', text: long, cut: true, groupId: null, mine: true, author: null }] } });
    const card = page.getByTestId('phone-card').first();
    await expect(card).toContainText('Donaudampf');
    // A few lines, not screens: the beginning and "…".
    expect((await card.boundingBox())?.height ?? 0).toBeLessThan(400);
    await expect(card.getByTestId('phone-card-text')).toHaveText(/ …$/);
    await expect(card.getByText(language === 'uk' ? 'Скорочено' : 'Gekürzt')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: language === 'uk' ? 'Ваша ідея' : 'Ihre Idee' })).toHaveAttribute('maxlength', '200000');
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await checkScreen(page, 'long-card', language);

    await card.getByTestId('phone-card-more').click();
    await expect(card.getByTestId('phone-card-more')).toHaveAttribute('aria-expanded', 'true');
    expect((await card.getByTestId('phone-card-text').textContent())?.length).toBe(long.trimEnd().length + 2);
    await expect(card.getByText(language === 'uk' ? 'Скорочено' : 'Gekürzt')).toBeVisible();
    await card.getByTestId('phone-card-more').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await checkScreen(page, 'long-card-open', language);
    await card.getByTestId('phone-card-more').click();
    expect((await card.boundingBox())?.height ?? 0).toBeLessThan(400);
    await page.close();
  });
}

test('a name another phone already is: asked in place whether it is the same person; no, and the field asks for a name to tell apart', async ({ browser }) => {
  const page = await openPhone(browser, 'uk', '/h/index.html#K7QF2MXD9PAW');
  const room = fakeOf(page);
  const now = Date.now();
  await room.state({ kind: 'online' });
  await room.view({ ...namedView(now, 'uk'), me: null });
  const typed = page.getByRole('textbox', { name: 'Ваше ім’я' });
  await typed.fill('Анна');
  await typed.press('Enter');
  const first = await room.sent(1);
  expect(first.command).toEqual({ type: 'claimName', name: 'Анна' });
  await room.answer({ id: first.id, ok: false, refusal: { code: 'nameTaken' } });
  // Asked where the person tapped, not as a refusal at the bottom.
  const question = page.getByTestId('name-taken');
  await expect(question).toContainText('«Анна» уже використовується на іншому телефоні');
  await expect(question).toBeFocused();
  await expect(page.getByTestId('phone-said')).toBeEmpty();
  expect(await axe(page)).toEqual([]);

  // Someone else: the question goes, the field says how to be told apart.
  await question.getByRole('button', { name: 'Ні, я інша людина' }).click();
  await expect(question).toHaveCount(0);
  await expect(typed).toBeFocused();
  await expect(page.getByText('Введіть, будь ласка, ім’я так, щоб вас можна було розрізнити')).toBeVisible();

  // The same person on a second device says so, and is that person.
  await typed.press('Enter');
  const second = await room.sent(2);
  await room.answer({ id: second.id, ok: false, refusal: { code: 'nameTaken' } });
  await question.getByRole('button', { name: 'Так, це я' }).click();
  const third = await room.sent(3);
  expect(third.command).toEqual({ type: 'claimName', name: 'Анна', samePerson: true });
  await room.answer({ id: third.id, ok: true, participantId: 'p9' });
  await room.view(namedView(now, 'uk'));
  await expect(page.getByTestId('phone-board')).toBeVisible();

  // The phone's Back closes a name picker opened to change the name, and stays on the room's page.
  const address = page.url();
  await page.getByRole('button', { name: 'Змінити ім’я' }).click();
  await expect(page.getByTestId('name-picker')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('name-picker')).toHaveCount(0);
  await expect(page.getByTestId('phone-board')).toBeVisible();
  expect(page.url()).toBe(address);
  // Its own Back button leaves no step behind: the browser's Back after it leaves nothing open.
  await page.getByRole('button', { name: 'Змінити ім’я' }).click();
  await page.getByRole('button', { name: 'Назад' }).click();
  await expect(page.getByTestId('name-picker')).toHaveCount(0);
  expect(await page.evaluate(() => (history.state as { plenumPicker?: boolean } | null)?.plenumPicker ?? false)).toBe(false);
  await page.context().close();
});

for (const language of ['de', 'uk'] as const) {
  test(`the result of the vote that ended, on a phone in ${language}: ranked as on the wall, groups named, the rest counted`, async ({ browser }) => {
    const page = await openPhone(browser, language, '/h/index.html#K7QF2MXD9PAW');
    const room = fakeOf(page);
    const now = Date.now();
    await room.state({ kind: 'online' });
    const long = 'Werksbus vom Bahnhof zur Frühschicht und zurück, abgestimmt mit den Schichtplänen der drei größten Betriebe im Gewerbegebiet';
    await room.view({
      ...namedView(now, language),
      board: null,
      results: {
        roundId: 'round-1',
        board: { kind: 'table', title: '', unnamedNumber: 2 },
        ranked: [
          { rank: 1, label: 'Schiene', group: true, dots: 12 },
          { rank: 2, label: long, group: false, dots: 5 },
          { rank: 2, label: '', group: true, dots: 5 },
          { rank: 4, label: 'Radweg', group: false, dots: 1 },
        ],
        more: 3,
      },
    });
    const results = page.getByTestId('phone-results');
    await expect(results.getByRole('heading')).toHaveText(language === 'uk' ? 'Результати голосування: Стіл без назви 2' : 'Ergebnis der Punktabfrage: Tisch ohne Namen 2');
    await expect(results.getByTestId('phone-ranked')).toHaveText(
      language === 'uk'
        ? ['1.Група: Schiene12 балів', `2.${long}5 балів`, '2.Група: Група без назви5 балів', '4.Radweg1 бал']
        : ['1.Gruppe: Schiene12 Punkte', `2.${long}5 Punkte`, '2.Gruppe: Gruppe ohne Namen5 Punkte', '4.Radweg1 Punkt'],
    );
    await expect(results).toContainText(language === 'uk' ? 'І ще 3 картки чи групи з балами.' : 'Außerdem 3 weitere Karten oder Gruppen mit Punkten.');
    await checkScreen(page, 'results', language);
    await page.context().close();
  });
}

test('the shipped page: its language from the phone, a switch that is kept, no code in the address said plainly', async ({ browser }) => {
  const page = await openPhone(browser, 'uk', '/p/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByTestId('phone-state')).toHaveAttribute('data-state', 'wrongCode');
  await expect(page.getByRole('alert')).toContainText('немає коду кімнати');
  // Its heading says the same, not that a code opens no room.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('У цій адресі немає коду');
  expect(await page.evaluate(() => typeof crypto.subtle), 'plenum.test is not a secure context').toBe('undefined');
  await page.getByTestId('phone-language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('holds no room code');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This address holds no code');
  expect(await axe(page)).toEqual([]);
  await page.context().close();
});

test('a phone in a language Plenum does not speak reads the workshop’s language, until the person picks one', async ({ browser }) => {
  const page = await openPhone(browser, 'fr', '/h/index.html#K7QF2MXD9PAW');
  const room = fakeOf(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await room.state({ kind: 'online' });
  await room.view({ ...namedView(Date.now(), 'uk'), me: null });
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { name: 'Хто ви?' })).toBeVisible();
  await page.getByTestId('phone-language').selectOption('en');
  await room.view({ ...namedView(Date.now(), 'de'), me: null });
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await page.context().close();
});
