import * as Y from 'yjs';
import { LOCAL_ORIGIN, roots, type WorkshopDoc } from './doc';
import { AREA_NAMES, AREAS } from './areas';
import type { RootName } from './schema';

/** Undo and redo of this user's own changes; remote edits are never reverted. */
export interface UndoHistory {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** The roots the undo history tracks: those of the undoable areas of the registry (areas.ts). */
export const UNDO_ROOTS: readonly RootName[] = [...new Set(AREA_NAMES.filter((area) => AREAS[area].undoable).map((area) => AREAS[area].root))];

export function createUndoHistory(doc: WorkshopDoc): UndoHistory {
  const maps = roots(doc);
  const manager = new Y.UndoManager(UNDO_ROOTS.map((root) => maps[root]), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    // Each operation is a deliberate action (a card added, an item moved): undo them one by one.
    captureTimeout: 0,
  });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
    manager.on(event, notify);
  }
  return {
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      manager.destroy();
    },
  };
}
