import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runRecord, tablesFrom, type ProjectorView, type Result, type RunClock } from '../../../shared/model';
import type { WorkshopCommands } from '../../../shared/roles/commands';
import { can, type Role } from '../../../shared/roles/permissions';
import { useCommands } from '../roles/use-role';
import { describeError } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import type { WorkshopSession } from '../../session/workshop-session';
import { useToasts } from '../../state/toasts';
import { useUndoToast } from '../common/use-command-feedback';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Countdown } from './Countdown';
import { RunIcon } from './RunIcon';
import { formatDuration, showsTwoMinuteSignal } from './format-clock';
import { useClockTime } from '../../hooks/use-time-zone';
import { ZoneHint } from './ZoneHint';
import { useRunShortcuts } from './run-shortcuts';
import { hostNow } from '../../network/host-clock';
import { useRunClock } from './use-run-clock';
import './run.css';
import { ProjectorPageControl } from '../projector/ProjectorPageControl';
import { useTableNames } from '../../hooks/use-shown-names';

interface RunBarProps {
  session: WorkshopSession;
  role: Role;
}

/**
 * The day as it runs, under the header. The moderator starts, pauses and moves through the
 * agenda and chooses what the projector shows; a table laptop sees the current item and, in
 * small-group work, its task with the countdown.
 */
export function RunBar({ session, role }: RunBarProps) {
  const clock = useRunClock(session.id, session.live);
  const commands = useCommands(session.doc);
  const runs = can(role, 'run.control');
  // Start on a day that already ran asks first (RestartDialog), by button and by shortcut alike.
  const [asking, setAsking] = useState(false);
  const ask = useCallback(() => setAsking(true), []);
  useRunShortcuts(session.id, session.doc, commands, runs, ask);
  return runs ? (
    <ModeratorRunBar clock={clock} session={session} commands={commands} asking={asking} setAsking={setAsking} />
  ) : (
    <TableRunBar clock={clock} />
  );
}

interface ModeratorRunBarProps {
  clock: RunClock;
  session: WorkshopSession;
  commands: WorkshopCommands;
  asking: boolean;
  setAsking(asking: boolean): void;
}

function ModeratorRunBar({ clock, session, commands, asking, setAsking }: ModeratorRunBarProps) {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const undoToast = useUndoToast();
  const agenda = useLive(session.live, 'agenda');
  const run = useLive(session.live, 'run');
  const active = clock.status === 'running' || clock.status === 'paused';
  const clockTime = useClockTime(session.live);

  const act = (operation: (now: number) => Result<unknown>) => {
    // Written in the room's clock, as every laptop reads it.
    const result = operation(hostNow(session.id));
    if (result.ok) return;
    if (result.error.code === 'run.hasRecord') setAsking(true);
    else showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
  };

  const restart = () => {
    setAsking(false);
    // The run is not undoable by Ctrl+Z (areas.ts); the restart alone gets its undo, here.
    const before = runRecord(session.doc);
    const result = commands.run.restart(hostNow(session.id));
    if (!result.ok) return showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
    undoToast((t) => t('run.restarted'), () => act(() => commands.run.restore(before)));
  };

  // Whether an item is left that has not finished (else only "start afresh" can run the day).
  const canContinue = agenda.some((item) => item.actualEnd === 0);
  const toggleLabel = clock.status === 'running' ? t('run.pause') : clock.status === 'paused' ? t('run.resume') : t('run.start');

  return (
    <section className={`run-bar phase-${clock.phase}`} aria-label={t('run.label')} data-testid="run-bar" data-status={clock.status}>
      <div className="run-now">
        <span className="run-kicker">{t(`run.status.${clock.status}`)}</span>
        {clock.item ? (
          <>
            <span className="run-title" data-testid="run-current" title={clock.item.title}>
              {/* The number stays on the title's first line, not on one of its own. */}
              {clock.index + 1}.{'\u00a0'}
              {clock.item.title}
            </span>
            <span className="run-next muted" title={clock.next?.title}>
              {clock.next ? t('run.next', { title: clock.next.title }) : t('run.lastItem')}
            </span>
          </>
        ) : (
          <span className="run-title muted" data-testid="run-idle-text">
            {agenda.length === 0
              ? t('run.emptyAgenda')
              : clock.status === 'ended'
                ? t('run.ended')
                : active
                  ? // Deleted on another laptop while it ran (this one refuses): "next" goes on.
                    t('run.currentGone')
                  : t('run.ready', { count: agenda.length })}
          </span>
        )}
      </div>
      {clock.item && (
        <div className="run-timer">
          <Countdown clock={clock} />
          <span className="run-elapsed muted" data-testid="run-elapsed">
            {t('run.elapsedOf', { elapsed: formatDuration(clock.elapsedMs), planned: formatDuration(clock.plannedMs) })}
          </span>
          {clock.item.actualStart > 0 && (
            <span className="run-since muted" data-testid="run-since">
              {t('run.since', { time: clockTime(clock.item.actualStart) })}
              <ZoneHint live={session.live} at={clock.item.actualStart} />
            </span>
          )}
        </div>
      )}
      <div className="run-controls">
        <button type="button" onClick={() => act(commands.run.previous)} disabled={!active && clock.status !== 'ended'} title={`${t('run.previous')} (PageUp)`} data-testid="run-previous">
          <RunIcon name="previous" /> <span className="run-button-text">{t('run.previous')}</span>
        </button>
        <button type="button" className="primary" onClick={() => act(commands.run.toggle)} disabled={agenda.length === 0} title={`${toggleLabel} (Ctrl+Shift+Space)`} data-testid="run-toggle">
          <RunIcon name={clock.status === 'running' ? 'pause' : 'play'} /> {toggleLabel}
        </button>
        <button type="button" onClick={() => act(commands.run.next)} disabled={!active} title={`${t('run.nextItem')} (PageDown)`} data-testid="run-next">
          <span className="run-button-text">{t('run.nextItem')}</span> <RunIcon name="next" />
        </button>
        <button type="button" onClick={() => act(commands.run.signal)} disabled={!active} aria-pressed={clock.signalled} data-testid="run-signal">
          {clock.signalled ? t('run.signalSent', { time: clockTime(run.signalAt) }) : t('run.signal')}
        </button>
        <ProjectorSelect session={session} commands={commands} view={run.projectorView} boardId={run.projectorBoardId} roundId={run.projectorRoundId} />
        <ProjectorPageControl workshopId={session.id} />
      </div>
      {asking && (
        // Cancel has the focus: Enter or Space on a Start pressed by habit (or the shortcut pressed
        // twice) must not clear the times the minutes need.
        <ConfirmDialog
          title={t('run.restartTitle')}
          message={t(canContinue ? 'run.restartMessage' : 'run.restartMessageDone', { count: agenda.filter((item) => item.actualStart > 0).length })}
          confirmLabel={t('run.restartAfresh')}
          onConfirm={restart}
          onCancel={() => setAsking(false)}
          focus="cancel"
          extra={
            canContinue
              ? {
                  label: t('run.continue'),
                  onClick: () => {
                    setAsking(false);
                    act(commands.run.continue);
                  },
                  testId: 'restart-continue',
                }
              : undefined
          }
          testIds={{ dialog: 'restart-dialog', cancel: 'restart-cancel', confirm: 'restart-afresh' }}
        />
      )}
    </section>
  );
}

/**
 * What the projector shows. The votes view shows the newest round unless one is picked: each round
 * is offered by its board (the plenary's result at the report-back, after the tables voted too).
 */
function ProjectorSelect({ session, commands, view, boardId, roundId }: { session: WorkshopSession; commands: WorkshopCommands; view: ProjectorView; boardId: string; roundId: string }) {
  const { t } = useTranslation();
  const boards = useLive(session.live, 'boards');
  const cards = useLive(session.live, 'cards');
  const rounds = useLive(session.live, 'voteRounds');
  const tables = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  const tableName = useTableNames(tables);
  const roundOptions = useMemo(() => {
    const byBoard = new Map<string, number>();
    return [...rounds]
      .sort((a, b) => a.openedAt - b.openedAt)
      .map((round) => {
        const number = (byBoard.get(round.boardId) ?? 0) + 1;
        byBoard.set(round.boardId, number);
        return { round, number };
      })
      .map(({ round, number }) => ({ id: round.id, boardId: round.boardId, number, several: (byBoard.get(round.boardId) ?? 0) > 1 }))
      .reverse();
  }, [rounds]);
  const boardLabel = (id: string) => (boards.find((board) => board.id === id)?.kind === 'table' ? tableName(id) : t('workshop.tabPlenary'));
  const pickedRound = view === 'votes' && roundOptions.some((option) => option.id === roundId);
  const value = view === 'table' ? `table:${boardId}` : pickedRound ? `votes:${roundId}` : view;
  const choose = (raw: string) => {
    if (raw.startsWith('table:')) commands.run.projector({ view: 'table', boardId: raw.slice('table:'.length) });
    else if (raw.startsWith('votes:')) commands.run.projector({ view: 'votes', roundId: raw.slice('votes:'.length) });
    else commands.run.projector({ view: raw as ProjectorView });
  };
  return (
    <label className="run-projector">
      <span>{t('run.projectorShows')}</span>
      <select value={value} onChange={(event) => choose(event.target.value)} title={`${t('run.shortcutProjector')} (Alt+P)`} data-testid="projector-view">
        <option value="title">{t('projector.view.title')}</option>
        <option value="agenda">{t('projector.view.agenda')}</option>
        <option value="plenary">{t('projector.view.plenary')}</option>
        {tables.map((table) => (
          <option key={table.id} value={`table:${table.id}`}>
            {t('projector.view.table', { name: tableName(table.id) })}
          </option>
        ))}
        <option value="votes">{t('projector.view.votes')}</option>
        {roundOptions.map((option) => (
          <option key={option.id} value={`votes:${option.id}`}>
            {option.several
              ? t('projector.view.votesRound', { board: boardLabel(option.boardId), number: option.number })
              : t('projector.view.votesOf', { board: boardLabel(option.boardId) })}
          </option>
        ))}
        <option value="join">{t('projector.view.join')}</option>
      </select>
    </label>
  );
}

/**
 * A table laptop: in small-group work its task and the countdown; otherwise what runs in the
 * plenary. A pause is said in words, in small-group work too: the grey digits alone do not say it.
 */
export function TableRunBar({ clock }: { clock: RunClock }) {
  const { t } = useTranslation();
  if (!clock.item) return null;
  const groupWork = clock.item.kind === 'groupWork';
  return (
    <section className={`run-bar table-run phase-${clock.phase}${groupWork ? ' group-work' : ''}`} aria-label={t('run.label')} data-testid="run-bar" data-status={clock.status}>
      <div className="run-now">
        <span className="run-kicker" data-testid="run-kicker">
          {groupWork && clock.status === 'paused' ? `${t('run.groupWork')} · ${t('run.status.paused')}` : groupWork ? t('run.groupWork') : t(`run.status.${clock.status}`)}
        </span>
        <span className="run-title" data-testid="run-current" title={clock.item.title}>
          {clock.item.title}
        </span>
        {groupWork && clock.item.task && <RunTask task={clock.item.task} />}
      </div>
      <div className="run-timer">
        <Countdown clock={clock} />
        {showsTwoMinuteSignal(clock) && (
          <span className="run-signal-banner" role="alert" data-testid="run-signal-banner">
            {t('run.twoMinutesLeft')}
          </span>
        )}
      </div>
    </section>
  );
}

/**
 * The tables' task in the bar that stays on screen all day: two lines, as the title; a longer task
 * (up to 5,000 characters, in lines of its own) would push the board off a small laptop. The whole
 * task is one press away ("show all", as on a long card; also by touch, where a tooltip never shows)
 * and in the title.
 */
function RunTask({ task }: { task: string }) {
  const { t } = useTranslation();
  const id = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const element = text.current;
    if (!element || open) return;
    const measure = () => setCut(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [task, open]);
  return (
    <>
      <p id={id} ref={text} className={`run-task${open ? ' open' : ''}`} title={task} data-testid="run-task">
        {task}
      </p>
      {(cut || open) && (
        <button type="button" className="link small run-task-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="run-task-toggle">
          {/* The words of a long card's expander: one way to say it across the app. */}
          {open ? t('board.showLess') : t('board.showAll', { count: task.length })}
        </button>
      )}
    </>
  );
}
