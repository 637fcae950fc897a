import * as Y from 'yjs';
import { LANGUAGES, PLENARY_BOARD_ID, REPORT_BACK_FIELD, ROOT, SCHEMA_VERSION, type Language } from './schema';
import { keyAtEnd } from './order';

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

/** @internal typed access to the top-level maps; only shared/model uses it. */
export const roots = (doc: WorkshopDoc) => ({
  meta: doc.getMap<unknown>(ROOT.meta),
  agenda: doc.getMap<Y.Map<unknown>>(ROOT.agenda),
  boards: doc.getMap<Y.Map<unknown>>(ROOT.boards),
  cards: doc.getMap<Y.Map<unknown>>(ROOT.cards),
  participants: doc.getMap<Y.Map<unknown>>(ROOT.participants),
  groups: doc.getMap<Y.Map<unknown>>(ROOT.groups),
  voteRounds: doc.getMap<Y.Map<unknown>>(ROOT.voteRounds),
  votes: doc.getMap<Y.Map<unknown>>(ROOT.votes),
  actions: doc.getMap<Y.Map<unknown>>(ROOT.actions),
  stakeholderGroups: doc.getMap<unknown>(ROOT.stakeholderGroups),
  run: doc.getMap<unknown>(ROOT.run),
  roles: doc.getMap<unknown>(ROOT.roles),
});

/** @internal one local transaction, so one user action is one undo step and one stored update. */
export function local<T>(doc: WorkshopDoc, change: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = change();
  }, LOCAL_ORIGIN);
  return result;
}

/** @internal a Y.Map holding the plain fields of one item. */
export function itemMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

export interface WorkshopDefaults {
  id: string;
  title: string;
  language: Language;
  date?: string;
  venue?: string;
  room?: string;
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
