import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLENARY_BOARD_ID, tablesFrom } from '../../../shared/model';
import { useStore } from '../../hooks/use-store';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { openWorkshopSession, WorkshopOpenError, type WorkshopSession } from '../../session/workshop-session';
import { navigate } from '../../state/route';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { BoardPanel } from '../board/BoardPanel';
import { ActionsPanel } from '../actions/ActionsPanel';
import { DeletedWhileEditing } from '../board/DeletedWhileEditing';
import { ConnectionPanel } from '../connection/ConnectionPanel';
import { useConnectionController, useConnectionState } from '../connection/use-connection';
import { MinutesPanel } from '../minutes/MinutesPanel';
import { ParkingLotPanel } from '../parking-lot/ParkingLotPanel';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { RunBar } from '../run/RunBar';
import { ShortcutsOverlay } from '../shortcuts/ShortcutsOverlay';
import { ReportBack } from '../tables/ReportBack';
import { TablesPanel } from '../tables/TablesPanel';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { SaveStatusBanner } from './SaveStatusBanner';
import { WorkshopHeader } from './WorkshopHeader';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useOverwrittenTexts } from '../board/use-overwritten-texts';
import { useUndoGuard } from './use-undo-guard';
import { useUndoFeedback } from './use-undo-feedback';
import { RoleContext, useRoleValue } from '../roles/use-role';
import { useTableNames } from '../../hooks/use-shown-names';
import { useZonelessToastGone } from '../home/imported-toast';

type Loading = { state: 'loading' } | { state: 'open'; session: WorkshopSession } | { state: 'failed'; reason: string };

/** One workshop: the plenary (agenda and board), the tables, and its connection to the others. */
export function WorkshopScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let opened: WorkshopSession | null = null;
    // Aborted when the screen goes (or StrictMode unmounts it at once): that session never connects.
    const abort = new AbortController();
    openWorkshopSession(store, id, { network: { signal: abort.signal } }).then(
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
      abort.abort();
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

type View =
  | { kind: 'plenary' }
  | { kind: 'tables' }
  | { kind: 'table'; id: string }
  | { kind: 'participants' }
  | { kind: 'actions' }
  | { kind: 'minutes' }
  | { kind: 'connection' };

function OpenWorkshop({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation();
  useUndoShortcuts(session.undo);
  useOverwrittenTexts(session.doc);
  const controller = useConnectionController(session);
  const connection = useConnectionState(controller);
  const meta = useLive(session.live, 'meta');
  useZonelessToastGone(session.id, meta.timeZone);
  const boards = useLive(session.live, 'boards');
  const cards = useLive(session.live, 'cards');
  const tables = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  const tableName = useTableNames(tables);
  const roleValue = useRoleValue(session.doc, connection.row);
  useUndoGuard(session.undo, session.doc, roleValue.commands.caller);
  const { role } = roleValue;
  const atTable = connection.row?.role === 'table';
  const myTable = atTable ? (tables.find((table) => table.id === connection.row?.tableId) ?? null) : null;
  const [chosen, setChosen] = useState<View | null>(null);
  // A table laptop starts at its table, or at the connection tab to pick one.
  const moderatorOnly = (candidate: View | null) => candidate !== null && ['tables', 'participants', 'minutes'].includes(candidate.kind);
  // A laptop that loses the moderator's role leaves the moderator's screens.
  const usable = role === 'table' && moderatorOnly(chosen) ? null : chosen;
  const view: View = usable ?? (atTable ? (myTable ? { kind: 'table', id: myTable.id } : { kind: 'connection' }) : { kind: 'plenary' });
  const awaiting = meta.schemaVersion === 0;

  const tabs: Array<{ key: string; label: string; view: View }> = [
    ...(myTable ? [{ key: 'mine', label: t('workshop.tabMyTable', { name: tableName(myTable.id) }), view: { kind: 'table', id: myTable.id } as View }] : []),
    { key: 'plenary', label: t('workshop.tabPlenary'), view: { kind: 'plenary' } },
    ...(role !== 'table' ? [{ key: 'tables', label: t('workshop.tabTables', { count: tables.length }), view: { kind: 'tables' } as View }] : []),
    ...(role !== 'table' ? [{ key: 'participants', label: t('workshop.tabParticipants'), view: { kind: 'participants' } as View }] : []),
    { key: 'actions', label: t('workshop.tabActions'), view: { kind: 'actions' } },
    ...(role !== 'table' ? [{ key: 'minutes', label: t('workshop.tabMinutes'), view: { kind: 'minutes' } as View }] : []),
    { key: 'connection', label: t('workshop.tabConnection'), view: { kind: 'connection' } },
  ];
  const isActive = (candidate: View) =>
    candidate.kind === view.kind && (candidate.kind !== 'table' || (view.kind === 'table' && candidate.id === view.id));
  const openTable = view.kind === 'table' ? tables.find((table) => table.id === view.id) : undefined;
  useUndoFeedback(session.undo, {
    shownBoardId: view.kind === 'plenary' ? PLENARY_BOARD_ID : (openTable?.id ?? null),
    boardName: (boardId) => (boardId === PLENARY_BOARD_ID ? t('workshop.tabPlenary') : tableName(boardId)),
    showBoard: (boardId) => setChosen(boardId === PLENARY_BOARD_ID ? { kind: 'plenary' } : { kind: 'table', id: boardId }),
  });

  return (
    <RoleContext.Provider value={roleValue}>
    <div className="screen workshop">
      <ErrorBoundary area="header" backHome>
        <WorkshopHeader session={session} connection={connection} onShowConnection={() => setChosen({ kind: 'connection' })} />
      </ErrorBoundary>
      <ErrorBoundary area="save-status">
        <SaveStatusBanner saver={session.saver} />
      </ErrorBoundary>
      <ErrorBoundary area="run-bar">
        <RunBar session={session} role={role} />
      </ErrorBoundary>
      <ErrorBoundary area="shortcuts">
        <ShortcutsOverlay />
      </ErrorBoundary>
      <DeletedWhileEditing doc={session.doc} cards={cards} />
      <nav className="tabs" aria-label={t('workshop.views')}>
        {tabs.map((tab) => (
          <button key={tab.key} type="button" className="tab" aria-current={isActive(tab.view) ? 'page' : undefined} onClick={() => setChosen(tab.view)} data-testid={`tab-${tab.key}`}>
            {tab.label}
          </button>
        ))}
      </nav>
      {awaiting && view.kind !== 'connection' ? (
        <p className="screen-message muted" role="status" data-testid="awaiting-content">
          {t('workshop.awaitingContent')}
        </p>
      ) : (
        <main className={`workshop-main view-${view.kind}`}>
          {view.kind === 'plenary' && (
            <>
              <ErrorBoundary area="agenda" backHome>
                <AgendaPanel live={session.live} doc={session.doc} />
              </ErrorBoundary>
              <ErrorBoundary area="board" backHome>
                <BoardPanel session={session} role={role} boardId={PLENARY_BOARD_ID}>
                  <ErrorBoundary area="report-back">
                    <ReportBack live={session.live} />
                  </ErrorBoundary>
                </BoardPanel>
              </ErrorBoundary>
              <ErrorBoundary area="parking-lot"><ParkingLotPanel session={session} /></ErrorBoundary>
            </>
          )}
          {view.kind === 'tables' && (
            <ErrorBoundary area="tables" backHome>
              <TablesPanel live={session.live} doc={session.doc} onOpenTable={(id) => setChosen({ kind: 'table', id })} />
            </ErrorBoundary>
          )}
          {view.kind === 'table' && openTable && (
            <ErrorBoundary area="board" backHome resetKey={openTable.id}>
              <BoardPanel session={session} role={role} boardId={openTable.id} title={tableName(openTable.id)} subtitle={openTable.topic} />
            </ErrorBoundary>
          )}
          {view.kind === 'table' && !openTable && <p className="muted">{t('tables.gone')}</p>}
          {view.kind === 'participants' && (
            <ErrorBoundary area="participants" backHome>
              <ParticipantsPanel session={session} />
            </ErrorBoundary>
          )}
          {view.kind === 'actions' && (
            <ErrorBoundary area="actions" backHome>
              <ActionsPanel session={session} />
            </ErrorBoundary>
          )}
          {view.kind === 'minutes' && (
            <ErrorBoundary area="minutes" backHome>
              <MinutesPanel session={session} />
            </ErrorBoundary>
          )}
          {view.kind === 'connection' && controller && (
            <ErrorBoundary area="connection" backHome>
              <ConnectionPanel workshopId={session.id} controller={controller} state={connection} tables={tables} />
            </ErrorBoundary>
          )}
        </main>
      )}
    </div>
    </RoleContext.Provider>
  );
}
