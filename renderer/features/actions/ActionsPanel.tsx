import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, filterActionItems, PLENARY_BOARD_ID, tablesFrom, type ActionFilter, type ActionStatus } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import type { WorkshopSession } from '../../session/workshop-session';
import { ActionRow } from './ActionRow';
import { useActionCommands } from './use-action-commands';
import './actions.css';
import { FieldError } from '../common/FieldError';
import { useShownNames, useTableNames } from '../../hooks/use-shown-names';

/** Every action item of the workshop, filterable by table, owner and status. */
export function ActionsPanel({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation();
  const names = useShownNames();
  const { doc, live } = session;
  const items = useLive(live, 'actions');
  const participants = useLive(live, 'participants');
  const boards = useLive(live, 'boards');
  const tables = useMemo(() => tablesFrom(boards, []), [boards]);
  const tableName = useTableNames(tables);
  const [filter, setFilter] = useState<ActionFilter>({});
  const organisations = useMemo(() => [...new Set(items.map((item) => item.ownerOrganisation).filter(Boolean))].sort(), [items]);
  const shown = filterActionItems(items, filter);

  const { title, setTitle, error, add, remove, check, commands } = useActionCommands(doc, items, filter);

  return (
    <section className="panel actions-panel" aria-labelledby="actions-heading" data-testid="actions-panel">
      <div className="panel-head">
        <h2 id="actions-heading">{t('actions.title')}</h2>
        <span className="muted" data-testid="action-count">
          {t('actions.count', { count: shown.length })}
        </span>
      </div>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder={t('actions.newPlaceholder')} aria-label={t('actions.newLabel')} data-testid="action-new-title" />
        <button type="submit" className="primary" data-testid="action-add">
          {t('actions.add')}
        </button>
        <FieldError message={error} />
      </form>
      <div className="board-filter" role="search" aria-label={t('actions.filters')}>
        <select
          value={filter.boardId === undefined ? '' : (filter.boardId ?? PLENARY_BOARD_ID)}
          onChange={(event) => setFilter({ ...filter, boardId: event.target.value === '' ? undefined : event.target.value === PLENARY_BOARD_ID ? null : event.target.value })}
          aria-label={t('actions.filterTable')}
          data-testid="action-filter-table"
        >
          <option value="">{t('actions.allTables')}</option>
          <option value={PLENARY_BOARD_ID}>{t('actions.plenary')}</option>
          {tables.map((table) => (
            <option key={table.id} value={table.id}>
              {tableName(table.id)}
            </option>
          ))}
        </select>
        <select value={filter.owner ?? ''} onChange={(event) => setFilter({ ...filter, owner: event.target.value || undefined })} aria-label={t('actions.filterOwner')} data-testid="action-filter-owner">
          <option value="">{t('actions.allOwners')}</option>
          {participants.map((person) => (
            <option key={person.id} value={person.id}>
              {names.person(person.name)}
            </option>
          ))}
          {organisations.map((organisation) => (
            <option key={`org:${organisation}`} value={organisation}>
              {organisation}
            </option>
          ))}
        </select>
        <select value={filter.status ?? ''} onChange={(event) => setFilter({ ...filter, status: (event.target.value || undefined) as ActionStatus | undefined })} aria-label={t('actions.filterStatus')} data-testid="action-filter-status">
          <option value="">{t('actions.allStatuses')}</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`actions.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="muted empty">{items.length === 0 ? t('actions.empty') : t('actions.noneMatch')}</p>
      ) : (
        <table className="action-table" data-testid="action-table">
          <thead>
            <tr>
              <th scope="col">{t('actions.colTitle')}</th>
              <th scope="col">{t('actions.colOwner')}</th>
              <th scope="col">{t('actions.colDue')}</th>
              <th scope="col">{t('actions.colStatus')}</th>
              <th scope="col">{t('actions.colTable')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <ActionRow key={item.id} item={item} commands={commands} participants={participants} tables={tables} onRemove={remove} onResult={check} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
