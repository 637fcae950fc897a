import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopSnapshot, type WorkshopSnapshot } from '../../shared/model';
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB, exportBackup, parseBackup, restoreBackup, type BackupErrorCode } from '../../shared/model';
import { canonicalJson } from '../../shared/model';
import { importBackupFile } from '../../renderer/session/backup-import';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { SEED_DAY_PATH, SEED_DAY_V1_PATH, seedDaySnapshot } from '../support/seed-day';

const stores: WorkshopStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

/** The seed day as this version exports it: with a checksum. */
const seedDayExport = () => exportBackup(restoreBackup(seedDaySnapshot()), Date.UTC(2023, 11, 7, 18, 0));

const REFUSALS: readonly BackupErrorCode[] = ['backup.tooBig', 'backup.notJson', 'backup.truncated', 'backup.foreign', 'backup.newer', 'backup.invalid', 'backup.damaged'];

describe('a backup carries a checksum of its content', () => {
  it('written on export, over everything in the file but itself', () => {
    const text = seedDayExport();
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Near the top, where someone who opens the file sees it.
    expect(text.indexOf('"checksum"')).toBeLessThan(text.indexOf('"workshop"'));
    expect(parseBackup(text).ok).toBe(true);
  });

  it('does not depend on layout or key order: the same content re-indented still imports', () => {
    const file = JSON.parse(seedDayExport()) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    expect(parseBackup(JSON.stringify(reordered)).ok).toBe(true);
    expect(parseBackup(`\uFEFF${JSON.stringify(file, null, 4)}`).ok).toBe(true);
    expect(canonicalJson({ b: 1, a: [true, null, 'x', undefined], c: undefined })).toBe('{"a":[true,null,"x",null],"b":1}');
  });

  it('every sampled single-bit flip of a valid file is refused with a reason, or changes nothing that is imported', () => {
    const text = seedDayExport();
    const original = parseBackup(text);
    if (!original.ok) throw new Error(original.error.detail);
    const bytes = new TextEncoder().encode(text);
    const outcomes = new Map<string, number>();
    const changed: string[] = [];
    const SAMPLES = 200;
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      // Spread evenly over the file, each sample a different bit of its byte.
      const position = Math.floor(((sample + 0.5) * bytes.length) / SAMPLES);
      const flipped = bytes.slice();
      flipped[position] = (flipped[position] ?? 0) ^ (1 << (sample % 8));
      // As the app reads a file: invalid UTF-8 becomes U+FFFD, it does not throw.
      const result = parseBackup(new TextDecoder().decode(flipped));
      let outcome: string;
      if (result.ok) {
        outcome = 'imported unchanged';
        if (JSON.stringify(result.value) !== JSON.stringify(original.value)) changed.push(`byte ${position} bit ${sample % 8}`);
      } else {
        expect(REFUSALS).toContain(result.error.code);
        expect(result.error.detail.length).toBeGreaterThan(0);
        outcome = result.error.code;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log(`${SAMPLES} single-bit flips of a ${bytes.length}-byte backup:`, Object.fromEntries(outcomes));
    expect(changed).toEqual([]);
    expect(outcomes.get('backup.damaged') ?? 0).toBeGreaterThan(0);
  });

  it('a file changed after export is refused as damaged, even when the change is a valid value', () => {
    const file = JSON.parse(seedDayExport()) as { workshop: WorkshopSnapshot };
    const card = file.workshop.cards[0];
    if (!card) throw new Error('no card');
    card.text = 'geändert';
    const result = parseBackup(JSON.stringify(file));
    expect(result.ok ? null : result.error.code).toBe('backup.damaged');
    // A checksum that is not one is damage too.
    for (const checksum of ['', 'sha256:xyz', 42, null]) {
      const broken = parseBackup(JSON.stringify({ ...JSON.parse(seedDayExport()), checksum }));
      expect(broken.ok ? null : broken.error.code).toBe('backup.damaged');
    }
  });

  it('a file written before the checksum (the seed day) still imports, exactly as it was', () => {
    const text = readFileSync(SEED_DAY_V1_PATH, 'utf8');
    expect(text, 'the earlier seed day fixture is a file from before checksums').not.toContain('"checksum"');
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toEqual(seedDaySnapshot(SEED_DAY_V1_PATH));
  });
});

describe('a backup is refused by its size before it is read', () => {
  it('a 10,000-card workshop is far below the limit', () => {
    const snapshot = seedDaySnapshot();
    const base = snapshot.cards[0];
    if (!base) throw new Error('no card');
    // 300 characters: the longest card of the benchmarks' realistic texts.
    snapshot.cards = Array.from({ length: 10_000 }, (_, index) => ({ ...base, id: `card-${index}`, text: `${index} ${'Fördermittel für die Nachbarschaft '.repeat(9)}`.slice(0, 300) }));
    const bytes = new TextEncoder().encode(exportBackup(restoreBackup(snapshot))).length;
    console.log(`10,000 cards of 300 characters: ${(bytes / 1024 / 1024).toFixed(1)} MB, limit ${BACKUP_MAX_MB} MB`);
    expect(bytes).toBeLessThan(BACKUP_MAX_BYTES / 5);
  });

  it('a text over the limit is refused as too big, saying the limit', () => {
    const result = parseBackup(' '.repeat(BACKUP_MAX_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('backup.tooBig');
      expect(result.error.params).toEqual({ sizeMb: BACKUP_MAX_MB + 1, limitMb: BACKUP_MAX_MB });
    }
  });

  it('the import button refuses a 230 MB file without reading it, and stores nothing', async () => {
    const store = await WorkshopStore.open(`backup-size-${Date.now()}`);
    stores.push(store);
    let read = false;
    const file = {
      size: 230 * 1024 * 1024,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    };
    const result = await importBackupFile(store, file);
    expect(result).toEqual({ ok: false, error: { code: 'backup.tooBig', detail: `230 MB, the limit is ${BACKUP_MAX_MB} MB`, params: { sizeMb: 230, limitMb: BACKUP_MAX_MB } } });
    expect(read).toBe(false);
    expect(await store.listWorkshops()).toEqual({ workshops: [], damaged: [] });
    // A file within the limit is read and imported as before.
    const seed = readFileSync(SEED_DAY_PATH, 'utf8');
    const imported = await importBackupFile(store, { size: seed.length, text: () => Promise.resolve(seed) });
    expect(imported.ok).toBe(true);
  });
});

describe('ids in a backup', () => {
  it('a document whose workshop id a peer broke exports a backup that imports under a fresh id', async () => {
    const doc = restoreBackup(seedDaySnapshot());
    doc.getMap('meta').set('id', 'seed-day\r\nX-EVIL:1');
    const parsed = parseBackup(exportBackup(doc));
    expect(parsed.ok && parsed.value.meta.id).toBe('');
    const store = await WorkshopStore.open(`backup-ids-${Date.now()}`);
    stores.push(store);
    const result = await importBackupFile(store, new Blob([exportBackup(doc)]));
    expect(result.ok && /^[0-9a-f-]{36}$/.test(result.id)).toBe(true);
  });

  it('must be ids: an action item whose id would inject calendar events is refused, naming it', () => {
    const file = JSON.parse(seedDayExport()) as { checksum?: string; workshop: WorkshopSnapshot };
    delete file.checksum;
    const action = file.workshop.actions[0];
    if (!action) throw new Error('no action');
    action.id = `${action.id}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nDTSTART;VALUE=DATE:20240101\r\nSUMMARY:Eingeschleust`;
    const result = parseBackup(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('backup.invalid');
      expect(result.error.detail).toMatch(/^workshop\.actions\[0\]\.id: not an id/);
    }
  });

  it('of every kind keep the app\'s id format, which every id of the seed day has', () => {
    const snapshot = seedDaySnapshot();
    const doc = restoreBackup(snapshot);
    expect(workshopSnapshot(doc)).toEqual(snapshot);
    for (const [area, edit] of [
      ['meta', (file: WorkshopSnapshot) => (file.meta.id = 'a b')],
      ['cards', (file: WorkshopSnapshot) => ((file.cards[0] ?? { id: '' }).id = 'x;y')],
      ['reportBack', (file: WorkshopSnapshot) => (file.reportBack[0] = 'x\ny')],
      ['stakeholderGroups', (file: WorkshopSnapshot) => ((file.stakeholderGroups[0] ?? { key: '' }).key = 'ä')],
    ] as const) {
      // The earlier file has no checksum: an edited id is refused for what it is, not as damage.
      const file = JSON.parse(readFileSync(SEED_DAY_V1_PATH, 'utf8')) as { workshop: WorkshopSnapshot };
      edit(file.workshop);
      const result = parseBackup(JSON.stringify(file));
      expect(result.ok ? 'accepted' : result.error.detail, area).toMatch(new RegExp(`^workshop\\.${area}.*not an id`));
    }
  });
});
