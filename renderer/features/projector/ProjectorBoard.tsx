import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, PLENARY_BOARD_ID, shownCards, type Card, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { shortenText } from '../common/shorten-text';

/** A board for the wall, read-only: its groups as columns, then the loose cards. */
export function ProjectorBoard({ live, boardId }: { live: LiveWorkshop; boardId: string }) {
  const { t } = useTranslation();
  const boards = useLive(live, 'boards');
  const reportBack = useLive(live, 'reportBack');
  const board = boards.find((entry) => entry.id === boardId);
  if (!board) return <p className="projector-message">{t('projector.boardGone')}</p>;
  const shownTables = boardId === PLENARY_BOARD_ID ? reportBack.flatMap((id) => boards.filter((entry) => entry.id === id)) : [];
  const title = board.kind === 'plenary' ? t('projector.view.plenary') : board.title;
  return (
    <div className="projector-boards">
      <BoardSection live={live} boardId={board.id} title={title} subtitle={board.topic} />
      {shownTables.map((table) => (
        <BoardSection key={table.id} live={live} boardId={table.id} title={table.title} subtitle={table.topic} />
      ))}
    </div>
  );
}

function BoardSection({ live, boardId, title, subtitle }: { live: LiveWorkshop; boardId: string; title: string; subtitle: string }) {
  const { t } = useTranslation();
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const layout = useMemo(() => layoutBoard(boardId, groups, shownCards(boards, cards)), [boardId, groups, boards, cards]);
  const count = layout.loose.length + layout.groups.reduce((sum, entry) => sum + entry.cards.length, 0);
  // Type shrinks as the board fills, so a full board still fits the wall without scrolling.
  const density = count > 40 ? 'dense' : count > 16 ? 'medium' : 'sparse';
  return (
    <section className={`projector-board density-${density}`} data-testid="projector-board">
      <header className="projector-head">
        <h1>{title}</h1>
        {subtitle && <p className="projector-subtitle">{subtitle}</p>}
      </header>
      {count === 0 ? (
        <p className="projector-empty">{t('projector.noCards')}</p>
      ) : (
        <div className="projector-columns">
          {layout.groups.map(({ group, cards: members }) => (
            <div key={group.id} className="projector-group">
              <h2>{group.title || t('projector.untitledGroup')}</h2>
              <CardList cards={members} />
            </div>
          ))}
          {layout.loose.length > 0 && (
            <div className="projector-group loose">
              {layout.groups.length > 0 && <h2>{t('projector.looseCards')}</h2>}
              <CardList cards={layout.loose} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function CardList({ cards }: { cards: readonly Card[] }) {
  return (
    <ul className="projector-cards">
      {cards.map((card) => (
        <li key={card.id} className={`projector-card${card.colour ? ` colour-${card.colour}` : ''}`}>
          {shortenText(card.text.trim(), 160).text}
        </li>
      ))}
    </ul>
  );
}
