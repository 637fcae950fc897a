import type { z } from 'zod';
import { roots, writeFields, writeItems, type WorkshopDoc } from './doc';
import type { RootName } from './schema';
import { actionItemsSnapshot } from './actions';
import { agendaSnapshot } from './agenda';
import { boardsSnapshot, cardsSnapshot } from './cards';
import { groupsSnapshot } from './groups';
import { metaSnapshot } from './meta';
import { parkingLotSchema, parkingLotSnapshot } from './parking-lot';
import { participantsSnapshot } from './participants';
import { runSnapshot } from './run';
import { stakeholderGroupsSnapshot, writeStakeholderGroupList } from './stakeholder-groups';
import { reportBackSnapshot, writeReportBack } from './tables';
import { voteRoundsSnapshot, votesSnapshot } from './votes';
import {
  actionsSchema,
  agendaSchema,
  boardsSchema,
  cardsSchema,
  groupsSchema,
  metaSchema,
  participantsSchema,
  reportBackSchema,
  runSchema,
  stakeholderGroupsSchema,
  voteRoundsSchema,
  votesSchema,
} from './area-schemas';

/*
 * The registry of workshop areas: one line per area, and everything that goes through every
 * area is made from it — the snapshot (snapshot.ts), the live per-area readings (live.ts), the
 * backup's schema and its restore (backup.ts), the undo history's scope (undo.ts). Adding an
 * area is a model file and one line here (docs/adding-an-area.md); tests/unit/model-areas.test.ts
 * checks every derived place against this table.
 */

export interface AreaDefinition<T> {
  /** The top-level map the area is kept in: a change there may change the area. */
  root: RootName;
  /** The area as plain data, read defensively (a peer may have written anything). */
  read(doc: WorkshopDoc): T;
  /**
   * The area in a `.plenum` backup, field by field. An area added after backups were written
   * gives its schema a `.default(…)`, so a backup without it still imports.
   */
  schema: z.ZodType<NoInfer<T>, unknown>;
  /** Whether Ctrl+Z reverts this user's own changes to the area's root. */
  undoable: boolean;
  /** Writes the area of a backup into a fresh document, every id kept (inside the rebuild's transaction). */
  restore(doc: WorkshopDoc, value: NoInfer<T>): void;
}

const area = <T>(definition: AreaDefinition<T>): AreaDefinition<T> => definition;

const DEFINITIONS = {
  meta: area({ root: 'meta', read: metaSnapshot, schema: metaSchema, undoable: true, restore: (doc, meta) => writeFields(roots(doc).meta, meta) }),
  agenda: area({ root: 'agenda', read: agendaSnapshot, schema: agendaSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).agenda, items) }),
  boards: area({ root: 'boards', read: boardsSnapshot, schema: boardsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).boards, items) }),
  cards: area({ root: 'cards', read: cardsSnapshot, schema: cardsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).cards, items) }),
  participants: area({ root: 'participants', read: participantsSnapshot, schema: participantsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).participants, items) }),
  /** Ids of the tables shown in the plenary, in order: kept on the plenary board's map, so restored after the boards. */
  reportBack: area({ root: 'boards', read: reportBackSnapshot, schema: reportBackSchema, undoable: true, restore: writeReportBack }),
  groups: area({ root: 'groups', read: groupsSnapshot, schema: groupsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).groups, items) }),
  voteRounds: area({ root: 'voteRounds', read: voteRoundsSnapshot, schema: voteRoundsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).voteRounds, items) }),
  votes: area({ root: 'votes', read: votesSnapshot, schema: votesSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).votes, items) }),
  actions: area({ root: 'actions', read: actionItemsSnapshot, schema: actionsSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).actions, items) }),
  /** The stakeholder groups offered for participants: the built-in ones not removed, then the added ones. */
  stakeholderGroups: area({ root: 'stakeholderGroups', read: stakeholderGroupsSnapshot, schema: stakeholderGroupsSchema, undoable: true, restore: writeStakeholderGroupList }),
  parkingLot: area({ root: 'parkingLot', read: parkingLotSnapshot, schema: parkingLotSchema, undoable: true, restore: (doc, items) => writeItems(roots(doc).parkingLot, items) }),
  /** The run of the day: Ctrl+Z after "next" undoes the last edit, it does not rewind the clock (run.ts). */
  run: area({ root: 'run', read: runSnapshot, schema: runSchema, undoable: false, restore: (doc, run) => writeFields(roots(doc).run, run) }),
};

export type Area = keyof typeof DEFINITIONS;

type ValueOf<D> = D extends AreaDefinition<infer T> ? T : never;

/** The whole workshop as plain data, one entry per area: what tests compare, minutes read and backups hold. */
export type WorkshopSnapshot = { [A in Area]: ValueOf<(typeof DEFINITIONS)[A]> };

/** @internal the registry, typed per area so generic code over an area keeps the area's type. */
export const AREAS: { readonly [A in Area]: AreaDefinition<WorkshopSnapshot[A]> } = DEFINITIONS;

/** Every area's name, in the registry's order (which is the restore order). */
export const AREA_NAMES = Object.keys(DEFINITIONS) as Area[];

/**
 * A record with one entry per area, in the registry's order. TypeScript cannot follow a value
 * per key through a loop, so `entry` is checked against the union of R's values: pass it what
 * AREAS holds for that same area.
 */
export function perArea<R extends { [A in Area]: unknown }>(entry: (area: Area) => R[Area]): R {
  const out: Partial<Record<Area, R[Area]>> = {};
  for (const name of AREA_NAMES) out[name] = entry(name);
  // Every area of AREA_NAMES was set above.
  return out as R;
}
