import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  areaReaders,
  areaSchemas,
  createUndoHistory,
  exportBackup,
  liveWorkshop,
  LOCAL_ORIGIN,
  parseBackup,
  restoreBackup,
  ROOTS,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { AREA_NAMES, AREAS } from '../../shared/model';
import { seedDaySnapshot } from '../support/seed-day';
import { newWorkshop } from '../support/workshop';

/*
 * The registry (shared/model/areas.ts) is the one list of areas: every place that goes through
 * all areas must know each of them. An area missing from one of them fails here by name.
 */

/** A local change in `root`, as a user's edit there would make. */
function touch(doc: WorkshopDoc, root: keyof typeof ROOTS): void {
  doc.transact(() => {
    const map = doc.getMap<unknown>(root);
    map.set('probe', ROOTS[root] === 'items' ? new Y.Map() : 'probe');
  }, LOCAL_ORIGIN);
}

describe('the area registry', () => {
  it('puts every area in the snapshot, the readers and the backup schema, in its order', () => {
    expect(Object.keys(workshopSnapshot(newWorkshop()))).toEqual(AREA_NAMES);
    expect(Object.keys(areaReaders)).toEqual(AREA_NAMES);
    expect(Object.keys(areaSchemas)).toEqual(AREA_NAMES);
  });

  it('keeps every root of the document in some area, except the session-only roles and phones', () => {
    const used = new Set(AREA_NAMES.map((area) => AREAS[area].root));
    expect(Object.keys(ROOTS).filter((root) => !used.has(root as keyof typeof ROOTS))).toEqual(['roles', 'phones']);
  });

  it.each(AREA_NAMES)('notifies the live listeners of %s when its root changes', (area) => {
    const doc = newWorkshop();
    const live = liveWorkshop(doc);
    let calls = 0;
    live.subscribe(area, () => (calls += 1));
    touch(doc, AREAS[area].root);
    expect(calls).toBe(1);
    live.destroy();
  });

  it.each(AREA_NAMES)('undoes a local change to %s exactly when the registry says it is undoable', (area) => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    const { root, undoable } = AREAS[area];
    touch(doc, root);
    undo.undo();
    expect(doc.getMap<unknown>(root).has('probe')).toBe(!undoable);
    undo.destroy();
  });

  it.each(AREA_NAMES)('carries %s through a backup, as it was', (area) => {
    const doc = restoreBackup(seedDaySnapshot());
    const parsed = parseBackup(exportBackup(doc));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.value[area]).toEqual(workshopSnapshot(doc)[area]);
    expect(workshopSnapshot(restoreBackup(parsed.value))[area]).toEqual(workshopSnapshot(doc)[area]);
  });
});
