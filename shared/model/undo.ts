import * as Y from 'yjs';
import { LOCAL_ORIGIN, roots, type WorkshopDoc } from './doc';
import { AREA_NAMES, AREAS } from './areas';
import type { RootName } from './schema';

/**
 * One thing an undo step changes: an item of a root map (a card, an agenda item, a vote…), with
 * what decides who may change it: the board a card or group is on, a card's group, a vote's
 * round. Read from the item as it is, or as it last was when the step deletes it.
 */
export interface UndoTouch {
  root: RootName;
  /** The item's id; null for a root's own fields (the workshop's meta, the run). */
  id: string | null;
  boardId: string | null;
  groupId: string | null;
  roundId: string | null;
}

/** What an undo or redo did to one item: brought it (back), took it away, or changed it. */
export interface UndoChange extends UndoTouch {
  change: 'added' | 'removed' | 'changed';
  /** The item's words as it is now (or last was, when the step took it away): a card's text, a group's title. */
  label: string | null;
}

/** One undo or redo that ran: what the person is told, and where it happened. */
export interface UndoStep {
  direction: 'undo' | 'redo';
  changes: readonly UndoChange[];
}

/**
 * Decides whether this laptop may undo (or redo) a step that changes `touches` now: null when it
 * may, else why not. Undo writes into the document like any other edit, so it must not do what
 * the laptop's role, a lock or an ended vote forbids (shared/roles/undo-guard.ts).
 */
export type UndoGuard<R> = (touches: readonly UndoTouch[]) => R | null;

/** Undo and redo of this user's own changes; remote edits are never reverted. */
export interface UndoHistory {
  /** False when there was nothing to undo, or the step was refused (listeners of `onRefused` are told why). */
  undo(): boolean;
  redo(): boolean;
  /** What the step undone or redone last changed: where the focus may go after it. */
  lastTouches(): readonly UndoTouch[];
  canUndo(): boolean;
  canRedo(): boolean;
  subscribe(listener: () => void): () => void;
  /** Who may undo what; until one is set, everything (a laptop of its own). */
  setGuard(guard: UndoGuard<string> | null): void;
  /** A step the guard refused was dropped from the history: it can never be undone from this laptop. */
  onRefused(listener: (reason: string) => void): () => void;
  /**
   * Each undo or redo that changed something: one history serves the whole workshop, so the
   * step may be on a board not on screen; whoever shows it says what it was and where.
   */
  onStep(listener: (step: UndoStep) => void): () => void;
  destroy(): void;
}

/** The roots the undo history tracks: those of the undoable areas of the registry (areas.ts). */
export const UNDO_ROOTS: readonly RootName[] = [...new Set(AREA_NAMES.filter((area) => AREAS[area].undoable).map((area) => AREAS[area].root))];

/** Roots whose items the guard judges by their board, group or round. */
const FACT_ROOTS = ['cards', 'groups', 'votes'] as const satisfies readonly RootName[];
type Facts = Pick<UndoTouch, 'boardId' | 'groupId' | 'roundId'>;
const TOUCHES = 'plenum:touches';

const text = (map: Y.Map<unknown>, key: string): string | null => {
  const value = map.get(key);
  return typeof value === 'string' && value !== '' ? value : null;
};
/** The words that name an item to a person: a card's or a note's text, a group's or an item's title, a name. */
const labelOf = (item: unknown): string | null => {
  if (!(item instanceof Y.Map)) return null;
  for (const key of ['text', 'title', 'name']) {
    const value = item.get(key);
    const words = value instanceof Y.Text ? value.toString() : value;
    if (typeof words === 'string' && words.trim() !== '') return words;
  }
  return null;
};
const factsOf = (item: unknown): Facts | null =>
  item instanceof Y.Map ? { boardId: text(item, 'boardId'), groupId: text(item, 'groupId'), roundId: text(item, 'roundId') } : null;

/** The keys a map event changed (a root map's: the ids of items added, replaced or deleted). */
function keysChangedIn(event: Y.YEvent<Y.AbstractType<unknown>>): Iterable<string> {
  return event instanceof Y.YMapEvent ? (event.keysChanged as Set<string>) : [];
}

export function createUndoHistory(doc: WorkshopDoc): UndoHistory {
  const maps = roots(doc);
  const manager = new Y.UndoManager(
    UNDO_ROOTS.map((root) => maps[root]),
    {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      // Each operation is a deliberate action (a card added, an item moved): undo them one by one.
      captureTimeout: 0,
    },
  );
  const rootNames = new Map<Y.AbstractType<unknown>, RootName>(UNDO_ROOTS.map((root) => [maps[root] as Y.AbstractType<unknown>, root]));

  // What each card, group and vote was last seen as: a step that deleted one is judged by where it was.
  const seen = new Map<string, Facts>();
  const learn = (root: RootName, id: string, item: unknown) => {
    const facts = factsOf(item);
    if (facts) seen.set(`${root}:${id}`, facts);
  };
  const observers = FACT_ROOTS.map((root) => {
    const map = maps[root] as Y.Map<unknown>;
    map.forEach((item, id) => learn(root, id, item));
    const observer = (events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        const [first] = event.path;
        if (typeof first === 'string') learn(root, first, map.get(first));
        else for (const id of keysChangedIn(event)) if (map.has(id)) learn(root, id, map.get(id));
      }
    };
    map.observeDeep(observer);
    return () => map.unobserveDeep(observer);
  });

  /** The root items a transaction changed, found by climbing from each changed type to its root. */
  const touchesOf = (changed: ReadonlyMap<unknown, ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>>): UndoTouch[] => {
    const found = new Map<string, UndoTouch>();
    // Each root's items by their map, read once per step: a mix of 5,000 people changes 5,000
    // maps, and looking each one up among 5,000 took 25 million steps (QA, session 19).
    const keysIn = new Map<Y.AbstractType<unknown>, Map<unknown, string>>();
    const keyOf = (parent: Y.AbstractType<unknown>, child: Y.AbstractType<unknown>): string | null => {
      let keys = keysIn.get(parent);
      if (!keys) {
        const index = new Map<unknown, string>();
        (parent as Y.Map<unknown>).forEach((value, key) => index.set(value, key));
        keysIn.set(parent, index);
        keys = index;
      }
      return keys.get(child) ?? null;
    };
    const add = (root: RootName, id: string | null) => {
      const key = `${root}:${id ?? ''}`;
      if (found.has(key)) return;
      const facts = (id !== null && (factsOf(maps[root].get(id)) ?? seen.get(key))) || { boardId: null, groupId: null, roundId: null };
      found.set(key, { root, id, ...facts });
    };
    for (const [changedType, events] of changed) {
      if (!(changedType instanceof Y.AbstractType)) continue;
      const type = changedType as Y.AbstractType<unknown>;
      const root = rootNames.get(type);
      if (root) {
        for (const event of events) if (event.target === type) for (const id of keysChangedIn(event)) add(root, id);
        continue;
      }
      let child: Y.AbstractType<unknown> = type;
      let parent = child.parent;
      while (parent && !rootNames.has(parent)) {
        child = parent;
        parent = child.parent;
      }
      const parentRoot = parent ? rootNames.get(parent) : undefined;
      if (!parent || !parentRoot) continue;
      add(parentRoot, keyOf(parent, child));
    }
    return [...found.values()];
  };
  manager.on('stack-item-added', (event) => {
    event.stackItem.meta.set(TOUCHES, touchesOf(event.changedParentTypes as ReadonlyMap<unknown, ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>>));
  });

  const listeners = new Set<() => void>();
  const refusedListeners = new Set<(reason: string) => void>();
  const stepListeners = new Set<(step: UndoStep) => void>();
  const notify = () => listeners.forEach((listener) => listener());
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
    manager.on(event, notify);
  }
  let guard: UndoGuard<string> | null = null;
  let lastTouches: readonly UndoTouch[] = [];

  /**
   * Runs the step on top of `stack` if the guard lets it; a refused step is dropped and reported.
   * Yjs goes on to the next step by itself when one changes nothing (a card deleted since): it is
   * given one step at a time, so each is asked.
   */
  const step = (direction: UndoStep['direction'], stack: Array<{ meta: Map<string, unknown> }>, run: () => unknown): boolean => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const touches = top?.meta.get(TOUCHES);
      const refusal = guard && Array.isArray(touches) ? guard(touches as UndoTouch[]) : null;
      if (refusal !== null) {
        stack.pop();
        notify();
        refusedListeners.forEach((listener) => listener(refusal));
        return false;
      }
      const list = Array.isArray(touches) ? (touches as UndoTouch[]) : [];
      const item = (touch: UndoTouch) => (touch.id === null ? undefined : maps[touch.root].get(touch.id));
      const before = list.map(item);
      // Read now: a map the step deletes no longer says what it held.
      const labelsBefore = before.map(labelOf);
      const below = stack.splice(0, stack.length - 1);
      let done: boolean;
      try {
        done = run() !== null;
      } finally {
        stack.unshift(...below);
      }
      if (done) {
        lastTouches = list;
        const changes = list.map((touch, index): UndoChange => {
          const was = before[index];
          const is = item(touch);
          const change = touch.id === null || (was !== undefined) === (is !== undefined) ? 'changed' : is === undefined ? 'removed' : 'added';
          return { ...touch, change, label: labelOf(is) ?? labelsBefore[index] ?? null };
        });
        stepListeners.forEach((listener) => listener({ direction, changes }));
        return true;
      }
    }
    return false;
  };

  return {
    undo: () => step('undo', manager.undoStack, () => manager.undo()),
    redo: () => step('redo', manager.redoStack, () => manager.redo()),
    lastTouches: () => lastTouches,
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setGuard(next) {
      guard = next;
    },
    onRefused(listener) {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    onStep(listener) {
      stepListeners.add(listener);
      return () => stepListeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      refusedListeners.clear();
      stepListeners.clear();
      for (const stop of observers) stop();
      manager.destroy();
    },
  };
}
