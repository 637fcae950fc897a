import type { Page } from '@playwright/test';
import { createWorkshop, expect, expectSaved, test } from './fixtures';

const workshopIdFromUrl = (page: Page) => decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');

test('an empty or invisible title is refused with a message and creates nothing', async ({ page, shot }) => {
  await page.goto('/');
  await page.getByTestId('new-workshop-title').fill('   ');
  await page.getByTestId('create-workshop').click();
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie einen Titel ein.');
  await expect(page.getByTestId('new-workshop-title')).toHaveAttribute('aria-invalid', 'true');
  await shot('empty-title');
  // Invisible characters only (a zero-width space, a right-to-left override) are as blank as spaces.
  // From a fresh page, so the message and the mark cannot be the spaces' still standing.
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByTestId('new-workshop-title').fill('\u200b\u202e');
  await page.getByTestId('create-workshop').click();
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie einen Titel ein.');
  await expect(page.getByTestId('new-workshop-title')).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByText('Noch keine Workshops.')).toBeVisible();
});

test('a negative or non-numeric duration is refused and the agenda stays as it was; a blank table name is refused in the table\'s words', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Agenda mit Fehlern');
  for (const bad of ['-5', 'zehn', '1.5', '']) {
    await page.getByTestId('agenda-title').fill('Pause');
    await page.getByTestId('agenda-duration').fill(bad);
    await page.getByTestId('agenda-add').click();
    await expect(page.getByTestId('agenda-error')).toContainText('ganze Zahl von Minuten');
  }
  await expect(page.getByTestId('agenda-item')).toHaveCount(0);
  await shot('bad-duration');
  await page.getByTestId('agenda-duration').fill('15');
  await page.getByTestId('agenda-add').click();
  await expect(page.getByTestId('agenda-item')).toHaveCount(1);
  await expect(page.getByTestId('agenda-error')).toHaveCount(0);

  // A table's name field is labelled "Tisch": its refusals name the table and mark the field, as the title field does.
  await page.getByTestId('tab-tables').click();
  for (const blank of ['   ', '\u200b']) {
    await page.getByTestId('table-name').fill(blank);
    await page.getByTestId('table-add').click();
    await expect(page.getByTestId('table-add-error')).toHaveText('Bitte geben Sie einen Namen für den Tisch ein.');
    await expect(page.getByTestId('table-name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('table-name')).toHaveAccessibleDescription('Bitte geben Sie einen Namen für den Tisch ein.');
  }
  await page.getByTestId('table-name').fill('T'.repeat(201));
  await page.getByTestId('table-add').click();
  await expect(page.getByTestId('table-add-error')).toHaveText('Der Name des Tisches ist zu lang (höchstens 200 Zeichen).');
  await expect(page.getByTestId('table-column')).toHaveCount(0);
  // A topic over its limit: the message marks the topic field, not the name's.
  await page.getByTestId('table-name').fill('Tisch 1');
  await page.getByTestId('table-topic').fill('T'.repeat(501));
  await page.getByTestId('table-add').click();
  const topicError = page.getByTestId('table-add-error');
  await expect(topicError).toContainText('500');
  await expect(page.getByTestId('table-topic')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('table-topic')).toHaveAccessibleDescription((await topicError.textContent()) ?? '');
  await expect(page.getByTestId('table-name')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('table-column')).toHaveCount(0);
  await page.getByTestId('table-topic').fill('Energie');
  await page.getByTestId('table-add').click();
  await expect(page.getByTestId('table-column')).toHaveCount(1);
  await expect(page.getByTestId('table-name')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('table-topic')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('table-add-error')).toHaveCount(0);
});

test('an empty card is not added; a 100,000-character card is stored whole and shown shortened', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Lange Karten');
  await page.getByTestId('card-entry').fill('   \n  ');
  await page.getByTestId('card-entry').press('Enter');
  await expect(page.getByTestId('card-error')).toHaveText('Eine leere Karte wird nicht angelegt: Bitte schreiben Sie etwas.');
  await expect(page.getByTestId('card')).toHaveCount(0);
  await page.getByTestId('card-entry').fill('\u200b');
  await page.getByTestId('card-entry').press('Enter');
  await expect(page.getByTestId('card-error')).toHaveText('Eine leere Karte wird nicht angelegt: Bitte schreiben Sie etwas.');
  await expect(page.getByTestId('card')).toHaveCount(0);

  const long = 'Wiederaufbau der Wirtschaft, Kommunen und Unternehmen. '.repeat(2000).slice(0, 100_000);
  expect(long.length).toBe(100_000);
  await page.getByTestId('card-entry').fill(long);
  await page.getByTestId('card-entry').press('Enter');
  await expect(page.getByTestId('card')).toHaveCount(1);
  const shown = await page.getByTestId('card-text').textContent();
  expect((shown ?? '').length).toBeLessThan(400);
  await expect(page.getByTestId('card-expand')).toContainText('100000');
  await expectSaved(page);
  await shot('long-card');

  await page.reload();
  await page.getByTestId('card-expand').click();
  const stored = (await page.getByTestId('card-text').textContent()) ?? '';
  // Compared as a boolean: a failing diff of two 100,000-character strings helps nobody.
  expect(stored.length).toBe(100_000);
  expect(stored === long, 'the stored card differs from the typed text').toBe(true);
});

test('a corrupted record marks that workshop as damaged while the others still open', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Gesunder Workshop');
  await page.getByTestId('card-entry').fill('Diese Karte bleibt');
  await page.getByTestId('card-entry').press('Enter');
  await expectSaved(page);
  await page.goto('/#/');
  await createWorkshop(page, 'Kaputter Workshop');
  const brokenId = workshopIdFromUrl(page);
  await page.goto('/#/');
  await createWorkshop(page, 'Kaputter Index');
  const badIndexId = workshopIdFromUrl(page);
  await page.goto('/#/');

  await page.evaluate(
    async ({ brokenId, badIndexId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('plenum');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['states', 'workshops'], 'readwrite');
      tx.objectStore('states').put({ workshopId: brokenId, state: new Uint8Array([1, 2, 3, 250, 251, 252]), compactedAt: 0 });
      const workshops = tx.objectStore('workshops');
      const read = workshops.get(badIndexId);
      read.onsuccess = () => workshops.put({ ...read.result, title: 42, updatedAt: 'yesterday' });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { brokenId, badIndexId },
  );

  await page.reload();
  await expect(page.getByTestId('workshop-damaged')).toHaveCount(1);
  await expect(page.getByTestId('workshop-damaged')).toContainText('Beschädigt');
  await expect(page.getByTestId('workshop-title')).toHaveText(['Kaputter Workshop', 'Gesunder Workshop']);
  await shot('home-with-damage');

  await page.getByText('Kaputter Workshop').click();
  await expect(page.getByTestId('open-failed')).toContainText('beschädigt');
  await shot('open-damaged');

  await page.getByRole('button', { name: 'Zurück zu allen Workshops' }).click();
  await page.getByText('Gesunder Workshop').click();
  await expect(page.getByTestId('card-text')).toHaveText(['Diese Karte bleibt']);
});

test('a disk-full error is shown at once, the change is kept and written on retry', async ({ page, shot }) => {
  await page.goto('/');
  await createWorkshop(page, 'Volle Festplatte');
  await expectSaved(page);
  // From now on every write of an update fails as IndexedDB does when the quota is exhausted.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.add;
    (window as unknown as { restoreDisk: () => void }).restoreDisk = () => {
      IDBObjectStore.prototype.add = original;
    };
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByTestId('card-entry').fill('Karte bei voller Platte');
  await page.getByTestId('card-entry').press('Enter');
  await expect(page.getByTestId('storage-error')).toContainText('Die Festplatte ist voll');
  await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-state', 'error');
  await shot('disk-full');

  // The saver also retries by itself every few seconds: restoring the disk and pressing the banner's
  // button in one task of the page leaves no turn for that timer, so it is the button that writes.
  await expect(page.getByTestId('storage-error').getByRole('button')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { restoreDisk: () => void }).restoreDisk();
    document.querySelector<HTMLButtonElement>('[data-testid="storage-error"] button')?.click();
  });
  await expectSaved(page);
  await expect(page.getByTestId('storage-error')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('card-text')).toHaveText(['Karte bei voller Platte']);
});
