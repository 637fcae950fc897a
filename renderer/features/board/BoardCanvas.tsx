import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canRearrange, dropIntent, type Board, type Card, type CardGroup, type DropIntent, type GroupedBoard, type WorkshopDoc } from '../../../shared/model';
import { CardView } from './CardView';
import { GroupView, type GroupCommands } from './GroupView';
import type { BoardActions, VoteView } from './board-types';
import { keyboardTargeting, parseDragId, parseDropId } from './dnd';
import { shortenForDisplay } from './shorten';

interface BoardCanvasProps {
  board: Board | undefined;
  layout: GroupedBoard<Card>;
  role: 'moderator' | 'table';
  doc: WorkshopDoc;
  authorNames: ReadonlyMap<string, string>;
  matches: ((card: Card) => boolean) | null;
  votes: (targetId: string) => VoteView | null;
  actions: BoardActions;
  commands: GroupCommands;
  onDrop(intent: DropIntent): void;
}

/** The cards of a board in their groups, with drag and drop by mouse and by keyboard. */
export function BoardCanvas({ board, layout, role, doc, authorNames, matches, votes, actions, commands, onDrop }: BoardCanvasProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<{ id: UniqueIdentifier; text: string } | null>(null);
  const [targeting] = useState(keyboardTargeting);
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on a card's buttons stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: targeting.coordinateGetter }),
  );
  const groupOf = useMemo(() => {
    const byCard = new Map<string, string>();
    for (const { group, cards } of layout.groups) for (const card of cards) byCard.set(card.id, group.id);
    return (cardId: string) => byCard.get(cardId) ?? null;
  }, [layout]);
  const labelOf = useMemo(() => {
    const labels = new Map<string, string>();
    for (const { group, cards } of layout.groups) {
      labels.set(`group:${group.id}`, t('groups.named', { title: group.title || t('groups.untitled') }));
      for (const card of cards) labels.set(`card:${card.id}`, t('board.cardNamed', { text: shortenForDisplay(card.text, 40).text }));
    }
    for (const card of layout.loose) labels.set(`card:${card.id}`, t('board.cardNamed', { text: shortenForDisplay(card.text, 40).text }));
    labels.set('loose', t('groups.noGroup'));
    return (id: UniqueIdentifier) => labels.get(String(id)) ?? String(id);
  }, [layout, t]);

  const announcements: Announcements = {
    onDragStart: ({ active: dragged }) => t('dnd.pickedUp', { item: labelOf(dragged.id) }),
    onDragOver: ({ active: dragged, over }) => (over ? t('dnd.over', { item: labelOf(dragged.id), target: labelOf(over.id) }) : t('dnd.notOver', { item: labelOf(dragged.id) })),
    onDragEnd: ({ active: dragged, over }) => (over ? t('dnd.dropped', { item: labelOf(dragged.id), target: labelOf(over.id) }) : t('dnd.droppedNowhere', { item: labelOf(dragged.id) })),
    onDragCancel: ({ active: dragged }) => t('dnd.cancelled', { item: labelOf(dragged.id) }),
  };

  const onDragStart = (event: DragStartEvent) => {
    const text = (event.active.data.current as { text?: string } | undefined)?.text ?? '';
    targeting.reset();
    setActive({ id: event.active.id, text });
  };
  const onDragEnd = (event: DragEndEvent) => {
    const overId = targeting.target() ?? event.over?.id ?? null;
    setActive(null);
    targeting.reset();
    const subject = parseDragId(event.active.id);
    const target = overId === null ? null : parseDropId(overId);
    if (!subject || !target) return;
    const intent = dropIntent(subject, target, groupOf);
    if (intent) onDrop(intent);
  };

  const card = (entry: Card, group: CardGroup | undefined) => (
    <CardView
      key={entry.id}
      card={entry}
      doc={doc}
      authorName={entry.authorId ? (authorNames.get(entry.authorId) ?? null) : null}
      groupId={group?.id ?? null}
      movable={canRearrange(role, board, group)}
      dimmed={matches !== null && !matches(entry)}
      vote={votes(entry.id)}
      actions={actions}
    />
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={targeting.collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActive(null);
        targeting.reset();
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <div className="board-canvas" data-testid="board-canvas">
        {layout.groups.map(({ group, cards }) => (
          <GroupView
            key={group.id}
            group={group}
            cardCount={cards.length}
            movable={canRearrange(role, board, group)}
            canLock={role === 'moderator'}
            vote={votes(group.id)}
            actions={actions}
            commands={commands}
          >
            {cards.length === 0 ? <p className="muted empty">{t('groups.empty')}</p> : <ul className="card-grid">{cards.map((entry) => card(entry, group))}</ul>}
          </GroupView>
        ))}
        <LooseArea dragging={active !== null && parseDragId(active.id)?.kind === 'card'} hasGroups={layout.groups.length > 0}>
          {layout.loose.length > 0 && (
            <ul className="card-grid" data-testid="card-grid">
              {layout.loose.map((entry) => card(entry, undefined))}
            </ul>
          )}
        </LooseArea>
      </div>
      <DragOverlay dropAnimation={null}>{active && <div className="card drag-preview">{shortenForDisplay(active.text, 120).text}</div>}</DragOverlay>
    </DndContext>
  );
}

/** The open board outside any group: dropping a card here takes it out of its group. */
function LooseArea({ dragging, hasGroups, children }: { dragging: boolean; hasGroups: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: 'loose', data: { groupId: null } });
  return (
    <section className={`loose${isOver ? ' drop-over' : ''}`} aria-label={t('groups.noGroup')} data-testid="loose-cards">
      {hasGroups && (
        <p ref={setNodeRef} className={`loose-strip${dragging ? ' visible' : ''}`} data-testid="loose-strip">
          {t('groups.dropToUngroup')}
        </p>
      )}
      {children}
    </section>
  );
}
