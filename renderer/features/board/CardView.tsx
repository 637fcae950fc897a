import { useDraggable } from '@dnd-kit/core';
import { memo, useState, type KeyboardEvent, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCardText, type Card, type WorkshopDoc } from '../../../shared/model';
import { CardDetails } from './CardDetails';
import { dragId, dropAttr } from './dnd';
import { shortenText } from '../common/shorten-text';
import type { BoardActions, CardLabels, VoteView } from './board-types';
import { FieldError } from '../common/FieldError';

interface CardViewProps {
  card: Card;
  doc: WorkshopDoc;
  /** The author's name when the card has one and it is known; never shown for anonymous cards. */
  authorName: string | null;
  /** The group the card is shown in, for drop targets that must know it. */
  groupId: string | null;
  /** Whether this laptop may move and delete it (locks). */
  movable: boolean;
  /** Whether this laptop may change its text and details (not on a board it may not write on). */
  editable?: boolean;
  /** Dimmed: the board's search or filter does not match it. */
  dimmed: boolean;
  vote: VoteView | null;
  actions: BoardActions;
  /** The card's texts in the UI language, made once per board (2,000 useTranslation hooks cost more than the cards). */
  labels: CardLabels;
}

/** One card. Long texts are shown shortened; the stored text is never cut. */
export const CardView = memo(function CardView({ card, doc, authorName, groupId, movable, editable = true, dimmed, vote, actions, labels }: CardViewProps) {
  const errorText = actions.errorText;
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const [error, setError] = useState<string | null>(null);
  const { setNodeRef: setDragNode, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: dragId({ kind: 'card', id: card.id }), disabled: !movable, data: { text: card.text } });
  const shown = expanded ? { text: card.text, cut: false } : shortenText(card.text);

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
    if (event.key === 'Enter' && editable) startEdit();
    else if (event.key === 'Delete' && movable) actions.remove(card.id);
    else if (event.key === 'v' && vote?.open) actions.vote(card.id);
    else return;
    event.preventDefault();
  };

  const colourClass = card.colour ? ` colour-${card.colour}` : '';

  if (editing && editable) {
    return (
      <li className={`card editing${colourClass}`} data-testid="card">
        <textarea value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onEditKey} aria-label={labels.editCard} autoFocus rows={4} data-testid="card-edit" />
        <div className="card-actions">
          <button type="button" className="primary" onClick={save}>
            {labels.save}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {labels.cancel}
          </button>
        </div>
        <FieldError message={error} />
      </li>
    );
  }

  return (
    <li
      ref={setDragNode}
      className={`card${colourClass}${dimmed ? ' dimmed' : ''}${isDragging ? ' dragging' : ''}`}
      tabIndex={0}
      onKeyDown={onCardKey}
      onDoubleClick={editable ? startEdit : undefined}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      data-testid="card"
      data-card-id={card.id}
      data-drop={dropAttr({ kind: 'card', id: card.id })}
      data-in-group={groupId ?? undefined}
    >
      <p className="card-text" data-testid="card-text">
        {shown.text}
      </p>
      {shown.cut && (
        <button type="button" className="link small" onClick={() => setExpanded(true)} data-testid="card-expand">
          {labels.showAll(card.text.length)}
        </button>
      )}
      {expanded && shortenText(card.text).cut && (
        <button type="button" className="link small" onClick={() => setExpanded(false)}>
          {labels.showLess}
        </button>
      )}
      {(authorName || card.stakeholderGroup) && (
        <p className="card-meta">
          {authorName && <span data-testid="card-author">{authorName}</span>}
          {card.stakeholderGroup && <span className="tag">{labels.stakeholder(card.stakeholderGroup)}</span>}
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
            aria-label={labels.moveCard}
            title={labels.moveCardHint}
            data-testid="card-move"
          >
            ⠿
          </button>
        )}
        {editable && (
          <button type="button" className="icon" onClick={() => setDetailsOpen((open) => !open)} aria-expanded={detailsOpen} aria-label={labels.details} title={labels.details} data-testid="card-details">
            ⋯
          </button>
        )}
        {editable && (
          <button type="button" className="icon" onClick={startEdit} aria-label={labels.edit} title={labels.edit} data-testid="card-edit-button">
            ✎
          </button>
        )}
        {movable && (
          <button type="button" className="icon danger-quiet" onClick={() => actions.remove(card.id)} aria-label={labels.delete} title={labels.delete} data-testid="card-delete">
            ×
          </button>
        )}
      </div>
      {detailsOpen && editable && <CardDetails card={card} actions={actions} onClose={() => setDetailsOpen(false)} />}
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
