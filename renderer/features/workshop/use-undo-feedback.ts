import { useEffect, useEffectEvent } from 'react';
import type { UndoChange, UndoHistory, UndoStep } from '../../../shared/model';
import { useToasts, type Translate } from '../../state/toasts';
import { shortenText } from '../common/shorten-text';

/** Where the workshop screen is: the board it shows (null on a tab without one), and how to show another. */
export interface UndoFeedbackPlace {
  shownBoardId: string | null;
  boardName(boardId: string): string;
  showBoard(boardId: string): void;
}

/** The change a toast names: a card or group before the rest (a card move also touches its group). */
const mainChange = (changes: readonly UndoChange[]): UndoChange | undefined =>
  changes.find((change) => change.root === 'cards') ?? changes.find((change) => change.root === 'groups') ?? changes[0];

function describe(step: UndoStep, place: UndoFeedbackPlace, t: Translate): string {
  const change = mainChange(step.changes);
  const label = change?.label ? shortenText(change.label, 40).text : null;
  const kind = change?.root === 'cards' || change?.root === 'groups' ? change.root : 'item';
  const what = change && label !== null ? t(`workshop.undoStep.${kind}.${change.change}`, { label }) : t('workshop.undoStep.unnamed');
  const board = change?.boardId ? place.boardName(change.boardId) : '';
  return t(`workshop.undoStep.${step.direction}`, { what: board ? t('workshop.undoStep.onBoard', { what, board }) : what });
}

/**
 * One undo history serves the whole workshop (shared/model/undo.ts), so Ctrl+Z on the plenary may
 * take back a card added at a table a minute ago, or the card added just before "next" (the run
 * is not undone). Each undo and redo therefore says what it did and on which board; a change on a
 * board not on screen offers to show it, instead of vanishing unseen (QA, session 23).
 */
export function useUndoFeedback(undo: UndoHistory, place: UndoFeedbackPlace): void {
  const showToast = useToasts((store) => store.show);
  // The place of the moment of the undo, for a listener subscribed once.
  const onStep = useEffectEvent((step: UndoStep) => {
    const boardId = mainChange(step.changes)?.boardId ?? null;
    const elsewhere = boardId !== null && boardId !== place.shownBoardId;
    showToast({
      message: (t) => describe(step, place, t),
      tone: 'info',
      ...(elsewhere ? { action: { label: (t) => t('workshop.undoStep.show'), run: () => place.showBoard(boardId) } } : {}),
    });
  });
  useEffect(() => undo.onStep((step) => onStep(step)), [undo]);
}
