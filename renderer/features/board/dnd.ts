import type { KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';
import type { DragSubject, DropTarget } from '../../../shared/model';

/*
 * Drag and drop on a board. @dnd-kit runs the drag (pointer and keyboard sensors, the overlay,
 * screen-reader announcements); the drop targets are plain elements marked `data-drop`
 * ("card:<id>", "group:<id>", "loose"), found by hit-testing the DOM. Registering 2,000 cards
 * as dnd-kit droppables copied its container map on every registration and re-rendered every
 * card; hit-testing costs nothing until someone drags.
 */

export const dragId = (subject: DragSubject) => `${subject.kind}:${subject.id}`;
export const dropAttr = (target: DropTarget) => (target.kind === 'loose' ? 'loose' : `${target.kind}:${target.id}`);

export function parseDragId(id: UniqueIdentifier): DragSubject | null {
  const [kind, ...rest] = String(id).split(':');
  const value = rest.join(':');
  return (kind === 'card' || kind === 'group') && value ? { kind, id: value } : null;
}

export function parseDropAttr(value: string | null | undefined): DropTarget | null {
  if (!value) return null;
  if (value === 'loose') return { kind: 'loose' };
  return parseDragId(value);
}

const OVER_CLASS = 'drop-over';

/** Whether an element can take what is dragged: not itself, and a group only onto other groups' things. */
function accepts(element: Element, subject: DragSubject): boolean {
  const value = element.getAttribute('data-drop');
  if (value === dragId(subject)) return false;
  if (subject.kind === 'group') return value !== 'loose' && element.getAttribute('data-in-group') !== subject.id;
  return true;
}

const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * The current drop target of one board's drag, by pointer or keyboard. Arrow keys jump from
 * target to target (the nearest in that direction, same row or column first) instead of
 * nudging by pixels, so a keyboard drag takes a few presses, not hundreds.
 */
export function dropTracker() {
  const canvas: { current: HTMLElement | null } = { current: null };
  let subject: DragSubject | null = null;
  let current: Element | null = null;

  const setCurrent = (element: Element | null) => {
    if (element === current) return false;
    current?.classList.remove(OVER_CLASS);
    element?.classList.add(OVER_CLASS);
    current = element;
    return true;
  };

  /** The innermost target under a point: elementsFromPoint lists the topmost (a card) before the group around it. */
  const atPoint = (x: number, y: number) => {
    if (!subject) return false;
    const root = canvas.current;
    for (const element of document.elementsFromPoint(x, y)) {
      const target = element.closest('[data-drop]');
      if (target && root?.contains(target) && accepts(target, subject)) return setCurrent(target);
    }
    return setCurrent(null);
  };

  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
    const direction = DIRECTIONS[event.code];
    const root = canvas.current;
    if (!direction || !root || !subject) return undefined;
    // Before dnd-kit has measured the overlay, the dragged item's own place stands in for it.
    const dragged = context.collisionRect ?? root.querySelector(`[data-drop="${CSS.escape(dragId(subject))}"]`)?.getBoundingClientRect();
    if (!dragged) return undefined;
    event.preventDefault();
    const from = current ? centre(current.getBoundingClientRect()) : { x: dragged.left + dragged.width / 2, y: dragged.top + dragged.height / 2 };
    let best: { element: Element; score: number; rect: DOMRect } | null = null;
    for (const element of root.querySelectorAll('[data-drop]')) {
      if (element === current || !accepts(element, subject)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      const to = centre(rect);
      const along = (to.x - from.x) * direction.x + (to.y - from.y) * direction.y;
      if (along < 4) continue;
      const across = Math.abs((to.x - from.x) * direction.y + (to.y - from.y) * direction.x);
      const score = along + across * 3;
      if (!best || score < best.score) best = { element, score, rect };
    }
    if (!best) return currentCoordinates;
    setCurrent(best.element);
    best.element.scrollIntoView({ block: 'nearest' });
    const to = centre(best.element.getBoundingClientRect());
    return { x: currentCoordinates.x + (to.x - dragged.left - dragged.width / 2), y: currentCoordinates.y + (to.y - dragged.top - dragged.height / 2) };
  };

  return {
    /** Callback ref for the board's canvas: targets are looked for inside it only. */
    attach: (element: HTMLElement | null) => void (canvas.current = element),
    coordinateGetter,
    start(dragged: DragSubject) {
      subject = dragged;
      setCurrent(null);
    },
    /** Follows the pointer; true when the target changed. */
    pointerAt: atPoint,
    target: (): DropTarget | null => parseDropAttr(current?.getAttribute('data-drop')),
    end() {
      const target = parseDropAttr(current?.getAttribute('data-drop'));
      subject = null;
      setCurrent(null);
      return target;
    },
  };
}
