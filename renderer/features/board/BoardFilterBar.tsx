import { useTranslation } from 'react-i18next';
import { isFilterActive, type Board, type CardFilter, type Participant, type WorkshopDoc } from '../../../shared/model';
import { can, type Role } from '../../../shared/roles/permissions';
import { useCommands } from '../roles/use-role';
import { ColourSelect, StakeholderSelect } from './OptionSelects';

interface BoardFilterBarProps {
  filter: CardFilter;
  onChange(filter: CardFilter): void;
  participants: readonly Participant[];
  board: Board | undefined;
  role: Role;
  doc: WorkshopDoc;
}

/** Search and filters of a board (cards that do not match are dimmed, not hidden), and its lock. */
export function BoardFilterBar({ filter, onChange, participants, board, role, doc }: BoardFilterBarProps) {
  const { t } = useTranslation();
  const commands = useCommands(doc);
  const locks = can(role, 'board.lock');
  const set = (patch: Partial<CardFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="board-filter" role="search">
      <input
        type="search"
        value={filter.query ?? ''}
        onChange={(event) => set({ query: event.target.value })}
        onKeyDown={(event) => event.key === 'Escape' && onChange({})}
        placeholder={t('board.search')}
        aria-label={t('board.search')}
        data-testid="board-search"
        data-shortcut="search"
      />
      <ColourSelect value={filter.colour ?? null} onChange={(colour) => set({ colour })} noneLabel={t('board.allColours')} aria-label={t('board.filterColour')} data-testid="filter-colour" />
      <StakeholderSelect value={filter.stakeholderGroup ?? null} onChange={(stakeholderGroup) => set({ stakeholderGroup })} noneLabel={t('board.allTags')} aria-label={t('board.filterTag')} data-testid="filter-tag" />
      <select value={filter.author ?? ''} onChange={(event) => set({ author: event.target.value || null })} aria-label={t('board.filterAuthor')} data-testid="filter-author">
        <option value="">{t('board.allAuthors')}</option>
        <option value="anonymous">{t('board.anonymous')}</option>
        {participants.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      {isFilterActive(filter) && (
        <button type="button" className="link small" onClick={() => onChange({})} data-testid="filter-clear">
          {t('board.clearFilter')}
        </button>
      )}
      <span className="spacer" />
      {board?.locked && !locks && <span className="badge">🔒 {t('board.lockedByModerator')}</span>}
      {board && locks && (
        <button type="button" className="small" aria-pressed={board.locked} onClick={() => void commands.locks.board(board.id, !board.locked)} data-testid="board-lock">
          {board.locked ? t('board.unlock') : t('board.lock')}
        </button>
      )}
    </div>
  );
}
