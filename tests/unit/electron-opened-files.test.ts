import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openedFilesQueue, plenumPathsIn } from '../../electron/services/opened-files';

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
});
