import { expect, test, type Page } from '@playwright/test';
import { FIRST_WAIT_MS, JITTER } from '../../renderer/network/stuck-connections';
import { hostWorkshop, joinAsTable } from './faults-support';
import { roomOfLaptops } from './laptops';

/*
 * Table laptops that come online at the same instant (the venue's Wi-Fi returns) announce
 * themselves together and send each other offers at once: glare. In Chromium, y-webrtc's handling
 * left such a pair with two initiating peers that each send on a data channel the other does not
 * read: connected on paper, while neither WebRTC nor the relay carried their cards to each other
 * until the stuck-connection watch closed the pair and tried again (7.5 s at the earliest).
 * The answering laptop now answers with a fresh peer (renderer/network/fresh-answer.ts), so every
 * table's card reaches every other table before any retry could have happened.
 */

const TITLE = 'Wiederaufbau: Tische gleichzeitig';
const TABLES = ['Tisch 1', 'Tisch 2', 'Tisch 3'];
const ROUNDS = 3;
/** The earliest moment the stuck-connection watch closes a connection to try again. */
const BEFORE_ANY_RETRY_MS = FIRST_WAIT_MS * (1 - JITTER);

const room = roomOfLaptops(test);

/**
 * Two laptops glare when each is in the room before the other's announcement goes out: between
 * subscribing and announcing, which y-webrtc does a moment apart (the announcement is sealed
 * first). Node laptops told to connect at once (tests/sync/glare.test.ts) fall into that window
 * in most runs; browsers clicked at once come online a few hundred milliseconds apart. A busy
 * laptop seals late: here each table's announcement is sealed ANNOUNCE_DELAY_MS late, so tables
 * that come online within that time of each other glare, as on the venue's busy laptops.
 */
const ANNOUNCE_DELAY_MS = 1000;
async function announceLate(page: Page): Promise<void> {
  await page.context().addInitScript((delay) => {
    const subtle = crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    subtle.encrypt = async (...args: Parameters<SubtleCrypto['encrypt']>) => {
      const plain = args[2];
      const bytes = plain instanceof ArrayBuffer ? new Uint8Array(plain) : new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength);
      if (new TextDecoder().decode(bytes).includes('announce')) await new Promise((resolve) => setTimeout(resolve, delay));
      return encrypt(...args);
    };
  }, ANNOUNCE_DELAY_MS);
}

const indicator = (page: Page) => page.getByTestId('connection-indicator');

/**
 * A debug line as the console's text gives it (format, then its colours and values) with the
 * values put in place and the colours and time deltas left out.
 */
function readable(text: string): string {
  const [format = '', tail = ''] = text.split(/ \+\d+ms ?/, 2);
  const values = tail.replace(/color: ?(inherit|#?\w+);?/g, '\u0000').split('\u0000').map((value) => value.trim()).filter(Boolean);
  const slots = format.split('%s').length - 1;
  // Values are separated by spaces too: one slot takes them all, several take a word each.
  const filled = slots === 1 ? [values.join(' ')] : values.flatMap((value) => value.split(/\s+/));
  let index = 0;
  return format.replace(/%s/g, () => filled[index++] ?? '?');
}

/**
 * What y-webrtc says about its connections (lib0 logs a module named in localStorage `log`), per
 * laptop with the machine's time: which pair glared, who rejected whose offer, which connection
 * opened or closed. Printed when a round fails, so a failure names its pair.
 */
class ConnectionLog {
  private readonly lines: string[] = [];
  watch(page: Page, name: string): void {
    page.on('console', (message) => {
      // Its connections' story, not each message; without lib0's colours and time deltas.
      const text = message.text().replace(/%c/g, '');
      const webrtc = text.includes('y-webrtc') && !/ message (to|from) /.test(text);
      const ice = text.includes('simple-peer') && /StateChange|destroy|error|connect|signal\(\)/i.test(text);
      if (!webrtc && !ice) return;
      this.lines.push(`${Date.now()} ${name}: ${readable(text)}`);
    });
    page.on('pageerror', (error) => this.lines.push(`${Date.now()} ${name}: page error: ${error.message}`));
  }
  since(at: number): string {
    return this.lines
      .filter((line) => Number(line.split(' ', 1)[0]) >= at)
      .map((line) => line.replace(/^(\d+)/, (time) => `+${Number(time) - at} ms`))
      .join('\n');
  }
}

/** In the page: clicks the offline toggle at `at` (the machine's clock), resolves once it did. */
function clickAt(at: number): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      const toggle = document.querySelector<HTMLButtonElement>('[data-testid="connection-offline-toggle"]');
      if (!toggle) {
        reject(new Error('no offline toggle on the page'));
        return;
      }
      toggle.click();
      resolve();
    }, at - Date.now()),
  );
}

async function goOffline(page: Page): Promise<void> {
  await page.getByTestId('tab-connection').click();
  // Clicked where it is while the tables go offline together and the list of laptops shrinks
  // (under the button since the list moved below it; above it, a click here hit the list).
  await page.getByTestId('connection-offline-toggle').click();
  await expect(indicator(page)).toHaveAttribute('data-state', 'offline');
}

test('table laptops that come online at the same instant exchange cards directly before any retry', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const url = room.signalingUrl();
  const log = new ConnectionLog();
  const laptop = async (name: string) => {
    const page = await room.laptop(baseURL ?? '', { watch: (watched) => log.watch(watched, name) });
    await page.context().addInitScript(() => {
      localStorage.setItem('log', 'y-webrtc');
      // simple-peer's ICE and signaling states (the debug module's switch).
      localStorage.setItem('debug', 'simple-peer');
    });
    return page;
  };
  const moderator = await laptop('moderator');
  const tables = await Promise.all(TABLES.map((_, index) => laptop(`laptop ${index + 1}`)));
  for (const page of tables) await announceLate(page);
  const { code } = await hostWorkshop(moderator, url, TITLE, TABLES[0] ?? '');
  await Promise.all(tables.map((page) => joinAsTable(page, url, code, TITLE, TABLES[0] ?? '')));
  for (const page of tables) await expect(indicator(page)).toHaveAttribute('data-peers', String(TABLES.length), { timeout: 30_000 });

  for (let round = 1; round <= ROUNDS; round += 1) {
    // Each table goes offline and writes a card there (it crosses once the table is back).
    const cards = tables.map((_, index) => `Runde ${round}: Karte von Laptop ${index + 1}`);
    await Promise.all(
      tables.map(async (page, index) => {
        await goOffline(page);
        await page.getByTestId('tab-mine').click();
        await page.getByTestId('card-entry').fill(cards[index] ?? '');
        await page.getByTestId('card-entry').press('Enter');
        await page.getByTestId('tab-connection').click();
      }),
    );
    await expect(indicator(moderator)).toHaveAttribute('data-peers', '0', { timeout: 20_000 });
    // Back online together: each browser clicks at the same moment of the machine's clock, so the
    // three subscribe and announce themselves within milliseconds, as the tables of a venue whose
    // Wi-Fi returns do.
    const back = Date.now() + 500;
    await Promise.all(tables.map((page) => page.evaluate(clickAt, back)));
    // What is left until a retry could have happened: no connection opens before the announcements
    // go out, ANNOUNCE_DELAY_MS after `back` (at least 1 ms: Playwright takes 0 for no limit).
    const beforeRetry = () => ({ timeout: Math.max(1, ANNOUNCE_DELAY_MS + BEFORE_ANY_RETRY_MS - (Date.now() - back)) });
    await Promise.all(tables.map((page) => page.getByTestId('tab-mine').click()));
    try {
      await roundArrives(round, back, beforeRetry, cards);
    } catch (error) {
      const paths = await Promise.all([moderator, ...tables].map((page) => indicator(page).evaluate((element) => `${element.dataset['path']} (${element.dataset['peers']})`)));
      console.log(`round ${round} failed; paths (moderator, laptops): ${paths.join(', ')}; y-webrtc since coming back online:\n${log.since(back)}`);
      throw error;
    }
    console.log(`round ${round}: every card at every table, all direct, ${Date.now() - back} ms after coming back online`);
  }

  async function roundArrives(round: number, back: number, beforeRetry: () => { timeout: number }, cards: string[]): Promise<void> {
    // Each table's card at every other table, through their direct connections.
    await Promise.all(
      tables.map(async (page, index) => {
        for (const card of cards) {
          await expect(page.getByTestId('card-text').filter({ hasText: card }), `laptop ${index + 1}, round ${round}: ${card}`).toHaveCount(1, beforeRetry());
        }
      }),
    );
    // And not through the relay: every table reaches the other three laptops directly.
    for (const page of tables) {
      await expect(indicator(page)).toHaveAttribute('data-peers', String(TABLES.length), beforeRetry());
      await expect(indicator(page)).toHaveAttribute('data-path', 'direct', beforeRetry());
    }
  }
});

/**
 * Holds the page's outgoing WebRTC answers while `plenumHoldAnswers` is set (the default): the
 * laptop's connections stay opening on both sides, as when a table leaves while it connects.
 */
async function holdAnswers(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const flags = window as unknown as { plenumHoldAnswers?: boolean };
    flags.plenumHoldAnswers = true;
    const subtle = crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    subtle.encrypt = (...args: Parameters<SubtleCrypto['encrypt']>) => {
      const plain = args[2];
      const bytes = plain instanceof ArrayBuffer ? new Uint8Array(plain) : new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength);
      if (flags.plenumHoldAnswers === true && new TextDecoder().decode(bytes).includes('answer')) return new Promise<ArrayBuffer>(() => undefined);
      return encrypt(...args);
    };
  });
}

/*
 * The flake of s20b and s20c: the tables went offline a second after joining, while the moderator's
 * connections to them were still opening. Those stayed in the moderator's y-webrtc room, which
 * ignores an announcement from a laptop it holds a connection to, so the tables came back through
 * the relay only until the stuck-connection watch closed the left-over connections (7.5–12.5 s).
 * Now the table's goodbye on the relay closes them (stuck-connections.ts, startedOver).
 */
test('a table that left while its connection to the moderator was still opening connects directly when it is back, before any retry', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const url = room.signalingUrl();
  const moderator = await room.laptop(baseURL ?? '');
  const table = await room.laptop(baseURL ?? '');
  await holdAnswers(table);
  const { code } = await hostWorkshop(moderator, url, 'Wiederaufbau: halb offen', 'Tisch 1');
  await joinAsTable(table, url, code, 'Wiederaufbau: halb offen', 'Tisch 1');
  // The moderator's laptop offered a connection, the table's answer never left: through the relay only.
  await expect(indicator(moderator)).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
  const seen = Date.now();
  await expect(indicator(table)).toHaveAttribute('data-path', 'relay');
  await expect(indicator(moderator)).toHaveAttribute('data-path', 'relay');
  // As in the flake: a moment after joining, far from the retry of the moderator's connection.
  await table.waitForTimeout(2000);
  await expect(indicator(moderator)).toHaveAttribute('data-path', 'relay');
  await goOffline(table);
  await table.evaluate(() => {
    (window as unknown as { plenumHoldAnswers?: boolean }).plenumHoldAnswers = false;
  });
  await table.getByTestId('connection-offline-toggle').click();
  const back = Date.now();
  // The moderator's connection was made after `seen` at the earliest and is retried BEFORE_ANY_RETRY_MS
  // after it was made at the earliest: direct before then, or the left-over connection held the pair apart.
  const beforeRetry = Math.max(1, seen + BEFORE_ANY_RETRY_MS - back - 500);
  await expect(indicator(table)).toHaveAttribute('data-path', 'direct', { timeout: beforeRetry });
  await expect(indicator(moderator)).toHaveAttribute('data-path', 'direct', { timeout: Math.max(1, seen + BEFORE_ANY_RETRY_MS - Date.now() - 500) });
  console.log(`left over connection: direct ${Date.now() - back} ms after coming back online (${back - seen} ms after the moderator saw the table)`);
});
