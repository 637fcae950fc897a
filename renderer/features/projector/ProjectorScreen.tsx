import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/store-context';
import { useLive } from '../../hooks/use-live';
import { openWorkshopSession, type WorkshopSession } from '../../session/workshop-session';
import { formatMinutes } from '../agenda/format-minutes';

/** What the wall shows: the workshop title and its agenda, large, with nothing to click. */
export function ProjectorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const [session, setSession] = useState<WorkshopSession | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let opened: WorkshopSession | null = null;
    openWorkshopSession(store, id).then(
      (next) => {
        if (cancelled) return void next.close();
        opened = next;
        setSession(next);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [store, id]);

  if (failed) return <p className="projector projector-message">{t('workshop.openFailed')}</p>;
  if (!session) return <p className="projector projector-message">{t('common.loading')}</p>;
  return <ProjectorAgenda session={session} />;
}

function ProjectorAgenda({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation();
  const meta = useLive(session.live, 'meta');
  const agenda = useLive(session.live, 'agenda');
  return (
    <div className="projector" data-testid="projector">
      <h1>{meta.title}</h1>
      <ol className="projector-agenda">
        {agenda.map((item) => (
          <li key={item.id}>
            <span>{item.title}</span>
            <span className="projector-duration">{formatMinutes(item.durationMin, t)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
