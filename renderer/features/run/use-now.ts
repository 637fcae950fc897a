import { useEffect, useState } from 'react';

/**
 * This laptop's clock, re-read every `intervalMs` while `ticking`. Only the display ticks: the
 * timer itself is timestamps in the document (shared/model/run.ts), so a missed tick costs nothing.
 */
export function useNow(ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // At once as well: a resumed timer must not show the time of before its pause for a tick.
    const first = setTimeout(tick, 0);
    const timer = ticking ? setInterval(tick, intervalMs) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking, intervalMs]);
  return now;
}
