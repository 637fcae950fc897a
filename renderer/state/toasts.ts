import { create } from 'zustand';

/**
 * A toast's words, written when it is shown, so a toast up while the language changes speaks the
 * new one (the `t` of the moment it was made would keep the old).
 */
export type ToastText = (t: Translate) => string;

/** i18next's `t` as a toast uses it (this layer does not depend on i18next). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A short message at the bottom of the screen, optionally with one action (Undo). */
export interface Toast {
  id: number;
  message: ToastText;
  tone: 'info' | 'error';
  action?: { label: ToastText; run: () => void };
  /** Called when the toast goes away without its action having run. */
  onExpire?: () => void;
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, durationMs?: number): number;
  dismiss(id: number, ranAction?: boolean): void;
  /**
   * Stops the clocks while the pointer or the keyboard is on the toasts: a toast does not go away
   * under the hand reaching for its Undo. `release` gives each the time it had left.
   */
  hold(): void;
  release(): void;
}

/** A toast's time left: running since `since` (a timer pending), or stopped while held. */
interface Clock {
  leftMs: number;
  since: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Time to read a toast again after the pointer or focus left it. */
const READ_AGAIN_MS = 2000;

let nextId = 1;
const clocks = new Map<number, Clock>();
/** One holder: the corner's toasts (a second caller of hold would need a count). */
let held = false;

export const useToasts = create<ToastState>((set, get) => {
  const run = (id: number, clock: Clock) => {
    clock.since = Date.now();
    clock.timer = setTimeout(() => get().dismiss(id), clock.leftMs);
  };
  return {
    toasts: [],
    show(toast, durationMs = 8000) {
      const id = nextId++;
      set({ toasts: [...get().toasts, { ...toast, id }] });
      const clock: Clock = { leftMs: durationMs, since: null, timer: null };
      clocks.set(id, clock);
      if (!held) run(id, clock);
      return id;
    },
    dismiss(id, ranAction = false) {
      const clock = clocks.get(id);
      if (clock?.timer) clearTimeout(clock.timer);
      clocks.delete(id);
      const toast = get().toasts.find((entry) => entry.id === id);
      if (!toast) return;
      set({ toasts: get().toasts.filter((entry) => entry.id !== id) });
      if (!ranAction) toast.onExpire?.();
    },
    hold() {
      held = true;
      for (const clock of clocks.values()) {
        if (clock.timer === null || clock.since === null) continue;
        clearTimeout(clock.timer);
        clock.leftMs = Math.max(0, clock.leftMs - (Date.now() - clock.since));
        clock.timer = null;
        clock.since = null;
      }
    },
    release() {
      held = false;
      // At least a moment to read it again once the hand has left.
      for (const [id, clock] of clocks) {
        if (clock.timer !== null) continue;
        clock.leftMs = Math.max(clock.leftMs, READ_AGAIN_MS);
        run(id, clock);
      }
    },
  };
});
