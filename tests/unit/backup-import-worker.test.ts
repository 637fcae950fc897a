import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { workshopSnapshot } from '../../shared/model';
import { readFromWorker, readToWorker } from '../../renderer/session/backup-import-protocol';
import { importBackup, importBackupFile, type ImportStage } from '../../renderer/session/backup-import';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { readStoredWorkshop } from '../../renderer/session/workshop-session';
import { SEED_DAY_PATH, seedDayFileWorkshop } from '../support/seed-day';

/*
 * The backup import's worker (renderer/session/backup-import.worker.ts) and the page's side of it
 * (backup-import.ts). The worker's module runs here in this realm: its `postMessage` and
 * `addEventListener` are the test's, and every message crosses as structured data (structuredClone,
 * the buffer of a state transferred), as it does between a page and a worker.
 */

const seedDay = readFileSync(SEED_DAY_PATH, 'utf8');

let toWorker: ((event: { data: unknown }) => void) | null = null;
let fromWorker: (message: unknown) => void = () => undefined;
const heardAtStart: unknown[] = [];

beforeAll(async () => {
  vi.stubGlobal('addEventListener', (type: string, listener: (event: { data: unknown }) => void) => {
    if (type === 'message') toWorker = listener;
  });
  vi.stubGlobal('postMessage', (message: unknown, transfer?: Transferable[]) => fromWorker(structuredClone(message, { transfer: transfer ?? [] })));
  fromWorker = (message) => heardAtStart.push(message);
  await import('../../renderer/session/backup-import.worker');
});

/** Sends one message to the worker module and collects what it says until `until` holds. */
function ask(message: unknown, until: (reply: unknown) => boolean): Promise<unknown[]> {
  return new Promise((resolve) => {
    const replies: unknown[] = [];
    fromWorker = (reply) => {
      replies.push(reply);
      if (until(reply)) resolve(replies);
    };
    toWorker?.({ data: structuredClone(message) });
  });
}
const isFinal = (reply: unknown) => ['checked', 'built', 'failed'].includes((reply as { type?: string }).type ?? '');

/** A stand-in for a Worker running the module above, one import at a time. */
class InRealmWorker extends EventTarget {
  terminated = false;
  constructor() {
    super();
    fromWorker = (message) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: message }));
    };
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'ready' } })));
  }
  postMessage(message: unknown) {
    if (!this.terminated) setTimeout(() => toWorker?.({ data: structuredClone(message) }), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const stores: WorkshopStore[] = [];
async function freshStore(): Promise<WorkshopStore> {
  const store = await WorkshopStore.open(`backup-worker-${crypto.randomUUID()}`);
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.close()));

describe('the import worker protocol', () => {
  it('the worker says it is ready as soon as its code runs', () => {
    expect(heardAtStart).toEqual([{ type: 'ready' }]);
  });

  it('checks a file, names its stages, and builds the state under the id the page gives', async () => {
    const checked = await ask({ type: 'check', source: seedDay }, isFinal);
    expect(checked.map((reply) => readFromWorker(reply))).toEqual([
      { type: 'stage', stage: 'reading' },
      { type: 'stage', stage: 'checking' },
      { type: 'checked', result: { ok: true, meta: expect.objectContaining({ id: 'seed-day', title: 'Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft', timeZone: 'Europe/Berlin' }), repairs: [] } },
    ]);
    const built = (await ask({ type: 'build', workshopId: 'the-copy' }, isFinal)).map((reply) => readFromWorker(reply));
    expect(built[0]).toEqual({ type: 'stage', stage: 'building' });
    const state = built[1]?.type === 'built' ? built[1].state : null;
    expect(state).toBeInstanceOf(Uint8Array);
    expect(state?.byteLength).toBeGreaterThan(1000);
    // A second build without a new check has nothing to build: the checked file is not kept.
    expect(await ask({ type: 'build', workshopId: 'again' }, isFinal)).toEqual([{ type: 'failed', message: 'the import worker was asked to build before a file was checked' }]);
  });

  it('answers a refused file with the reason, and a message it does not know with "failed"', async () => {
    const refused = await ask({ type: 'check', source: seedDay.slice(0, 3000) }, isFinal);
    expect(readFromWorker(refused.at(-1))).toEqual({ type: 'checked', result: { ok: false, error: expect.objectContaining({ code: 'backup.truncated' }) } });
    for (const message of [{ type: 'check' }, { type: 'check', source: 42 }, { type: 'build', workshopId: '' }, { type: 'eval', code: '1' }, null, 'check']) {
      expect(await ask(message, isFinal)).toEqual([{ type: 'failed', message: 'the import worker got a message it does not know' }]);
    }
  });

  it('the page reads only what the protocol says', () => {
    expect(readFromWorker({ type: 'stage', stage: 'building' })).toEqual({ type: 'stage', stage: 'building' });
    expect(readFromWorker({ type: 'built', state: new Uint8Array([1, 2]) })).toEqual({ type: 'built', state: new Uint8Array([1, 2]) });
    const wrong: unknown[] = [
      { type: 'stage', stage: 'uploading' },
      { type: 'built', state: [1, 2] },
      { type: 'built', state: new Uint8Array([1]).buffer },
      { type: 'checked', result: { ok: false, error: { code: 'backup.whatever', detail: '' } } },
      { type: 'checked', result: { ok: true, meta: { id: 'x', title: 'T', date: '', venue: '', room: '', createdAt: '0', timeZone: '' } } },
      { type: 'checked', result: { ok: true } },
      { type: 'failed' },
      { type: 'READY' },
      'ready',
      null,
    ];
    for (const message of wrong) expect(readFromWorker(message), JSON.stringify(message)).toBeNull();
    expect(readToWorker({ type: 'check', source: new Blob(['{}']) })?.type).toBe('check');
    expect(readToWorker({ type: 'build', workshopId: 7 })).toBeNull();
  });
});

describe('importing through the worker', () => {
  it('stores what the worker built, in one piece, and reports the stages in order', async () => {
    const store = await freshStore();
    const stages: ImportStage[] = [];
    let workers = 0;
    const result = await importBackup(store, seedDay, 1000, { onStage: (stage) => stages.push(stage), startWorker: () => (workers++, new InRealmWorker() as unknown as Worker) });
    expect(workers).toBe(1);
    expect(result).toEqual({ ok: true, id: 'seed-day', title: 'Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft', copy: false, zoneless: false, timeZone: 'Europe/Berlin', repairs: [] });
    expect(stages).toEqual(['reading', 'checking', 'building', 'saving']);
    expect(workshopSnapshot(await readStoredWorkshop(store, 'seed-day'))).toEqual(seedDayFileWorkshop(seedDay));
  });

  it('a worker that does not start (its script refused): the page imports the file itself', async () => {
    const store = await freshStore();
    const broken = new EventTarget() as EventTarget & { postMessage: () => void; terminate: () => void; terminated?: boolean };
    broken.postMessage = () => undefined;
    broken.terminate = () => (broken.terminated = true);
    setTimeout(() => broken.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'refused by the content policy' })), 0);
    const stages: ImportStage[] = [];
    const result = await importBackup(store, seedDay, 1000, { onStage: (stage) => stages.push(stage), startWorker: () => broken as unknown as Worker });
    expect(result.ok).toBe(true);
    expect(broken.terminated).toBe(true);
    expect(stages).toEqual(['reading', 'checking', 'building', 'saving']);
    expect((await store.listWorkshops()).workshops.map((row) => row.id)).toEqual(['seed-day']);
  });

  it('a worker that answers out of the protocol: the import fails with a reason and stores nothing', async () => {
    const store = await freshStore();
    const odd = new InRealmWorker();
    odd.postMessage = () => setTimeout(() => odd.dispatchEvent(new MessageEvent('message', { data: { type: 'built', state: 'not bytes' } })), 0);
    await expect(importBackup(store, seedDay, 1000, { startWorker: () => odd as unknown as Worker })).rejects.toThrow('the import worker sent a message this page does not know');
    expect(odd.terminated).toBe(true);
    expect(await store.listWorkshops()).toEqual({ workshops: [], damaged: [] });
  });

  it('cancelled while the worker builds: rejects with the reason, terminates the worker, stores nothing', async () => {
    const store = await freshStore();
    const controller = new AbortController();
    const worker = new InRealmWorker();
    const stages: ImportStage[] = [];
    const onStage = (stage: ImportStage) => {
      stages.push(stage);
      if (stage === 'building') controller.abort(new DOMException('cancelled', 'AbortError'));
    };
    // A file-like source that is no Blob: read on the page, its text sent to the worker.
    const file = { size: seedDay.length, text: () => Promise.resolve(seedDay) };
    await expect(importBackupFile(store, file, 1000, { signal: controller.signal, onStage, startWorker: () => worker as unknown as Worker })).rejects.toThrow('cancelled');
    expect(worker.terminated).toBe(true);
    expect(stages).not.toContain('saving');
    // What the worker still sends after the cancel reaches nobody and stores nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.listWorkshops()).toEqual({ workshops: [], damaged: [] });
  });
});

describe('a backup with mended values, through the worker', () => {
  it('the changes cross to the page with the workshop, to be told', async () => {
    const file = JSON.parse(seedDay) as { checksum?: string; workshop: { meta: { startTime: string } } };
    delete file.checksum;
    file.workshop.meta.startTime = '25:99';
    const store = await freshStore();
    const result = await importBackup(store, JSON.stringify(file), 1000, { startWorker: () => new InRealmWorker() as unknown as Worker });
    expect(result.ok && result.repairs.map(({ code, params }) => [code, params])).toEqual([['startTime', { value: '25:99' }]]);
  });
});
