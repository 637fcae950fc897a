const two = (value: number) => String(value).padStart(2, '0');

/** "m:ss" or "h:mm:ss" of a duration; whole seconds, never negative. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${minutes}:${two(rest)}`;
}

/**
 * The countdown as shown: the remaining time rounded up (a ten-minute item shows 10:00 when it
 * starts, and 0:00 only once it is over), and "+m:ss" by how much an item runs over.
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs >= 0) return formatDuration(Math.ceil(remainingMs / 1000) * 1000);
  return `+${formatDuration(-remainingMs)}`;
}

/** A time of day from minutes after midnight, 24 h ("09:30"); the next day wraps ("00:15"). */
export function formatTimeOfDay(minuteOfDay: number): string {
  const minutes = ((Math.round(minuteOfDay) % 1440) + 1440) % 1440;
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * Whether the "two minutes left" signal is shown: once sent, until the item runs over, and not
 * while the day is paused (the time left does not run out then).
 */
export function showsTwoMinuteSignal(clock: { signalled: boolean; phase: string; status: string }): boolean {
  return clock.signalled && clock.phase !== 'over' && clock.status !== 'paused';
}
