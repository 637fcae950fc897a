import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { browserPid, hostWorkshop, joinAsTable, launchLaptop, launchPersistentLaptop, LogSink, shotOf } from './faults-support';

/*
 * A table laptop's browser dies (SIGKILL: power cut, crash, killed by the OS) while someone is
 * typing cards at the table. After the relaunch, from the same profile and with no other laptop
 * around to send anything back, the cards must be there.
 *
 * The page itself decides the moment of the kill (a MutationObserver calls into the test, which
 * sends SIGKILL at once) and reports what it showed at that moment, so the check does not depend
 * on how fast this machine is.
 */

const TITLE = 'Wiederaufbau nach dem Stromausfall';
const TABLE = 'Tisch Energie';
/** The kill comes once the UI shows at least this many cards of the table, while typing goes on. */
const KILL_AT = 12;

type KillWhen = 'card-shown' | 'saved';

/**
 * In this process, not `npm run signal` in its own (SignalProcess): nothing here is about the
 * server, and starting that program through tsx took seconds of a loaded CI's time.
 */
let signal: SignalingServer | undefined;
let moderator: Browser | undefined;
let table: BrowserContext | undefined;
let profile = '';

test.afterEach(async () => {
  await table?.close().catch(() => undefined);
  await moderator?.close().catch(() => undefined);
  await signal?.close();
  signal = undefined;
  moderator = undefined;
  table = undefined;
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** What the UI showed at the moment of the kill, and at the last moment before it that the header said "saved". */
interface Shown {
  cards: string[];
  savedCards: string[];
}

/**
 * Types cards into the open board until the browser of `profile` is killed: at the moment the
 * KILL_AT-th card is shown ('card-shown') or, from then on, the first moment the header says
 * every change is on disk ('saved').
 */
async function typeUntilKilled(page: Page, when: KillWhen): Promise<Shown> {
  const pid = browserPid(profile);
  let done = false;
  let killed!: (shown: Shown) => void;
  const whenKilled = new Promise<Shown>((resolve) => (killed = resolve));
  await page.exposeFunction('plenumTestKillNow', (shown: Shown) => {
    if (done) return;
    process.kill(pid, 'SIGKILL');
    done = true;
    killed(shown);
  });
  await page.evaluate(
    ({ killAt, when }) => {
      const texts = () => [...document.querySelectorAll('[data-testid="card-text"]')].map((node) => node.textContent ?? '');
      const saved = () => document.querySelector('[data-testid="save-indicator"]')?.getAttribute('data-state') === 'saved';
      let savedCards: string[] = [];
      new MutationObserver(() => {
        const cards = texts();
        if (saved()) savedCards = cards;
        if (cards.length >= killAt && (when === 'card-shown' || saved())) {
          void (window as unknown as { plenumTestKillNow: (shown: Shown) => Promise<void> }).plenumTestKillNow({ cards, savedCards });
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
    },
    { killAt: KILL_AT, when },
  );
  // The typing fails once the browser is gone, which is the point.
  const typing = (async () => {
    for (let index = 1; index <= KILL_AT + 30; index += 1) {
      await page.getByTestId('card-entry').fill(`Idee ${index}: Biomethan für die Nahwärme, Versuch ${index}`);
      await page.getByTestId('card-entry').press('Enter');
    }
  })().then(
    () => Promise.reject(new Error('typed every card and the kill never came')),
    () => undefined,
  );
  const shown = await Promise.race([whenKilled, typing.then(() => whenKilled)]);
  await typing;
  expect(shown.cards.length).toBeGreaterThanOrEqual(KILL_AT);
  return shown;
}

/** Reopens the workshop from the same profile and returns the cards of the table's board. */
async function relaunchAndRead(baseURL: string, workshopId: string, log: LogSink, openBoard: (page: Page) => Promise<void>): Promise<{ page: Page; cards: string[] }> {
  await table?.close().catch(() => undefined);
  const laptop = await launchPersistentLaptop(baseURL, profile, log, 'relaunched');
  table = laptop.context;
  await laptop.page.goto(`/#/workshop/${encodeURIComponent(workshopId)}`);
  await expect(laptop.page.getByTestId('workshop-heading')).toHaveText(TITLE, { timeout: 20_000 });
  await openBoard(laptop.page);
  await expect(laptop.page.getByTestId('card-entry')).toBeVisible();
  // Loading is one read; a short settle catches a board that fills in late.
  await laptop.page.waitForTimeout(500);
  return { page: laptop.page, cards: await laptop.page.getByTestId('card-text').allTextContents() };
}

test('a joined table laptop killed while typing: every card shown when the header said saved is there after the relaunch', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const log = new LogSink();
  signal = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const signalingUrl = `ws://127.0.0.1:${signal.port}`;
  profile = mkdtempSync(path.join(os.tmpdir(), 'plenum-killed-table-'));
  // Launched side by side: a browser's start is mostly waiting.
  const [host, laptop] = await Promise.all([
    launchLaptop(baseURL ?? '', log, 'moderator').then((launched) => {
      moderator = launched.browser;
      return launched;
    }),
    launchPersistentLaptop(baseURL ?? '', profile, log, 'table').then((launched) => {
      table = launched.context;
      return launched;
    }),
  ]);
  const { code, workshopId } = await hostWorkshop(host.page, signalingUrl, TITLE, TABLE);

  await joinAsTable(laptop.page, signalingUrl, code, TITLE, TABLE);
  const before = (await typeUntilKilled(laptop.page, 'saved')).cards;

  // Nobody may send the cards back: the moderator's laptop is gone before the table restarts.
  await host.browser.close();
  moderator = undefined;
  // A table laptop opens at its own table.
  const after = await relaunchAndRead(baseURL ?? '', workshopId, log, async () => undefined);
  await shotOf(after.page, 'faults-table-killed--relaunched');
  expect(before.filter((text) => !after.cards.includes(text)), 'cards shown as saved before the kill and missing after it').toEqual([]);

  // And it goes on working: a new card is shown and saved.
  await after.page.getByTestId('card-entry').fill('Nach dem Absturz geschrieben');
  await after.page.getByTestId('card-entry').press('Enter');
  await expect(after.page.getByTestId('save-indicator')).toHaveAttribute('data-state', 'saved');
});

test('killed the moment a card appears: every card shown while the header said saved survives; at most the ones still saving are lost', async ({ baseURL }) => {
  // The board shows a card as soon as the Yjs update is applied; the saver's strict-durability
  // write commits some milliseconds later, and the header says "saving" meanwhile. A kill inside
  // that window loses the card being saved (about every other run here): see the issue 7 report.
  test.setTimeout(90_000);
  const log = new LogSink();
  profile = mkdtempSync(path.join(os.tmpdir(), 'plenum-killed-board-'));
  const laptop = await launchPersistentLaptop(baseURL ?? '', profile, log, 'moderator');
  table = laptop.context;
  const page = laptop.page;
  await page.goto('/');
  await page.getByTestId('new-workshop-title').fill(TITLE);
  await page.getByTestId('create-workshop').click();
  await expect(page.getByTestId('workshop-heading')).toHaveText(TITLE);
  const workshopId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const openTableBoard = async (target: Page) => {
    await target.getByTestId('tab-tables').click();
    await target.getByTestId('table-column').getByRole('button', { name: 'Wand öffnen' }).click();
  };
  await page.getByTestId('tab-tables').click();
  await page.getByTestId('table-name').fill(TABLE);
  await page.getByTestId('table-add').click();
  await openTableBoard(page);
  const before = await typeUntilKilled(page, 'card-shown');

  const after = await relaunchAndRead(baseURL ?? '', workshopId, log, openTableBoard);
  const lost = before.cards.filter((text) => !after.cards.includes(text));
  test.info().annotations.push({ type: 'lost at the kill', description: `${lost.length} of ${before.cards.length} shown (${before.cards.length - before.savedCards.length} were still saving)` });
  expect(before.savedCards.length, 'the header said saved at some point while typing').toBeGreaterThan(0);
  expect(before.savedCards.filter((text) => !after.cards.includes(text)), 'cards shown while the header said saved, missing after the kill').toEqual([]);
  expect(lost.filter((text) => before.savedCards.includes(text)), 'only cards still being saved may be lost').toEqual([]);
});
