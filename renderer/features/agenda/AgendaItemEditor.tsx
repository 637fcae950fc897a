import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, type AgendaItem, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { FieldError } from '../common/FieldError';

interface AgendaItemEditorProps {
  item: AgendaItem;
  doc: WorkshopDoc;
  /** The field that takes focus: an item that ran opens on its summary. */
  focus?: 'title' | 'summary';
  onDone(): void;
}

/**
 * Every field of one agenda item; the task only for small-group work, where the tables see it.
 * Summary and decisions are for the minutes: written when the item ran, so they come last.
 */
export function AgendaItemEditor({ item, doc, focus = 'title', onDone }: AgendaItemEditorProps) {
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState({
    title: item.title,
    durationMin: String(item.durationMin),
    kind: item.kind as string,
    speaker: item.speaker,
    task: item.task,
    notes: item.notes,
    summary: item.summary,
    decisions: item.decisions,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft((old) => ({ ...old, [key]: event.target.value }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = commands.agenda.update(item.id, draft);
    if (!result.ok) return setError(errorText(result.error));
    onDone();
  };

  return (
    <form className="agenda-edit" onSubmit={save} noValidate onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <div className="agenda-edit-row">
        <label className="field grow">
          <span>{t('agenda.titleLabel')}</span>
          <input value={draft.title} onChange={set('title')} autoFocus={focus === 'title'} data-testid="agenda-edit-title" />
        </label>
        <label className="field narrow">
          <span>{t('agenda.durationLabel')}</span>
          <input value={draft.durationMin} onChange={set('durationMin')} inputMode="numeric" data-testid="agenda-edit-duration" />
        </label>
      </div>
      <div className="agenda-edit-row">
        <label className="field">
          <span>{t('agenda.kindLabel')}</span>
          <select value={draft.kind} onChange={set('kind')} data-testid="agenda-edit-kind">
            {AGENDA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`agenda.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('agenda.speakerLabel')}</span>
          <input value={draft.speaker} onChange={set('speaker')} placeholder={t('agenda.speakerPlaceholder')} data-testid="agenda-edit-speaker" />
        </label>
      </div>
      {draft.kind === 'groupWork' && (
        <label className="field">
          <span>{t('agenda.taskLabel')}</span>
          <textarea value={draft.task} onChange={set('task')} rows={3} placeholder={t('agenda.taskPlaceholder')} data-testid="agenda-edit-task" />
        </label>
      )}
      <label className="field">
        <span>{t('agenda.notesLabel')}</span>
        <textarea value={draft.notes} onChange={set('notes')} rows={2} data-testid="agenda-edit-notes" />
      </label>
      <fieldset className="agenda-edit-record">
        <legend>{t('agenda.forMinutes')}</legend>
        <label className="field">
          <span>{t('agenda.summaryLabel')}</span>
          <textarea value={draft.summary} onChange={set('summary')} rows={3} autoFocus={focus === 'summary'} placeholder={t('agenda.summaryPlaceholder')} data-testid="agenda-edit-summary" />
        </label>
        <label className="field">
          <span>{t('agenda.decisionsLabel')}</span>
          <textarea value={draft.decisions} onChange={set('decisions')} rows={3} placeholder={t('agenda.decisionsPlaceholder')} aria-describedby={`decisions-hint-${item.id}`} data-testid="agenda-edit-decisions" />
          <span className="muted small" id={`decisions-hint-${item.id}`}>
            {t('agenda.decisionsHint')}
          </span>
        </label>
      </fieldset>
      <div className="agenda-edit-actions">
        <button type="submit" className="primary" data-testid="agenda-edit-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
