import { useState } from 'react';
import { isBlankText, type ParkedQuestion, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useReport, useUndoToast } from '../common/use-command-feedback';
import { useCommands } from '../roles/use-role';

/** What the parking lot does: park a question from its form, reword, mark taken up, remove with undo. */
export function useParkingLotCommands(doc: WorkshopDoc) {
  const errorText = useErrorText();
  const report = useReport();
  const undoToast = useUndoToast();
  const commands = useCommands(doc).parkingLot;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    if (isBlankText(text)) return;
    const result = commands.add({ text });
    if (!result.ok) return setError(errorText(result.error));
    setText('');
    setError(null);
  };
  const edit = (question: ParkedQuestion, value: string): string | null => {
    const result = commands.edit(question.id, value);
    return result.ok ? null : errorText(result.error);
  };
  const setTakenUp = (question: ParkedQuestion, takenUp: boolean) => void report(commands.takenUp(question.id, takenUp));
  const remove = (question: ParkedQuestion) => {
    if (!report(commands.remove(question.id))) return;
    undoToast((t) => t('parkingLot.removed'), () => void report(commands.restore(question)));
  };

  return { form: { text, setText, error }, add, edit, setTakenUp, remove };
}
