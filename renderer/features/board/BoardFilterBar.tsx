import { useTranslation } from 'react-i18next';
import { CARD_COLOURS, isFilterActive, setBoardLocked, STAKEHOLDER_GROUPS, type Board, type CardColour, type CardFilter, type Participant, type StakeholderGroup, type WorkshopDoc } from '../../../shared/model';

interface BoardFilterBarProps {
  filter: CardFilter;
  onChange(filter: CardFilter): void;
  participants: readonly Participant[];
  board: Board | undefined;
  role: 'moderator' | 'table';
  doc: WorkshopDoc;
}

/** Search and filters of a board (cards that do not match are dimmed, not hidden), and its lock. */
export function BoardFilterBar({ filter, onChange, participants, board, role, doc }: BoardFilterBarProps) {
  const { t } = useTranslation();
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
      <select value={filter.colour ?? ''} onChange={(event) => set({ colour: (event.target.value || null) as CardColour | null })} aria-label={t('board.filterColour')} data-testid="filter-colour">
        <option value="">{t('board.allColours')}</option>
        {CARD_COLOURS.map((colour) => (
          <option key={colour} value={colour}>
            {t(`board.colours.${colour}`)}
          </option>
        ))}
      </select>
      <select value={filter.stakeholderGroup ?? ''} onChange={(event) => set({ stakeholderGroup: (event.target.value || null) as StakeholderGroup | null })} aria-label={t('board.filterTag')} data-testid="filter-tag">
        <option value="">{t('board.allTags')}</option>
        {STAKEHOLDER_GROUPS.map((group) => (
          <option key={group} value={group}>
            {t(`stakeholders.${group}`)}
          </option>
        ))}
      </select>
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
      {board?.locked && role === 'table' && <span className="badge">🔒 {t('board.lockedByModerator')}</span>}
      {board && role === 'moderator' && (
        <button type="button" className="small" aria-pressed={board.locked} onClick={() => setBoardLocked(doc, board.id, !board.locked)} data-testid="board-lock">
          {board.locked ? t('board.unlock') : t('board.lock')}
        </button>
      )}
    </div>
  );
}
