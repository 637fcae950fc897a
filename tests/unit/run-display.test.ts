import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration, formatTimeOfDay } from '../../renderer/features/run/format-clock';
import { runCommandFor } from '../../renderer/features/run/run-shortcuts';

const key = (init: Partial<KeyboardEvent> & { key: string; code?: string }) => ({ ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, code: '', ...init });

describe('countdown text', () => {
  it('rounds the remaining time up, so a ten-minute item starts at 10:00 and shows 0:00 only at its end', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(599_001)).toBe('10:00');
    expect(formatCountdown(599_000)).toBe('9:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
  });

  it('shows by how much an item runs over, and hours when it is long', () => {
    expect(formatCountdown(-192_000)).toBe('+3:12');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('writes times of day in 24 h and wraps past midnight', () => {
    expect(formatTimeOfDay(570)).toBe('09:30');
    expect(formatTimeOfDay(1440 + 15)).toBe('00:15');
  });
});

describe('run shortcuts', () => {
  it('maps PageDown/PageUp (presenter remotes), Ctrl+Shift+Space and Alt+P', () => {
    expect(runCommandFor(key({ key: 'PageDown' }))).toBe('next');
    expect(runCommandFor(key({ key: 'PageUp' }))).toBe('previous');
    expect(runCommandFor(key({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true }))).toBe('startPause');
    expect(runCommandFor(key({ key: 'π', code: 'KeyP', altKey: true }))).toBe('projector');
  });

  it('takes Alt+P where the layout prints the P, and where it prints none, at the US place', () => {
    // Dvorak types "p" on the key that is R on US.
    expect(runCommandFor(key({ key: 'p', code: 'KeyR', altKey: true }))).toBe('projector');
    expect(runCommandFor(key({ key: 'l', code: 'KeyP', altKey: true }))).toBeNull();
    // Ukrainian: "з" on the P key.
    expect(runCommandFor(key({ key: 'з', code: 'KeyP', altKey: true }))).toBe('projector');
  });

  it('leaves other keys and modified PageDown to the page', () => {
    expect(runCommandFor(key({ key: 'PageDown', shiftKey: true }))).toBeNull();
    expect(runCommandFor(key({ key: ' ', code: 'Space' }))).toBeNull();
    expect(runCommandFor(key({ key: 'p', code: 'KeyP' }))).toBeNull();
  });
});
