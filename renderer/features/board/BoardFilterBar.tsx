import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isFilterActive, type Board, type CardFilter, type Participant, type WorkshopDoc } from '../../../shared/model';
import { can, type Role } from '../../../shared/roles/permissions';
import { useCommands } from '../roles/use-role';
import { ColourSelect, StakeholderSelect } from './OptionSelects';
import { useShownNames } from '../../hooks/use-shown-names';

interface BoardFilterBarProps {
  filter: CardFilter;
  onChange(filter: CardFilter): void;
  participants: readonly Participant[];
  board: Board | undefined;
  role: Role;
  doc: WorkshopDoc;
  /** Further tools of the board in the same line (starting a vote round). */
  children?: ReactNode;
}

/** How many of the filters behind the "Filter" button are set (the search shows itself). */
export function activeFilterCount(filter: CardFilter): number {
  return [filter.colour, filter.stakeholderGroup, filter.author].filter(Boolean).length;
}

/**
 * One slim line of board tools: search, the filters behind one button that says how many are
 * set (cards that do not match are dimmed, not hidden), and the board's lock. Memoised: none of
 * its props changes when a card is added.
 */
export const BoardFilterBar = memo(function BoardFilterBar({ filter, onChange, participants, board, role, doc, children }: BoardFilterBarProps) {
  const { t } = useTranslation();
  const names = useShownNames();
  const commands = useCommands(doc);
  const locks = can(role, 'board.lock');
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const set = (patch: Partial<CardFilter>) => onChange({ ...filter, ...patch });
  const count = activeFilterCount(filter);
  const menu = useRef<HTMLSpanElement>(null);
  // A click anywhere else closes the filters, as a menu does: they never stay over the cards.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
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
      <span className="filter-menu" ref={menu}>
        <button
          type="button"
          ref={toggle}
          className={`small${count > 0 ? ' active' : ''}`}
          aria-expanded={open}
          aria-controls={popoverId}
          onClick={() => setOpen(!open)}
          // Escape closes the filters from their button too, where the focus stays after opening them.
          onKeyDown={(event) => open && event.key === 'Escape' && close()}
          data-testid="board-filters"
        >
          {count > 0 ? t('board.filtersActive', { count }) : t('board.filters')}
        </button>
        {open && (
          <div
            id={popoverId}
            className="filter-popover"
            role="group"
            aria-label={t('board.filtersLabel')}
            data-testid="board-filters-panel"
            onKeyDown={(event) => event.key === 'Escape' && close()}
          >
            <ColourSelect value={filter.colour ?? null} onChange={(colour) => set({ colour })} noneLabel={t('board.allColours')} aria-label={t('board.filterColour')} data-testid="filter-colour" />
            <StakeholderSelect value={filter.stakeholderGroup ?? null} onChange={(stakeholderGroup) => set({ stakeholderGroup })} noneLabel={t('board.allTags')} aria-label={t('board.filterTag')} data-testid="filter-tag" />
            <select value={filter.author ?? ''} onChange={(event) => set({ author: event.target.value || null })} aria-label={t('board.filterAuthor')} data-testid="filter-author">
              <option value="">{t('board.allAuthors')}</option>
              <option value="anonymous">{t('board.anonymous')}</option>
              {participants.map((person) => (
                <option key={person.id} value={person.id}>
                  {names.person(person.name)}
                </option>
              ))}
            </select>
            <button type="button" className="small" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        )}
      </span>
      {isFilterActive(filter) && (
        <button type="button" className="link small" onClick={() => onChange({})} data-testid="filter-clear">
          {t('board.clearFilter')}
        </button>
      )}
      {children}
      <span className="spacer" />
      {board?.locked && !locks && <span className="badge">🔒 {t('board.lockedByModerator')}</span>}
      {board && locks && (
        <button type="button" className="small" aria-pressed={board.locked} onClick={() => void commands.locks.board(board.id, !board.locked)} data-testid="board-lock">
          {board.locked ? t('board.unlock') : t('board.lock')}
        </button>
      )}
    </div>
  );
});
