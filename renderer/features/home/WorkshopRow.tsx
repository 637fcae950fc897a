import { isBlankText, isTimestamp, placeText } from '../../../shared/model/plain';
import { longDate } from '../../../shared/minutes/format';
import type { TFunction } from 'i18next';
import type { WorkshopIndexRow } from '../../storage/plenum-db';
import { navigate } from '../../state/route';
import { InlineTitleEditor, useInlineEditing } from '../common/InlineTitleEditor';

/** The row's fixed texts, looked up once per list (HomeScreen), not in each row. */
export interface WorkshopRowLabels {
  rename: string;
  duplicate: string;
  duplicateHint: string;
  delete: string;
}

interface WorkshopRowProps {
  row: WorkshopIndexRow;
  onRename(id: string, title: string): Promise<string | null>;
  onDuplicate(id: string, title: string): void;
  onDelete(id: string, title: string): void;
  /** Formats the last change (the list's one formatter: see HomeScreen). */
  changedFormat: Intl.DateTimeFormat;
  /**
   * The list's translation and locale, not each row's own hooks: a `useTranslation` per row
   * subscribed 50 rows to language changes (an effect each, mounted at start and torn down by
   * every search that hides a row) for what the list's own subscription already re-renders.
   */
  t: TFunction;
  labels: WorkshopRowLabels;
  locale: string;
}

export function WorkshopRow({ row, onRename, onDuplicate, onDelete, changedFormat, t, labels, locale }: WorkshopRowProps) {
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
            {isBlankText(row.title) ? t('workshop.untitled') : row.title}
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
            {labels.rename}
          </button>
          <button type="button" onClick={() => onDuplicate(row.id, row.title)} title={labels.duplicateHint}>
            {labels.duplicate}
          </button>
          <button type="button" className="danger-quiet" onClick={() => onDelete(row.id, row.title)}>
            {labels.delete}
          </button>
        </div>
      )}
    </li>
  );
}
