import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts, type Toast } from '../../state/toasts';
import { useHeightVariable } from '../../hooks/use-height-variable';

/** Toasts shown in full at once; older ones fold into one line, so a burst never covers the screen. */
export const TOASTS_SHOWN = 2;

/** One line of the toasts' stack: a toast in full, or a "+N" line standing for N folded toasts. */
export type ToastRow<T> = { toast: T } | { more: number };

/**
 * The newest toasts in full, and how many older ones fold into the "+N" line (none while
 * unfolded). `kept`, the toast the keyboard is on, stays shown even when newer ones would fold it:
 * its Undo must not vanish from under the focus.
 *
 * `rows` is the stack as drawn, oldest first like the toasts: every toast and every "+N" line in
 * time order, so a "+N" line stands where its toasts would (unfolding puts them there). A kept
 * toast with folded toasts on both sides has a "+N" line above it for the older ones and one
 * below it for the newer ones; drawing it under a single line would say that all the folded
 * toasts are older than it.
 */
export function foldToasts<T extends { id: number }>(
  toasts: readonly T[],
  expanded: boolean,
  kept: number | null = null,
): { shown: readonly T[]; folded: number; rows: ReadonlyArray<ToastRow<T>> } {
  const folded = expanded ? 0 : Math.max(0, toasts.length - TOASTS_SHOWN);
  const at = toasts.slice(0, folded).findIndex((toast) => toast.id === kept);
  const newest = toasts.slice(folded);
  const rows: Array<ToastRow<T>> = [];
  const fold = (count: number) => count > 0 && rows.push({ more: count });
  const keptToast = toasts[at];
  if (at < 0 || !keptToast) {
    fold(folded);
    rows.push(...newest.map((toast) => ({ toast })));
    return { shown: newest, folded, rows };
  }
  fold(at);
  rows.push({ toast: keptToast });
  fold(folded - at - 1);
  rows.push(...newest.map((toast) => ({ toast })));
  return { shown: [keptToast, ...newest], folded: folded - 1, rows };
}

/**
 * Messages with an optional action, stacked in the bottom corner (not over the middle of the
 * screen, where the content they talk about is); announced to screen readers politely.
 */
export function Toasts() {
  const { t } = useTranslation();
  const { toasts, dismiss } = useToasts();
  const [expanded, setExpanded] = useState(false);
  const { ref, handlers, keyboardOn } = useHeldWhileInUse(toasts);
  // What the keyboard reaches scrolls clear of the stack (styles.css), not under it.
  useHeightVariable(ref, '--toasts-height');
  // Unfolded for one burst only: the next burst folds again.
  if (expanded && toasts.length <= TOASTS_SHOWN) setExpanded(false);
  const { rows } = foldToasts(toasts, expanded, keyboardOn);
  return (
    <div
      ref={ref}
      className="toasts"
      role="status"
      aria-live="polite"
      data-testid="toasts"
      {...handlers}
    >
      {expanded && toasts.length > TOASTS_SHOWN && (
        <button type="button" className="toast-more" aria-expanded onClick={() => setExpanded(false)} data-testid="toast-more">
          {t('common.toastsFold')}
        </button>
      )}
      {rows.map((row, index) =>
        'toast' in row ? (
          <ToastView key={row.toast.id} toast={row.toast} dismiss={dismiss} />
        ) : (
          // Keyed by place: the older line comes first, the one under a kept toast second.
          <button key={`more-${index === 0 ? 'older' : 'newer'}`} type="button" className="toast-more" aria-expanded={false} onClick={() => setExpanded(true)} data-testid="toast-more">
            {t('common.toastsMore', { count: row.more })}
          </button>
        ),
      )}
    </div>
  );
}

/**
 * Holds the toasts' clocks while the pointer or the keyboard focus is on them (a toast does not
 * go away under the hand reaching for its Undo), and gives the focus back to where it came from
 * when the focused toast goes (its button gone, the focus would fall to the page's start).
 */
function useHeldWhileInUse(toasts: readonly Toast[]) {
  const { hold, release } = useToasts();
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  /** The toast whose button has the keyboard's focus. */
  const [keyboardOn, setKeyboardOn] = useState<number | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  // A click focuses the button it hits: only the keyboard's focus holds (the pointer's own hold
  // ends when it leaves), else a clicked "+2 more" would hold the toasts until the next click.
  const pressed = useRef(false);
  // An empty corner is not under the pointer.
  if (pointerIn && toasts.length === 0) setPointerIn(false);
  useEffect(() => {
    if (!focusIn || ref.current?.contains(document.activeElement)) return;
    // The focused button went with its toast, without a blur.
    setFocusIn(false);
    setKeyboardOn(null);
    const back = cameFrom.current;
    cameFrom.current = null;
    if ((document.activeElement === null || document.activeElement === document.body) && back?.isConnected) back.focus();
  }, [toasts, focusIn]);
  useEffect(() => {
    if (!pointerIn && !focusIn) return;
    hold();
    return release;
  }, [pointerIn, focusIn, hold, release]);
  const handlers = {
    onPointerEnter: () => setPointerIn(true),
    onPointerLeave: () => setPointerIn(false),
    onPointerDown: () => {
      pressed.current = true;
    },
    // Pressed where nothing takes the focus.
    onPointerUp: () => {
      pressed.current = false;
    },
    onFocus: (event: FocusEvent<HTMLDivElement>) => {
      const byPointer = pressed.current;
      pressed.current = false;
      if (byPointer) return;
      const from = event.relatedTarget;
      if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
      setFocusIn(true);
      const toast = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-toast-id]') : null;
      // On a "+N" line the kept toast stays kept: folding it now would redraw the lines, and the
      // one under the focus would go, the focus falling to the page with the toasts held.
      if (toast) setKeyboardOn(Number(toast.dataset.toastId));
    },
    onBlur: (event: FocusEvent<HTMLDivElement>) => {
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      // The window lost the focus, not the toast: it gets it back on return, so it stays as it is.
      if (!document.hasFocus()) return;
      // Its toast went: the effect above gives the focus back.
      if (event.target instanceof Node && !event.target.isConnected) return;
      setFocusIn(false);
      setKeyboardOn(null);
      cameFrom.current = null;
    },
  };
  return { ref, handlers, keyboardOn };
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss(id: number, ranAction?: boolean): void }) {
  const { t } = useTranslation();
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast" data-toast-id={toast.id}>
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
