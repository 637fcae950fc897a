import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type DndContextProps,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canRearrange, dropIntent, type Board, type Card, type CardGroup, type DragSubject, type DropIntent, type DropTarget, type GroupedBoard, type WorkshopDoc } from '../../../shared/model';
import { can, type Role } from '../../../shared/roles/permissions';
import { CardView } from './CardView';
import { ChunkedGrid, CHUNKED_FROM } from './ChunkedGrid';
import { GroupView, type GroupCommands } from './GroupView';
import type { BoardActions, CardLabels, VoteView } from './board-types';
import { dropTracker, parseDragId } from './dnd';
import { shortenText } from '../common/shorten-text';

/** A few pixels before a drag starts, so a click on a card's buttons stays a click. */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };

interface BoardCanvasProps extends Omit<CardListShared, 'labels'> {
  layout: GroupedBoard<Card>;
  commands: GroupCommands;
  onDrop(intent: DropIntent): void;
  /** The card this laptop just added, kept in view. */
  lastAddedId?: string | null;
}

/**
 * What the wall shows, handed to it past dnd-kit's DndContext through a small store rather than
 * props or a context. DndContext gives its providers a new transform object whenever it renders,
 * and a changed provider (ours included) makes React walk the fibers of all 2,000 cards below it
 * whenever a memoised group skips rendering. So DndContext renders only when a drag starts or
 * ends, no provider above the cards changes when a card is added, and the wall alone re-renders.
 */
interface WallState {
  layout: GroupedBoard<Card>;
  shared: CardListShared;
  commands: GroupCommands;
  lastAddedId: string | null;
  text: WallText;
}

/** The wall's own texts, made once per language here: the wall re-renders with every card, and each useTranslation costs it a check of the loaded languages. */
interface WallText {
  empty: string;
  noGroup: string;
  dropToUngroup: string;
}

interface WallStore {
  get(): WallState;
  set(next: WallState): void;
  subscribe(listener: () => void): () => void;
}

function wallStore(initial: WallState): WallStore {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The cards of a board as a wall, with drag and drop by mouse and by keyboard: the cards not yet
 * sorted first, flowing in columns (new ones land there, near the entry), then the groups as
 * columns side by side.
 */
export function BoardCanvas({ board, layout, role, writable = true, doc, authorNames, matches, votes, actions, commands, onDrop, lastAddedId = null }: BoardCanvasProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<{ id: UniqueIdentifier; text: string } | null>(null);
  const [{ attach, coordinateGetter, start, pointerAt, target: currentTarget, end }] = useState(dropTracker);
  // Sensor options must keep their identity: new ones give dnd-kit a new context value, and
  // every draggable card re-renders (2,000 of them on each added card).
  const keyboardOptions = useMemo(() => ({ coordinateGetter }), [coordinateGetter]);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, keyboardOptions));
  const labels: CardLabels = useMemo(
    () => ({
      editCard: t('board.editCard'),
      save: t('common.save'),
      cancel: t('common.cancel'),
      edit: t('common.edit'),
      delete: t('common.delete'),
      details: t('board.cardDetails'),
      moveCard: t('board.moveCard'),
      moveCardHint: t('board.moveCardHint'),
      showLess: t('board.showLess'),
      showAll: (count) => t('board.showAll', { count }),
      stakeholder: (group) => t(`stakeholders.${group}`),
    }),
    [t],
  );

  // The drag handlers and announcements are made once per language and read the board as it is
  // now through this ref, so DndContext's props keep their identity while cards come and go.
  const latest = useRef({ layout, onDrop });
  useLayoutEffect(() => {
    latest.current = { layout, onDrop };
  });

  const lastAnnounced = useRef('');
  const lastDrop = useRef<DropTarget | null>(null);
  const dnd = useMemo(() => {
    // Looked up only while someone drags, so a board of 2,000 cards does not name them all on every render.
    const nameOf = (item: DragSubject | DropTarget | null): string => {
      const { layout: now } = latest.current;
      if (!item) return '';
      if (item.kind === 'loose') return t('groups.noGroup');
      if (item.kind === 'group') {
        const group = now.groups.find((entry) => entry.group.id === item.id)?.group;
        return t('groups.named', { title: group?.title || t('groups.untitled') });
      }
      const card = [...now.loose, ...now.groups.flatMap((entry) => entry.cards)].find((entry) => entry.id === item.id);
      return t('board.cardNamed', { text: shortenText(card?.text ?? '', 40).text });
    };
    const groupOf = (cardId: string) => latest.current.layout.groups.find((entry) => entry.cards.some((card) => card.id === cardId))?.group.id ?? null;

    const announcements: Announcements = {
      onDragStart: ({ active: dragged }) => t('dnd.pickedUp', { item: nameOf(parseDragId(dragged.id)) }),
      onDragOver: () => undefined,
      onDragMove: ({ active: dragged }) => {
        const target = currentTarget();
        const key = target ? JSON.stringify(target) : '';
        if (key === lastAnnounced.current) return undefined;
        lastAnnounced.current = key;
        const item = nameOf(parseDragId(dragged.id));
        return target ? t('dnd.over', { item, target: nameOf(target) }) : t('dnd.notOver', { item });
      },
      onDragEnd: ({ active: dragged }) => {
        const item = nameOf(parseDragId(dragged.id));
        const target = lastDrop.current;
        return target ? t('dnd.dropped', { item, target: nameOf(target) }) : t('dnd.droppedNowhere', { item });
      },
      onDragCancel: ({ active: dragged }) => t('dnd.cancelled', { item: nameOf(parseDragId(dragged.id)) }),
    };

    return {
      accessibility: { announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } },
      onDragStart(event: DragStartEvent) {
        const subject = parseDragId(event.active.id);
        if (subject) start(subject);
        lastAnnounced.current = '';
        const text = (event.active.data.current as { text?: string } | undefined)?.text ?? '';
        setActive({ id: event.active.id, text });
      },
      onDragMove(event: DragMoveEvent) {
        const origin = event.activatorEvent;
        if (origin instanceof PointerEvent || origin instanceof MouseEvent) pointerAt(origin.clientX + event.delta.x, origin.clientY + event.delta.y);
      },
      onDragEnd(event: DragEndEvent) {
        const target = end();
        lastDrop.current = target;
        setActive(null);
        const subject = parseDragId(event.active.id);
        if (!subject || !target) return;
        const intent = dropIntent(subject, target, groupOf);
        if (!intent) return;
        latest.current.onDrop(intent);
        const handle = event.activatorEvent?.target;
        if (subject.kind === 'card' && event.activatorEvent instanceof KeyboardEvent && handle instanceof HTMLElement) followMovedCard(handle, subject.id);
      },
      onDragCancel() {
        end();
        setActive(null);
      },
    };
  }, [t, currentTarget, start, pointerAt, end]);

  const shared: CardListShared = useMemo(
    () => ({ board, role, writable, doc, authorNames, matches, votes, actions, labels }),
    [board, role, writable, doc, authorNames, matches, votes, actions, labels],
  );
  const text = useMemo<WallText>(() => ({ empty: t('groups.empty'), noGroup: t('groups.noGroup'), dropToUngroup: t('groups.dropToUngroup') }), [t]);
  const wall = useMemo<WallState>(() => ({ layout, shared, commands, lastAddedId, text }), [layout, shared, commands, lastAddedId, text]);
  const [store] = useState(() => wallStore(wall));
  // After this render is committed, in the same task: the wall follows before the frame is painted.
  useLayoutEffect(() => store.set(wall), [store, wall]);

  return <BoardDnd sensors={sensors} dnd={dnd} attach={attach} active={active} store={store} />;
}

interface BoardDndProps {
  sensors: ReturnType<typeof useSensors>;
  dnd: Pick<DndContextProps, 'accessibility' | 'onDragStart' | 'onDragMove' | 'onDragEnd' | 'onDragCancel'>;
  attach(element: HTMLElement | null): void;
  active: { id: UniqueIdentifier; text: string } | null;
  store: WallStore;
}

/** How long a keyboard drop waits for the moved card to be drawn in its new place. */
const FOLLOW_MS = 2000;

/**
 * A card dropped by keyboard into another list (a group, the loose cards) is drawn anew there,
 * and the move handle that had the focus goes with the old one: the focus would fall to the page.
 * Once the old handle is gone, the moved card's new handle takes the focus, unless the person
 * has put it somewhere else meanwhile.
 */
function followMovedCard(oldHandle: HTMLElement, cardId: string): void {
  const until = performance.now() + FOLLOW_MS;
  const look = () => {
    if (oldHandle.isConnected) {
      if (document.activeElement === oldHandle && performance.now() < until) requestAnimationFrame(look);
      return;
    }
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    const card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`);
    const handle = card?.querySelector<HTMLElement>('.drag-handle');
    if (handle) handle.focus();
    else if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** dnd-kit's context around the wall: its props change only when a drag starts or ends (or the language does). */
const BoardDnd = memo(function BoardDnd({ sensors, dnd, attach, active, store }: BoardDndProps) {
  return (
    <DndContext sensors={sensors} {...dnd}>
      <div className="board-canvas" ref={attach} data-testid="board-canvas">
        {/* The strip shows in the same render as the drag starts, as the wall's own state would. */}
        <BoardWall store={store} draggingCard={active !== null && parseDragId(active.id)?.kind === 'card'} />
      </div>
      <DragOverlay dropAnimation={null}>{active && <div className="card drag-preview">{shortenText(active.text, 120).text}</div>}</DragOverlay>
    </DndContext>
  );
});

/** The loose cards and the groups. */
function BoardWall({ store, draggingCard }: { store: WallStore; draggingCard: boolean }) {
  const { layout, shared, commands, lastAddedId, text } = useSyncExternalStore(store.subscribe, store.get);
  const groups = useMemo(() => stableGroups(store, layout), [store, layout]);
  // The first screenful first: a board of 2,000 cards paints its top groups at once and the
  // rest in the next moments, without blocking input (a transition React interrupts for typing).
  const [complete, setComplete] = useState(false);
  useEffect(() => startTransition(() => setComplete(true)), []);
  const shownGroups = complete ? groups : groups.slice(0, FIRST_GROUPS);
  const shownLoose = complete ? layout.loose : layout.loose.slice(0, FIRST_CARDS);

  return (
    <>
      <LooseArea dragging={draggingCard} hasGroups={layout.groups.length > 0} text={text}>
        {/* A new card is always loose: only this list learns which one it is, the groups do not re-render.
            A big board's loose cards go in blocks (groups hold a few dozen cards each): from the first
            screenful on, so the cards shown first stay mounted when the rest come. */}
        {shownLoose.length > 0 && <CardList cards={shownLoose} group={undefined} testId="card-grid" lastAddedId={lastAddedId} inBlocks={layout.loose.length >= CHUNKED_FROM} {...shared} />}
      </LooseArea>
      {shownGroups.length > 0 && <GroupWall groups={shownGroups} commands={commands} emptyText={text.empty} shared={shared} />}
    </>
  );
}

/**
 * The groups as columns. Memoised with the list of groups kept as the same array while no group
 * changes, so a card added outside them (every new card is loose) does not walk 100 groups.
 */
const GroupWall = memo(function GroupWall({ groups, commands, emptyText, shared }: { groups: GroupEntries; commands: GroupCommands; emptyText: string; shared: CardListShared }) {
  return (
    <div className="group-wall" data-testid="group-wall">
      {groups.map(({ group, cards }) => (
        <GroupSection key={group.id} group={group} cards={cards} commands={commands} emptyText={emptyText} {...shared} />
      ))}
    </div>
  );
});

const FIRST_GROUPS = 12;
const FIRST_CARDS = 240;

/** What every card of a board is rendered with; each value keeps its identity while it does not change. */
interface CardListShared {
  board: Board | undefined;
  role: Role;
  /** Whether this laptop may write on the board (edit texts and details); voting stays open. */
  writable?: boolean;
  doc: WorkshopDoc;
  authorNames: ReadonlyMap<string, string>;
  matches: ((card: Card) => boolean) | null;
  votes: (targetId: string) => VoteView | null;
  actions: BoardActions;
  labels: CardLabels;
}

type GroupEntries = GroupedBoard<Card>['groups'];

/** The last entry seen per group object (groups keep their identity while unchanged). */
const lastEntryOf = new WeakMap<CardGroup, GroupEntries[number]>();
/** The last list of entries each wall showed. */
const lastGroupsOf = new WeakMap<WallStore, GroupEntries>();

/**
 * The layout's groups with each group's entry kept as the same object while its cards are the
 * same, so a memoised group skips rendering when a card is added elsewhere; and the previous
 * list itself when no entry changed, so the wall of groups skips it too.
 */
function stableGroups(wall: WallStore, layout: GroupedBoard<Card>): GroupEntries {
  const next = layout.groups.map((entry) => {
    const before = lastEntryOf.get(entry.group);
    if (before && before.cards.length === entry.cards.length && before.cards.every((card, index) => card === entry.cards[index])) return before;
    lastEntryOf.set(entry.group, entry);
    return entry;
  });
  const previous = lastGroupsOf.get(wall);
  if (previous && previous.length === next.length && previous.every((entry, index) => entry === next[index])) return previous;
  lastGroupsOf.set(wall, next);
  return next;
}

const cardId = (card: Card) => card.id;

const CardList = memo(function CardList({
  cards,
  group,
  testId,
  lastAddedId = null,
  inBlocks = false,
  ...shared
}: CardListShared & { cards: readonly Card[]; group: CardGroup | undefined; testId?: string; lastAddedId?: string | null; inBlocks?: boolean }) {
  const { board, role, writable = true, doc, authorNames, matches, votes, actions, labels } = shared;
  const movable = canRearrange(role, board, group);
  const renderCard = (card: Card) => (
        <CardView
          key={card.id}
          card={card}
          doc={doc}
          authorName={card.authorId ? (authorNames.get(card.authorId) ?? null) : null}
          groupId={group?.id ?? null}
          movable={movable}
          editable={writable}
          dimmed={matches !== null && !matches(card)}
          vote={votes(card.id)}
          actions={actions}
          labels={labels}
          justAdded={card.id === lastAddedId}
        />
  );
  if (inBlocks) return <ChunkedGrid items={cards} idOf={cardId} render={renderCard} testId={testId} />;
  return (
    <ul className="card-grid" data-testid={testId}>
      {cards.map(renderCard)}
    </ul>
  );
});

const GroupSection = memo(function GroupSection({ group, cards, commands, emptyText, ...shared }: CardListShared & { group: CardGroup; cards: readonly Card[]; commands: GroupCommands; emptyText: string }) {
  const { board, role, writable = true, votes, actions } = shared;
  return (
    <GroupView group={group} cardCount={cards.length} movable={canRearrange(role, board, group)} canLock={can(role, 'board.lock')} renamable={writable} vote={votes(group.id)} actions={actions} commands={commands}>
      {cards.length === 0 ? <p className="muted empty">{emptyText}</p> : <CardList cards={cards} group={group} {...shared} />}
    </GroupView>
  );
});

/** The open board outside any group: dropping a card on its strip takes it out of its group. */
function LooseArea({ dragging, hasGroups, text, children }: { dragging: boolean; hasGroups: boolean; text: WallText; children: ReactNode }) {
  return (
    <section className="loose" aria-label={text.noGroup} data-testid="loose-cards">
      {hasGroups && (
        <p className={`loose-strip${dragging ? ' visible' : ''}`} data-drop="loose" data-testid="loose-strip">
          {text.dropToUngroup}
        </p>
      )}
      {children}
    </section>
  );
}
