import { expect, test, type Browser, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { buildMinutes, renderMinutes } from '../../shared/minutes';
import { applyWorkshopUpdates, createWorkshopDoc, workshopSnapshot } from '../../shared/model';
import { exportBackup } from '../../shared/model';
import { normalizeJoinSecret } from '../../shared/protocol/join-secret';
import { hostWorkshop, joinAsTable, launchLaptop, LogSink, SignalProcess } from './faults-support';

/*
 * The join secret is the room's key: whoever reads it can decrypt everything the tables send.
 * It may live in exactly one place on each laptop, the connection row that needs it to reconnect.
 * Not in any log (the signaling server's output, either page's console, page errors), not in the
 * workshop document (whose updates are stored, synced and exported), not in the workshops index,
 * not in localStorage, not in the URL, not in the minutes or the backup made from what was stored.
 */

const TITLE = 'Geheimnis bleibt geheim';
const TABLE = 'Tisch Wohnen';

let signal: SignalProcess | undefined;
const browsers: Browser[] = [];

test.afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close().catch(() => undefined)));
  await signal?.stop();
  signal = undefined;
});

interface StoredRow {
  store: string;
  key: string;
  text: string;
}

/**
 * Every row of every object store of every IndexedDB database of the page, and every entry of
 * localStorage and sessionStorage, as text: strings as they are, byte arrays decoded as UTF-8
 * (Yjs stores strings as UTF-8, so a secret inside a stored update shows up here).
 */
async function everythingStored(page: Page): Promise<StoredRow[]> {
  return page.evaluate(async () => {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const flatten = (value: unknown): string => {
      if (value instanceof Uint8Array) return decoder.decode(value);
      if (value instanceof ArrayBuffer) return decoder.decode(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return decoder.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (Array.isArray(value)) return value.map(flatten).join('\u0000');
      if (value && typeof value === 'object') return Object.entries(value).map(([key, inner]) => `${key}=${flatten(inner)}`).join('\u0000');
      return String(value);
    };
    const rows: Array<{ store: string; key: string; text: string }> = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of [...db.objectStoreNames]) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        values?.forEach((value, index) => rows.push({ store: `${info.name}/${name}`, key: String(keys?.[index]), text: flatten(value) }));
      }
      db.close();
    }
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index) ?? '';
        rows.push({ store: label, key, text: `${key}=${storage.getItem(key) ?? ''}` });
      }
    }
    return rows;
  });
}

/** Every way the secret could be written down: normalised, grouped, lower case, with spaces. */
function secretForms(code: string): string[] {
  const normal = normalizeJoinSecret(code);
  if (!normal.ok) throw new Error(`not a join code: ${code}`);
  const grouped = normal.value.match(/.{4}/g) ?? [];
  return [normal.value, grouped.join('-'), grouped.join(' '), normal.value.toLowerCase(), grouped.join('-').toLowerCase()];
}

/** The workshop as the page stored it: its compacted state and its update log, as bytes. */
async function storedUpdates(page: Page, workshopId: string): Promise<Uint8Array[]> {
  const lists = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('plenum');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    const [states, updates] = await Promise.all([read('states'), read('updates')]);
    db.close();
    const mine = (row: unknown) => (row as { workshopId: string }).workshopId === id;
    return [
      ...states.filter(mine).map((row) => Array.from((row as { state: Uint8Array }).state)),
      ...updates.filter(mine).map((row) => Array.from((row as { update: Uint8Array }).update)),
    ];
  }, workshopId);
  return lists.map((bytes) => Uint8Array.from(bytes));
}

const containing = (forms: readonly string[]) => (text: string) => forms.some((form) => text.includes(form));

test('the join secret appears in no log and no stored workshop data, only in each laptop’s connection row', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const log = new LogSink();
  signal = await SignalProcess.start(log);
  const moderator = await launchLaptop(baseURL ?? '', log, 'moderator');
  const table = await launchLaptop(baseURL ?? '', log, 'table');
  browsers.push(moderator.browser, table.browser);
  for (const page of [moderator.page, table.page]) {
    // y-webrtc and lib0 log verbosely when asked to: the secret must not show up even then.
    await page.addInitScript(() => localStorage.setItem('log', 'true'));
  }

  const { code, workshopId } = await hostWorkshop(moderator.page, signal.url, TITLE, TABLE);
  const forms = secretForms(code);
  const hasSecret = containing(forms);

  // A wrong code first (the server logs refusals), then the right one.
  await table.page.goto('/');
  await table.page.getByTestId('join-address').fill(signal.url);
  await table.page.getByTestId('join-code-input').fill(code.startsWith('A') ? 'BBBB-BBBB-BBBB' : 'AAAA-AAAA-AAAA');
  await table.page.getByTestId('join-submit').click();
  await expect(table.page.getByTestId('join-error')).toBeVisible({ timeout: 10_000 });
  await joinAsTable(table.page, signal.url, code, TITLE, TABLE);
  await table.page.getByTestId('card-entry').fill('Mietspiegel erklären');
  await table.page.getByTestId('card-entry').press('Enter');
  await moderator.page.getByTestId('tab-tables').click();
  await expect(moderator.page.getByTestId('table-card')).toHaveText(['Mietspiegel erklären'], { timeout: 20_000 });
  // The table leaves and comes back: reconnecting reads the secret from the connection row.
  await table.page.reload();
  await expect(table.page.getByTestId('connection-indicator')).toHaveAttribute('data-peers', '1', { timeout: 20_000 });
  await signal.stop();

  // The test would be blind if nothing was logged at all.
  expect(log.lines.filter((line) => line.startsWith('signal:')).length, 'the signaling server printed its log').toBeGreaterThan(2);
  expect(log.lines.filter(hasSecret), 'log lines with the secret').toEqual([]);

  for (const [name, page] of [['moderator', moderator.page], ['table', table.page]] as const) {
    expect(hasSecret(page.url()), `${name}: the secret in the URL`).toBe(false);
    const rows = await everythingStored(page);
    const withSecret = rows.filter((row) => hasSecret(row.text)).map((row) => `${row.store}[${row.key}]`);
    // Exactly the connection row of this workshop, which reconnecting after a restart needs.
    expect(withSecret, `${name}: stored rows holding the secret`).toEqual([`plenum/connections[${workshopId}]`]);
    // And the document really is stored (the search would find nothing in an empty database).
    expect(rows.some((row) => row.store === 'plenum/updates' || row.store === 'plenum/states'), `${name}: the workshop is stored`).toBe(true);
    expect(rows.some((row) => row.text.includes('Mietspiegel erklären')), `${name}: the table's card is in the stored document`).toBe(true);
  }

  // The minutes in every language and format, and the backup, made from what the moderator stored.
  const doc = createWorkshopDoc();
  expect(applyWorkshopUpdates(doc, await storedUpdates(moderator.page, workshopId)).ok).toBe(true);
  const snapshot = workshopSnapshot(doc);
  expect(snapshot.cards.map((card) => card.text)).toContain('Mietspiegel erklären');
  const exported: Array<[string, string]> = [['backup', exportBackup(doc)]];
  for (const language of ['de', 'en', 'uk'] as const) {
    const minutes = buildMinutes(snapshot, { language, timeZone: 'Europe/Berlin' });
    for (const format of ['md', 'html', 'csv', 'ics', 'docx'] as const) {
      const rendered = await renderMinutes(minutes, format);
      const text = typeof rendered === 'string' ? rendered : (await mammoth.extractRawText({ buffer: Buffer.from(rendered) })).value;
      exported.push([`minutes ${language}.${format}`, text]);
    }
  }
  expect(exported.find(([, text]) => text.includes('Mietspiegel erklären'))?.[0], 'the table’s card reaches the minutes').toBeDefined();
  expect(exported.filter(([, text]) => hasSecret(text)).map(([name]) => name), 'exports holding the secret').toEqual([]);
});
