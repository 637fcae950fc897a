import * as Y from 'yjs';
import { LANGUAGES, PLENARY_BOARD_ID, REPORT_BACK_FIELD, ROOTS, SCHEMA_VERSION, type Language, type RootName } from './schema';
import { keyAtEnd } from './order';
import { isKnownTimeZone, systemTimeZone } from './time';

/**
 * Origin of every change made by this user on this laptop. Y.UndoManager tracks only this
 * origin, so undo never reverts what another table wrote.
 */
export const LOCAL_ORIGIN = 'plenum:local';

/** Opaque handle to a workshop document: callers outside shared/model never see Yjs types. */
export type WorkshopDoc = Y.Doc;

/** A fresh, empty document. A joining laptop starts here and receives the content from peers. */
export function createWorkshopDoc(): WorkshopDoc {
  // gc stays on: deleted cards must not keep their text in every laptop's copy forever.
  return new Y.Doc();
}

/** A root's Y.Map: plain values by field name, or one item map per id (see ROOTS). */
export type RootMap<R extends RootName> = (typeof ROOTS)[R] extends 'items' ? Y.Map<Y.Map<unknown>> : Y.Map<unknown>;

export type Roots = { [R in RootName]: RootMap<R> };

const ROOT_NAMES = Object.keys(ROOTS) as RootName[];

/** @internal typed access to the top-level maps (every root of ROOTS); only shared/model uses it. */
export function roots(doc: WorkshopDoc): Roots {
  const maps: Partial<Record<RootName, Y.Map<unknown>>> = {};
  for (const name of ROOT_NAMES) maps[name] = doc.getMap<unknown>(name);
  // Every name of ROOTS is set above, each with the shape ROOTS gives it.
  return maps as Roots;
}

/** @internal one transaction of the given origin, returning what `change` returns. */
export function transactAs<T>(doc: WorkshopDoc, origin: string, change: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = change();
  }, origin);
  return result;
}

/** @internal one local transaction, so one user action is one undo step and one stored update. */
export function local<T>(doc: WorkshopDoc, change: () => T): T {
  return transactAs(doc, LOCAL_ORIGIN, change);
}

/** @internal a Y.Map holding the plain fields of one item. */
export function itemMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** @internal writes plain fields into a `fields` root (a backup's meta or run). */
export function writeFields(target: Y.Map<unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) target.set(key, value);
}

/** @internal writes a list of plain items into an `items` root under their ids, every field as it is. */
export function writeItems(target: Y.Map<Y.Map<unknown>>, items: ReadonlyArray<{ id: string }>): void {
  for (const item of items) target.set(item.id, itemMap({ ...item }));
}

export interface WorkshopDefaults {
  id: string;
  title: string;
  language: Language;
  date?: string;
  venue?: string;
  room?: string;
  /** IANA zone; the creating computer's by default. */
  timeZone?: string;
  now?: number;
}

/**
 * Writes the defaults of a new workshop. Only the laptop that creates the workshop calls this:
 * a joining laptop that seeded too would duplicate everything once the peers merge.
 */
export function initWorkshop(doc: WorkshopDoc, defaults: WorkshopDefaults): void {
  const language = LANGUAGES.includes(defaults.language) ? defaults.language : 'de';
  local(doc, () => {
    const { meta, boards } = roots(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('id', defaults.id);
    meta.set('title', defaults.title.trim());
    meta.set('date', defaults.date ?? '');
    meta.set('venue', defaults.venue ?? '');
    meta.set('room', defaults.room ?? '');
    meta.set('language', language);
    meta.set('createdAt', defaults.now ?? Date.now());
    meta.set('timeZone', isKnownTimeZone(defaults.timeZone) ? defaults.timeZone : systemTimeZone());
    if (!boards.has(PLENARY_BOARD_ID)) {
      boards.set(
        PLENARY_BOARD_ID,
        // reportBack is created with the board: two laptops that each created it later would
        // merge to one of the two maps and lose the other's entries.
        itemMap({ id: PLENARY_BOARD_ID, kind: 'plenary', title: '', order: keyAtEnd([]), [REPORT_BACK_FIELD]: new Y.Map() }),
      );
    }
  });
}
