import { useDraggable } from '@dnd-kit/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardGroup } from '../../../shared/model';
import { InlineTitleEditor, useInlineEditing } from '../common/InlineTitleEditor';
import { VoteDots } from './VoteDots';
import type { BoardActions, VoteView } from './board-types';
import { dragId, dropAttr } from './dnd';
import { focusWhenGone } from '../common/focus-after-removal';

export interface GroupCommands {
  rename(groupId: string, title: string): void;
  setLocked(groupId: string, locked: boolean): void;
  dissolve(groupId: string): void;
}

interface GroupViewProps {
  group: CardGroup;
  cardCount: number;
  /** Whether this laptop may move the group and its cards (locks). */
  movable: boolean;
  /** Lock and unlock are the moderator's. */
  canLock: boolean;
  /** Whether this laptop may write on the board at all (a table on the closed plenary may not). */
  renamable: boolean;
  vote: VoteView | null;
  actions: BoardActions;
  commands: GroupCommands;
  children: ReactNode;
}

/** A named cluster of cards: a drop target, and draggable by its handle to merge into another. */
export const GroupView = memo(function GroupView({ group, cardCount, movable, canLock, renamable, vote, actions, commands, children }: GroupViewProps) {
  const { t } = useTranslation();
  const { editing, trigger, open: startEditing, close: stopEditing } = useInlineEditing();
  const { setNodeRef: setDragNode, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: dragId({ kind: 'group', id: group.id }), disabled: !movable, data: { text: group.title } });
  const title = group.title || t('groups.untitled');
  // The group's first card, now loose, takes the focus (an empty group's board: its first card or entry).
  const dissolve = (button: HTMLElement) => {
    const board = button.closest<HTMLElement>('[data-testid="board"]');
    const firstId = button.closest('section')?.querySelector<HTMLElement>('[data-card-id]')?.dataset.cardId;
    focusWhenGone(button, () =>
      (firstId ? board?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(firstId)}"]`) : null) ??
      board?.querySelector<HTMLElement>('[data-card-id]') ??
      board?.querySelector<HTMLElement>('[data-testid="card-entry"]'),
    );
    commands.dissolve(group.id);
  };

  return (
    <section
      className={`group${isDragging ? ' dragging' : ''}${group.locked ? ' locked' : ''}`}
      aria-label={title}
      data-testid="group"
      data-group-id={group.id}
      data-drop={dropAttr({ kind: 'group', id: group.id })}
      data-in-group={group.id}
    >
      {/* Two slim lines in a narrow column: handle and name (the whole width, never squeezed); then count, dots and tools. */}
      <header className="group-head" ref={setDragNode}>
        <div className="group-title-line">
          {movable && (
            <button type="button" className="icon drag-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('groups.move', { title })} title={t('groups.moveHint')} data-testid="group-move">
              ⠿
            </button>
          )}
          {editing ? (
            <InlineTitleEditor
              variant="bare"
              initial={group.title}
              label={t('groups.name')}
              onSave={(title) => {
                commands.rename(group.id, title);
                return null;
              }}
              onClose={stopEditing}
              inputTestId="group-title-input"
            />
          ) : !renamable ? (
            <h3 className={group.title ? undefined : 'muted'} data-testid="group-title">
              {title}
            </h3>
          ) : (
            <h3>
              <button
                type="button"
                className={`title-button${group.title ? '' : ' muted'}`}
                ref={trigger}
                onClick={startEditing}
                title={t('groups.rename')}
                data-testid="group-title"
              >
                {title}
              </button>
            </h3>
          )}
        </div>
        <div className="group-tools">
          <span className="muted small">{t('board.cardCount', { count: cardCount })}</span>
          {vote && <VoteDots targetId={group.id} vote={vote} actions={actions} />}
          {group.locked && <span className="badge" title={t('groups.lockedHint')}>🔒 {t('groups.locked')}</span>}
          <span className="spacer" />
          {canLock && (
            <button type="button" className="small" onClick={() => commands.setLocked(group.id, !group.locked)} aria-pressed={group.locked} data-testid="group-lock">
              {group.locked ? t('groups.unlock') : t('groups.lock')}
            </button>
          )}
          {movable && (
            <button type="button" className="small" onClick={(event) => dissolve(event.currentTarget)} data-testid="group-dissolve">
              {t('groups.dissolve')}
            </button>
          )}
        </div>
      </header>
      {children}
    </section>
  );
});
