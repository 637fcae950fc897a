import { useCallback } from 'react';
import type { Result } from '../../../shared/model';
import { describeError } from '../../hooks/use-error-text';
import { useToasts, type ToastText } from '../../state/toasts';

/**
 * Shows a refused command as an error toast in the UI language; answers whether it went
 * through. Stable, so memoised handlers may depend on it.
 */
export function useReport(): (result: Result<unknown>) => boolean {
  const showToast = useToasts((state) => state.show);
  return useCallback(
    (result: Result<unknown>) => {
      if (!result.ok) showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
      return result.ok;
    },
    [showToast],
  );
}

/** Says what was just done, with an Undo button that runs `undo` (a deleted item comes back). */
export function useUndoToast(): (message: ToastText, undo: () => void) => void {
  const showToast = useToasts((state) => state.show);
  return useCallback(
    (message: ToastText, undo: () => void) => showToast({ message, tone: 'info', action: { label: (t) => t('common.undo'), run: undo } }),
    [showToast],
  );
}
