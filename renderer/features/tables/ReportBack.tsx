import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, shownCards, shownName, tablesFrom, type Card, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useTableNames } from '../../hooks/use-shown-names';

/**
 * The tables the moderator brought to the plenary: their boards, live, without copying a card;
 * grouped as the tables grouped them, as the wall shows them (a flat list lost the groups).
 */
export function ReportBack({ live }: { live: LiveWorkshop }) {
  const { t } = useTranslation();
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const shown = useLive(live, 'reportBack');
  const all = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  // Numbered among all tables, as everywhere else, not among the ones shown.
  const tableName = useTableNames(all);
  const tables = useMemo(() => all.filter((table) => shown.includes(table.id)), [all, shown]);
  const visible = useMemo(() => shownCards(boards, cards), [boards, cards]);
  if (tables.length === 0) return null;
  return (
    <section className="report-back" aria-label={t('tables.reportBackHeading')} data-testid="report-back">
      {tables.map((table) => {
        const layout = layoutBoard(table.id, groups, visible);
        return (
          <div key={table.id} className="report-back-table" data-testid="report-back-table">
            <h3>
              {tableName(table.id)}
              {table.topic && <span className="muted"> · {table.topic}</span>}
            </h3>
            {layout.groups.map(({ group, cards: members }) => (
              <div key={group.id} className="report-back-group">
                <h4 data-testid="report-back-group">{shownName(group.title, t('groups.untitled'))}</h4>
                <CardList cards={members} />
              </div>
            ))}
            {layout.loose.length > 0 && (
              <div className="report-back-group">
                {layout.groups.length > 0 && <h4 data-testid="report-back-group">{t('projector.looseCards')}</h4>}
                <CardList cards={layout.loose} />
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}

function CardList({ cards }: { cards: readonly Card[] }) {
  return (
    <ul className="card-grid">
      {cards.map((card) => (
        <li key={card.id} className="card card-readonly">
          <p className="card-text">{card.text}</p>
        </li>
      ))}
    </ul>
  );
}
