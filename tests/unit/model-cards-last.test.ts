import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import {
  addCard,
  addTable,
  cardsSnapshot,
  createUndoHistory,
  createWorkshopDoc,
  PLENARY_BOARD_ID,
  removeCard,
  syncDocs,
  type Card,
  type WorkshopDoc,
} from '../../shared/model';
import { generateKeyBetween } from 'fractional-indexing';
import { newWorkshop } from '../support/workshop';

/*
 * A new card goes after the last card of its board. That last card is kept per board (not
 * scanned for on every card); these check that what is kept is always what a scan of every card
 * would find, whoever changed the cards.
 */

function added(doc: WorkshopDoc, boardId: string, text: string): Card {
  const result = addCard(doc, { boardId, text, now: 1000 });
  if (!result.ok) throw new Error(`could not add card: ${result.error.code}`);
  return result.value;
}

/** The key after a card's (a first key when its order is no key: a peer's junk), as `keyAtEnd` gives it. */
function keyAtEnd(last: ReadonlyArray<{ order: string }>): string {
  const order = last[0]?.order;
  try {
    return generateKeyBetween(order ?? null, null);
  } catch {
    return generateKeyBetween(null, null);
  }
}

/** The order a new card of the board must get, from a whole reading of the cards. */
function expectedOrder(doc: WorkshopDoc, boardId: string): string {
  const last = cardsSnapshot(doc)
    .filter((card) => card.boardId === boardId)
    .at(-1);
  return keyAtEnd(last ? [last] : []);
}

const cardMaps = (doc: WorkshopDoc) => doc.getMap('cards') as Y.Map<Y.Map<unknown>>;

describe('a new card after the last of its board', () => {
  it('reads no other card when one more is added to 500', () => {
    const doc = newWorkshop();
    for (let index = 0; index < 500; index += 1) added(doc, PLENARY_BOARD_ID, `card ${index}`);
    const before = cardsSnapshot(doc).at(-1)?.order ?? '';
    const get = vi.spyOn(Y.Map.prototype, 'get');
    const forEach = vi.spyOn(Y.Map.prototype, 'forEach');
    try {
      expect(added(doc, PLENARY_BOARD_ID, 'the new one').order > before).toBe(true);
      // A scan asks each of the 500 cards for its board.
      expect(get.mock.calls.length).toBeLessThan(20);
      expect(forEach).not.toHaveBeenCalled();
    } finally {
      get.mockRestore();
      forEach.mockRestore();
    }
  });

  it('follows cards added inside the same transaction', () => {
    const doc = newWorkshop();
    added(doc, PLENARY_BOARD_ID, 'before');
    const [one, two] = doc.transact(() => [added(doc, PLENARY_BOARD_ID, 'one').order, added(doc, PLENARY_BOARD_ID, 'two').order] as const);
    expect(two > one).toBe(true);
    expect(added(doc, PLENARY_BOARD_ID, 'after').order > two).toBe(true);
  });

  it('follows a card added by an observer of the change that added the one before', () => {
    const doc = newWorkshop();
    added(doc, PLENARY_BOARD_ID, 'first');
    const answers: Card[] = [];
    cardMaps(doc).observe((event) => {
      for (const [id, change] of event.changes.keys) {
        if (change.action === 'add' && cardMaps(doc).get(id)?.get('text') === 'echo me') answers.push(added(doc, PLENARY_BOARD_ID, 'echo'));
      }
    });
    const echoed = added(doc, PLENARY_BOARD_ID, 'echo me');
    expect(answers).toHaveLength(1);
    expect((answers[0]?.order ?? '') > echoed.order).toBe(true);
  });

  it('follows concurrent edits of two documents: cards added, deleted, moved and reordered on either', () => {
    const here = newWorkshop();
    const table = addTable(here, { name: 'Table 1' });
    if (!table.ok) throw new Error('no table');
    const there = createWorkshopDoc();
    syncDocs(here, there);
    // Both ask for the plenary's last card, so both keep it from here on.
    added(here, PLENARY_BOARD_ID, 'here 1');
    added(there, PLENARY_BOARD_ID, 'there 1');
    const lastHere = added(here, PLENARY_BOARD_ID, 'here 2');
    added(there, PLENARY_BOARD_ID, 'there 2');
    added(there, PLENARY_BOARD_ID, 'there 3');
    syncDocs(here, there);
    // The other's cards came later: a new card goes after them on both.
    const afterBoth = expectedOrder(here, PLENARY_BOARD_ID);
    expect(afterBoth > lastHere.order).toBe(true);
    expect(added(here, PLENARY_BOARD_ID, 'here 3').order).toBe(afterBoth);
    syncDocs(here, there);

    // There deletes the last card while here moves another one past it (an older version's write).
    const plenary = () => cardsSnapshot(here).filter((card) => card.boardId === PLENARY_BOARD_ID);
    const lastNow = plenary().at(-1);
    if (!lastNow) throw new Error('no last card');
    removeCard(there, lastNow.id);
    cardMaps(here).get(lastHere.id)?.set('order', 'b09');
    syncDocs(here, there);
    for (const doc of [here, there]) {
      const expected = expectedOrder(doc, PLENARY_BOARD_ID);
      expect(added(doc, PLENARY_BOARD_ID, 'after the move').order).toBe(expected);
      syncDocs(here, there);
    }
    // The last card leaves for the table: the plenary's last is an earlier one again.
    const last = plenary().at(-1);
    if (!last) throw new Error('no last card');
    cardMaps(there).get(last.id)?.set('boardId', table.value.id);
    syncDocs(here, there);
    const earlier = expectedOrder(here, PLENARY_BOARD_ID);
    expect(earlier < keyAtEnd([last])).toBe(true);
    expect(added(here, PLENARY_BOARD_ID, 'plenary').order).toBe(earlier);
  });

  it('always gives the order a whole reading would, after any mix of local, remote and undone changes', () => {
    const here = newWorkshop();
    const table = addTable(here, { name: 'Table 1' });
    if (!table.ok) throw new Error('no table');
    const boards = [PLENARY_BOARD_ID, table.value.id];
    const there = createWorkshopDoc();
    syncDocs(here, there);
    const undo = createUndoHistory(here);
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const pick = <T,>(items: readonly T[]): T | undefined => items[random(items.length)];
    const orders = ['a0', 'a5', 'b01', 'Zz', 'zzz', '', 'not a key'];
    for (let step = 0; step < 600; step += 1) {
      const doc = random(3) === 0 ? there : here;
      const boardId = pick(boards) ?? PLENARY_BOARD_ID;
      const cards = [...cardMaps(doc).keys()];
      switch (random(9)) {
        case 0:
        case 1:
        case 2: {
          const expected = expectedOrder(doc, boardId);
          expect(added(doc, boardId, `card ${step}`).order, `step ${step}`).toBe(expected);
          break;
        }
        case 3: {
          const id = pick(cards);
          if (id) removeCard(doc, id);
          break;
        }
        case 4:
          cardMaps(doc).get(pick(cards) ?? '')?.set('order', pick(orders) ?? '');
          break;
        case 5:
          cardMaps(doc).get(pick(cards) ?? '')?.set('boardId', boardId);
          break;
        case 6:
          if (random(2) === 0) undo.undo();
          else undo.redo();
          break;
        case 7:
          doc.transact(() => {
            added(doc, boardId, `batch ${step}`);
            const expected = expectedOrder(doc, boardId);
            expect(added(doc, boardId, `batch ${step} b`).order, `step ${step}`).toBe(expected);
          });
          break;
        default:
          syncDocs(here, there);
      }
    }
  });
});
