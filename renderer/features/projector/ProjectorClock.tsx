import type { LiveWorkshop } from '../../../shared/model';
import { useClockTime } from '../../hooks/use-time-zone';
import { useNow } from '../run/use-now';

/** The room's clock on the wall, in the workshop's time zone: "14:05" on every laptop and projector alike. */
export function ProjectorClock({ workshopId, live }: { workshopId: string; live: LiveWorkshop }) {
  const clockTime = useClockTime(live);
  // A second is fine enough for a clock that shows minutes; its own component, so only it re-renders.
  const now = useNow(workshopId, true, 1000);
  return (
    <time className="projector-clock" data-testid="projector-clock">
      {clockTime(now)}
    </time>
  );
}
