import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../board/OptionSelects';
import { ACTION_STATUSES, updateActionItem, type ActionItem, type ActionStatus, type Participant, type Result, type Table, type WorkshopDoc } from '../../../shared/model';
import { DateField } from '../common/DateField';
import { useTableNames } from '../../hooks/use-shown-names';

interface ActionRowProps {
  item: ActionItem;
  doc: WorkshopDoc;
  participants: readonly Participant[];
  tables: readonly Table[];
  onRemove(id: string): void;
  onResult(result: Result<unknown>): boolean;
}

/** One action item, edited in place: text fields on leaving them, choices at once. */
export function ActionRow({ item, doc, participants, tables, onRemove, onResult }: ActionRowProps) {
  const { t } = useTranslation();
  const tableName = useTableNames(tables);
  const [title, setTitle] = useState(item.title);
  const [organisation, setOrganisation] = useState(item.ownerOrganisation);
  // Another laptop may change the item while this row shows it: take its text over.
  const [seen, setSeen] = useState({ title: item.title, organisation: item.ownerOrganisation });
  if (seen.title !== item.title || seen.organisation !== item.ownerOrganisation) {
    setSeen({ title: item.title, organisation: item.ownerOrganisation });
    setTitle(item.title);
    setOrganisation(item.ownerOrganisation);
  }
  const update = (patch: Parameters<typeof updateActionItem>[2]) => onResult(updateActionItem(doc, item.id, patch));

  return (
    <tr data-testid="action-row">
      <td>
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={() => title !== item.title && !update({ title }) && setTitle(item.title)}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
          aria-label={t('actions.colTitle')}
          data-testid="action-title"
        />
      </td>
      <td className="owner-cell">
        <PersonSelect value={item.ownerId} onChange={(ownerId) => update({ ownerId })} people={participants} noneLabel={t('actions.noOwner')} aria-label={t('actions.ownerPerson')} data-testid="action-owner" />
        <input
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
          onBlur={() => organisation !== item.ownerOrganisation && update({ ownerOrganisation: organisation })}
          placeholder={t('actions.organisation')}
          aria-label={t('actions.organisation')}
          data-testid="action-organisation"
        />
      </td>
      <td>
        <DateField value={item.due} onChange={(due) => update({ due })} label={t('actions.colDue')} hideLabel testId="action-due" commitOnLeave />
      </td>
      <td>
        <select value={item.status} onChange={(event) => update({ status: event.target.value as ActionStatus })} aria-label={t('actions.colStatus')} className={`status-${item.status}`} data-testid="action-status">
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`actions.status.${status}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select value={item.boardId ?? ''} onChange={(event) => update({ boardId: event.target.value || null })} aria-label={t('actions.colTable')} data-testid="action-table-select">
          <option value="">{t('actions.plenary')}</option>
          {tables.map((table) => (
            <option key={table.id} value={table.id}>
              {tableName(table.id)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" className="icon danger-quiet" onClick={() => onRemove(item.id)} aria-label={t('actions.delete', { title: item.title })} title={t('common.delete')} data-testid="action-delete">
          ×
        </button>
      </td>
    </tr>
  );
}
