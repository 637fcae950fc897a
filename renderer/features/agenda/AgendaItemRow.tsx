import { memo, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, WorkshopDoc } from '../../../shared/model';
import { clockTimeIn } from '../../../shared/time-zone';
import { formatTimeOfDay } from '../run/format-clock';
import { AgendaItemEditor } from './AgendaItemEditor';
import { formatMinutes } from './format-minutes';
import { focusNeighbourRow } from '../common/focus-after-removal';

/** The drag payload type: only agenda rows accept it, so a card dropped here does nothing. */
export const AGENDA_DRAG_TYPE = 'application/x-plenum-agenda-item';

interface AgendaItemRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  doc: WorkshopDoc;
  /** Planned start (minutes after midnight), or null when the day has no start time. */
  startMin: number | null;
  /** 'current' while the item runs, 'done' once it ran. */
  runState: 'current' | 'done' | null;
  /** The zone its actual times are shown in: the workshop's. */
  timeZone: string;
  /** Whether this laptop may change the agenda (the moderator); a table laptop reads it. */
  editable: boolean;
  onMove(toIndex: number): void;
  onRemove(): void;
  /** A row dragged onto this one: its id. */
  onDropItem(id: string): void;
}

/** What opened the editor, so the focus can go back there when it closes. */
type EditFrom = 'row' | 'button' | 'summaryButton';

/** One agenda item; drag it or use Alt+↑/↓ to move it, Enter edits it, Delete removes it. */
export const AgendaItemRow = memo(function AgendaItemRow({ item, index, count, doc, startMin, runState, timeZone, editable, onMove, onRemove, onDropItem }: AgendaItemRowProps) {
  const { t } = useTranslation();
  // false, or which field the editor opens on: an item that ran opens on its summary.
  const [editing, setEditing] = useState<false | 'title' | 'summary'>(false);
  const [dropTarget, setDropTarget] = useState(false);
  // The editor replaces the row: when it closes (saved, cancelled, Escape), the focus goes back to
  // the button that opened it (the edit button, or "write summary" while it is still there: a
  // summary saved takes it away), else to the row; not to the page.
  const row = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const summaryButton = useRef<HTMLButtonElement>(null);
  const editFrom = useRef<EditFrom>('row');
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) {
      const opener = editFrom.current === 'button' ? editButton.current : editFrom.current === 'summaryButton' ? summaryButton.current : null;
      (opener ?? row.current)?.focus();
    }
    wasEditing.current = editing !== false;
  }, [editing]);
  const edit = (field: 'title' | 'summary', from: EditFrom) => {
    editFrom.current = from;
    setEditing(field);
  };

  // The next item (or the one before) takes the focus; with none left, the field for a new one.
  const removeKeepingFocus = () => {
    if (row.current) focusNeighbourRow(row.current, '[data-testid="agenda-item"]', null, () => document.querySelector<HTMLElement>('[data-testid="agenda-title"]'));
    onRemove();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget || !editable) return;
    if (event.altKey && event.key === 'ArrowUp' && index > 0) onMove(index - 1);
    else if (event.altKey && event.key === 'ArrowDown' && index < count - 1) onMove(index + 1);
    else if (event.key === 'Enter') edit('title', 'row');
    else if (event.key === 'Delete') removeKeepingFocus();
    else return;
    event.preventDefault();
  };

  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(AGENDA_DRAG_TYPE, item.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(AGENDA_DRAG_TYPE);
  const onDragOver = (event: DragEvent<HTMLLIElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    setDropTarget(true);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    setDropTarget(false);
    if (!accepts(event)) return;
    event.preventDefault();
    const id = event.dataTransfer.getData(AGENDA_DRAG_TYPE);
    if (id && id !== item.id) onDropItem(id);
  };

  if (editing && editable) {
    return (
      <li className="agenda-item editing" data-testid="agenda-item">
        <AgendaItemEditor item={item} doc={doc} focus={editing} onDone={() => setEditing(false)} />
      </li>
    );
  }

  const start = startMin === null ? null : formatTimeOfDay(startMin);
  const actualFrom = clockTimeIn(item.actualStart, timeZone);
  const actualTo = clockTimeIn(item.actualEnd, timeZone);
  const actual = actualFrom === '' ? '' : actualTo === '' ? t('agenda.actualSince', { from: actualFrom }) : t('agenda.actual', { from: actualFrom, to: actualTo });
  const decisions = item.decisions.split('\n').filter((line) => line.trim() !== '').length;
  const ran = runState === 'done' || item.actualEnd > 0;
  return (
    <li
      ref={row}
      className={`agenda-item kind-${item.kind}${runState ? ` is-${runState}` : ''}${dropTarget ? ' drop-target' : ''}`}
      tabIndex={0}
      draggable={editable}
      onDragStart={editable ? onDragStart : undefined}
      onDragOver={editable ? onDragOver : undefined}
      onDragLeave={() => setDropTarget(false)}
      onDrop={editable ? onDrop : undefined}
      onKeyDown={onKeyDown}
      onDoubleClick={editable ? () => edit('title', 'row') : undefined}
      data-testid="agenda-item"
      aria-current={runState === 'current' ? 'step' : undefined}
      aria-label={[start, item.title, t(`agenda.kind.${item.kind}`), formatMinutes(item.durationMin, t)].filter(Boolean).join(', ')}
    >
      <span className="agenda-index">{start ?? index + 1}</span>
      <span className="agenda-title">
        <span data-testid="agenda-item-title">{item.title}</span>
        <span className="agenda-meta">
          <span className={`agenda-kind kind-${item.kind}`} data-testid="agenda-item-kind">
            {t(`agenda.kind.${item.kind}`)}
          </span>
          {item.speaker && <span className="agenda-speaker">{item.speaker}</span>}
          {actual && (
            <span className="agenda-actual" data-testid="agenda-item-actual">
              {actual}
            </span>
          )}
        </span>
        {item.kind === 'groupWork' && item.task && <span className="agenda-task">{item.task}</span>}
        {item.summary.trim() && (
          <span className="agenda-summary" data-testid="agenda-item-summary">
            {item.summary}
          </span>
        )}
        {decisions > 0 && (
          <span className="agenda-decisions muted" data-testid="agenda-item-decisions">
            {t('agenda.decisionCount', { count: decisions })}
          </span>
        )}
        {editable && ran && !item.summary.trim() && (
          <button type="button" className="link agenda-invite" ref={summaryButton} onClick={() => edit('summary', 'summaryButton')} data-testid="agenda-item-write-summary">
            {t('agenda.writeSummary')}
          </button>
        )}
      </span>
      <span className="agenda-duration" data-testid="agenda-item-duration">
        {formatMinutes(item.durationMin, t)}
      </span>
      {editable && (
      <span className="row-actions">
        <button type="button" className="icon" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={t('agenda.moveUp')} title={t('agenda.moveUp')}>
          ↑
        </button>
        <button type="button" className="icon" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={t('agenda.moveDown')} title={t('agenda.moveDown')}>
          ↓
        </button>
        <button type="button" className="icon" ref={editButton} onClick={() => edit('title', 'button')} aria-label={t('common.edit')} title={t('common.edit')} data-testid="agenda-item-edit">
          ✎
        </button>
        <button type="button" className="icon danger-quiet" onClick={removeKeepingFocus} aria-label={t('common.delete')} title={t('common.delete')}>
          ×
        </button>
      </span>
      )}
    </li>
  );
});
