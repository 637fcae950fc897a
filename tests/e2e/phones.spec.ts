import net from 'node:net';
import jsQR from 'jsqr';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { chromiumArgs, executablePath } from '../../playwright.config';
import { participantDir } from '../../scripts/participant-dir.mjs';
import { expect, test } from './fixtures';

/*
 * Issue 16, as a room uses it: the moderator in a browser hosts at a venue server (`npm run signal`,
 * which serves the participant page), and three phones — each its own Chromium process with mobile
 * emulation — open the page through the URL read back from the QR code the moderator shows. The
 * address is http://plenum.test:PORT/ (mapped to 127.0.0.1), so the page is no secure context and
 * `crypto.subtle` is really absent: the code's verifier, the key and every message go through the
 * pure-JS fallback, and the moderator's laptop (WebCrypto) reads them.
 */

const HOST = 'plenum.test';
const resolverArgs = [...chromiumArgs, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`];

let server: SignalingServer;
const browsers: Browser[] = [];

test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, participantPage: { dir: participantDir() } });
});

test.afterAll(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  await server?.close();
});

async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath, args: resolverArgs, headless: true });
  browsers.push(browser);
  return browser;
}

/**
 * The room's Wi-Fi for one phone: a TCP relay to the server that can be cut (every connection
 * dropped, new ones refused) and restored, as a phone walking out of reach and back.
 */
async function wifi(target: number): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const open = new Set<net.Socket>();
  let up = true;
  const relay = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (!address || typeof address === 'string') throw new Error('the relay has no port');
  return {
    port: address.port,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

/** A phone: a Chromium of its own, a small touch screen, German; `via` sends its traffic through a relay of that port. */
async function phone(via?: number): Promise<{ context: BrowserContext; page: Page }> {
  const args = via === undefined ? resolverArgs : [...chromiumArgs, `--host-resolver-rules=MAP ${HOST}:${server.port} 127.0.0.1:${via}`];
  const browser = await chromium.launch({ executablePath, args, headless: true });
  browsers.push(browser);
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`phone page error: ${error.message}`));
  return { context, page };
}

/** The text a QR code on the page holds, read from its pixels as a camera would. */
async function readQr(page: Page): Promise<string> {
  const image = page.getByTestId('phone-qr').locator('img');
  await expect(image).toBeVisible();
  const pixels = await image.evaluate((element: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = element.naturalWidth;
    canvas.height = element.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(element, 0, 0);
    return { width: canvas.width, height: canvas.height, data: [...context.getImageData(0, 0, canvas.width, canvas.height).data] };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  if (!code) throw new Error('the QR code does not read');
  return code.data;
}

const cardsOn = (page: Page) => page.getByTestId('phone-card');

async function addIdea(page: Page, text: string): Promise<void> {
  await page.getByLabel('Ihre Idee').fill(text);
  await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
}

test('three phones join through the QR code without crypto.subtle, add ideas everyone sees, vote within budget, come back as themselves, and send what they held offline', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const signaling = `ws://${HOST}:${server.port}`;

  // The moderator: a workshop with two named participants, hosted at the venue server.
  const moderatorBrowser = await launch();
  const moderatorContext = await moderatorBrowser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  await moderatorContext.addInitScript(() => localStorage.setItem('plenum.language', 'de'));
  const moderator = await moderatorContext.newPage();
  await moderator.goto('/');
  await moderator.getByTestId('new-workshop-title').fill('Wiederaufbau: Energie');
  await moderator.getByTestId('create-workshop').click();
  await moderator.getByTestId('tab-participants').click();
  for (const name of ['Olena Kovalenko', 'Jan Becker']) {
    await moderator.getByTestId('participant-add-name').fill(name);
    await moderator.getByTestId('participant-add-name').press('Enter');
    await moderator.getByTestId('participant-row').filter({ has: moderator.locator(`input[value="${name}"]`) }).getByTestId('participant-consent').check();
  }
  await moderator.getByTestId('tab-connection').click();
  await moderator.getByTestId('host-start').click();
  await moderator.getByTestId('host-server').fill(signaling);
  await moderator.getByTestId('host-start').click();
  const code = ((await moderator.getByTestId('join-code').textContent()) ?? '').replace(/-/g, '');

  // What a phone scans: the participant page on the venue server, the code in the fragment only.
  const url = await readQr(moderator);
  await expect(moderator.getByTestId('phone-url')).toHaveText(url);
  expect(url).toBe(`http://${HOST}:${server.port}/p/#${code}`);

  await moderator.getByTestId('tab-plenary').click();
  await moderator.getByTestId('plenary-open-toggle').click();
  await expect(moderator.getByTestId('plenary-open-toggle')).toHaveAttribute('aria-pressed', 'true');

  const mariasWifi = await wifi(server.port);
  const [olena, jan, maria] = await Promise.all([phone(), phone(), phone(mariasWifi.port)]);
  for (const { page } of [olena, jan, maria]) await page.goto(url);
  // Not a secure context: the WebCrypto the laptops use is not there.
  for (const { page } of [olena, jan, maria]) {
    expect(await page.evaluate(() => ({ secure: isSecureContext, subtle: typeof globalThis.crypto.subtle }))).toEqual({ secure: false, subtle: 'undefined' });
  }

  // Names: two picked from the roster, one typed.
  await olena.page.getByRole('button', { name: 'Olena Kovalenko' }).click();
  await jan.page.getByRole('button', { name: 'Jan Becker' }).click();
  // A zero-width space is no name: the laptop refuses it as it refuses spaces (no "Hallo, !", no empty author chip).
  await maria.page.getByLabel('Ihr Name').fill('\u200b');
  await maria.page.getByRole('button', { name: 'Das bin ich' }).click();
  await expect(maria.page.getByTestId('phone-said')).toContainText('Bitte den eigenen Namen eingeben', { timeout: 20_000 });
  await maria.page.getByLabel('Ihr Name').fill('Maria Schulz');
  await maria.page.getByRole('button', { name: 'Das bin ich' }).click();
  await expect(olena.page.getByText('Sie: Olena Kovalenko')).toBeVisible({ timeout: 20_000 });
  await expect(jan.page.getByText('Sie: Jan Becker')).toBeVisible({ timeout: 20_000 });
  await expect(maria.page.getByText('Sie: Maria Schulz')).toBeVisible({ timeout: 20_000 });

  // Ideas from each phone reach the moderator's board and every other phone.
  const ideas = ['Solarparks auf Brachflächen', 'Biomethan aus Agrarresten', 'Kriegsrisikoversicherung für Investoren'];
  await addIdea(olena.page, ideas[0] ?? '');
  await addIdea(jan.page, ideas[1] ?? '');
  await addIdea(maria.page, ideas[2] ?? '');
  for (const idea of ideas) await expect(moderator.getByTestId('card').filter({ hasText: idea })).toHaveCount(1, { timeout: 15_000 });
  for (const { page } of [olena, jan, maria]) {
    for (const idea of ideas) await expect(cardsOn(page).filter({ hasText: idea })).toHaveCount(1, { timeout: 15_000 });
  }
  // Named where the roster says so: Olena agreed; Maria typed her name and was added without consent.
  await expect(moderator.getByTestId('card').filter({ hasText: ideas[0] })).toContainText('Olena Kovalenko');

  // A round of two dots: Olena spends both, a third is refused with the reason.
  await moderator.getByTestId('vote-open').click();
  await moderator.getByTestId('vote-budget').fill('2');
  await moderator.getByTestId('vote-open-confirm').click();
  await expect(olena.page.getByText('Noch 2 von 2 Punkten')).toBeVisible({ timeout: 15_000 });
  await olena.page.getByRole('button', { name: `Einen Punkt für „${ideas[1]}“` }).click();
  await expect(olena.page.getByText('Noch 1 von 2 Punkten')).toBeVisible({ timeout: 15_000 });
  await olena.page.getByRole('button', { name: `Einen Punkt für „${ideas[2]}“` }).click();
  await expect(olena.page.getByText('Noch 0 von 2 Punkten')).toBeVisible({ timeout: 15_000 });
  // The page leaves the button on: the budget is the laptop's to keep, and it says no.
  await olena.page.getByRole('button', { name: `Einen Punkt für „${ideas[0]}“` }).click();
  await expect(olena.page.getByTestId('phone-said')).toContainText('Alle Punkte sind vergeben (2 von 2).', { timeout: 15_000 });
  await expect(olena.page.getByText('Noch 0 von 2 Punkten')).toBeVisible();
  await jan.page.getByRole('button', { name: `Einen Punkt für „${ideas[2]}“` }).click();
  await expect(jan.page.getByText('Noch 1 von 2 Punkten')).toBeVisible({ timeout: 15_000 });
  // The moderator's board counts the phones' dots with everyone's: three in all.
  await expect(moderator.getByTestId('card').filter({ hasText: ideas[2] }).getByTestId('vote-total')).toHaveText(/2/, { timeout: 15_000 });
  await expect(moderator.getByTestId('card').filter({ hasText: ideas[1] }).getByTestId('vote-total')).toHaveText(/1/, { timeout: 15_000 });

  // Jan closes the page and opens it again: the same person, with his card still his.
  await jan.page.close();
  jan.page = await jan.context.newPage();
  await jan.page.goto(url);
  await expect(jan.page.getByText('Sie: Jan Becker')).toBeVisible({ timeout: 20_000 });
  await expect(jan.page.getByText('Noch 1 von 2 Punkten')).toBeVisible({ timeout: 15_000 });
  await expect(cardsOn(jan.page).filter({ hasText: ideas[1] }).getByRole('button', { name: 'Bearbeiten' })).toBeVisible();

  // Maria loses the network, writes an idea, and it goes out when she is back.
  mariasWifi.cut();
  await expect(maria.page.getByText(/Verbindung zum Raum seit .* verloren/)).toBeVisible({ timeout: 30_000 });
  await addIdea(maria.page, 'Offline notiert: Wärmepumpen für Schulen');
  await expect(maria.page.getByTestId('phone-card-sending')).toBeVisible();
  mariasWifi.restore();
  await expect(moderator.getByTestId('card').filter({ hasText: 'Offline notiert: Wärmepumpen für Schulen' })).toHaveCount(1, { timeout: 30_000 });
  await expect(cardsOn(olena.page).filter({ hasText: 'Offline notiert' })).toHaveCount(1, { timeout: 15_000 });

  // A phone with a wrong code is told so, and sees nothing of the room.
  const stranger = await phone();
  const wrong = code.startsWith('A') ? 'BBBBBBBBBBBB' : 'AAAAAAAAAAAA';
  await stranger.page.goto(url.replace(/#.*/, `#${wrong}`));
  await expect(stranger.page.getByRole('heading', { name: 'Dieser Code öffnet keinen Raum' })).toBeVisible({ timeout: 20_000 });
  await expect(cardsOn(stranger.page)).toHaveCount(0);
  await mariasWifi.close();
});
