import type { ClientRect, Collision, CollisionDetection, DroppableContainer, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';
import type { DragSubject, DropTarget } from '../../../shared/model';

/*
 * Drag and drop on a board with @dnd-kit. Cards and group headers are draggable; cards,
 * groups and the "no group" strip are drop targets. Ids carry their kind ("card:…"), so a
 * drop turns into the model's `dropIntent` without looking anything up.
 */

export const dragId = (subject: DragSubject) => `${subject.kind}:${subject.id}`;
export const dropId = (target: DropTarget) => (target.kind === 'loose' ? 'loose' : `${target.kind}:${target.id}`);

export function parseDragId(id: UniqueIdentifier): DragSubject | null {
  const [kind, ...rest] = String(id).split(':');
  const value = rest.join(':');
  return (kind === 'card' || kind === 'group') && value ? { kind, id: value } : null;
}

export function parseDropId(id: UniqueIdentifier): DropTarget | null {
  if (id === 'loose') return { kind: 'loose' };
  return parseDragId(id);
}

const centre = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
const contains = (rect: ClientRect, point: { x: number; y: number }) =>
  point.x >= rect.left && point.x <= rect.left + rect.width && point.y >= rect.top && point.y <= rect.top + rect.height;

/** Whether a drop target makes sense for what is dragged: not itself, and a group only onto other groups' things. */
function isCandidate(activeId: UniqueIdentifier, container: DroppableContainer): boolean {
  if (container.id === activeId || container.disabled) return false;
  const subject = parseDragId(activeId);
  if (subject?.kind !== 'group') return true;
  const data = container.data.current as { groupId?: string | null } | undefined;
  return container.id !== 'loose' && data?.groupId !== subject.id;
}

/**
 * The target under the pointer (or, from the keyboard, under the dragged card's centre), the
 * smallest first: a card inside a group wins over the group around it.
 */
export const innermostTarget: CollisionDetection = ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
  const point = pointerCoordinates ?? centre(collisionRect);
  const hits: Collision[] = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || !isCandidate(active.id, container) || !contains(rect, point)) continue;
    hits.push({ id: container.id, data: { droppableContainer: container, value: rect.width * rect.height } });
  }
  return hits.sort((a, b) => (a.data?.value as number) - (b.data?.value as number));
};

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * Keyboard dragging that jumps from target to target (the nearest in the arrow's direction,
 * same row or column first) instead of nudging by pixels, so it takes a few presses, not
 * hundreds. The chosen target is remembered and is what the drop lands on: the dragged
 * card's drawn position follows it, but the drop does not depend on that geometry (which
 * shifts when the board scrolls during the drag).
 */
export function keyboardTargeting() {
  let target: UniqueIdentifier | null = null;

  const coordinateGetter: KeyboardCoordinateGetter = (event, { active, currentCoordinates, context }) => {
    const direction = DIRECTIONS[event.code];
    const { collisionRect, droppableRects, droppableContainers } = context;
    if (!direction || !collisionRect) return undefined;
    event.preventDefault();
    const dragged = centre(collisionRect);
    const fromRect = target === null ? undefined : droppableRects.get(target);
    const from = fromRect ? centre(fromRect) : dragged;
    let best: { id: UniqueIdentifier; rect: ClientRect; score: number } | null = null;
    for (const container of droppableContainers.getEnabled()) {
      const rect = droppableRects.get(container.id);
      if (!rect || container.id === target || !isCandidate(active, container)) continue;
      const to = centre(rect);
      const along = (to.x - from.x) * direction.x + (to.y - from.y) * direction.y;
      if (along < 4) continue;
      const across = Math.abs((to.x - from.x) * direction.y + (to.y - from.y) * direction.x);
      const score = along + across * 3;
      if (!best || score < best.score) best = { id: container.id, rect, score };
    }
    if (!best) return currentCoordinates;
    target = best.id;
    const to = centre(best.rect);
    return { x: currentCoordinates.x + (to.x - dragged.x), y: currentCoordinates.y + (to.y - dragged.y) };
  };

  /** From the keyboard (no pointer) the remembered target; from a pointer, what is under it. */
  const collisionDetection: CollisionDetection = (args) => {
    if (args.pointerCoordinates !== null) return innermostTarget(args);
    const container = target === null ? undefined : args.droppableContainers.find((entry) => entry.id === target);
    return container ? [{ id: container.id, data: { droppableContainer: container, value: 0 } }] : [];
  };

  return {
    coordinateGetter,
    collisionDetection,
    /**
     * The keyboard's target, for the drop itself: dnd-kit settles its `over` a render after
     * the move, so a quick Space right after an arrow key would otherwise drop on nothing.
     */
    target: () => target,
    reset: () => void (target = null),
  };
}
