import { useDraggable, useDroppable } from '@dnd-kit/core';
import { memo, useState, type KeyboardEvent, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCardText, type Card, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { CardDetails } from './CardDetails';
import { dragId, dropId } from './dnd';
import { shortenForDisplay } from './shorten';
import type { BoardActions, VoteView } from './board-types';

interface CardViewProps {
  card: Card;
  doc: WorkshopDoc;
  /** The author's name when the card has one and it is known; never shown for anonymous cards. */
  authorName: string | null;
  /** The group the card is shown in, for drop targets that must know it. */
  groupId: string | null;
  /** Whether this laptop may move and delete it (locks). */
  movable: boolean;
  /** Dimmed: the board's search or filter does not match it. */
  dimmed: boolean;
  vote: VoteView | null;
  actions: BoardActions;
}

/** One card. Long texts are shown shortened; the stored text is never cut. */
export const CardView = memo(function CardView({ card, doc, authorName, groupId, movable, dimmed, vote, actions }: CardViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const [error, setError] = useState<string | null>(null);
  const { setNodeRef: setDragNode, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: dragId({ kind: 'card', id: card.id }), disabled: !movable, data: { text: card.text } });
  const { setNodeRef: setDropNode, isOver } = useDroppable({ id: dropId({ kind: 'card', id: card.id }), data: { groupId } });
  const shown = expanded ? { text: card.text, cut: false } : shortenForDisplay(card.text);

  const startEdit = () => {
    setDraft(card.text);
    setError(null);
    setEditing(true);
  };

  const save = () => {
    const result = updateCardText(doc, card.id, draft);
    if (!result.ok) return setError(errorText(result.error));
    setEditing(false);
  };

  const onEditKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') setEditing(false);
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  const onCardKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') startEdit();
    else if (event.key === 'Delete' && movable) actions.remove(card.id);
    else if (event.key === 'v' && vote?.open) actions.vote(card.id);
    else return;
    event.preventDefault();
  };

  const colourClass = card.colour ? ` colour-${card.colour}` : '';

  if (editing) {
    return (
      <li className={`card editing${colourClass}`} data-testid="card">
        <textarea value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onEditKey} aria-label={t('board.editCard')} autoFocus rows={4} data-testid="card-edit" />
        <div className="card-actions">
          <button type="button" className="primary" onClick={save}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </li>
    );
  }

  return (
    <li
      ref={(node) => {
        setDragNode(node);
        setDropNode(node);
      }}
      className={`card${colourClass}${dimmed ? ' dimmed' : ''}${isOver ? ' drop-over' : ''}${isDragging ? ' dragging' : ''}`}
      tabIndex={0}
      onKeyDown={onCardKey}
      onDoubleClick={startEdit}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      data-testid="card"
      data-card-id={card.id}
    >
      <p className="card-text" data-testid="card-text">
        {shown.text}
      </p>
      {shown.cut && (
        <button type="button" className="link small" onClick={() => setExpanded(true)} data-testid="card-expand">
          {t('board.showAll', { count: card.text.length })}
        </button>
      )}
      {expanded && shortenForDisplay(card.text).cut && (
        <button type="button" className="link small" onClick={() => setExpanded(false)}>
          {t('board.showLess')}
        </button>
      )}
      {(authorName || card.stakeholderGroup) && (
        <p className="card-meta">
          {authorName && <span data-testid="card-author">{authorName}</span>}
          {card.stakeholderGroup && <span className="tag">{t(`stakeholders.${card.stakeholderGroup}`)}</span>}
        </p>
      )}
      {vote && <VoteDots targetId={card.id} vote={vote} actions={actions} />}
      <div className="card-actions">
        {movable && (
          <button
            type="button"
            className="icon drag-handle"
            ref={setActivatorNodeRef}
            {...attributes}
            onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
            aria-label={t('board.moveCard')}
            title={t('board.moveCardHint')}
            data-testid="card-move"
          >
            ⠿
          </button>
        )}
        <button type="button" className="icon" onClick={() => setDetailsOpen((open) => !open)} aria-expanded={detailsOpen} aria-label={t('board.cardDetails')} title={t('board.cardDetails')} data-testid="card-details">
          ⋯
        </button>
        <button type="button" className="icon" onClick={startEdit} aria-label={t('common.edit')} title={t('common.edit')}>
          ✎
        </button>
        {movable && (
          <button type="button" className="icon danger-quiet" onClick={() => actions.remove(card.id)} aria-label={t('common.delete')} title={t('common.delete')} data-testid="card-delete">
            ×
          </button>
        )}
      </div>
      {detailsOpen && <CardDetails card={card} actions={actions} onClose={() => setDetailsOpen(false)} />}
    </li>
  );
});

/** The dots on a card or group while a round is open, and the results once it is closed. */
export function VoteDots({ targetId, vote, actions }: { targetId: string; vote: VoteView; actions: BoardActions }) {
  const { t } = useTranslation();
  return (
    <div className="vote-dots" data-testid="vote-dots">
      {vote.total !== null && vote.total > 0 && (
        <span className="vote-total" data-testid="vote-total" aria-label={t('votes.dotsOn', { count: vote.total })}>
          {vote.total}
        </span>
      )}
      {vote.open && (
        <>
          <span className="my-dots" aria-label={t('votes.myDots', { count: vote.mine })}>
            {'●'.repeat(vote.mine)}
          </span>
          {vote.mine > 0 && (
            <button type="button" className="icon small" onClick={() => actions.unvote(targetId)} aria-label={t('votes.takeBack')} title={t('votes.takeBack')} data-testid="vote-minus">
              −
            </button>
          )}
          <button type="button" className="vote-button" onClick={() => actions.vote(targetId)} data-testid="vote-plus">
            {t('votes.addDot')}
          </button>
        </>
      )}
    </div>
  );
}
