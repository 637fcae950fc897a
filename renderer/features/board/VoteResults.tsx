import { useTranslation } from 'react-i18next';
import { rankVotes, type Card, type GroupedBoard, type Vote, type VoteRound } from '../../../shared/model';
import { shortenText } from '../common/shorten-text';

interface VoteResultsProps {
  round: VoteRound;
  votes: readonly Vote[];
  layout: GroupedBoard<Card>;
  onMakeAction(targetId: string): void;
}

/** The ranked result of a closed round: groups and cards by dots, each one click from an action item. */
export function VoteResults({ round, votes, layout, onMakeAction }: VoteResultsProps) {
  const { t } = useTranslation();
  const labels = new Map<string, string>();
  const order: string[] = [];
  for (const { group, cards } of layout.groups) {
    labels.set(group.id, group.title || t('groups.untitled'));
    order.push(group.id);
    for (const card of cards) {
      labels.set(card.id, shortenText(card.text, 120).text);
      order.push(card.id);
    }
  }
  for (const card of layout.loose) {
    labels.set(card.id, shortenText(card.text, 120).text);
    order.push(card.id);
  }
  const ranked = rankVotes(round, votes, order).filter((entry) => labels.has(entry.targetId));
  return (
    <section className="vote-results" aria-labelledby={`results-${round.id}`} data-testid="vote-results">
      <h3 id={`results-${round.id}`}>{t('votes.results')}</h3>
      {ranked.length === 0 ? (
        <p className="muted">{t('votes.noDots')}</p>
      ) : (
        <ol>
          {ranked.map((entry) => (
            <li key={entry.targetId} data-testid="vote-result">
              <span className="rank">{entry.rank}.</span>
              <span className="result-label">{labels.get(entry.targetId)}</span>
              <span className="result-dots">{t('votes.dots', { count: entry.dots })}</span>
              <button type="button" className="small" onClick={() => onMakeAction(entry.targetId)} data-testid="result-make-action">
                {t('actions.fromResult')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
