import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface RestartDialogProps {
  /** How many agenda items have actual times (what starting afresh clears). */
  recorded: number;
  /** Whether an item is left that has not finished (else only "start afresh" can run the day). */
  canContinue: boolean;
  onContinue(): void;
  onRestart(): void;
  onCancel(): void;
}

/**
 * Start on a day that already ran. Cancel has the focus: Enter or Space on a Start pressed by
 * habit (or the shortcut pressed twice) must not clear the times the minutes need.
 */
export function RestartDialog({ recorded, canContinue, onContinue, onRestart, onCancel }: RestartDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" onCancel={onCancel} aria-labelledby="restart-title" aria-describedby="restart-message" data-testid="restart-dialog">
      <h2 id="restart-title">{t('run.restartTitle')}</h2>
      <p id="restart-message">{t(canContinue ? 'run.restartMessage' : 'run.restartMessageDone', { count: recorded })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus data-testid="restart-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onRestart} data-testid="restart-afresh">
          {t('run.restartAfresh')}
        </button>
        {canContinue && (
          <button type="button" className="primary" onClick={onContinue} data-testid="restart-continue">
            {t('run.continue')}
          </button>
        )}
      </div>
    </dialog>
  );
}
