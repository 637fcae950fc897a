import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, rankVotes, type LiveWorkshop, type VoteRound } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { shortenText } from '../common/shorten-text';

const SHOWN = 10;

/** The results of a vote round: the most dotted cards and groups with their dots as bars. */
export function ProjectorVotes({ live, roundId }: { live: LiveWorkshop; roundId: string }) {
  const { t } = useTranslation();
  const rounds = useLive(live, 'voteRounds');
  const votes = useLive(live, 'votes');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const boards = useLive(live, 'boards');
  const round: VoteRound | undefined =
    rounds.find((entry) => entry.id === roundId) ?? [...rounds].sort((a, b) => b.openedAt - a.openedAt)[0];

  const ranked = useMemo(() => {
    if (!round) return [];
    const layout = layoutBoard(round.boardId, groups, cards);
    const order = [...layout.groups.flatMap(({ group, cards: members }) => [group.id, ...members.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
    return rankVotes(round, votes, order).slice(0, SHOWN);
  }, [round, groups, cards, votes]);

  if (!round) return <p className="projector-message">{t('projector.noVotes')}</p>;
  const board = boards.find((entry) => entry.id === round.boardId);
  const boardTitle = !board || board.kind === 'plenary' ? t('projector.view.plenary') : board.title;
  const hidden = round.hideResults && round.state === 'open';
  const most = Math.max(1, ...ranked.map((entry) => entry.dots));
  const label = (id: string) => {
    const group = groups.find((entry) => entry.id === id);
    if (group) return group.title || t('projector.untitledGroup');
    const card = cards.find((entry) => entry.id === id);
    return card ? shortenText(card.text.trim(), 90).text : '—';
  };

  return (
    <div className="projector-votes" data-testid="projector-votes">
      <header className="projector-head">
        <h1>{t('projector.votesHeading', { board: boardTitle })}</h1>
        <p className="projector-subtitle">{round.state === 'open' ? t('projector.votingOpen') : t('projector.votingClosed')}</p>
      </header>
      {hidden ? (
        <p className="projector-empty">{t('projector.resultsHidden')}</p>
      ) : ranked.length === 0 ? (
        <p className="projector-empty">{t('projector.noDotsYet')}</p>
      ) : (
        <ol className="projector-ranking">
          {ranked.map((entry) => (
            <li key={entry.targetId}>
              <span className="projector-rank">{entry.rank}</span>
              <span className="projector-rank-title">{label(entry.targetId)}</span>
              <span className="projector-bar" aria-hidden="true">
                <span style={{ width: `${(entry.dots / most) * 100}%` }} />
              </span>
              <span className="projector-dots">{t('projector.dots', { count: entry.dots })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
