import { useTranslation } from 'react-i18next';
import { agendaSchedule, startMinuteOfDay, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { formatMinutes } from '../agenda/format-minutes';
import { Countdown } from '../run/Countdown';
import { formatTimeOfDay } from '../run/format-clock';
import { useRunClock } from '../run/use-run-clock';

/** The agenda with the running item highlighted, and its countdown large beside it. */
export function ProjectorAgenda({ workshopId, live }: { workshopId: string; live: LiveWorkshop }) {
  const { t } = useTranslation();
  const meta = useLive(live, 'meta');
  const agenda = useLive(live, 'agenda');
  const clock = useRunClock(workshopId, live);
  const schedule = agendaSchedule(agenda, startMinuteOfDay(meta.startTime));
  const current = clock.item;

  return (
    <div className={`projector-run${current ? ' has-current' : ''}`}>
      <header className="projector-head">
        <h1>{meta.title}</h1>
        {clock.status === 'paused' && <span className="projector-paused">{t('projector.paused')}</span>}
      </header>
      {current && (
        <section className={`projector-now phase-${clock.phase}`} data-testid="projector-now">
          <p className="projector-kicker">{t(`agenda.kind.${current.kind}`)}</p>
          <h2 className="projector-current" data-testid="projector-current">
            {current.title}
          </h2>
          {current.speaker && <p className="projector-speaker">{current.speaker}</p>}
          <Countdown clock={clock} className="projector-countdown" />
          {current.kind === 'groupWork' && current.task && <p className="projector-task">{current.task}</p>}
          {clock.signalled && clock.phase !== 'over' && <p className="projector-signal">{t('run.twoMinutesLeft')}</p>}
        </section>
      )}
      <ol className="wall-agenda" data-testid="projector-agenda">
        {agenda.map((item, index) => {
          // While the day runs, the wall shows what is ahead (and the item just done), not the whole morning.
          if (current && index < clock.index - 1) return null;
          const state = item.id === current?.id ? 'current' : item.actualEnd > 0 || (current && index < clock.index) ? 'done' : 'todo';
          const planned = schedule[index];
          return (
            <li key={item.id} className={`is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="projector-time">{planned ? formatTimeOfDay(planned.startMin) : index + 1}</span>
              <span className="projector-item-title">{item.title}</span>
              <span className="projector-duration">{formatMinutes(item.durationMin, t)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
