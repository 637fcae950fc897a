import { create } from 'zustand';

/** A short message at the bottom of the screen, optionally with one action (Undo). */
export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Called when the toast goes away without its action having run. */
  onExpire?: () => void;
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, durationMs?: number): number;
  dismiss(id: number, ranAction?: boolean): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(toast, durationMs = 8000) {
    const id = nextId++;
    set({ toasts: [...get().toasts, { ...toast, id }] });
    setTimeout(() => get().dismiss(id), durationMs);
    return id;
  },
  dismiss(id, ranAction = false) {
    const toast = get().toasts.find((entry) => entry.id === id);
    if (!toast) return;
    set({ toasts: get().toasts.filter((entry) => entry.id !== id) });
    if (!ranAction) toast.onExpire?.();
  },
}));
