import { memo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateAgendaItem, type AgendaItem, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { formatMinutes } from './format-minutes';

interface AgendaItemRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  doc: WorkshopDoc;
  onMove(toIndex: number): void;
  onRemove(): void;
}

/** One agenda item; Alt+↑/↓ moves it, Enter edits it, Delete removes it. */
export const AgendaItemRow = memo(function AgendaItemRow({ item, index, count, doc, onMove, onRemove }: AgendaItemRowProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [duration, setDuration] = useState(String(item.durationMin));
  const [error, setError] = useState<string | null>(null);

  const startEdit = () => {
    setTitle(item.title);
    setDuration(String(item.durationMin));
    setError(null);
    setEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = updateAgendaItem(doc, item.id, { title, durationMin: duration });
    if (!result.ok) return setError(errorText(result.error));
    setEditing(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && event.key === 'ArrowUp' && index > 0) onMove(index - 1);
    else if (event.altKey && event.key === 'ArrowDown' && index < count - 1) onMove(index + 1);
    else if (event.key === 'Enter') startEdit();
    else if (event.key === 'Delete') onRemove();
    else return;
    event.preventDefault();
  };

  if (editing) {
    return (
      <li className="agenda-item editing" data-testid="agenda-item">
        <form className="agenda-edit" onSubmit={save} noValidate onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}>
          <input value={title} onChange={(event) => setTitle(event.target.value)} aria-label={t('agenda.titleLabel')} autoFocus data-testid="agenda-edit-title" />
          <input
            className="narrow"
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            aria-label={t('agenda.durationLabel')}
            inputMode="numeric"
            data-testid="agenda-edit-duration"
          />
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </li>
    );
  }

  return (
    <li className="agenda-item" tabIndex={0} onKeyDown={onKeyDown} data-testid="agenda-item" aria-label={`${item.title}, ${formatMinutes(item.durationMin, t)}`}>
      <span className="agenda-index">{index + 1}</span>
      <span className="agenda-title" data-testid="agenda-item-title">
        {item.title}
      </span>
      <span className="agenda-duration" data-testid="agenda-item-duration">
        {formatMinutes(item.durationMin, t)}
      </span>
      <span className="row-actions">
        <button type="button" className="icon" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={t('agenda.moveUp')} title={t('agenda.moveUp')}>
          ↑
        </button>
        <button type="button" className="icon" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={t('agenda.moveDown')} title={t('agenda.moveDown')}>
          ↓
        </button>
        <button type="button" className="icon" onClick={startEdit} aria-label={t('common.edit')} title={t('common.edit')}>
          ✎
        </button>
        <button type="button" className="icon danger-quiet" onClick={onRemove} aria-label={t('common.delete')} title={t('common.delete')}>
          ×
        </button>
      </span>
    </li>
  );
});
