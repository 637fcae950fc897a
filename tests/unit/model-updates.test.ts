import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, applyWorkshopUpdates, cardsSnapshot, createWorkshopDoc, initWorkshop, PLENARY_BOARD_ID, workshopSnapshot } from '../../shared/model';

/*
 * applyWorkshopUpdates reads v1 updates with a decoder that reuses strings it decoded before
 * (shared/model/updates.ts). These tests hold it to plain Y.applyUpdate: same document, same
 * failures, whatever the strings look like.
 */

/** Strings around every boundary of the reuse: lengths 0, 16/17 (table), 64/65 (long), 127/128 (varuint), non-ASCII. */
const STRINGS = [
  '',
  'a',
  'id',
  'boardId',
  'plenary',
  'x'.repeat(16),
  'y'.repeat(17),
  'z'.repeat(63),
  'w'.repeat(64),
  'v'.repeat(65),
  'u'.repeat(127),
  't'.repeat(128),
  'Größe',
  'ÄÖÜäöüß'.repeat(3),
  'Громада',
  'Пропозиція щодо дитячого майданчика',
  '🙂🌳',
  'a\u0000b',
  'line one\nline two',
  crypto.randomUUID(),
];

function plainApply(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

function ourApply(updates: readonly Uint8Array[]): Y.Doc {
  const doc = createWorkshopDoc();
  expect(applyWorkshopUpdates(doc, updates)).toEqual({ ok: true, value: true });
  return doc;
}

/** Same content and the same encoding: every struct was read the same way. */
function expectSameDoc(ours: Y.Doc, plain: Y.Doc): void {
  expect(ours.toJSON()).toEqual(plain.toJSON());
  expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(plain));
}

/** A document using every kind of content Yjs reads strings for: keys, any values, text, formats, embeds. */
function richUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const items = doc.getMap<Y.Map<unknown>>('cards');
  STRINGS.forEach((text, index) => {
    doc.transact(() => {
      const item = new Y.Map<unknown>();
      item.set('id', text);
      item.set(text, text);
      item.set('value', { text, list: [text, index, null, true, 1.5, -7, 2 ** 40] });
      item.set('bytes', new Uint8Array([index, 255, 0]));
      items.set(`${text}#${index}`, item);
    });
  });
  const rich = doc.getText('notes');
  rich.insert(0, STRINGS.join('|'));
  rich.format(2, 5, { bold: true, [STRINGS[13] ?? 'x']: STRINGS[15] });
  rich.insertEmbed(3, { image: STRINGS[16] });
  doc.getArray<string>('list').insert(0, STRINGS);
  items.delete(`${STRINGS[3] ?? ''}#3`);
  rich.delete(0, 4);
  // A second client, so updates carry several clients and the state is merged from both.
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.on('update', (update: Uint8Array) => updates.push(update));
  other.getMap('cards').set('from-other', STRINGS[14]);
  other.getText('notes').insert(1, STRINGS[12] ?? '');
  return updates;
}

describe('applyWorkshopUpdates', () => {
  it('builds the same document as Y.applyUpdate, update by update and from a merged state', () => {
    const updates = richUpdates();
    expectSameDoc(ourApply(updates), plainApply(updates));
    const state = Y.encodeStateAsUpdate(plainApply(updates));
    expectSameDoc(ourApply([state]), plainApply([state]));
    // Read again, now that its strings are known from the first reads.
    expectSameDoc(ourApply([state]), plainApply([state]));
  });

  it('reads a workshop (state plus a log of single-card updates) exactly as Y.applyUpdate does', () => {
    const source = createWorkshopDoc();
    initWorkshop(source, { id: 'w', title: 'Bürgerwerkstatt', language: 'de', now: 1 });
    for (let index = 0; index < 450; index += 1) {
      addCard(source, { boardId: PLENARY_BOARD_ID, text: STRINGS[index % STRINGS.length] || `card ${index}`, now: index });
    }
    const state = Y.encodeStateAsUpdate(source);
    const log: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => log.push(update));
    for (let index = 0; index < 50; index += 1) addCard(source, { boardId: PLENARY_BOARD_ID, text: `später ${index}`, now: 5000 + index });

    const ours = ourApply([state, ...log]);
    const plain = plainApply([state, ...log]);
    expectSameDoc(ours, plain);
    expect(workshopSnapshot(ours)).toEqual(workshopSnapshot(source));
    expect(cardsSnapshot(ours)).toHaveLength(500);
  });

  it('stays exact when thousands of different short strings share the table', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<string>('m');
    doc.transact(() => {
      for (let index = 0; index < 5000; index += 1) {
        // Short keys and values that collide in a 512-slot table, some equal to each other.
        map.set(`k${index}`, index % 3 === 0 ? `k${index + 1}` : `v${(index * 7919) % 4999}`);
      }
    });
    const state = Y.encodeStateAsUpdate(doc);
    expectSameDoc(ourApply([state]), plainApply([state]));
    expectSameDoc(ourApply([state]), plainApply([state]));
  });

  it('fails where Y.applyUpdate fails: cut short, or a known string whose bytes are no longer UTF-8', () => {
    const updates = richUpdates();
    const state = Y.encodeStateAsUpdate(plainApply(updates));
    // Make the strings known first.
    ourApply([state]);

    const truncated = state.slice(0, Math.floor(state.length / 2));
    expect(() => plainApply([truncated])).toThrow();
    expect(applyWorkshopUpdates(createWorkshopDoc(), [truncated])).toEqual({ ok: false, error: { code: 'data.damaged' } });

    // 'boardId' as a key: its length byte (7) and bytes; replace one byte with 0xff.
    const key = new TextEncoder().encode('boardId');
    const at = state.findIndex((_, index) => state[index] === key.length && key.every((byte, offset) => state[index + 1 + offset] === byte));
    expect(at).toBeGreaterThan(0);
    const broken = state.slice();
    broken[at + 3] = 0xff;
    expect(() => plainApply([broken])).toThrow();
    expect(applyWorkshopUpdates(createWorkshopDoc(), [broken])).toEqual({ ok: false, error: { code: 'data.damaged' } });
  });
});
