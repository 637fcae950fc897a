import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';

/**
 * Shows a refused command as an error toast in the UI language; answers whether it went
 * through. Stable per language, so memoised handlers may depend on it.
 */
export function useReport(): (result: Result<unknown>) => boolean {
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  return useCallback(
    (result: Result<unknown>) => {
      if (!result.ok) showToast({ message: errorText(result.error), tone: 'error' });
      return result.ok;
    },
    [errorText, showToast],
  );
}

/** Says what was just done, with an Undo button that runs `undo` (a deleted item comes back). */
export function useUndoToast(): (message: string, undo: () => void) => void {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  return useCallback(
    (message: string, undo: () => void) => showToast({ message, tone: 'info', action: { label: t('common.undo'), run: undo } }),
    [showToast, t],
  );
}
