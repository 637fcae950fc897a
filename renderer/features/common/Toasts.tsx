import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts, type Toast } from '../../state/toasts';

/** Toasts shown in full at once; older ones fold into one line, so a burst never covers the screen. */
export const TOASTS_SHOWN = 2;

/** The newest toasts in full, and how many older ones fold into the "+N" line (none while unfolded). */
export function foldToasts<T>(toasts: readonly T[], expanded: boolean): { shown: readonly T[]; folded: number } {
  const folded = expanded ? 0 : Math.max(0, toasts.length - TOASTS_SHOWN);
  return { shown: toasts.slice(folded), folded };
}

/**
 * Messages with an optional action, stacked in the bottom corner (not over the middle of the
 * screen, where the content they talk about is); announced to screen readers politely.
 */
export function Toasts() {
  const { t } = useTranslation();
  const { toasts, dismiss, hold, release } = useToasts();
  const [expanded, setExpanded] = useState(false);
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // A focused button that goes with its toast takes the focus along without a blur; an empty
  // corner cannot be under the pointer.
  if (focusIn && toasts.length === 0) setFocusIn(false);
  if (pointerIn && toasts.length === 0) setPointerIn(false);
  useEffect(() => {
    if (focusIn && !ref.current?.contains(document.activeElement)) setFocusIn(false);
  }, [toasts, focusIn]);
  useEffect(() => {
    if (!pointerIn && !focusIn) return;
    hold();
    return release;
  }, [pointerIn, focusIn, hold, release]);
  // Unfolded for one burst only: the next burst folds again.
  if (expanded && toasts.length <= TOASTS_SHOWN) setExpanded(false);
  const { shown, folded } = foldToasts(toasts, expanded);
  return (
    <div
      ref={ref}
      className="toasts"
      role="status"
      aria-live="polite"
      data-testid="toasts"
      onPointerEnter={() => setPointerIn(true)}
      onPointerLeave={() => setPointerIn(false)}
      onFocus={() => setFocusIn(true)}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocusIn(false);
      }}
    >
      {toasts.length > TOASTS_SHOWN && (
        <button type="button" className="toast-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} data-testid="toast-more">
          {expanded ? t('common.toastsFold') : t('common.toastsMore', { count: folded })}
        </button>
      )}
      {shown.map((toast) => (
        <ToastView key={toast.id} toast={toast} dismiss={dismiss} />
      ))}
    </div>
  );
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss(id: number, ranAction?: boolean): void }) {
  const { t } = useTranslation();
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast">
      <span>{toast.message(t)}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id, true);
          }}
        >
          {toast.action.label(t)}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
