import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  agendaSnapshot,
  agendaTotalMinutes,
  createWorkshopDoc,
  encodeWorkshopState,
  applyWorkshopUpdates,
  moveAgendaItem,
  removeAgendaItem,
  syncDocs,
  updateAgendaItem,
  type AgendaItem,
  type WorkshopDoc,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';


function added(doc: WorkshopDoc, title: string, durationMin: number | string = 15): AgendaItem {
  const result = addAgendaItem(doc, { title, durationMin });
  if (!result.ok) throw new Error(`could not add ${title}: ${result.error.code}`);
  return result.value;
}

const titles = (doc: WorkshopDoc) => agendaSnapshot(doc).map((item) => item.title);

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

function withFourItems(): { doc: WorkshopDoc; ids: Record<string, string> } {
  const doc = newWorkshop();
  const ids: Record<string, string> = {};
  for (const title of ['A', 'B', 'C', 'D']) ids[title] = added(doc, title).id;
  return { doc, ids };
}

describe('adding agenda items', () => {
  it('appends items in the order they were added, with trimmed title and whole minutes', () => {
    const doc = newWorkshop();
    const first = added(doc, '  Welcome ', '10');
    added(doc, 'Break', 30);
    expect(first).toMatchObject({ title: 'Welcome', durationMin: 10, notes: '' });
    expect(titles(doc)).toEqual(['Welcome', 'Break']);
    expect(agendaSnapshot(doc)[0]).toEqual(first);
  });

  it('keeps notes exactly as written', () => {
    const doc = newWorkshop();
    const result = addAgendaItem(doc, { title: 'Round', durationMin: 5, notes: ' bring\nmarkers ' });
    expect(result.ok && result.value.notes).toBe(' bring\nmarkers ');
  });

  it.each([
    ['a blank title', { title: ' ', durationMin: 10 }, 'title.empty'],
    ['a negative duration', { title: 'X', durationMin: -1 }, 'duration.invalid'],
    ['a duration with a unit', { title: 'X', durationMin: '10 min' }, 'duration.invalid'],
  ])('refuses %s and adds nothing', (_label, input, code) => {
    const doc = newWorkshop();
    const result = addAgendaItem(doc, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(agendaSnapshot(doc)).toEqual([]);
  });
});

describe('updating agenda items', () => {
  it('changes only the fields given', () => {
    const doc = newWorkshop();
    const item = added(doc, 'Welcome', 10);
    expect(updateAgendaItem(doc, item.id, { title: ' Hello ' })).toEqual({ ok: true, value: { ...item, title: 'Hello' } });
    expect(updateAgendaItem(doc, item.id, { durationMin: ' 20 ' })).toMatchObject({ ok: true, value: { title: 'Hello', durationMin: 20 } });
    expect(updateAgendaItem(doc, item.id, { notes: 'line 1\nline 2' })).toMatchObject({
      ok: true,
      value: { title: 'Hello', durationMin: 20, notes: 'line 1\nline 2', order: item.order },
    });
  });

  it('refuses an invalid field and leaves the item as it was', () => {
    const doc = newWorkshop();
    const item = added(doc, 'Welcome', 10);
    expect(updateAgendaItem(doc, item.id, { title: 'Valid', durationMin: '1.5' })).toMatchObject({
      ok: false,
      error: { code: 'duration.invalid' },
    });
    expect(updateAgendaItem(doc, item.id, { title: '' })).toMatchObject({ ok: false, error: { code: 'title.empty' } });
    expect(agendaSnapshot(doc)).toEqual([item]);
  });

  it('reports an unknown item as notFound', () => {
    expect(updateAgendaItem(newWorkshop(), 'nope', { title: 'X' })).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('removing agenda items', () => {
  it('removes exactly the item given', () => {
    const { doc, ids } = withFourItems();
    expect(removeAgendaItem(doc, must(ids.B, 'B'))).toEqual({ ok: true, value: true });
    expect(titles(doc)).toEqual(['A', 'C', 'D']);
  });

  it('reports an item removed twice as notFound', () => {
    const { doc, ids } = withFourItems();
    removeAgendaItem(doc, must(ids.B, 'B'));
    expect(removeAgendaItem(doc, must(ids.B, 'B'))).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('moving agenda items', () => {
  it.each([
    ['the last item to the start', 'D', 0, ['D', 'A', 'B', 'C']],
    ['the first item to the middle', 'A', 2, ['B', 'C', 'A', 'D']],
    ['a middle item to the end', 'B', 3, ['A', 'C', 'D', 'B']],
    ['an item past the end (clamped to the end)', 'A', 99, ['B', 'C', 'D', 'A']],
    ['an item before the start (clamped to the start)', 'C', -3, ['C', 'A', 'B', 'D']],
    ['an item to where it already is', 'B', 1, ['A', 'B', 'C', 'D']],
  ])('moves %s', (_label, title, toIndex, expected) => {
    const { doc, ids } = withFourItems();
    expect(moveAgendaItem(doc, must(ids[title], title), toIndex)).toEqual({ ok: true, value: true });
    expect(titles(doc)).toEqual(expected);
  });

  it('keeps the order right over many moves', () => {
    const { doc, ids } = withFourItems();
    const expected = ['A', 'B', 'C', 'D'];
    const moves: Array<[string, number]> = [['D', 0], ['A', 1], ['C', 3], ['D', 2], ['B', 0], ['B', 3], ['A', 0]];
    for (const [title, toIndex] of moves) {
      moveAgendaItem(doc, must(ids[title], title), toIndex);
      expected.splice(expected.indexOf(title), 1);
      expected.splice(toIndex, 0, title);
      expect(titles(doc)).toEqual(expected);
    }
  });

  it('lands exactly where asked between two items that got the same key on two laptops', () => {
    const doc = newWorkshop();
    const mover = added(doc, 'Mover');
    const other = createWorkshopDoc();
    applyWorkshopUpdates(other, [encodeWorkshopState(doc)]);
    // Both laptops append at the same time: their keys are equal, the id breaks the tie.
    added(doc, 'Left');
    added(other, 'Right');
    syncDocs(doc, other);
    const tied = agendaSnapshot(doc).slice(1);
    expect(tied[0]?.order).toBe(tied[1]?.order);
    const between = tied.map((item) => item.title);

    expect(moveAgendaItem(doc, mover.id, 1)).toEqual({ ok: true, value: true });
    expect(titles(doc)).toEqual([between[0], 'Mover', between[1]]);
    syncDocs(doc, other);
    expect(titles(other)).toEqual(titles(doc));
  });

  it('reports an unknown item as notFound', () => {
    expect(moveAgendaItem(newWorkshop(), 'nope', 0)).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('agendaTotalMinutes', () => {
  it('adds up the planned minutes of every item', () => {
    const doc = newWorkshop();
    added(doc, 'A', 10);
    added(doc, 'B', '0');
    added(doc, 'C', ' 45 ');
    expect(agendaTotalMinutes(agendaSnapshot(doc))).toBe(55);
  });

  it('is zero for an empty agenda', () => {
    expect(agendaTotalMinutes([])).toBe(0);
  });
});
