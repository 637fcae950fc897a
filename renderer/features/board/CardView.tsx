import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, WorkshopDoc } from '../../../shared/model';
import { CardActionDialog, CardDetails } from './CardDetails';
import { dragId, dropAttr } from './dnd';
import { VoteDots } from './VoteDots';
import { shortenText } from '../common/shorten-text';
import type { BoardActions, CardLabels, VoteView } from './board-types';
import { FieldError } from '../common/FieldError';
import { shortcutLetter } from '../common/shortcut-letter';
import { useCardEditing, useEditField } from './use-card-editing';

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
  /** The card this laptop just added: brought into view (the entry field keeps the focus). */
  justAdded?: boolean;
}

/** One card. Long texts are shown shortened; the stored text is never cut. */
export const CardView = memo(function CardView({ card, doc, authorName, groupId, movable, editable = true, dimmed, vote, actions, labels, justAdded = false }: CardViewProps) {
  const edit = useCardEditing(doc, card, actions.errorText);
  const editField = useEditField(doc, card.id);
  const [expanded, setExpanded] = useState(false);
  const [panel, setPanel] = useState<'details' | 'action' | null>(null);
  const { setNodeRef: setDragNode, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: dragId({ kind: 'card', id: card.id }), disabled: !movable, data: { text: card.text } });
  const element = useRef<HTMLLIElement | null>(null);
  const setNode = useCallback(
    (node: HTMLLIElement | null) => {
      element.current = node;
      setDragNode(node);
    },
    [setDragNode],
  );
  // "nearest" scrolls only when the card is out of view; focus stays in the entry field for the next card.
  useEffect(() => (justAdded && element.current ? keepInView(element.current) : undefined), [justAdded]);
  // A dialog that is swapped for another or unmounted gives no focus back by itself.
  const detailsButton = useRef<HTMLButtonElement>(null);
  const hadPanel = useRef(false);
  useEffect(() => {
    if (panel === null && hadPanel.current) detailsButton.current?.focus();
    hadPanel.current = panel !== null;
  }, [panel]);
  // The edit field replaces the card: when it goes (saved or cancelled), the focus goes back to
  // what opened it, the card or its edit button, not to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const editFrom = useRef<'card' | 'button'>('card');
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!edit.editing && wasEditing.current) (editFrom.current === 'button' ? editButton.current : element.current)?.focus();
    wasEditing.current = edit.editing;
  }, [edit.editing]);
  const startEditing = (from: 'card' | 'button') => {
    editFrom.current = from;
    edit.start();
  };
  const shown = expanded ? { text: card.text, cut: false } : shortenText(card.text);

  const onCardKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && editable) startEditing('card');
    else if (event.key === 'Delete' && movable) actions.remove(card.id);
    else if (!event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && shortcutLetter(event) === 'v' && vote?.open) actions.vote(card.id);
    else return;
    event.preventDefault();
  };

  const colourClass = card.colour ? ` colour-${card.colour}` : '';

  if (edit.editing && editable) {
    return (
      <li className={`card editing${colourClass}`} data-testid="card">
        <textarea
          ref={editField}
          value={edit.draft}
          onChange={edit.onChange}
          onSelect={edit.onSelect}
          onKeyDown={edit.onKeyDown}
          aria-label={labels.editCard}
          rows={4}
          data-testid="card-edit"
        />
        <div className="card-actions">
          <button type="button" className="primary" onClick={edit.save}>
            {labels.save}
          </button>
          <button type="button" onClick={edit.cancel}>
            {labels.cancel}
          </button>
        </div>
        <FieldError message={edit.error} />
        {edit.theirs !== null && <TheirText text={edit.theirs} onTake={edit.takeTheirs} onKeep={edit.keepMine} />}
      </li>
    );
  }

  return (
    <li
      ref={setNode}
      className={`card${colourClass}${dimmed ? ' dimmed' : ''}${isDragging ? ' dragging' : ''}${justAdded ? ' just-added' : ''}`}
      tabIndex={0}
      onKeyDown={onCardKey}
      onDoubleClick={editable ? () => startEditing('card') : undefined}
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
          {labels.showAll(Array.from(card.text).length)}
        </button>
      )}
      {expanded && shortenText(card.text).cut && (
        <button type="button" className="link small" onClick={() => setExpanded(false)}>
          {labels.showLess}
        </button>
      )}
      {(authorName || card.stakeholderGroup) && (
        <p className="card-meta">
          {authorName && (
            <span className="card-author" title={authorName} data-testid="card-author">
              {authorName}
            </span>
          )}
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
          <button type="button" className="icon" ref={detailsButton} onClick={() => setPanel('details')} aria-haspopup="dialog" aria-label={labels.details} title={labels.details} data-testid="card-details">
            ⋯
          </button>
        )}
        {editable && (
          <button type="button" className="icon" ref={editButton} onClick={() => startEditing('button')} aria-label={labels.edit} title={labels.edit} data-testid="card-edit-button">
            ✎
          </button>
        )}
        {movable && (
          <button type="button" className="icon danger-quiet" onClick={() => actions.remove(card.id)} aria-label={labels.delete} title={labels.delete} data-testid="card-delete">
            ×
          </button>
        )}
      </div>
      {panel === 'details' && editable && <CardDetails card={card} actions={actions} onMakeAction={() => setPanel('action')} onClose={() => setPanel(null)} />}
      {panel === 'action' && editable && (
        <CardActionDialog card={card} actions={actions} onClose={() => setPanel(null)} />
      )}
    </li>
  );
});

/**
 * Another laptop's text for the card being edited, beside the draft: the person takes it or keeps
 * their own (and then saves over it knowingly). Only one card is edited at a time, so its own
 * useTranslation costs nothing on a large board.
 */
function TheirText({ text, onTake, onKeep }: { text: string; onTake(): void; onKeep(): void }) {
  const { t } = useTranslation();
  return (
    <div className="card-conflict" role="alert" data-testid="card-conflict">
      <p>{t('board.changedMeanwhile')}</p>
      <p className="card-conflict-text" data-testid="card-conflict-text">
        {text}
      </p>
      <div className="card-conflict-actions">
        <button type="button" onClick={onTake} data-testid="card-conflict-take">
          {t('board.takeTheirs')}
        </button>
        <button type="button" onClick={onKeep} data-testid="card-conflict-keep">
          {t('board.keepMine')}
        </button>
      </div>
    </div>
  );
}

/**
 * Scrolls a card just added into view once the frame that shows it has been laid out. Called at
 * once, in Enter's task, scrollIntoView makes the browser update style and layout of the whole
 * board there and then (on a 2,000-card board the biggest part of a new card's script time); an
 * intersection observer's first report comes after the frame's own layout, so the scroll then
 * finds it done. Returns the cleanup.
 */
function keepInView(element: HTMLElement): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    element.scrollIntoView({ block: 'nearest' });
    return () => undefined;
  }
  const observer = new IntersectionObserver(() => {
    observer.disconnect();
    element.scrollIntoView({ block: 'nearest' });
  });
  observer.observe(element);
  return () => observer.disconnect();
}
