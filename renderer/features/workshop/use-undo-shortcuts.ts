import { useEffect } from 'react';
import type { UndoHistory } from '../../../shared/model';
import { changeKeepingFocus } from '../board/card-focus';
import { shortcutLetter } from '../common/shortcut-letter';

/**
 * Whether the field's own undo gets the keys. A field marked `data-undo-when-empty` (the board's
 * entry, emptied by Enter) lets them through while empty: a keyboard user takes back the card
 * just added from there (QA, session 23: Ctrl+Z went to the field's own, empty, undo).
 */
const isTextField = (target: EventTarget | null) => {
  if (!(target instanceof HTMLElement)) return false;
  if ((target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) && target.value === '' && target.hasAttribute('data-undo-when-empty')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
};

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes; inside a text field the field's own undo wins. */
export function useUndoShortcuts(undo: UndoHistory): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = shortcutLetter(event);
      // Undo and redo alike put the focus on the card they changed (or its neighbour when they
      // took away the focused one), so the keyboard goes on from there, not from the page's top.
      const touchedCards = () => undo.lastTouches().flatMap((touch) => (touch.root === 'cards' && touch.id !== null ? [touch.id] : []));
      if (key === 'z' && !event.shiftKey) changeKeepingFocus(() => undo.undo(), touchedCards);
      else if ((key === 'z' && event.shiftKey) || key === 'y') changeKeepingFocus(() => undo.redo(), touchedCards);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);
}
