import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { standardWorkshop } from '../../bench/fixtures/workshop';
import { DATA_CHANNEL_MAX_BYTES, splitSends, splitSyncMessage, splitUpdate, SYNC_CHUNK_BYTES } from '../../renderer/network/split-sync';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';

/*
 * A large state goes over a data channel as several valid Yjs updates (renderer/network/split-sync.ts):
 * each fits, and applied by plain Yjs — in order or not — they make the same document as the whole.
 */

/** The 2,000-card bench workshop, with a third of one map's entries deleted, so the state has a delete set too. */
function largeState(): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, standardWorkshop().fullState);
  const maps = [...doc.share.keys()].map((key) => doc.getMap(key)).sort((a, b) => b.size - a.size);
  const biggest = maps[0];
  if (!biggest) throw new Error('no map in the workshop');
  const keys = [...biggest.keys()];
  doc.transact(() => keys.filter((_, index) => index % 3 === 0).forEach((key) => biggest.delete(key)));
  return Y.encodeStateAsUpdate(doc);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, sorted(inner)]));
  return value;
}

const docFrom = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
};

/** Same structs, same content, same deletions. */
function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.store.pendingStructs, 'nothing left waiting').toBeNull();
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  // A map's keys come out in the order they were integrated, which the order of arrival changes.
  const content = (doc: Y.Doc) => JSON.stringify([...doc.share.keys()].sort().map((key) => sorted(doc.getMap(key).toJSON())));
  expect(content(actual)).toBe(content(expected));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(actual.store), Y.createDeleteSetFromStructStore(expected.store))).toBe(true);
}

describe('splitUpdate', () => {
  const state = largeState();
  const whole = docFrom([state]);

  it('cuts the 2,000-card workshop (≈ 900 KiB, more than a data channel takes) into updates that each fit', () => {
    expect(state.length).toBeGreaterThan(DATA_CHANNEL_MAX_BYTES);
    const chunks = splitUpdate(state);
    expect(chunks.length).toBeGreaterThan(state.length / SYNC_CHUNK_BYTES);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(SYNC_CHUNK_BYTES + 4096);
  });

  it('makes the same document, deletions included, applied in order', () => {
    expectSameDocument(docFrom(splitUpdate(state)), whole);
  });

  it('makes the same document applied in reverse or shuffled order (what comes early waits in pending structs)', () => {
    const chunks = splitUpdate(state);
    expectSameDocument(docFrom([...chunks].reverse()), whole);
    const shuffled = [...chunks].sort((a, b) => (a[a.length - 1] ?? 0) - (b[b.length - 1] ?? 0) || a.length - b.length);
    expectSameDocument(docFrom(shuffled), whole);
  });

  it('leaves an update that fits as it is', () => {
    const small = Y.encodeStateAsUpdate(docFrom([]));
    expect(splitUpdate(small)).toEqual([small]);
  });

  it('splits a diff against a state vector too (what a laptop that has part of the workshop is sent)', () => {
    const half = new Y.Doc();
    const chunks = splitUpdate(state);
    for (const chunk of chunks.slice(0, Math.floor(chunks.length / 2))) Y.applyUpdate(half, chunk);
    const diff = Y.encodeStateAsUpdate(whole, Y.encodeStateVector(half));
    for (const part of splitUpdate(diff, 32 * 1024)) Y.applyUpdate(half, part);
    expectSameDocument(half, whole);
  });
});

describe('splitSyncMessage', () => {
  const state = largeState();

  const syncMessage = (kind: number, update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  };

  /** What y-webrtc's readMessage does with a sync message: y-protocols applies it. Returns the kinds read. */
  const receive = (doc: Y.Doc, messages: readonly Uint8Array[]) =>
    messages.map((message) => {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
      return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'test');
    });

  it('sends a large sync step 2 as updates and ends with the step 2, so "synced" comes with the last part', () => {
    const parts = splitSyncMessage(syncMessage(syncProtocol.messageYjsSyncStep2, state));
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expect(part.length).toBeLessThan(DATA_CHANNEL_MAX_BYTES);
    const doc = new Y.Doc();
    const kinds = receive(doc, parts);
    expect(kinds.slice(0, -1).every((kind) => kind === syncProtocol.messageYjsUpdate)).toBe(true);
    expect(kinds.at(-1)).toBe(syncProtocol.messageYjsSyncStep2);
    expectSameDocument(doc, docFrom([state]));
  });

  it('sends an edit that fits whole, even above a part’s size: its observers see it as one transaction', () => {
    const doc = new Y.Doc();
    const edit = Y.encodeStateAsUpdate(doc);
    doc.getMap('cards').set('big', 'ж'.repeat(100_000));
    const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(docFrom([edit])));
    const message = syncMessage(syncProtocol.messageYjsUpdate, update);
    expect(message.length).toBeGreaterThan(SYNC_CHUNK_BYTES);
    expect(splitSyncMessage(message)).toEqual([message]);
  });

  it('passes small messages, awareness and sync step 1 through untouched', () => {
    const step1 = syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array(300_000));
    expect(splitSyncMessage(step1)).toEqual([step1]);
    const awareness = new Uint8Array(300_000).fill(1);
    expect(splitSyncMessage(awareness)).toEqual([awareness]);
    const small = syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(splitSyncMessage(small)).toEqual([small]);
  });

  it('splitSends makes every send of a connection fit a data channel', () => {
    const sent: Uint8Array[] = [];
    const conn = { peer: { send: (message: Uint8Array) => void sent.push(message) } };
    splitSends(conn);
    conn.peer.send(syncMessage(syncProtocol.messageYjsSyncStep2, state));
    expect(sent.length).toBeGreaterThan(4);
    expect(Math.max(...sent.map((message) => message.length))).toBeLessThan(DATA_CHANNEL_MAX_BYTES);
  });
});

describe('splitUpdate of one edit', () => {
  it('sends a card of 238 kB once: its run, and a delete set that does not repeat it (an update not starting at clock 0)', () => {
    const doc = new Y.Doc();
    const cards = doc.getMap('cards');
    cards.set('first', 1);
    const before = Y.encodeStateAsUpdate(doc);
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (edit: Uint8Array) => {
      update = edit;
    });
    doc.transact(() => {
      const card = new Y.Map<string>();
      cards.set('big', card);
      card.set('text', `large ${'ж'.repeat(119_000)}`);
      card.set('order', 'a0');
    });
    const parts = splitUpdate(update);
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    expect(total).toBeLessThan(update.length + 1024);
    const copy = docFrom([before, ...parts]);
    expectSameDocument(copy, doc);
  });
});
