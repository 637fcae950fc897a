import * as Y from 'yjs';
import { LOCAL_ORIGIN, roots, type WorkshopDoc } from './doc';

/** Undo and redo of this user's own changes; remote edits are never reverted. */
export interface UndoHistory {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createUndoHistory(doc: WorkshopDoc): UndoHistory {
  const maps = roots(doc);
  const manager = new Y.UndoManager([maps.meta, maps.agenda, maps.boards, maps.cards, maps.participants, maps.groups, maps.voteRounds, maps.votes, maps.actions, maps.stakeholderGroups], {
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
