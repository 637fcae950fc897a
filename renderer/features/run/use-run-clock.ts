import { runClock, type LiveWorkshop, type RunClock } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useNow } from './use-now';

/** The run's timer as this laptop sees it now, re-read four times a second while it runs. */
export function useRunClock(workshopId: string, live: LiveWorkshop): RunClock {
  const run = useLive(live, 'run');
  const agenda = useLive(live, 'agenda');
  const now = useNow(workshopId, run.status === 'running');
  return runClock(run, agenda, now);
}
