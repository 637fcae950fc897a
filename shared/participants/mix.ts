import { seededRandom, shuffled } from './seeded-random';

/** A participant as mixing sees them. `group` '' (no stakeholder group) is balanced like a group of its own. */
export interface MixPerson {
  id: string;
  group: string;
  /** The table they sit at, '' when none. */
  tableId: string;
  /** Placed by hand: stays at `tableId` (if that table still exists). */
  fixed: boolean;
}

export interface MixAssignment {
  id: string;
  tableId: string;
  fixedToTable: boolean;
}

/** How one table is made up: its size and the number of people of each stakeholder group. */
export interface TableBalance {
  tableId: string;
  size: number;
  counts: Record<string, number>;
}

export interface MixResult {
  /** One per person given, in the order given; the fixed ones keep their table. */
  assignments: MixAssignment[];
  balance: TableBalance[];
  /** Places where a group exceeds its fair share + 1; only people fixed by hand can force this. */
  overfull: Array<{ tableId: string; group: string }>;
}

/** The most people of a group any table should hold: its fair share (rounded down) plus one. */
export const fairShareLimit = (groupSize: number, tableCount: number): number => Math.floor(groupSize / tableCount) + 1;

/** Table by table, how many people of each group sit there. Tables in the order given. */
export function tableBalance(people: ReadonlyArray<Pick<MixPerson, 'group' | 'tableId'>>, tableIds: readonly string[]): TableBalance[] {
  const byTable = new Map(tableIds.map((tableId) => [tableId, { tableId, size: 0, counts: {} as Record<string, number> }]));
  for (const person of people) {
    const table = byTable.get(person.tableId);
    if (!table) continue;
    table.size += 1;
    table.counts[person.group] = (table.counts[person.group] ?? 0) + 1;
  }
  return [...byTable.values()];
}

/** Where a group holds more than `fairShareLimit` of the people seated. */
export function overfullGroups(balance: readonly TableBalance[]): MixResult['overfull'] {
  const totals = new Map<string, number>();
  for (const table of balance) for (const [group, count] of Object.entries(table.counts)) totals.set(group, (totals.get(group) ?? 0) + count);
  const out: MixResult['overfull'] = [];
  for (const table of balance) {
    for (const [group, count] of Object.entries(table.counts)) {
      if (count > fairShareLimit(totals.get(group) ?? 0, balance.length)) out.push({ tableId: table.tableId, group });
    }
  }
  return out;
}

/**
 * Seats everyone at the tables so that table sizes differ by at most one and every table mixes
 * the stakeholder groups as evenly as possible; people fixed by hand stay where they are (sizes
 * and mixing then work around them). The same input and seed give the same seating; another
 * seed gives another seating of the same quality, which is how "mix again" works.
 *
 * How: table sizes first (the smallest table gets the next seat), then a greedy deal of each
 * group over the tables holding fewest of it, then swaps of two people of different groups
 * between two tables while that lowers the sum of squared group counts. That sum cannot be
 * lowered any more only when, among people not fixed, no table holds two more of a group than
 * another: hence no group above its fair share + 1.
 */
export function mixTables(people: readonly MixPerson[], tableIds: readonly string[], seed: number): MixResult {
  if (tableIds.length === 0) return { assignments: people.map((p) => ({ id: p.id, tableId: p.tableId, fixedToTable: p.fixed })), balance: [], overfull: [] };
  const random = seededRandom(seed);
  const tables = shuffled([...new Set(tableIds)], random);
  const tableIndex = new Map(tables.map((id, index) => [id, index]));
  const T = tables.length;

  const isFixed = (person: MixPerson) => person.fixed && tableIndex.has(person.tableId);
  const groups = [...new Set(people.map((person) => person.group))].sort();
  const groupIndex = new Map(groups.map((group, index) => [group, index]));
  const G = groups.length;

  // count(t, g): people of group g at table t, fixed ones included; movers(t, g): ids that may move.
  const counts = new Int32Array(T * G);
  const count = (t: number, g: number) => counts[t * G + g] ?? 0;
  const bump = (t: number, g: number, by: number) => void (counts[t * G + g] = count(t, g) + by);
  const free = Array.from({ length: T * G }, () => [] as string[]);
  const movers = (t: number, g: number) => free[t * G + g] ?? [];
  const size = new Int32Array(T);
  const capacity = new Int32Array(T);
  const at = (array: Int32Array, t: number) => array[t] ?? 0;

  for (const person of people) {
    if (!isFixed(person)) continue;
    const t = tableIndex.get(person.tableId) ?? 0;
    bump(t, groupIndex.get(person.group) ?? 0, 1);
    size[t] = at(size, t) + 1;
  }

  const movable = people.filter((person) => !isFixed(person));
  capacity.set(size);
  for (let seat = 0; seat < movable.length; seat++) {
    let smallest = 0;
    for (let t = 1; t < T; t++) if (at(capacity, t) < at(capacity, smallest)) smallest = t;
    capacity[smallest] = at(capacity, smallest) + 1;
  }

  const byGroup = groups.map((group) => shuffled(movable.filter((person) => person.group === group), random));
  const dealOrder = groups.map((_, g) => g).sort((a, b) => (byGroup[b]?.length ?? 0) - (byGroup[a]?.length ?? 0) || a - b);
  for (const g of dealOrder) {
    for (const person of byGroup[g] ?? []) {
      let best = -1;
      for (let t = 0; t < T; t++) {
        if (at(size, t) >= at(capacity, t)) continue;
        const fewer = best < 0 ? -1 : count(t, g) - count(best, g);
        const roomier = best < 0 ? 0 : at(capacity, best) - at(size, best) - (at(capacity, t) - at(size, t));
        if (fewer < 0 || (fewer === 0 && roomier < 0)) best = t;
      }
      bump(best, g, 1);
      size[best] = at(size, best) + 1;
      movers(best, g).push(person.id);
    }
  }

  for (let improved = true; improved; ) {
    improved = false;
    for (let x = 0; x < T; x++) {
      for (let y = 0; y < T; y++) {
        if (x === y) continue;
        for (let a = 0; a < G; a++) {
          for (let b = 0; b < G; b++) {
            if (a === b || movers(x, a).length === 0 || movers(y, b).length === 0) continue;
            // Change of Σ count² when an `a` moves x→y and a `b` moves y→x.
            const delta = 4 - 2 * (count(x, a) - count(y, a)) - 2 * (count(y, b) - count(x, b));
            if (delta >= 0) continue;
            movers(y, a).push(movers(x, a).pop() as string);
            movers(x, b).push(movers(y, b).pop() as string);
            bump(x, a, -1);
            bump(y, a, 1);
            bump(y, b, -1);
            bump(x, b, 1);
            improved = true;
          }
        }
      }
    }
  }

  const seatOf = new Map<string, string>();
  free.forEach((ids, cell) => ids.forEach((id) => seatOf.set(id, tables[Math.floor(cell / G)] as string)));
  const assignments = people.map((person) =>
    isFixed(person)
      ? { id: person.id, tableId: person.tableId, fixedToTable: true }
      : { id: person.id, tableId: seatOf.get(person.id) as string, fixedToTable: false },
  );
  const seated = people.map((person, index) => ({ group: person.group, tableId: assignments[index]?.tableId ?? '' }));
  const balance = tableBalance(seated, tableIds);
  return { assignments, balance, overfull: overfullGroups(balance) };
}
