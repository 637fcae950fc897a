import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLENARY_BOARD_ID } from '../../../shared/model';
import { useStore } from '../../app/store-context';
import { useErrorText } from '../../hooks/use-error-text';
import { openWorkshopSession, WorkshopOpenError, type WorkshopSession } from '../../session/workshop-session';
import { navigate } from '../../state/route';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { BoardPanel } from '../board/BoardPanel';
import { SaveStatusBanner } from './SaveStatusBanner';
import { WorkshopHeader } from './WorkshopHeader';
import { useUndoShortcuts } from './use-undo-shortcuts';

type Loading = { state: 'loading' } | { state: 'open'; session: WorkshopSession } | { state: 'failed'; reason: string };

/** One workshop: its agenda beside the plenary board. */
export function WorkshopScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let opened: WorkshopSession | null = null;
    openWorkshopSession(store, id).then(
      (session) => {
        if (cancelled) return void session.close();
        opened = session;
        setLoading({ state: 'open', session });
      },
      (error: unknown) => {
        if (cancelled) return;
        setLoading({ state: 'failed', reason: errorText(error instanceof WorkshopOpenError ? error.reason : error) });
      },
    );
    return () => {
      cancelled = true;
      void opened?.close();
    };
    // errorText changes with the language; reopening the workshop for that would be wrong.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, id]);

  if (loading.state === 'loading') return <p className="screen-message muted">{t('common.loading')}</p>;
  if (loading.state === 'failed') {
    return (
      <div className="screen-message" role="alert" data-testid="open-failed">
        <h1>{t('workshop.openFailed')}</h1>
        <p>{loading.reason}</p>
        <button type="button" className="primary" onClick={() => navigate({ screen: 'home' })}>
          {t('workshop.backHome')}
        </button>
      </div>
    );
  }
  return <OpenWorkshop session={loading.session} />;
}

function OpenWorkshop({ session }: { session: WorkshopSession }) {
  useUndoShortcuts(session.undo);
  return (
    <div className="screen workshop">
      <WorkshopHeader session={session} />
      <SaveStatusBanner saver={session.saver} />
      <main className="workshop-main">
        <AgendaPanel live={session.live} doc={session.doc} />
        <BoardPanel live={session.live} doc={session.doc} undo={session.undo} boardId={PLENARY_BOARD_ID} />
      </main>
    </div>
  );
}
