import { useEffect, useState } from 'react';
import { hostNow } from '../../network/host-clock';

/**
 * The room's clock (the host's, as this laptop last measured it), re-read every `intervalMs`
 * while `ticking`. Only the display ticks: the timer itself is timestamps in the document
 * (shared/model/run.ts), so a missed tick costs nothing.
 */
export function useNow(workshopId: string, ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => hostNow(workshopId));
  useEffect(() => {
    const tick = () => setNow(hostNow(workshopId));
    // At once as well: a resumed timer must not show the time of before its pause for a tick.
    const first = setTimeout(tick, 0);
    const timer = ticking ? setInterval(tick, intervalMs) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [workshopId, ticking, intervalMs]);
  return now;
}
