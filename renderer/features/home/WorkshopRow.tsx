import { useState, type FormEvent } from 'react';
import { isoDateMs, isTimestamp } from '../../../shared/model';
import { useTranslation } from 'react-i18next';
import type { WorkshopIndexRow } from '../../storage/plenum-db';
import { navigate } from '../../state/route';
import { FieldError } from '../common/FieldError';

interface WorkshopRowProps {
  row: WorkshopIndexRow;
  onRename(id: string, title: string): Promise<string | null>;
  onDuplicate(id: string, title: string): void;
  onDelete(id: string, title: string): void;
}

export function WorkshopRow({ row, onRename, onDuplicate, onDelete }: WorkshopRowProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(row.title);
  const [error, setError] = useState<string | null>(null);
  // The index row was written from a document or a backup: a date that is none shows as missing.
  const changed = isTimestamp(row.updatedAt) ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(row.updatedAt) : '';
  const dateMs = isoDateMs(row.date);
  const date = dateMs === null ? '' : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(dateMs);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = await onRename(row.id, draft);
    setError(message);
    if (message === null) setEditing(false);
  };

  return (
    <li className="workshop-row" data-testid="workshop-row">
      {editing ? (
        <form className="rename-form" onSubmit={(event) => void submit(event)} noValidate>
          <input
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-label={t('home.titleLabel')}
            autoFocus
            onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
            data-testid="rename-input"
          />
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
          <FieldError message={error} />
        </form>
      ) : (
        <button type="button" className="workshop-row-main link" onClick={() => navigate({ screen: 'workshop', id: row.id })}>
          <span className="workshop-title" data-testid="workshop-title">
            {row.title || t('workshop.untitled')}
          </span>
          <span className="muted">
            {date && <span>{date}{changed && ' · '}</span>}
            {changed && t('home.lastChange', { when: changed })}
          </span>
        </button>
      )}
      {!editing && (
        <div className="row-actions">
          <button type="button" onClick={() => { setDraft(row.title); setError(null); setEditing(true); }}>
            {t('common.rename')}
          </button>
          <button type="button" onClick={() => onDuplicate(row.id, row.title)} title={t('home.duplicateHint')}>
            {t('home.duplicate')}
          </button>
          <button type="button" className="danger-quiet" onClick={() => onDelete(row.id, row.title)}>
            {t('common.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
