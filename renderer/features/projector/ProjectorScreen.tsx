import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../hooks/use-store';
import { useLive } from '../../hooks/use-live';
import { useWindowTitle } from '../../hooks/use-window-title';
import { openProjectorSession, type ProjectorSession } from '../../session/workshop-session';
import { ProjectorAgenda } from './ProjectorAgenda';
import { ProjectorBoard } from './ProjectorBoard';
import { ProjectorJoin } from './ProjectorJoin';
import { ProjectorVotes } from './ProjectorVotes';
import { ProjectorTitle } from './ProjectorTitle';
import { BeamerBar } from './BeamerBar';
import { useWallFit } from './use-wall-fit';
import { WallWorkshop } from './use-wall-pager';
import { ErrorBoundary } from '../common/ErrorBoundary';
import './projector.css';

/**
 * What the wall shows, chosen by the moderator in the document (run.projectorView): the title
 * with the venue, the agenda with the countdown, a board, vote results or the join code. Large,
 * high contrast, nothing to click once it is full screen.
 */
export function ProjectorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const [session, setSession] = useState<ProjectorSession | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let opened: ProjectorSession | null = null;
    openProjectorSession(store, id).then(
      (next) => {
        if (cancelled) return next.close();
        opened = next;
        setSession(next);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [store, id]);

  if (failed) return <p className="projector projector-message">{t('workshop.openFailed')}</p>;
  if (!session) return <main className="projector projector-message">{t('common.loading')}</main>;
  return <ProjectorContent session={session} />;
}

function ProjectorContent({ session }: { session: ProjectorSession }) {
  const { t } = useTranslation();
  const run = useLive(session.live, 'run');
  const meta = useLive(session.live, 'meta');
  useWindowTitle('projector', meta.title);
  const wall = useRef<HTMLElement>(null);
  useWallFit(wall, `${run.projectorView}:${meta.schemaVersion === 0}`);
  // A joined laptop may open the projector before the workshop has arrived from the others.
  if (meta.schemaVersion === 0) return <main className="projector projector-message">{t('projector.waiting')}</main>;
  // The page's one landmark: everything on the wall is its main content.
  return (
    <main ref={wall} className={`projector projector-view-${run.projectorView}`} data-testid="projector" data-view={run.projectorView}>
      <BeamerBar />
      {/* The moderator switching what is shown tries a failed view afresh. */}
      <ErrorBoundary resetKey={`${run.projectorView}:${run.projectorBoardId}:${run.projectorRoundId}`} area={`projector-${run.projectorView}`} size="screen">
        <WallWorkshop.Provider value={session.id}>
        {run.projectorView === 'title' && <ProjectorTitle live={session.live} />}
        {run.projectorView === 'agenda' && <ProjectorAgenda workshopId={session.id} live={session.live} />}
        {run.projectorView === 'plenary' && <ProjectorBoard live={session.live} boardId="plenary" />}
        {run.projectorView === 'table' && <ProjectorBoard live={session.live} boardId={run.projectorBoardId} />}
        {run.projectorView === 'votes' && <ProjectorVotes live={session.live} roundId={run.projectorRoundId} />}
        {run.projectorView === 'join' && <ProjectorJoin workshopId={session.id} title={meta.title} />}
        </WallWorkshop.Provider>
      </ErrorBoundary>
    </main>
  );
}
