import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useHost } from '../../hooks/use-host';
import type { AgendaItem, WorkshopDoc } from '../../../shared/model';
import { describeError, useErrorText } from '../../hooks/use-error-text';
import { fileErrorText, logHostError } from '../../host/host-error';
import { useToasts } from '../../state/toasts';
import { useUndoToast } from '../common/use-command-feedback';
import { useCommands } from '../roles/use-role';
import { loadAgendaTemplate, saveAgendaTemplate } from './agenda-template-file';

/**
 * The agenda's commands, guarded by role: the new item's form (title, kind, duration, speaker,
 * and the tables' task for small-group work; a refusal
 * shown at the form), delete with Undo, move, and saving or loading the agenda as a template.
 */
export function useAgendaCommands(doc: WorkshopDoc, items: readonly AgendaItem[], workshopTitle: string) {
  const host = useHost();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const undoToast = useUndoToast();
  const commands = useCommands(doc);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('plenary');
  const [duration, setDuration] = useState('15');
  const [speaker, setSpeaker] = useState('');
  const [task, setTask] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    // A task typed before the kind changed away from small-group work is not kept.
    const result = commands.agenda.add({ title, durationMin: duration, kind, speaker, task: kind === 'groupWork' ? task : '' });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setTitle('');
    setSpeaker('');
    setTask('');
  };

  const remove = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item) return;
    const result = commands.agenda.remove(id);
    if (!result.ok) return void showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
    undoToast((t) => t('agenda.deleted', { title: item.title }), () => void commands.agenda.restore(item));
  };

  const move = (id: string, to: number) => void commands.agenda.move(id, to);

  const saveTemplate = async () => {
    const { saved, error } = await saveAgendaTemplate(host, doc, workshopTitle);
    if (error) {
      logHostError(error);
      showToast({ message: (t) => t('agenda.templateSaveFailed', { detail: fileErrorText(t, error) }), tone: 'error' });
    } else if (saved) showToast({ message: (t) => t('agenda.templateSaved'), tone: 'info' });
  };

  const loadTemplate = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await loadAgendaTemplate(commands, file);
    if (!result.ok) return showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
    showToast({ message: (t) => t('agenda.templateLoaded', { count: result.value }), tone: 'info' });
  };

  return { form: { title, setTitle, kind, setKind, duration, setDuration, speaker, setSpeaker, task, setTask, error }, add, remove, move, saveTemplate, loadTemplate };
}
