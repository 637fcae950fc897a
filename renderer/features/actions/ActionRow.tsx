import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../board/OptionSelects';
import { ACTION_STATUSES, type ActionItem, type ActionStatus, type Participant, type Result, type Table } from '../../../shared/model';
import type { WorkshopCommands } from '../../../shared/roles/commands';
import { DateField } from '../common/DateField';
import { useTableNames } from '../../hooks/use-shown-names';

interface ActionRowProps {
  item: ActionItem;
  commands: WorkshopCommands;
  participants: readonly Participant[];
  tables: readonly Table[];
  onRemove(id: string): void;
  onResult(result: Result<unknown>): boolean;
}

/**
 * One action item, edited in place: text fields on leaving them, choices at once. An item this
 * laptop may not change (at a table: the plenary's while it is closed, another table's) is shown,
 * not offered for editing, and its table can only be one this laptop writes for.
 */
export function ActionRow({ item, commands, participants, tables, onRemove, onResult }: ActionRowProps) {
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
  const update = (patch: Parameters<WorkshopCommands['actions']['update']>[1]) => onResult(commands.actions.update(item.id, patch));
  const writable = commands.actions.writable(item.boardId);
  const locked = writable ? undefined : t('errors.role.otherBoard');
  const boardChoices = tables.filter((table) => table.id === item.boardId || commands.actions.writable(table.id));

  return (
    <tr data-testid="action-row">
      <td data-label={t('actions.colTitle')}>
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={() => title !== item.title && !update({ title }) && setTitle(item.title)}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
          readOnly={!writable}
          title={locked}
          aria-label={t('actions.colTitle')}
          data-testid="action-title"
        />
      </td>
      <td className="owner-cell" data-label={t('actions.colOwner')}>
        <PersonSelect value={item.ownerId} onChange={(ownerId) => update({ ownerId })} people={participants} noneLabel={t('actions.noOwner')} aria-label={t('actions.ownerPerson')} disabled={!writable} data-testid="action-owner" />
        <input
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
          onBlur={() => organisation !== item.ownerOrganisation && update({ ownerOrganisation: organisation })}
          placeholder={t('actions.organisation')}
          readOnly={!writable}
          aria-label={t('actions.organisation')}
          data-testid="action-organisation"
        />
      </td>
      <td data-label={t('actions.colDue')}>
        <DateField value={item.due} onChange={(due) => update({ due })} label={t('actions.colDue')} hideLabel testId="action-due" commitOnLeave readOnly={!writable} />
      </td>
      <td data-label={t('actions.colStatus')}>
        <select value={item.status} onChange={(event) => update({ status: event.target.value as ActionStatus })} aria-label={t('actions.colStatus')} className={`status-${item.status}`} disabled={!writable} data-testid="action-status">
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`actions.status.${status}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('actions.colTable')}>
        <select value={item.boardId ?? ''} onChange={(event) => update({ boardId: event.target.value || null })} aria-label={t('actions.colTable')} disabled={!writable} data-testid="action-table-select">
          {(item.boardId === null || commands.actions.writable(null)) && <option value="">{t('actions.plenary')}</option>}
          {boardChoices.map((table) => (
            <option key={table.id} value={table.id}>
              {tableName(table.id)}
            </option>
          ))}
        </select>
      </td>
      <td className="delete-cell">
        {writable && (
        <button type="button" className="icon danger-quiet" onClick={() => onRemove(item.id)} aria-label={t('actions.delete', { title: item.title })} title={t('common.delete')} data-testid="action-delete">
          ×
        </button>
        )}
      </td>
    </tr>
  );
}
