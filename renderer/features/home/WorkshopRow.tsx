import { isTimestamp, placeText } from '../../../shared/model/plain';
import { longDate } from '../../../shared/minutes/format';
import { useTranslation } from 'react-i18next';
import type { WorkshopIndexRow } from '../../storage/plenum-db';
import { navigate } from '../../state/route';
import { InlineTitleEditor, useInlineEditing } from '../common/InlineTitleEditor';
import { useUiLocale } from '../../hooks/use-ui-locale';

interface WorkshopRowProps {
  row: WorkshopIndexRow;
  onRename(id: string, title: string): Promise<string | null>;
  onDuplicate(id: string, title: string): void;
  onDelete(id: string, title: string): void;
  /** Formats the last change (the list's one formatter: see HomeScreen). */
  changedFormat: Intl.DateTimeFormat;
}

export function WorkshopRow({ row, onRename, onDuplicate, onDelete, changedFormat }: WorkshopRowProps) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { editing, trigger, open: startEditing, close: stopEditing } = useInlineEditing();
  // The index row was written from a document or a backup: a date that is none shows as missing.
  const changed = isTimestamp(row.updatedAt) ? changedFormat.format(row.updatedAt) : '';
  const date = longDate(row.date, locale);

  const place = placeText(row);

  return (
    <li className="workshop-row" data-testid="workshop-row">
      {editing ? (
        <InlineTitleEditor
          initial={row.title}
          label={t('home.titleLabel')}
          onSave={(title) => onRename(row.id, title)}
          onClose={stopEditing}
          className="rename-form"
          inputTestId="rename-input"
        />
      ) : (
        <button type="button" className="workshop-row-main link" onClick={() => navigate({ screen: 'workshop', id: row.id })}>
          <span className="workshop-title" data-testid="workshop-title">
            {row.title || t('workshop.untitled')}
          </span>
          {place && (
            <span className="workshop-place" data-testid="workshop-place">
              {place}
            </span>
          )}
          <span className="muted">
            {date && <span>{date}{changed && ' · '}</span>}
            {changed && t('home.lastChange', { when: changed })}
          </span>
        </button>
      )}
      {!editing && (
        <div className="row-actions">
          <button type="button" ref={trigger} onClick={startEditing}>
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
