import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, PLENARY_BOARD_ID, shownCards, shownName, tablesFrom, type Card, type LiveWorkshop } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useTableNames } from '../../hooks/use-shown-names';
import { shortenText } from '../common/shorten-text';
import { WallFlow, type WallBlock } from './WallFlow';

/** Card type sizes the wall tries (wall units, wall-size.ts), largest first; it stops at MIN_TEXT_VH. */
const CARD_TIERS = [4.2, 3.6, 3.1, 2.5] as const;

/**
 * A board for the wall, read-only: its groups and loose cards flowing through columns; on the
 * plenary also the tables the moderator brought in (the report-back), each under its own heading
 * in the same flow, so no section can slide over another. Every card is on some page.
 */
export function ProjectorBoard({ live, boardId }: { live: LiveWorkshop; boardId: string }) {
  const { t } = useTranslation();
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const reportBack = useLive(live, 'reportBack');
  const tables = useMemo(() => tablesFrom(boards, []), [boards]);
  const tableName = useTableNames(tables);
  const board = boards.find((entry) => entry.id === boardId);
  const blocks = useMemo(() => {
    if (!board) return [];
    const visible = shownCards(boards, cards);
    const shownTables = board.id === PLENARY_BOARD_ID ? reportBack.flatMap((id) => boards.filter((entry) => entry.id === id)) : [];
    // The board's own groups head straight under its title (h2); a table's groups under the table's heading (h3).
    // An empty plenary says so only when it is all there is: over the tables brought in, its
    // "no cards yet" took a line of the first column and set the tables off unevenly.
    const list: WallBlock[] = [...sectionBlocks(board.id, visible, 'h2', shownTables.length === 0)];
    for (const table of shownTables) {
      list.push({
        key: `section-${table.id}`,
        heading: true,
        look: 'section',
        node: (
          <>
            <h2>{tableName(table.id)}</h2>
            {table.topic && <p className="projector-section-topic">{table.topic}</p>}
          </>
        ),
      });
      list.push(...sectionBlocks(table.id, visible, 'h3', true));
    }
    return list;

    function sectionBlocks(id: string, all: readonly Card[], Heading: 'h2' | 'h3', sayEmpty: boolean): WallBlock[] {
      const layout = layoutBoard(id, groups, all);
      const out: WallBlock[] = [];
      for (const { group, cards: members } of layout.groups) {
        out.push({ key: `group-${group.id}`, heading: true, look: 'group', node: <Heading>{shownName(group.title, t('groups.untitled'))}</Heading> });
        out.push(...members.map(cardBlock));
      }
      if (layout.loose.length > 0 && layout.groups.length > 0) {
        out.push({ key: `loose-${id}`, heading: true, look: 'group', node: <Heading>{t('projector.looseCards')}</Heading> });
      }
      out.push(...layout.loose.map(cardBlock));
      if (out.length === 0 && sayEmpty) out.push({ key: `empty-${id}`, look: 'empty', node: t('projector.noCards') });
      return out;
    }
  }, [board, boards, cards, groups, reportBack, t, tableName]);

  if (!board) return <p className="projector-message">{t('projector.boardGone')}</p>;
  const title = board.kind === 'plenary' ? t('projector.view.plenary') : tableName(board.id);
  return (
    <div className="projector-boards" data-testid="projector-board">
      <header className="projector-head">
        <h1>{title}</h1>
        {board.topic && <p className="projector-subtitle">{board.topic}</p>}
      </header>
      <WallFlow blocks={blocks} tiers={CARD_TIERS} columnEm={12.5} maxColumns={8} list="div" className="projector-columns" />
    </div>
  );
}

function cardBlock(card: Card): WallBlock {
  // A card as long as a letter is shown as far as a board shows it at a glance (the same cut, marked "…").
  return { key: card.id, look: `card${card.colour ? ` ${card.colour}` : ''}`, className: 'projector-card', node: shortenText(card.text.trim()).text };
}
