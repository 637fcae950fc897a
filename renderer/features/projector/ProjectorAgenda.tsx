import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaSchedule, startMinuteOfDay, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { formatMinutes } from '../agenda/format-minutes';
import { Countdown } from '../run/Countdown';
import { formatTimeOfDay, showsTwoMinuteSignal } from '../run/format-clock';
import { useRunClock } from '../run/use-run-clock';
import { ProjectorClock } from './ProjectorClock';
import { WallFlow, type WallBlock } from './WallFlow';
import { lengthLook } from './wall-size';

/** Agenda type sizes (wall units, wall-size.ts), largest first; it stops at MIN_TEXT_VH. */
const AGENDA_TIERS = [4.6, 3.8, 3.2, 2.5] as const;
/** Beside the running item and its countdown the list is smaller. */
const RUNNING_TIERS = [3.6, 3.1, 2.5] as const;

/** The agenda with the running item highlighted, and its countdown large beside it; a long agenda turns pages. */
export function ProjectorAgenda({ workshopId, live }: { workshopId: string; live: LiveWorkshop }) {
  const { t } = useTranslation();
  const meta = useLive(live, 'meta');
  const agenda = useLive(live, 'agenda');
  const clock = useRunClock(workshopId, live);
  const current = clock.item;
  const currentId = current?.id;
  const task = current?.kind === 'groupWork' ? current.task.trim() : '';
  const currentIndex = clock.index;
  // Kept while only the countdown ticks: the wall measures the rows again only when they change.
  const rows = useMemo(() => {
    const schedule = agendaSchedule(agenda, startMinuteOfDay(meta.startTime));
    // While the day runs, the wall shows what is ahead (and the item just done), not the whole morning.
    return agenda.flatMap((item, index): WallBlock[] => {
    if (currentId && index < currentIndex - 1) return [];
    const state = item.id === currentId ? 'current' : item.actualEnd > 0 || (currentId && index < currentIndex) ? 'done' : 'todo';
    const planned = schedule[index];
    return [
      {
        key: item.id,
        look: `agenda ${state}`,
        className: `is-${state}`,
        current: state === 'current',
        node: (
          <>
            <span className="projector-time">{planned ? formatTimeOfDay(planned.startMin) : index + 1}</span>
            <span className="projector-item-title">{item.title}</span>
            <span className="projector-duration">{formatMinutes(item.durationMin, t)}</span>
          </>
        ),
      },
    ];
    });
  }, [agenda, meta.startTime, currentId, currentIndex, t]);

  return (
    <div className={`projector-run${current ? ' has-current' : ''}`}>
      <header className="projector-head">
        <h1>{meta.title}</h1>
        {clock.status === 'paused' && <span className="projector-paused">{t('projector.paused')}</span>}
        <ProjectorClock workshopId={workshopId} live={live} />
      </header>
      {current && (
        <section className={`projector-now phase-${clock.phase}${task ? ' with-task' : ''}${lengthLook(current.title, 60, 110).replace('is-', 'title-')}`} data-testid="projector-now">
          <p className="projector-kicker">{t(`agenda.kind.${current.kind}`)}</p>
          <h2 className="projector-current" data-testid="projector-current">
            {current.title}
          </h2>
          {current.speaker && <p className="projector-speaker">{current.speaker}</p>}
          <Countdown clock={clock} className="projector-countdown" />
          {task && <p className={`projector-task${lengthLook(task, 120, 260)}`}>{task}</p>}
          {showsTwoMinuteSignal(clock) && <p className="projector-signal">{t('run.twoMinutesLeft')}</p>}
        </section>
      )}
      <WallFlow blocks={rows} tiers={current ? RUNNING_TIERS : AGENDA_TIERS} columnEm={16} maxColumns={1} list="ol" className="wall-agenda" testId="projector-agenda" />
    </div>
  );
}
