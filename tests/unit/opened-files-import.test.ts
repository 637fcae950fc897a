import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_MAX_BYTES } from '../../shared/model';
import { importOpenedFiles, type OpenedFileOutcome } from '../../renderer/session/backup-import';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { fakeHost } from '../support/fake-host';
import { SEED_DAY_PATH } from '../support/seed-day';

const seedDay = readFileSync(SEED_DAY_PATH, 'utf8');

describe('files the desktop app was opened with', () => {
  it('are asked of the host it was given, imported one by one, and a file too big is refused unread', async () => {
    const store = await WorkshopStore.open(`opened-${crypto.randomUUID()}`);
    const host = fakeHost({
      'file:takeOpened': async () => ({ ok: true, value: [{ name: 'tag.plenum', text: seedDay }, { name: 'riesig.plenum', tooBig: BACKUP_MAX_BYTES + 1 }] }),
    });
    const outcomes: OpenedFileOutcome[] = [];
    await importOpenedFiles(host, store, (outcome) => outcomes.push(outcome), 1000);
    expect(host.calls).toEqual([{ channel: 'file:takeOpened', input: undefined }]);
    expect(outcomes).toMatchObject([
      { file: 'tag.plenum', ok: true, id: 'seed-day', copy: false },
      { file: 'riesig.plenum', ok: false, error: { code: 'backup.tooBig' } },
    ]);
    expect((await store.listWorkshops()).workshops.map((row) => row.id)).toEqual(['seed-day']);
  });

  it('import nothing when the host cannot say which files they were', async () => {
    const store = await WorkshopStore.open(`opened-${crypto.randomUUID()}`);
    const host = fakeHost({ 'file:takeOpened': async () => ({ ok: false, error: 'bridge-failed' }) });
    const outcomes: OpenedFileOutcome[] = [];
    await importOpenedFiles(host, store, (outcome) => outcomes.push(outcome));
    expect(outcomes).toEqual([]);
    expect((await store.listWorkshops()).workshops).toEqual([]);
  });
});
