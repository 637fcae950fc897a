import { useState } from 'react';
import { addActionItem, PLENARY_BOARD_ID, removeActionItem, restoreActionItem, type ActionFilter, type ActionItem, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useReport, useUndoToast } from '../common/use-command-feedback';

/**
 * The action list's commands: the new item's title (added to the table the list is filtered to,
 * a refusal shown at the field), and delete with Undo. `check` reports a row's refused change.
 */
export function useActionCommands(doc: WorkshopDoc, items: readonly ActionItem[], filter: ActionFilter) {
  const errorText = useErrorText();
  const check = useReport();
  const undoToast = useUndoToast();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const boardId = filter.boardId && filter.boardId !== PLENARY_BOARD_ID ? filter.boardId : null;
    const result = addActionItem(doc, { title, boardId });
    if (!result.ok) return setError(errorText(result.error));
    setTitle('');
    setError(null);
  };

  const remove = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item || !check(removeActionItem(doc, id))) return;
    undoToast((t) => t('actions.deleted'), () => restoreActionItem(doc, item));
  };

  return { title, setTitle, error, add, remove, check };
}
