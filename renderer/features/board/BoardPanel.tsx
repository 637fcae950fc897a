import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cardMatcher, isFilterActive, layoutBoard, PLENARY_BOARD_ID, voteTargetIds, type CardFilter, type VoteTargets } from '../../../shared/model';
import { can, canWriteOn, type Role } from '../../../shared/roles/permissions';
import { useSeat, useShared } from '../roles/use-role';
import { useLive } from '../../hooks/use-live';
import type { WorkshopSession } from '../../session/workshop-session';
import { BoardCanvas } from './BoardCanvas';
import { BoardFilterBar } from './BoardFilterBar';
import { QuickEntry } from './QuickEntry';
import { VoteBar } from './VoteBar';
import { VoteResults } from './VoteResults';
import { ParticipantsContext } from './board-types';
import { useEntryPrefs } from '../../state/board-prefs';
import { useBoardCommands } from './use-board-commands';
import { currentRound, voteViews } from './vote-view';
import './board.css';
import { useShownNames } from '../../hooks/use-shown-names';

interface BoardPanelProps {
  /** What a board needs of the open workshop (the bench renders it without storage). */
  session: Pick<WorkshopSession, 'id' | 'doc' | 'live'>;
  boardId: string;
  /** A table laptop is bound by the moderator's locks and writes only where it may; the moderator is not. */
  role: Role;
  /** Heading of the board; the plenary's by default. */
  title?: string;
  subtitle?: string;
  /** Shown below the cards (the plenary shows the tables brought back to it). */
  children?: ReactNode;
}

/** A capture board: quick entry, groups, dot voting, search, and action items from cards. */
export function BoardPanel({ session, boardId, role, title, subtitle, children }: BoardPanelProps) {
  const { t } = useTranslation();
  const names = useShownNames();
  const { doc, live } = session;
  const allCards = useLive(live, 'cards');
  const boards = useLive(live, 'boards');
  const groups = useLive(live, 'groups');
  const participants = useLive(live, 'participants');
  const rounds = useLive(live, 'voteRounds');
  const votes = useLive(live, 'votes');
  const [prefs, setPrefs] = useEntryPrefs(session.id, boardId);
  const [filter, setFilter] = useState<CardFilter>({});
  const [lastAddedId, setLastAddedId] = useState<string | null>(null);
  // A round closed while this board is on screen shows its whole ranking; an older one folds.
  const [watchedOpen, setWatchedOpen] = useState<string | null>(null);

  const seat = useSeat();
  // Opening the plenary to the tables means something only once there are tables to open it to.
  const shared = useShared();
  const found = boards.find((entry) => entry.id === boardId);
  const writable = !found || canWriteOn(role, found, seat);
  // Where this laptop may not write (the plenary before the moderator opens it), the cards stay as
  // they are, as on a locked board; the stored lock is unchanged.
  const board = useMemo(() => (found && !writable && !found.locked ? { ...found, locked: true } : found), [found, writable]);
  const layout = useMemo(() => layoutBoard(boardId, groups, allCards), [boardId, groups, allCards]);
  const cardCount = layout.loose.length + layout.groups.reduce((sum, entry) => sum + entry.cards.length, 0);
  const authorNames = useMemo(() => new Map(participants.map((person) => [person.id, names.person(person.name)])), [participants, names]);
  const matches = useMemo(() => (isFilterActive(filter) ? cardMatcher(filter) : null), [filter]);
  const matchCount = useMemo(() => (matches ? layout.loose.filter(matches).length + layout.groups.reduce((sum, entry) => sum + entry.cards.filter(matches).length, 0) : cardCount), [matches, layout, cardCount]);
  const round = currentRound(rounds, boardId);
  const voterId = prefs.authorId;
  const existing = useMemo(() => voteTargetIds(allCards, groups), [allCards, groups]);
  // Only which dotted targets are gone matters to the dots shown: a new card must leave the groups alone.
  const gone = round ? [...new Set(votes.filter((vote) => vote.roundId === round.id && !existing.has(vote.targetId)).map((vote) => vote.targetId))].sort().join('\n') : '';
  const voteTargets = useMemo<VoteTargets>(() => {
    const goneIds = new Set(gone === '' ? [] : gone.split('\n'));
    return { has: (id) => !goneIds.has(id) };
  }, [gone]);
  const votesOf = useMemo(() => voteViews(round, votes, voterId, voteTargets), [round, votes, voterId, voteTargets]);
  if (round?.state === 'open' && watchedOpen !== round.id) setWatchedOpen(round.id);

  const voterName = voterId ? (authorNames.get(voterId) ?? null) : null;
  // The same element while the round and the voter stay: the filter bar (memoised) then skips each new card's render.
  const voteBar = useMemo(
    () => <VoteBar doc={doc} boardId={boardId} round={round} votes={votes} targets={voteTargets} voterId={voterId} voterName={voterName} role={role} />,
    [doc, boardId, round, votes, voteTargets, voterId, voterName, role],
  );

  const { actions, groupCommands, onDrop, makeActionFrom, openPlenary } = useBoardCommands(doc, { allCards, groups, round, voterId, votes, layout });

  return (
    <ParticipantsContext.Provider value={participants}>
    <section className="panel board" aria-labelledby={`board-heading-${boardId}`} data-testid="board" data-board-id={boardId}>
      <div className="panel-head">
        <div>
          <h2 id={`board-heading-${boardId}`}>{title ?? t('board.plenary')}</h2>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        <span className="muted" data-testid="card-count">
          {matches ? t('board.matchCount', { count: matchCount, total: cardCount }) : t('board.cardCount', { count: cardCount })}
        </span>
      </div>
      {boardId === PLENARY_BOARD_ID && shared && <PlenaryCapture open={seat.plenaryOpen} role={role} onToggle={openPlenary} />}
      {writable && (
        <div className="board-capture">
          <QuickEntry doc={doc} boardId={boardId} participants={participants} prefs={prefs} setPrefs={setPrefs} onAdded={setLastAddedId} />
        </div>
      )}
      <BoardFilterBar filter={filter} onChange={setFilter} participants={participants} board={board} role={role} doc={doc}>
        {voteBar}
      </BoardFilterBar>
      {round?.state === 'closed' && <VoteResults key={round.id} round={round} votes={votes} targets={voteTargets} layout={layout} onMakeAction={makeActionFrom} initiallyOpen={watchedOpen === round.id} />}
      {cardCount === 0 && layout.groups.length === 0 ? (
        <p className="muted empty">{t('board.empty')}</p>
      ) : (
        <BoardCanvas board={board} layout={layout} role={role} writable={writable} doc={doc} authorNames={authorNames} matches={matches} votes={votesOf} actions={actions} commands={groupCommands} onDrop={onDrop} lastAddedId={lastAddedId} />
      )}
      {children}
    </section>
    </ParticipantsContext.Provider>
  );
}

/**
 * Whether the tables may write on the plenary's board: the moderator opens and closes it (a
 * round of ideas from every table), a table laptop sees which it is.
 */
function PlenaryCapture({ open, role, onToggle }: { open: boolean; role: Role; onToggle(open: boolean): void }) {
  const { t } = useTranslation();
  if (!can(role, 'plenary.open')) {
    return (
      <p className={open ? 'plenary-capture open' : 'plenary-capture muted'} role="status" data-testid="plenary-capture-state">
        {open ? t('roles.plenaryOpenForYou') : t('roles.plenaryClosedForYou')}
      </p>
    );
  }
  return (
    <div className="plenary-capture">
      <button type="button" className="small" aria-pressed={open} onClick={() => onToggle(!open)} title={t('roles.plenaryOpenHint')} data-testid="plenary-open-toggle">
        {open ? t('roles.closePlenary') : t('roles.openPlenary')}
      </button>
      <span className="muted small">{open ? t('roles.plenaryIsOpen') : t('roles.plenaryIsClosed')}</span>
    </div>
  );
}
