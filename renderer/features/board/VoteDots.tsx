import { useTranslation } from 'react-i18next';
import type { BoardActions, VoteView } from './board-types';

/** The dots on a card or group while a round is open, and the results once it is closed. */
export function VoteDots({ targetId, vote, actions }: { targetId: string; vote: VoteView; actions: BoardActions }) {
  const { t } = useTranslation();
  return (
    <div className="vote-dots" data-testid="vote-dots">
      {vote.total !== null && vote.total > 0 && (
        <span className="vote-total" data-testid="vote-total" role="img" aria-label={t('votes.dotsOn', { count: vote.total })}>
          {vote.total}
        </span>
      )}
      {vote.open && (
        <>
          <span className="my-dots" role="img" aria-label={t('votes.myDots', { count: vote.mine })}>
            {'●'.repeat(vote.mine)}
          </span>
          {vote.mine > 0 && (
            <button type="button" className="icon small" onClick={() => actions.unvote(targetId)} aria-label={t('votes.takeBack')} title={t('votes.takeBack')} data-testid="vote-minus">
              −
            </button>
          )}
          <button type="button" className="vote-button" onClick={() => actions.vote(targetId)} data-testid="vote-plus">
            {t('votes.addDot')}
          </button>
        </>
      )}
    </div>
  );
}
