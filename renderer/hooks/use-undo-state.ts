import { useCallback, useSyncExternalStore } from 'react';
import type { UndoHistory } from '../../shared/model';

/** Whether undo and redo are possible right now, for the toolbar buttons. */
export function useUndoState(undo: UndoHistory): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback((listener: () => void) => undo.subscribe(listener), [undo]);
  const key = useSyncExternalStore(subscribe, () => `${undo.canUndo()}:${undo.canRedo()}`);
  return { canUndo: key.startsWith('true'), canRedo: key.endsWith('true') };
}
