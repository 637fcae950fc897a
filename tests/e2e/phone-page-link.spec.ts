import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import { participantDir } from '../../scripts/participant-dir.mjs';
import { fromBase64, toBase64 } from '../../shared/base64';
import { phoneMessageSchema, PHONE_PROTOCOL_VERSION, type PhoneMessage, type PhoneView } from '../../shared/phone/protocol';
import type { PhoneDown } from '../../shared/phone/down';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { derivePhoneKey, openRelayMessage, sealRelayMessage } from '../../shared/protocol/relay-crypto';

/*
 * The shipped participant page (dist/participant) with its real link, at a non-secure origin
 * (http://plenum.test: no crypto.subtle, so the phone seals with @noble), against a room this
 * spec plays through Playwright's WebSocket routing: the server's join check, and the moderator's
 * laptop sealing views and answers with WebCrypto. It proves the page and its link speak
 * shared/protocol/phone-wire.ts and the sealed down payload end to end.
 */


const SECRET = 'K7QF2MXD9PAW';
const ROOM = 'ws-phones';
const utf8 = new TextEncoder();

function view(me: PhoneView['me'], cards: Array<{ id: string; text: string; mine: boolean }>): PhoneView {
  return {
    v: PHONE_PROTOCOL_VERSION,
    at: Date.now(),
    workshop: { title: 'Mobilität 2030', language: 'de' },
    me,
    roster: [
      { participantId: 'p1', name: 'Anna Kowalczyk' },
      { participantId: 'p2', name: 'Oksana Melnyk' },
    ],
    run: { status: 'idle', itemStartedAt: 0, pausedAt: 0, signalled: false, item: null },
    board: {
      id: 'plenary',
      kind: 'plenary',
      title: '',
      writable: true,
      locked: false,
      groups: [],
      cards: cards.map((card) => ({ ...card, cut: false, groupId: null, author: null })),
      omitted: 0,
    },
    round: null,
    results: null,
    actions: [],
  };
}

/** The room: the server's join check and a moderator's laptop that takes names and cards. */
function playRoom(commands: PhoneMessage['command'][]) {
  const keyPromise = derivePhoneKey(SECRET, ROOM);
  let me: PhoneView['me'] = null;
  const cards: Array<{ id: string; text: string; mine: boolean }> = [{ id: 'c0', text: 'Jobticket auch für Teilzeitkräfte', mine: false }];
  const down = async (ws: WebSocketRoute, message: PhoneDown) => {
    const sealed = await sealRelayMessage(await keyPromise, utf8.encode(JSON.stringify(message)));
    ws.send(JSON.stringify({ type: 'plenum-phone-msg', data: toBase64(sealed) }));
  };
  return async (ws: WebSocketRoute) => {
    ws.onMessage(async (raw) => {
      const frame = JSON.parse(String(raw)) as { type: string; verifier?: string; data?: string };
      if (frame.type === 'ping') return ws.send(JSON.stringify({ type: 'pong' }));
      if (frame.type === 'plenum-phone-join') {
        const ok = frame.verifier === (await joinVerifier(SECRET));
        return ws.send(JSON.stringify(ok ? { type: 'plenum-phone-joined', ok: true, room: ROOM, host: true } : { type: 'plenum-phone-joined', ok: false, reason: 'wrong-code' }));
      }
      if (frame.type !== 'plenum-phone-up' || !frame.data) return;
      const plain = await openRelayMessage(await keyPromise, fromBase64(frame.data) ?? new Uint8Array());
      const message = phoneMessageSchema.parse(JSON.parse(new TextDecoder().decode(plain ?? new Uint8Array())));
      const { command } = message;
      commands.push(command);
      let result = {};
      if (command.type === 'claim') {
        me = { participantId: command.participantId, name: command.participantId === 'p2' ? 'Oksana Melnyk' : 'Anna Kowalczyk' };
        result = { participantId: command.participantId };
      }
      if (command.type === 'addCard') {
        cards.push({ id: `c${cards.length}`, text: command.text, mine: true });
        result = { cardId: `c${cards.length - 1}` };
      }
      await down(ws, { v: PHONE_PROTOCOL_VERSION, type: 'ok', id: command.id, result });
      await down(ws, { v: PHONE_PROTOCOL_VERSION, type: 'view', view: view(me, cards) });
    });
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function phone(browser: Browser, hash: string, commands: PhoneMessage['command'][]): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await context.route('http://plenum.test/p/**', async (route) => {
    const file = normalize(new URL(route.request().url()).pathname.slice('/p/'.length) || 'index.html');
    if (file.startsWith('..')) return route.fulfill({ status: 404 });
    await route.fulfill({ body: readFileSync(join(participantDir(), file)), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  await context.routeWebSocket('ws://plenum.test/', playRoom(commands));
  const page = await context.newPage();
  await page.goto(`http://plenum.test/p/${hash}`);
  return page;
}

test('the shipped page joins with its code, picks a name and adds a card through the sealed link (no crypto.subtle)', async ({ browser }) => {
  const commands: PhoneMessage['command'][] = [];
  const page = await phone(browser, `#${SECRET}`, commands);
  expect(await page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  await expect(page.getByTestId('name-picker')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Oksana Melnyk' }).click();
  await expect(page.getByText('Sie: Oksana Melnyk')).toBeVisible();
  await page.getByRole('textbox', { name: 'Ihre Idee' }).fill('Werksbus zur Frühschicht');
  await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
  await expect(page.locator('[data-testid="phone-card"][data-mine="true"]')).toContainText('Werksbus zur Frühschicht');
  await expect(page.getByRole('textbox', { name: 'Ihre Idee' })).toHaveValue('');
  expect(commands.map((command) => command.type)).toEqual(expect.arrayContaining(['hello', 'claim', 'addCard']));
  await page.context().close();
});

test('the shipped page with a wrong code says so and what to do', async ({ browser }) => {
  const page = await phone(browser, '#WRONGCODE000', []);
  await expect(page.getByTestId('phone-state')).toHaveAttribute('data-state', 'wrongCode', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toContainText('QR-Code');
  await page.context().close();
});
