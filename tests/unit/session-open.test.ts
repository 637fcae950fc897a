import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addAgendaItem,
  addCard,
  createWorkshopDoc,
  initWorkshop,
  PLENARY_BOARD_ID,
  SCHEMA_VERSION,
  systemTimeZone,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { PlenumDb } from '../../renderer/storage/plenum-db';
import { StorageError } from '../../renderer/storage/storage-error';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import {
  createStoredWorkshop,
  openWorkshopSession,
  readStoredWorkshop,
  WorkshopOpenError,
  type WorkshopSession,
} from '../../renderer/session/workshop-session';

let counter = 0;
const freshName = () => `session-open-${process.pid}-${Date.now()}-${(counter += 1)}`;

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function openStore(name = freshName()): Promise<WorkshopStore> {
  const store = await WorkshopStore.open(name);
  cleanup.push(() => store.close());
  return store;
}

async function openSession(store: WorkshopStore, id: string): Promise<WorkshopSession> {
  const session = await openWorkshopSession(store, id);
  cleanup.push(() => session.close());
  return session;
}

async function openError(promise: Promise<unknown>): Promise<WorkshopOpenError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WorkshopOpenError);
  return error as WorkshopOpenError;
}

/** A workshop document as a newer Plenum would write it, built with plain yjs. */
function newerDocument(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', SCHEMA_VERSION + 1);
    meta.set('id', id);
    meta.set('title', 'From the future');
    doc.getMap('timers').set('t1', new Y.Map());
  });
  return Y.encodeStateAsUpdate(doc);
}

async function storeState(name: string, id: string, state: unknown): Promise<void> {
  const raw = new PlenumDb(name);
  await raw.states.put({ workshopId: id, state: state as Uint8Array, compactedAt: 1 });
  raw.close();
}

describe('creating and opening a workshop', () => {
  it('stores a new workshop with its index row and opens it with the same content', async () => {
    const store = await openStore();
    const id = await createStoredWorkshop(store, { title: 'Town hall', language: 'uk', date: '2025-06-01' }, 4242);
    expect(await store.getIndexRow(id)).toEqual({ id, title: 'Town hall', date: '2025-06-01', venue: '', room: '', createdAt: 4242, updatedAt: 4242, deletedAt: null });
    const session = await openSession(store, id);
    expect(session.id).toBe(id);
    expect(workshopSnapshot(session.doc).meta).toEqual({
      id,
      schemaVersion: SCHEMA_VERSION,
      title: 'Town hall',
      date: '2025-06-01',
      venue: '',
      room: '',
      language: 'uk',
      createdAt: 4242,
      startTime: '',
      availableMin: 0,
      // The creating computer's zone, by today's name.
      timeZone: systemTimeZone(),
      moderator: '',
      minuteTaker: '',
      distribution: '',
      nextSteps: '',
      followUpDate: '',
    });
    expect(session.live.get('boards').map((board) => board.id)).toEqual([PLENARY_BOARD_ID]);
    expect(session.saver.status()).toEqual({ state: 'saved' });
  });

  it('creates from a template with its agenda, without its cards, and with the new date', async () => {
    const store = await openStore();
    const template: WorkshopDoc = createWorkshopDoc();
    initWorkshop(template, { id: 'tpl', title: 'Spring', language: 'en', date: '2025-04-01', venue: 'Library' });
    addAgendaItem(template, { title: 'Welcome', durationMin: 10 });
    addCard(template, { boardId: PLENARY_BOARD_ID, text: 'spring only' });
    const id = await createStoredWorkshop(store, { title: 'Autumn', language: 'de', date: '2025-10-01', templateOf: template });
    const session = await openSession(store, id);
    const snapshot = workshopSnapshot(session.doc);
    expect(snapshot.meta).toMatchObject({ id, title: 'Autumn', date: '2025-10-01', venue: 'Library', language: 'en' });
    expect(snapshot.agenda.map((item) => item.title)).toEqual(['Welcome']);
    expect(snapshot.cards).toEqual([]);
    expect(await store.getIndexRow(id)).toMatchObject({ title: 'Autumn', date: '2025-10-01' });
  });

  it('folds the update log into one state shortly after a workshop is opened', async () => {
    const store = await openStore();
    const id = await createStoredWorkshop(store, { title: 'W', language: 'de' });
    const first = await openWorkshopSession(store, id);
    for (let i = 0; i < 20; i += 1) addCard(first.doc, { boardId: PLENARY_BOARD_ID, text: `card ${i}` });
    await first.saver.flush();
    const expected = workshopSnapshot(first.doc);
    await first.close();
    expect(await store.countUpdates(id)).toBeGreaterThan(0);

    const second = await openSession(store, id);
    await vi.waitFor(async () => expect(await store.countUpdates(id)).toBe(0), { timeout: 5000 });
    expect(workshopSnapshot(second.doc)).toEqual(expected);
  });
});

describe('a workshop that cannot be opened', () => {
  it('is refused with schema.newer when a newer Plenum wrote it, and left as it was', async () => {
    const store = await openStore();
    const state = newerDocument('future');
    await store.createWorkshop({ id: 'future', title: 'From the future', date: '', createdAt: 1, updatedAt: 1 }, state);
    const error = await openError(openWorkshopSession(store, 'future'));
    expect(error.reason).not.toBeInstanceOf(StorageError);
    expect(error.reason).toEqual({ code: 'schema.newer', params: { version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } });
    // Nothing was rewritten: the newer Plenum finds its data as it left it.
    expect((await store.loadWorkshop('future')).updates).toEqual([state]);
  });

  it('is refused with schema.newer when read as a template or for export', async () => {
    const store = await openStore();
    await store.createWorkshop({ id: 'future', title: 'From the future', date: '', createdAt: 1, updatedAt: 1 }, newerDocument('future'));
    const error = await openError(readStoredWorkshop(store, 'future'));
    expect(error.reason).toMatchObject({ code: 'schema.newer' });
  });

  it.each([
    ['bytes that are not a Yjs update', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])],
    ['random bytes', Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 255)],
    ['a string instead of bytes', 'AAECAwQ='],
    ['a number instead of bytes', 42],
  ])('reports a state holding %s as damaged while another workshop still opens', async (_label, state) => {
    const name = freshName();
    const store = await openStore(name);
    const damaged = await createStoredWorkshop(store, { title: 'Damaged', language: 'de' });
    const healthy = await createStoredWorkshop(store, { title: 'Healthy', language: 'de' });
    await storeState(name, damaged, state);

    const error = await openError(openWorkshopSession(store, damaged));
    expect(['storage.damaged', 'data.damaged']).toContain(error.reason.code);
    expect(error.message).toContain('damaged');

    const session = await openSession(store, healthy);
    expect(workshopSnapshot(session.doc).meta.title).toBe('Healthy');
    expect((await store.listWorkshops()).workshops.map((w) => w.title).sort()).toEqual(['Damaged', 'Healthy']);
  });

  it('reports a workshop that has no stored state at all as damaged', async () => {
    const store = await openStore();
    const error = await openError(openWorkshopSession(store, 'never-created'));
    expect(error.reason.code).toBe('storage.damaged');
  });
});
