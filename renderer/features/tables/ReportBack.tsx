import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { boardCards, tablesFrom, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useTableNames } from '../../hooks/use-shown-names';

/** The tables the moderator brought to the plenary: their boards, live, without copying a card. */
export function ReportBack({ live }: { live: LiveWorkshop }) {
  const { t } = useTranslation();
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const shown = useLive(live, 'reportBack');
  const all = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  // Numbered among all tables, as everywhere else, not among the ones shown.
  const tableName = useTableNames(all);
  const tables = useMemo(() => all.filter((table) => shown.includes(table.id)), [all, shown]);
  if (tables.length === 0) return null;
  return (
    <section className="report-back" aria-label={t('tables.reportBackHeading')} data-testid="report-back">
      {tables.map((table) => (
        <div key={table.id} className="report-back-table">
          <h3>
            {tableName(table.id)}
            {table.topic && <span className="muted"> · {table.topic}</span>}
          </h3>
          <ul className="card-grid">
            {boardCards(cards, table.id).map((card) => (
              <li key={card.id} className="card card-readonly">
                <p className="card-text">{card.text}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
