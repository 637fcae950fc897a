import { runClock, type AgendaItem, type RunClock, type RunState } from '../../shared/model';
import type { PhoneView } from '../../shared/phone/protocol';

/**
 * The countdown as laptops compute it (shared/model's runClock), from the view's run: the same
 * timestamps give the same time on the projector, the laptops and every phone.
 */
export function phoneClock(run: PhoneView['run'], laptopNow: number): RunClock {
  const item: AgendaItem | null = run.item
    ? { ...run.item, speaker: '', notes: '', summary: '', decisions: '', actualStart: 0, actualEnd: 0, ranMs: 0, order: '' }
    : null;
  const state: RunState = {
    status: run.status,
    currentId: item?.id ?? '',
    itemStartedAt: run.itemStartedAt,
    pausedAt: run.pausedAt,
    // The view says only whether the signal was sent for this item; runClock wants when and for which.
    signalAt: run.signalled ? 1 : 0,
    signalItemId: run.signalled ? (item?.id ?? '') : '',
    projectorView: 'agenda',
    projectorBoardId: '',
    projectorRoundId: '',
  };
  return runClock(state, item ? [item] : [], laptopNow);
}

const two = (value: number) => String(value).padStart(2, '0');

/** "m:ss" or "h:mm:ss"; the app's run bar writes durations the same way (renderer/features/run/format-clock.ts). */
function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${minutes}:${two(rest)}`;
}

/** The remaining time rounded up (10:00 when a ten-minute item starts), as the projector shows it. */
export function formatRemaining(remainingMs: number): string {
  return formatDuration(Math.ceil(Math.max(0, remainingMs) / 1000) * 1000);
}

export function formatOverrun(overrunMs: number): string {
  return formatDuration(overrunMs);
}
