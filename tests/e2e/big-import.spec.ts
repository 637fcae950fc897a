import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bigBackupText } from '../support/big-backup';

/*
 * A big backup imports with the page answering (QA, session 16: 100,000 cards froze the page for
 * over 5 s at a time, ~29 s in all, with nothing shown): the file is read, checked and built in a
 * worker (renderer/session/backup-import.worker.ts), the progress shows each step, and cancel
 * leaves nothing behind. Sized so one import takes a few seconds here, not the QA file's half minute.
 */

const CARDS = 20_000;
let text = '';
let dir = '';
/**
 * A backup as a file on disk: chosen by its path, as a person picks it, the browser reads it
 * itself. Handed over as a buffer, Playwright would rebuild it inside the page, on the page's own
 * thread, for seconds: what the test measures would be Playwright.
 */
function onDisk(name: string, content: string): string {
  dir ||= mkdtempSync(join(tmpdir(), 'plenum-big-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const bigFile = () => onDisk('gross.plenum', (text ||= bigBackupText(CARDS)));

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts recording the page's frames: the longest gap between two animation frames until the
 * import's progress reaches "saving" (the store's write, which runs on the page as before) or goes away.
 */
const recordFrames = (page: Page) =>
  page.evaluate(() => {
    const state = { longest: 0, frames: 0, sawProgress: false, done: false };
    (window as unknown as { importFrames: typeof state }).importFrames = state;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      const progress = document.querySelector('[data-testid="import-progress"]');
      if (state.sawProgress && (!progress || progress.getAttribute('data-stage') === 'saving')) state.done = true;
      if (state.done) return;
      if (state.sawProgress) {
        state.longest = Math.max(state.longest, now - last);
        state.frames += 1;
      }
      state.sawProgress ||= progress !== null;
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

const frames = (page: Page) => page.evaluate(() => (window as unknown as { importFrames: { longest: number; frames: number; sawProgress: boolean; done: boolean } }).importFrames);

/** How many workshops and stored states this browser profile holds: a cancelled import leaves neither. */
const storedCounts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ workshops: number; states: number }>((resolve, reject) => {
        const open = indexedDB.open('plenum');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(['workshops', 'states'], 'readonly');
          const workshops = transaction.objectStore('workshops').count();
          const states = transaction.objectStore('states').count();
          transaction.oncomplete = () => {
            db.close();
            resolve({ workshops: workshops.result, states: states.result });
          };
        };
      }),
  );

test('a big backup imports with the page answering and its progress shown', async ({ page, context }) => {
  test.setTimeout(60_000);
  const file = bigFile();
  await page.goto('/');
  await expect(page.getByTestId('import-backup')).toBeEnabled();
  await recordFrames(page);
  const started = Date.now();
  await page.getByTestId('import-backup-file').setInputFiles(file);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('progress')).toHaveAttribute('max', '4');
  // The steps as they come: a person sees it move, not a frozen button.
  await expect(progress).toContainText(/Schritt [1-4] von 4/);
  // Typing while it imports: the field answers.
  await page.getByTestId('workshop-search').pressSequentially('Wie', { delay: 20 });
  await expect(page.getByTestId('workshop-search')).toHaveValue('Wie');
  await expect.poll(async () => (await frames(page)).done, { timeout: 30_000 }).toBe(true);
  const seen = await frames(page);
  console.log(`${CARDS} cards, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB: ${seen.frames} frames while reading, checking and building, the longest gap ${seen.longest.toFixed(0)} ms`);
  // On the page's thread the whole check was one block of seconds (this file: 6-12 s under load, no
  // frame in between). Now the longest gap is loading the import's code and a frame or two of React:
  // 70-270 ms on the shared 2-core machine at load 15-20; the bound leaves room for a busy CI runner.
  expect(seen.longest).toBeLessThan(500);
  expect(seen.frames).toBeGreaterThan(10);
  await expect(progress).toBeHidden({ timeout: 30_000 });
  console.log(`stored after ${Date.now() - started} ms`);
  // The app opens the imported workshop now: 20,000 cards on its boards, a wait of its own that this
  // test does not measure. A new window of the same profile finds it stored, whole.
  await page.close();
  const next = await context.newPage();
  await next.goto('/');
  await expect(next.getByTestId('workshop-row')).toHaveCount(1);
  expect(await storedCounts(next)).toEqual({ workshops: 1, states: 1 });
});

test('cancel stops a big import and leaves no workshop behind; a damaged big file is refused by its checksum', async ({ page }) => {
  test.setTimeout(60_000);
  const file = bigFile();
  await page.goto('/');
  await page.getByTestId('import-backup-file').setInputFiles(file);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toHaveAttribute('data-stage', /reading|checking|building/);
  const asked = Date.now();
  await page.getByTestId('import-cancel').click();
  await expect(progress).toBeHidden({ timeout: 2_000 });
  console.log(`cancel answered after ${Date.now() - asked} ms`);
  await expect(page.getByTestId('import-cancelled')).toHaveText('Import abgebrochen. Es wurde nichts importiert.');
  await expect(page.getByTestId('import-backup')).toBeEnabled();
  // Long enough for a worker left running to have stored what it built.
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('workshop-row')).toHaveCount(0);
  expect(await storedCounts(page)).toEqual({ workshops: 0, states: 0 });

  // One character changed deep inside: still JSON, but not what was exported.
  const at = text.lastIndexOf('Kriegsrisikoversicherung') + 2;
  const damaged = `${text.slice(0, at)}${String.fromCharCode(text.charCodeAt(at) ^ 1)}${text.slice(at + 1)}`;
  await page.getByTestId('import-backup-file').setInputFiles(onDisk('kaputt.plenum', damaged));
  await expect(page.getByTestId('import-backup-error')).toContainText('„kaputt.plenum“ wurde nicht importiert. Die Datei ist beschädigt oder wurde nach dem Export verändert', { timeout: 30_000 });
  await expect(page.getByTestId('import-cancelled')).toBeHidden();
  await expect(page.getByTestId('import-progress')).toBeHidden();
  expect(await storedCounts(page)).toEqual({ workshops: 0, states: 0 });
});
