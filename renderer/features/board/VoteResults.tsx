import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dotsOnRemoved, rankVotes, type Card, type GroupedBoard, type Vote, type VoteRound, type VoteTargets } from '../../../shared/model';
import { shortenText } from '../common/shorten-text';

interface VoteResultsProps {
  round: VoteRound;
  votes: readonly Vote[];
  /** The cards and groups that exist: dots on others are said in a line, not ranked. */
  targets: VoteTargets;
  layout: GroupedBoard<Card>;
  onMakeAction(targetId: string): void;
  /** Open at first: the round was closed while this board was on screen. Else one slim line. */
  initiallyOpen: boolean;
}

/**
 * The ranked result of a closed round: groups and cards by dots, each one click from an action
 * item. Folded to the winner in one line, so an old round does not push the cards down.
 */
export function VoteResults({ round, votes, targets, layout, onMakeAction, initiallyOpen }: VoteResultsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
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
  const winner = ranked[0];
  const removed = dotsOnRemoved(round, votes, targets);
  return (
    <section className={`vote-results${open && ranked.length > 0 ? '' : ' folded'}`} aria-labelledby={`results-${round.id}`} data-testid="vote-results">
      <div className="vote-results-head">
        <h3 id={`results-${round.id}`}>{t('votes.results')}</h3>
        {!open && winner && (
          <span className="vote-results-winner" data-testid="vote-results-winner">
            1. {labels.get(winner.targetId)} · {t('votes.dots', { count: winner.dots })}
          </span>
        )}
        {/* Nothing ranked: said in the one line, with nothing to unfold. */}
        {ranked.length === 0 && (
          <span className="vote-results-winner muted" data-testid="vote-results-none">
            {removed === 0 ? t('votes.noDots') : t('votes.removedDots', { count: removed })}
          </span>
        )}
        {ranked.length > 0 && (
          <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="vote-results-toggle">
            {open ? t('votes.foldResults') : t('votes.showResults', { count: ranked.length })}
          </button>
        )}
      </div>
      {open && ranked.length > 0 && (
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
      {open && ranked.length > 0 && removed > 0 && (
        <p className="muted" data-testid="vote-results-removed">
          {t('votes.removedDots', { count: removed })}
        </p>
      )}
    </section>
  );
}
