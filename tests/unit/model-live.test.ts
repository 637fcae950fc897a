import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import {
  addTable,
  showTableInPlenary,
  addAgendaItem,
  addCard,
  addParticipant,
  addParticipants,
  participantsSnapshot,
  removeParticipant,
  updateParticipant,
  applyWorkshopUpdates,
  cardsSnapshot,
  createUndoHistory,
  dissolveGroup,
  groupCards,
  moveCardToGroup,
  AREA_NAMES,
  perArea,
  createWorkshopDoc,
  encodeWorkshopState,
  liveWorkshop,
  PLENARY_BOARD_ID,
  removeCard,
  syncDocs,
  updateCardText,
  updateMeta,
  type Area,
  type Card,
  type Participant,
  type WorkshopDoc,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';


function card(doc: WorkshopDoc, text: string): Card {
  const result = addCard(doc, { boardId: PLENARY_BOARD_ID, text });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

// Every area of the registry: an area added there is checked here too.
const AREAS: readonly Area[] = AREA_NAMES;
const noCalls = (): Record<Area, number> => perArea<Record<Area, number>>(() => 0);

function countNotifications(live: ReturnType<typeof liveWorkshop>): Record<Area, number> {
  const counts = noCalls();
  for (const area of AREAS) live.subscribe(area, () => (counts[area] += 1));
  return counts;
}

describe('liveWorkshop.get', () => {
  it('returns the same object for every area until something changes', () => {
    const doc = newWorkshop();
    card(doc, 'hello');
    const live = liveWorkshop(doc);
    for (const area of AREAS) expect(live.get(area)).toBe(live.get(area));
  });

  it('returns a new object only for the area that changed', () => {
    const doc = newWorkshop();
    const live = liveWorkshop(doc);
    const before = Object.fromEntries(AREAS.map((area) => [area, live.get(area)]));
    card(doc, 'new card');
    expect(live.get('cards')).not.toBe(before.cards);
    expect(live.get('cards').map((c) => c.text)).toEqual(['new card']);
    for (const area of AREAS.filter((a) => a !== 'cards')) expect(live.get(area)).toBe(before[area]);
  });

  it('gives a new report-back list when a table is shown in the plenary, and keeps the boards', () => {
    const doc = newWorkshop();
    const table = addTable(doc, { name: 'Tisch 1' });
    if (!table.ok) throw new Error(table.error.code);
    const live = liveWorkshop(doc);
    const boards = live.get('boards');
    const shown = live.get('reportBack');
    showTableInPlenary(doc, table.value.id);
    expect(live.get('reportBack')).not.toBe(shown);
    expect(live.get('reportBack')).toEqual([table.value.id]);
    expect(live.get('boards')).toBe(boards);
  });

  it('keeps the identity of unchanged cards when another card is edited', () => {
    const doc = newWorkshop();
    const [a, b, c] = ['a', 'b', 'c'].map((text) => card(doc, text)) as [Card, Card, Card];
    const live = liveWorkshop(doc);
    const before = live.get('cards');
    updateCardText(doc, b.id, 'b edited');
    const after = live.get('cards');
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect(after[1]?.text).toBe('b edited');
  });

  it('keeps the identity of the remaining cards when one is removed', () => {
    const doc = newWorkshop();
    const [a, b] = ['a', 'b'].map((text) => card(doc, text)) as [Card, Card];
    const live = liveWorkshop(doc);
    const before = live.get('cards');
    removeCard(doc, a.id);
    expect(live.get('cards')).toEqual([b]);
    expect(live.get('cards')[0]).toBe(before[1]);
  });

  it('keeps the roster as a whole reading gives it, and the unchanged people as they were, through edits, renames, deletes, undo and a remote change', () => {
    const doc = newWorkshop();
    const added = addParticipants(doc, ['Özlem', 'Anna', 'Ölaf', 'Zoë', 'anna', 'Ада', 'Ärger', 'Björn'].map((name) => ({ name, organisation: '', stakeholderGroup: '', email: '' })));
    if (!added.ok) throw new Error(added.error.code);
    const [ozlem, anna, , zoe, , ada] = added.value as [Participant, Participant, Participant, Participant, Participant, Participant];
    const live = liveWorkshop(doc);
    const undo = createUndoHistory(doc);
    const steps: Array<() => unknown> = [
      () => updateParticipant(doc, anna.id, { consent: true }),
      () => updateParticipant(doc, ozlem.id, { name: 'Aaron' }),
      () => updateParticipant(doc, zoe.id, { name: 'Zoë' }),
      () => removeParticipant(doc, ada.id),
      () => addParticipant(doc, { name: 'Mia', organisation: '', stakeholderGroup: '', email: '' }),
      () => undo.undo(),
      () => undo.undo(),
      () => {
        const peer = createWorkshopDoc();
        applyWorkshopUpdates(peer, [encodeWorkshopState(doc)]);
        updateParticipant(peer, anna.id, { name: 'Zora' });
        syncDocs(doc, peer);
      },
    ];
    for (const step of steps) {
      const before = live.get('participants');
      step();
      const after = live.get('participants');
      expect(after).toEqual(participantsSnapshot(doc));
      for (const person of after) {
        const old = before.find((entry) => entry.id === person.id);
        if (old && JSON.stringify(old) === JSON.stringify(person)) expect(person).toBe(old);
      }
    }
  });

  it('keeps the meta object when a change writes the same values again', () => {
    const doc = newWorkshop();
    const live = liveWorkshop(doc);
    const before = live.get('meta');
    updateMeta(doc, { title: 'Renamed' });
    const renamed = live.get('meta');
    expect(renamed).not.toBe(before);
    expect(renamed.title).toBe('Renamed');
    updateMeta(doc, { title: 'Renamed' });
    expect(live.get('meta')).toBe(renamed);
  });
});

describe('liveWorkshop.subscribe', () => {
  it.each([
    ['cards', (doc: WorkshopDoc) => card(doc, 'x')],
    ['agenda', (doc: WorkshopDoc) => addAgendaItem(doc, { title: 'Intro', durationMin: 5 })],
    ['meta', (doc: WorkshopDoc) => updateMeta(doc, { venue: 'Town hall' })],
    ['participants', (doc: WorkshopDoc) => addParticipant(doc, { name: 'Ada', organisation: '', stakeholderGroup: '', email: '' })],
  ] as const)('notifies only the listeners of %s when it changes', (area, change) => {
    const doc = newWorkshop();
    const live = liveWorkshop(doc);
    const counts = countNotifications(live);
    change(doc);
    expect(counts).toEqual({ ...noCalls(), [area]: 1 });
  });

  it('notifies for a remote change as for a local one', () => {
    const doc = newWorkshop();
    const peer = createWorkshopDoc();
    applyWorkshopUpdates(peer, [encodeWorkshopState(doc)]);
    const live = liveWorkshop(doc);
    const counts = countNotifications(live);
    card(peer, 'from the other table');
    syncDocs(doc, peer);
    expect(counts.cards).toBe(1);
    expect(counts.agenda).toBe(0);
    expect(live.get('cards').map((c) => c.text)).toEqual(['from the other table']);
  });

  it('stops notifying after unsubscribe and after destroy', () => {
    const doc = newWorkshop();
    const live = liveWorkshop(doc);
    let calls = 0;
    const unsubscribe = live.subscribe('cards', () => (calls += 1));
    card(doc, 'one');
    unsubscribe();
    card(doc, 'two');
    live.subscribe('cards', () => (calls += 1));
    live.destroy();
    card(doc, 'three');
    expect(calls).toBe(1);
  });
});

describe('liveWorkshop cards after a change', () => {
  it('reads only the changed card, not every card, when one is added to 500', () => {
    const doc = newWorkshop();
    for (let index = 0; index < 500; index += 1) card(doc, `card ${index}`);
    const live = liveWorkshop(doc);
    const before = live.get('cards');
    card(doc, 'the new one');
    const get = vi.spyOn(Y.Map.prototype, 'get');
    try {
      const after = live.get('cards');
      expect(after).toHaveLength(501);
      expect(after.at(-1)?.text).toBe('the new one');
      expect(after[0]).toBe(before[0]);
      // A whole reading asks each card's map for its ten fields: 5,000 calls.
      expect(get.mock.calls.length).toBeLessThan(50);
    } finally {
      get.mockRestore();
    }
  });

  it('reads only the changed person, not the whole roster, when one of 500 ticks consent', () => {
    const doc = newWorkshop();
    const added = addParticipants(doc, Array.from({ length: 500 }, (_, index) => ({ name: `Person ${index}`, organisation: '', stakeholderGroup: '', email: '' })));
    if (!added.ok) throw new Error(added.error.code);
    const live = liveWorkshop(doc);
    const before = live.get('participants');
    const someone = before[250] as Participant;
    updateParticipant(doc, someone.id, { consent: true });
    const get = vi.spyOn(Y.Map.prototype, 'get');
    try {
      const after = live.get('participants');
      expect(after[250]).toEqual({ ...someone, consent: true });
      expect(after[0]).toBe(before[0]);
      // A whole reading asks each person's map for their eight fields: 4,000 calls.
      expect(get.mock.calls.length).toBeLessThan(50);
    } finally {
      get.mockRestore();
    }
  });

  it('equals a whole reading after any mix of local, remote and undone changes', () => {
    const doc = newWorkshop();
    const peer = createWorkshopDoc();
    syncDocs(doc, peer);
    const live = liveWorkshop(doc);
    const undo = createUndoHistory(doc);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    for (let step = 0; step < 400; step += 1) {
      const on = random() < 0.3 ? peer : doc;
      const cards = cardsSnapshot(on);
      const target = pick(cards);
      const roll = random();
      if (roll < 0.35 || !target) card(on, `card ${step}`);
      else if (roll < 0.5) updateCardText(on, target.id, `edited ${step}`);
      else if (roll < 0.6) removeCard(on, target.id);
      else if (roll < 0.7) {
        const other = pick(cards.filter((entry) => entry.id !== target.id && entry.groupId === null));
        if (other && target.groupId === null) groupCards(on, { cardIds: [target.id, other.id] });
      } else if (roll < 0.78) {
        if (target.groupId) moveCardToGroup(on, target.id, null);
      } else if (roll < 0.83) {
        if (target.groupId) dissolveGroup(on, target.groupId);
      } else if (roll < 0.9) undo.undo();
      else syncDocs(doc, peer);
      // Read after some steps only, so several changes pile up between two readings.
      if (random() < 0.6) expect(live.get('cards')).toEqual(cardsSnapshot(doc));
    }
    syncDocs(doc, peer);
    expect(live.get('cards')).toEqual(cardsSnapshot(doc));
  });
});
