import { useEffect } from 'react';
import type { UndoHistory, WorkshopDoc } from '../../../shared/model';
import type { Caller } from '../../../shared/roles/commands';
import { undoGuard } from '../../../shared/roles/undo-guard';
import { useToasts } from '../../state/toasts';

/**
 * Undo and redo ask what the commands ask, at the moment of the undo (shared/roles/undo-guard.ts);
 * a step refused is gone from the history, and the person is told why.
 */
export function useUndoGuard(undo: UndoHistory, doc: WorkshopDoc, caller: Caller): void {
  const showToast = useToasts((store) => store.show);
  useEffect(() => {
    undo.setGuard(undoGuard(doc, caller));
    const stop = undo.onRefused((reason) => showToast({ message: (t) => t(`workshop.undoRefused.${reason}`), tone: 'error' }));
    return () => {
      stop();
      undo.setGuard(null);
    };
  }, [undo, doc, caller, showToast]);
}
