import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A third way out of the question, shown last as the primary button (Start's "Continue"). */
export interface ConfirmDialogExtra {
  label: string;
  onClick(): void;
  testId?: string;
}

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /**
   * Which button has the focus, so what Enter does. 'confirm' by default; 'cancel' where the
   * confirmation destroys what a habitual Enter must not (starting a day afresh clears its times).
   */
  focus?: 'confirm' | 'cancel';
  extra?: ConfirmDialogExtra;
  testIds?: { dialog?: string; cancel?: string; confirm?: string };
}

/** A modal question; the native <dialog> gives focus trapping and Escape for free. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, focus = 'confirm', extra, testIds }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      // React removes the dialog without closing it (Escape, Cancel), and the browser then gives
      // the focus to the page: it goes back to what opened the question, when that is still there
      // and nothing else has taken the focus (QA, session 23: "Tisch löschen").
      if (dialog.open) dialog.close();
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body || dialog.contains(now))) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      onCancel={onCancel}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid={testIds?.dialog ?? 'confirm-dialog'}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-message`}>{message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus={focus === 'cancel'} data-testid={testIds?.cancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm} autoFocus={focus === 'confirm'} data-testid={testIds?.confirm}>
          {confirmLabel}
        </button>
        {extra && (
          <button type="button" className="primary" onClick={extra.onClick} data-testid={extra.testId}>
            {extra.label}
          </button>
        )}
      </div>
    </dialog>
  );
}
