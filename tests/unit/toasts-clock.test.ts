import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../renderer/state/toasts';

const shown = () => useToasts.getState().toasts.length;
const show = (durationMs?: number) => useToasts.getState().show({ message: () => 'Karte gelöscht.', tone: 'info' }, durationMs);

describe('a toast while the pointer or the keyboard is on it', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    useToasts.getState().release();
    for (const toast of useToasts.getState().toasts) useToasts.getState().dismiss(toast.id, true);
    vi.useRealTimers();
  });

  it('goes after its time when nobody touches it', () => {
    show(8000);
    vi.advanceTimersByTime(7999);
    expect(shown()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(0);
  });

  it('stays while held, then gets the time it had left', () => {
    const expired = vi.fn();
    useToasts.getState().show({ message: () => 'Karte gelöscht.', tone: 'info', onExpire: expired }, 8000);
    vi.advanceTimersByTime(3000);
    useToasts.getState().hold();
    vi.advanceTimersByTime(60_000);
    expect(shown()).toBe(1);
    useToasts.getState().release();
    vi.advanceTimersByTime(4999);
    expect(shown()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(0);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('leaves a moment to read it again when it was held near its end', () => {
    show(8000);
    vi.advanceTimersByTime(7900);
    useToasts.getState().hold();
    vi.advanceTimersByTime(10_000);
    useToasts.getState().release();
    vi.advanceTimersByTime(1999);
    expect(shown()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(0);
  });

  it('starts its clock on release when it came while held, and a held dismiss leaves no timer behind', () => {
    useToasts.getState().hold();
    const first = show(5000);
    show(5000);
    vi.advanceTimersByTime(30_000);
    expect(shown()).toBe(2);
    useToasts.getState().dismiss(first);
    expect(shown()).toBe(1);
    useToasts.getState().release();
    vi.advanceTimersByTime(5000);
    expect(shown()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
