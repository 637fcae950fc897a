import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { renderHtml } from '../../shared/minutes';
import { exportBackup, parseBackup, restoreBackup } from '../../shared/model';
import { seedDayFileWorkshop, seedDayMinutes, seedDaySnapshot } from '../support/seed-day';
import { expect, importAndOpen, test } from './fixtures';

/*
 * The minutes from the UI, in the browser build: the seed day's backup is imported on the home
 * screen, then every format is exported from the Minutes tab. In a browser the host saves a file
 * as a download, so each test reads the downloaded file; PDF opens the print view in a new tab.
 */

const SEED_DAY = 'tests/fixtures/seed-day.plenum';
const SEED_DAY_V1 = 'tests/fixtures/seed-day-v1.plenum';
const OUT = 'test-results/minutes-export';

async function importSeedDay(page: Page): Promise<void> {
  await page.goto('/');
  await importAndOpen(page, SEED_DAY);
  await expect(page.getByTestId('workshop-heading')).toHaveText('Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  await page.getByTestId('tab-minutes').click();
  await expect(page.getByTestId('minutes-panel')).toBeVisible();
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return read(file);
}

async function read(file: Download): Promise<{ name: string; text: string; bytes: Buffer }> {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  const bytes = readFileSync(path);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

test('the seed day imported from its backup exports its minutes in every format', async ({ page, shot }) => {
  // A laptop's screen: what an export did shows next to its buttons, without scrolling.
  await page.setViewportSize({ width: 1366, height: 768 });
  await importSeedDay(page);
  const preview = page.frameLocator('[data-testid="minutes-preview"]');
  await expect(preview.locator('h1')).toHaveText('Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  await expect(preview.locator('body')).toContainText('Gruppe: Kommunale Partnerschaften');
  await shot('minutes-de');

  const md = await download(page, 'minutes-export-md');
  expect(md.name).toBe('Protokoll-Themenkreis-Nachhaltiger-Wiederaufbau-der-Wirtschaft-2023-12-06.md');
  expect(md.text).toContain('- **Entschuldigt (2):** Stefan Richter (KfW Entwicklungsbank) und eine weitere Person');
  expect(md.text).toContain('#### Tisch: Kriegsrisikoversicherung');
  expect(md.text).not.toContain('Mykola Shevchenko');
  await expect(page.getByTestId('minutes-message')).toContainText('heruntergeladen');
  await expect(page.getByTestId('minutes-message')).toBeInViewport();

  const html = await download(page, 'minutes-export-html');
  expect(html.text).toMatch(/^<!doctype html>/);
  expect(html.text).toContain('@page { size: A4;');
  // The preview is the exported HTML, with the font the PDF embeds.
  const previewHtml = (await page.getByTestId('minutes-preview').getAttribute('srcdoc')) ?? '';
  expect(previewHtml).toContain('@font-face{font-family:Inter;');
  expect(previewHtml.replace(/<style>@font-face[^]*?<\/style>\n/, '')).toBe(html.text);

  const docx = await download(page, 'minutes-export-docx');
  expect(docx.name.endsWith('.docx')).toBe(true);
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  const csv = await download(page, 'minutes-export-csv');
  expect(csv.name).toBe('Maßnahmen-Themenkreis-Nachhaltiger-Wiederaufbau-der-Wirtschaft-2023-12-06.csv');
  expect(csv.text.startsWith('\uFEFFNr.;Was;Wer;Organisation;Bis wann;Status;Aus\r\n')).toBe(true);
  expect(csv.text.trimEnd().split('\r\n')).toHaveLength(8);

  const ics = await download(page, 'minutes-export-ics');
  expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  // The six items with a due date but the finished one.
  expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(5);

  // PDF in a browser: the print view opens in a tab of its own, with the same minutes. While the
  // export works (here: its fonts held back), it says so next to the buttons.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/inter-[a-z-]+-(400|700)[^/]*\.woff2$/, async (route) => {
    await held;
    await route.continue();
  });
  const popup = page.waitForEvent('popup');
  await page.getByTestId('minutes-export-pdf').click();
  await expect(page.getByTestId('minutes-progress')).toBeInViewport();
  await expect(page.getByTestId('minutes-export-pdf')).toBeDisabled();
  release();
  const printView = await popup;
  await expect(printView.locator('h1')).toHaveText('Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  await expect(page.getByTestId('minutes-message')).toContainText('Als PDF speichern');
  await printView.close();

  const backup = await download(page, 'minutes-backup');
  expect(backup.name).toBe('Themenkreis-Nachhaltiger-Wiederaufbau-der-Wirtschaft-2023-12-06.plenum');
  // The backup holds the workshop as the file did (fields the file lacks, as in an earlier version's, empty).
  expect((JSON.parse(backup.text) as { workshop: object }).workshop).toEqual(seedDayFileWorkshop(readFileSync(SEED_DAY, 'utf8')));
});

test('the HTML minutes (and the preview and PDF printed from them) wrap a long word without spaces instead of losing its end', async ({ page }) => {
  // The seed day with the longest title there may be and a card of 300 characters, neither with a space.
  const file = JSON.parse(readFileSync(SEED_DAY, 'utf8')) as { checksum?: string; workshop: { meta: { title: string }; cards: Array<Record<string, unknown>> } };
  delete file.checksum;
  file.workshop.meta.title = 'W'.repeat(200);
  const card = file.workshop.cards.find((entry) => entry.boardId === 'plenary');
  file.workshop.cards.push({ ...card, id: 'card-long-word', groupId: null, text: 'X'.repeat(300), order: 'zz' });
  const parsed = parseBackup(JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.error.code);
  const findings: string[] = [];
  for (const language of ['de', 'uk'] as const) {
    await page.setContent(renderHtml(seedDayMinutes(language, parsed.value)));
    // A4's text width on screen, a phone, and the page as printed.
    for (const [media, width] of [['screen', 794], ['screen', 360], ['print', 794]] as const) {
      await page.emulateMedia({ media });
      await page.setViewportSize({ width, height: 900 });
      findings.push(
        ...(await page.evaluate(() => {
          const right = document.body.getBoundingClientRect().right;
          const out: string[] = [];
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            if ([...range.getClientRects()].some((rect) => rect.right > right + 1)) out.push(`past the page's edge: ${node.textContent?.slice(0, 20)}`);
          }
          return out;
        })).map((finding) => `${language} ${media} ${width}: ${finding}`),
      );
    }
  }
  expect(findings).toEqual([]);
});

test('the mail draft goes to the consenting participants in BCC, as mailto and as .eml with the minutes', async ({ page, shot }) => {
  await importSeedDay(page);
  await expect(page.getByTestId('minutes-recipients')).toHaveText('10 Personen mit Einwilligung und E-Mail-Adresse');
  const href = (await page.getByTestId('minutes-mailto').getAttribute('href')) ?? '';
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  // The absent ones too: they receive the minutes as well.
  expect(url.searchParams.get('bcc')?.split(',')).toHaveLength(10);
  expect(url.searchParams.get('bcc')).toContain('stefan.richter');
  expect(url.searchParams.get('bcc')).not.toContain('mykola');
  expect(url.searchParams.get('subject')).toBe('Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');

  // The minutes' language is chosen apart from the UI's.
  await page.getByTestId('minutes-language').selectOption('uk');
  await expect(page.frameLocator('[data-testid="minutes-preview"]').locator('h1')).toHaveText('Протокол: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  await expect(page.getByRole('heading', { name: 'Protokoll', exact: true })).toBeVisible();
  await shot('minutes-uk-preview');

  const eml = await download(page, 'minutes-eml');
  expect(eml.name.endsWith('.eml')).toBe(true);
  expect(eml.text).toMatch(/^MIME-Version: 1\.0\r\n/);
  expect(eml.text).toContain('Subject: =?UTF-8?B?');
  expect(eml.text).toContain('X-Unsent: 1');
  expect(eml.text.match(/@beispiel\.invalid/g)).toHaveLength(10);
  expect(eml.text).toContain('Content-Disposition: attachment;');
});

test('a damaged backup is refused on the home screen with the reason, and nothing is imported', async ({ page, shot }) => {
  await page.goto('/');
  // The earlier seed day, from before checksums: each fault is named for what it is.
  const good = readFileSync(SEED_DAY_V1, 'utf8');
  const cases = [
    { name: 'abgeschnitten.plenum', text: good.slice(0, 5000), message: 'unvollständig' },
    { name: 'neuer.plenum', text: good.replace('"schemaVersion": 1,', '"schemaVersion": 99,'), message: 'neueren Plenum-Version (Format 99' },
    { name: 'handarbeit.plenum', text: good.replace(/"budget": 3/, '"budget": "drei"'), message: 'workshop.voteRounds[0].budget' },
    { name: 'fremd.plenum', text: '{"name":"etwas anderes"}', message: 'keine Plenum-Sicherung' },
    { name: 'gepackt.plenum', text: 'PK\u0003\u0004\u0014\u0000\u0008\u0000 sicherung.plenum', message: 'ZIP-Archiv' },
  ];
  for (const { name, text, message } of cases) {
    await page.getByTestId('import-backup-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('import-backup-error')).toContainText(`„${name}“ wurde nicht importiert.`);
    await expect(page.getByTestId('import-backup-error')).toContainText(message);
    await expect(page.getByTestId('import-backup-error')).toContainText('Es wurde nichts importiert.');
  }
  await shot('refused');
  await expect(page.getByTestId('workshop-list')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.workshop-row')).toHaveCount(0);
});

test('a backup over the size limit is refused at once by its size, a damaged one by its checksum', async ({ page, shot }) => {
  await page.goto('/');
  // 230 MB on paper (a sparse file, outside test-results so no report copies it): the app must
  // refuse it by its size, without reading it.
  const dir = mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  const huge = join(dir, 'riesig.plenum');
  writeFileSync(huge, '');
  truncateSync(huge, 230 * 1024 * 1024);
  try {
    await page.getByTestId('import-backup-file').setInputFiles(huge);
    const started = Date.now();
    await expect(page.getByTestId('import-backup-error')).toContainText('„riesig.plenum“ wurde nicht importiert. Die Datei ist zu groß (230 MB, Grenze 50 MB).', { timeout: 5_000 });
    console.log(`230 MB backup refused ${Date.now() - started} ms after it was chosen`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await shot('too-big');

  // One bit flipped in a title of a backup this version wrote: still valid JSON, but not what was exported.
  const exported = exportBackup(restoreBackup(seedDaySnapshot()));
  const at = exported.indexOf('Themenkreis') + 1;
  const damaged = `${exported.slice(0, at)}${String.fromCharCode(exported.charCodeAt(at) ^ 1)}${exported.slice(at + 1)}`;
  await page.getByTestId('import-backup-file').setInputFiles({ name: 'kaputt.plenum', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(page.getByTestId('import-backup-error')).toContainText('„kaputt.plenum“ wurde nicht importiert. Die Datei ist beschädigt oder wurde nach dem Export verändert');
  await expect(page.locator('.workshop-row')).toHaveCount(0);
});

test.describe('in a Ukrainian UI', () => {
  test.use({ language: 'uk' });

  test('the minutes panel lays out its Ukrainian texts and writes German minutes when asked', async ({ page, shot }) => {
    await page.goto('/');
    await importAndOpen(page, SEED_DAY);
    await page.getByTestId('tab-minutes').click();
    await expect(page.getByRole('heading', { name: 'Протокол', exact: true })).toBeVisible();
    await expect(page.getByTestId('minutes-export-ics')).toHaveText('Доручення як календар (ICS)');
    await expect(page.getByTestId('minutes-recipients')).toHaveText('10 осіб зі згодою та адресою ел. пошти');
    await page.getByTestId('minutes-language').selectOption('de');
    await expect(page.frameLocator('[data-testid="minutes-preview"]').locator('h1')).toHaveText('Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
    await shot('minutes-panel-uk');
  });
});
