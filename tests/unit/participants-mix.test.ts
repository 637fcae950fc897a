import { describe, expect, it } from 'vitest';
import { fairShareLimit, mixTables, type MixPerson, type MixResult } from '../../shared/participants/mix';
import { deriveSeed, pick, seededRandom } from '../support/prng';

const TABLES = ['t1', 't2', 't3', 't4', 't5', 't6'];

function roster(sizes: Record<string, number>): MixPerson[] {
  return Object.entries(sizes).flatMap(([group, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${group}-${i}`, group, tableId: '', fixed: false })),
  );
}

function groupTotals(people: readonly MixPerson[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const person of people) totals.set(person.group, (totals.get(person.group) ?? 0) + 1);
  return totals;
}

/** The two rules, checked on the seating itself rather than on the function's own balance. */
function expectEvenAndMixed(people: readonly MixPerson[], tables: readonly string[], result: MixResult, context: string) {
  const seatOf = new Map(result.assignments.map((a) => [a.id, a.tableId]));
  expect(seatOf.size, context).toBe(people.length);
  const sizes = tables.map((t) => people.filter((p) => seatOf.get(p.id) === t).length);
  expect(sizes.reduce((a, b) => a + b, 0), `${context}: everyone seated at a given table`).toBe(people.length);
  expect(Math.max(...sizes) - Math.min(...sizes), `${context}: sizes ${sizes.join('/')}`).toBeLessThanOrEqual(1);
  for (const [group, total] of groupTotals(people)) {
    for (const table of tables) {
      const here = people.filter((p) => p.group === group && seatOf.get(p.id) === table).length;
      expect(here, `${context}: ${group} at ${table}`).toBeLessThanOrEqual(fairShareLimit(total, tables.length));
    }
  }
}

describe('mixing participants onto tables', () => {
  it('seats 60 people of 5 groups at 6 tables of 10, each group spread 2 per table', () => {
    const people = roster({ company: 12, association: 12, municipality: 12, civilSociety: 12, politics: 12 });
    const result = mixTables(people, TABLES, 42);
    expectEvenAndMixed(people, TABLES, result, 'seed 42');
    for (const table of result.balance) {
      expect(table.size).toBe(10);
      expect(Object.values(table.counts)).toEqual([2, 2, 2, 2, 2]);
    }
    expect(result.overfull).toEqual([]);
  });

  it('leaves people fixed by hand where they are and still balances the rest', () => {
    const people = roster({ company: 12, association: 12, municipality: 12, civilSociety: 12, politics: 12 });
    // Three from companies fixed at one table: more than the fair share of 2, within its + 1.
    for (const i of [0, 1, 2]) Object.assign(people[i] as MixPerson, { tableId: 't3', fixed: true });
    Object.assign(people[20] as MixPerson, { tableId: 't5', fixed: true });
    const result = mixTables(people, TABLES, 7);
    for (const person of people.filter((p) => p.fixed)) {
      expect(result.assignments.find((a) => a.id === person.id)).toEqual({ id: person.id, tableId: person.tableId, fixedToTable: true });
    }
    expect(result.assignments.filter((a) => a.fixedToTable)).toHaveLength(4);
    expectEvenAndMixed(people, TABLES, result, 'fixed');
  });

  it('gives the same seating for the same seed and another one for another seed, fixed people staying put', () => {
    const people = roster({ company: 12, association: 12, municipality: 12, civilSociety: 12, politics: 12 });
    Object.assign(people[5] as MixPerson, { tableId: 't1', fixed: true });
    const first = mixTables(people, TABLES, 1);
    expect(mixTables(people, TABLES, 1)).toEqual(first);
    const again = mixTables(people, TABLES, 2);
    expect(again.assignments).not.toEqual(first.assignments);
    expect(again.assignments[5]).toEqual(first.assignments[5]);
    expectEvenAndMixed(people, TABLES, again, 'seed 2');
  });

  it('keeps sizes even and no group above its fair share + 1 over many seeds and uneven rosters', () => {
    for (let run = 0; run < 300; run++) {
      const seed = deriveSeed(20261127, run);
      const random = seededRandom(seed);
      const groupCount = 1 + pick(random, 7);
      const sizes = Object.fromEntries(Array.from({ length: groupCount }, (_, g) => [`g${g}`, pick(random, 25)]));
      if (random() < 0.3) sizes[''] = pick(random, 6); // people without a stakeholder group
      const people = roster(sizes);
      const tables = Array.from({ length: 1 + pick(random, 10) }, (_, t) => `table-${t}`);
      // A few fixed by hand, at most one per table: never enough to force a group over its limit.
      const fixedTables = new Set<string>();
      for (const person of people) {
        if (random() < 0.05) {
          const table = tables[pick(random, tables.length)] as string;
          if (fixedTables.has(table)) continue;
          fixedTables.add(table);
          Object.assign(person, { tableId: table, fixed: true });
        } else if (random() < 0.3) {
          person.tableId = tables[pick(random, tables.length)] as string; // seated before, not fixed: may move
        }
      }
      const result = mixTables(people, tables, seed);
      const context = `run ${run}, seed ${seed}, ${people.length} people, ${tables.length} tables`;
      expectEvenAndMixed(people, tables, result, context);
      for (const person of people.filter((p) => p.fixed)) {
        expect(result.assignments.find((a) => a.id === person.id)?.tableId, context).toBe(person.tableId);
      }
    }
  });

  it('moves a person fixed at a table that no longer exists like anyone else', () => {
    const people: MixPerson[] = [
      { id: 'a', group: 'x', tableId: 'gone', fixed: true },
      { id: 'b', group: 'y', tableId: '', fixed: false },
    ];
    const result = mixTables(people, ['t1', 't2'], 3);
    expect(result.assignments.map((a) => a.tableId).sort()).toEqual(['t1', 't2']);
    expect(result.assignments.every((a) => !a.fixedToTable)).toBe(true);
  });

  it('reports the groups that people fixed by hand push over their limit', () => {
    const people = roster({ company: 4, politics: 4 });
    // All companies fixed at t1 fill it, so t2 can only take the politicians.
    for (const i of [0, 1, 2, 3]) Object.assign(people[i] as MixPerson, { tableId: 't1', fixed: true });
    const result = mixTables(people, ['t1', 't2'], 1);
    expect(result.overfull).toEqual([
      { tableId: 't1', group: 'company' },
      { tableId: 't2', group: 'politics' },
    ]);
  });

  it('seats nobody when there are no tables', () => {
    const people = roster({ company: 3 });
    expect(mixTables(people, [], 1)).toEqual({
      assignments: people.map((p) => ({ id: p.id, tableId: '', fixedToTable: false })),
      balance: [],
      overfull: [],
    });
  });
});
