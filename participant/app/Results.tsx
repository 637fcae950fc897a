import { useTranslation } from 'react-i18next';
import type { PhoneView } from '../../shared/phone/protocol';

/**
 * The result of the vote that ended last, as the wall shows it: what the room now talks about,
 * for the people who voted on their phones. The best ten; how many more got dots.
 */
export function Results({ results }: { results: PhoneView['results'] }) {
  const { t } = useTranslation();
  if (!results) return null;
  const { board } = results;
  const unnamedTable = board.unnamedNumber === undefined ? t('phone.unnamedTable') : t('phone.unnamedTableNumbered', { number: board.unnamedNumber });
  const heading = board.kind === 'table' ? t('phone.results.tableHeading', { table: board.title || unnamedTable }) : t('votes.results');
  return (
    <section className="results" aria-labelledby="results-heading" data-testid="phone-results">
      <h2 id="results-heading" className="section-label">
        {heading}
      </h2>
      {results.ranked.length === 0 ? (
        <p className="hint">{t('votes.noDots')}</p>
      ) : (
        <ol className="ranking">
          {results.ranked.map((entry, index) => (
            <li key={index} className="ranked" data-testid="phone-ranked">
              <span className="rank">{entry.rank}.</span>
              <span className="ranked-label">{entry.group ? t('phone.results.group', { title: entry.label || t('phone.results.untitledGroup') }) : entry.label}</span>
              <span className="ranked-dots">{t('votes.dotsOn', { count: entry.dots })}</span>
            </li>
          ))}
        </ol>
      )}
      {results.more > 0 && <p className="hint">{t('phone.results.more', { count: results.more })}</p>}
    </section>
  );
}
