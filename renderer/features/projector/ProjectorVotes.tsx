import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dotsOnRemoved, layoutBoard, rankVotes, shownName, tablesFrom, voteTargetIds, type LiveWorkshop, type VoteRound } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useTableNames } from '../../hooks/use-shown-names';
import { shortenText } from '../common/shorten-text';
import { WallFlow, type WallBlock } from './WallFlow';

/** Ranking type sizes (wall units, wall-size.ts), largest first; it stops at MIN_TEXT_VH. */
const RANKING_TIERS = [4, 3.4, 2.9, 2.5] as const;

/** The results of a vote round: every dotted card and group, most dots first, with their dots as bars; titles wrap, never cut. */
export function ProjectorVotes({ live, roundId }: { live: LiveWorkshop; roundId: string }) {
  const { t } = useTranslation();
  const rounds = useLive(live, 'voteRounds');
  const votes = useLive(live, 'votes');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const boards = useLive(live, 'boards');
  const tableName = useTableNames(useMemo(() => tablesFrom(boards, []), [boards]));
  const round: VoteRound | undefined =
    rounds.find((entry) => entry.id === roundId) ?? [...rounds].sort((a, b) => b.openedAt - a.openedAt)[0];

  const ranked = useMemo(() => {
    if (!round) return [];
    const layout = layoutBoard(round.boardId, groups, cards);
    const order = [...layout.groups.flatMap(({ group, cards: members }) => [group.id, ...members.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
    return rankVotes(round, votes, order);
  }, [round, groups, cards, votes]);

  const removed = useMemo(() => (round && round.state === 'closed' ? dotsOnRemoved(round, votes, voteTargetIds(cards, groups)) : 0), [round, votes, cards, groups]);

  if (!round) return <p className="projector-message">{t('projector.noVotes')}</p>;
  const board = boards.find((entry) => entry.id === round.boardId);
  const boardTitle = !board || board.kind === 'plenary' ? t('projector.view.plenary') : tableName(board.id);
  const hidden = round.hideResults && round.state === 'open';
  const most = Math.max(1, ...ranked.map((entry) => entry.dots));
  const label = (id: string) => {
    const group = groups.find((entry) => entry.id === id);
    if (group) return shownName(group.title, t('groups.untitled'));
    const card = cards.find((entry) => entry.id === id);
    return card ? shortenText(card.text.trim()).text : '—';
  };

  const rows: WallBlock[] = ranked.map((entry) => ({
    key: entry.targetId,
    look: 'rank',
    node: (
      <>
        <span className="projector-rank">{entry.rank}</span>
        <span className="projector-rank-title">{label(entry.targetId)}</span>
        <span className="projector-bar" aria-hidden="true">
          <span style={{ width: `${(entry.dots / most) * 100}%` }} />
        </span>
        <span className="projector-dots">{t('projector.dots', { count: entry.dots })}</span>
      </>
    ),
  }));

  return (
    <div className="projector-votes" data-testid="projector-votes">
      <header className="projector-head">
        <h1>{t('projector.votesHeading', { board: boardTitle })}</h1>
        <p className="projector-subtitle">{round.state === 'open' ? t('projector.votingOpen') : t('projector.votingClosed')}</p>
      </header>
      {hidden ? (
        <p className="projector-empty">{t('projector.resultsHidden')}</p>
      ) : ranked.length === 0 ? (
        removed === 0 && <p className="projector-empty">{t('projector.noDotsYet')}</p>
      ) : (
        <WallFlow blocks={rows} tiers={RANKING_TIERS} columnEm={20} maxColumns={1} list="ol" columnClass="projector-ranking" />
      )}
      {!hidden && removed > 0 && (
        <p className="projector-subtitle" data-testid="projector-votes-removed">
          {t('votes.removedDots', { count: removed })}
        </p>
      )}
    </div>
  );
}
