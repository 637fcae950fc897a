import { useState } from 'react';
import { PLENARY_BOARD_ID, type ActionFilter, type ActionItem, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useCommands, useRole, useSeat } from '../roles/use-role';
import { useReport, useUndoToast } from '../common/use-command-feedback';

/**
 * The action list's commands: the new item's title (added to the table the list is filtered to,
 * or at a table laptop to its own table; a refusal shown at the field), and delete with Undo.
 * `check` reports a row's refused change. All of them through the guarded commands: a table
 * writes only the items of the boards it may write cards on.
 */
export function useActionCommands(doc: WorkshopDoc, items: readonly ActionItem[], filter: ActionFilter) {
  const errorText = useErrorText();
  const check = useReport();
  const undoToast = useUndoToast();
  const commands = useCommands(doc);
  const role = useRole();
  const seat = useSeat();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const filtered = filter.boardId && filter.boardId !== PLENARY_BOARD_ID ? filter.boardId : null;
    // A table's items are its table's results, whatever the list shows (the minutes file them there).
    const boardId = role === 'table' ? seat.tableId : filtered;
    const result = commands.actions.add({ title, boardId });
    if (!result.ok) return setError(errorText(result.error));
    setTitle('');
    setError(null);
  };

  const remove = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item || !check(commands.actions.remove(id))) return;
    undoToast((t) => t('actions.deleted'), () => void check(commands.actions.restore(item)));
  };

  return { title, setTitle, error, add, remove, check, commands };
}
