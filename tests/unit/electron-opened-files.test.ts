import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openedFilesQueue, plenumPathsIn } from '../../electron/services/opened-files';
import { hostContract } from '../../shared/host-api';
import { BACKUP_MAX_BYTES } from '../../shared/model';

describe('files the app is asked to open', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plenum-opened-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('are the .plenum paths of a command line, not flags or other files', () => {
    expect(plenumPathsIn(['--inspect', 'C:\\Users\\ana\\Tag 1.plenum', '/home/ana/notes.txt', '/home/ana/WORKSHOP.PLENUM', '--flag=x.plenum'])).toEqual([
      'C:\\Users\\ana\\Tag 1.plenum',
      '/home/ana/WORKSHOP.PLENUM',
    ]);
  });

  it('are read once each, by name and text; one that is gone is dropped', async () => {
    const first = path.join(dir, 'Tag 1.plenum');
    await writeFile(first, '{"format":"plenum-backup"}', 'utf8');
    const queue = openedFilesQueue();
    queue.add([first, path.join(dir, 'gone.plenum')]);
    queue.add([first]);
    await expect(queue.take()).resolves.toEqual([{ name: 'Tag 1.plenum', text: '{"format":"plenum-backup"}' }]);
    await expect(queue.take()).resolves.toEqual([]);
  });

  it('over the backup size limit are handed over unread, with their size, for the window to refuse', async () => {
    // Sparse: 230 MB on paper, nothing on disk.
    const huge = path.join(dir, 'riesig.plenum');
    await writeFile(huge, '');
    await truncate(huge, 230 * 1024 * 1024);
    const small = path.join(dir, 'klein.plenum');
    await writeFile(small, '{}', 'utf8');
    const queue = openedFilesQueue();
    queue.add([huge, small]);
    const taken = await queue.take();
    expect(taken).toEqual([
      { name: 'riesig.plenum', tooBig: 230 * 1024 * 1024 },
      { name: 'klein.plenum', text: '{}' },
    ]);
    expect(230 * 1024 * 1024).toBeGreaterThan(BACKUP_MAX_BYTES);
    expect(hostContract['file:takeOpened'].output.safeParse(taken).success).toBe(true);
  });
});
