import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { isBlankText, type Participant, type ParticipantInput, type StakeholderGroupEntry, type Table, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { isEmailOrEmpty } from '../../../shared/participants/email';
import { useErrorText } from '../../hooks/use-error-text';
import { InlineText } from '../common/InlineText';
import { focusNeighbourRow } from '../common/focus-after-removal';
import { useShownNames, useTableNames } from '../../hooks/use-shown-names';

interface ParticipantRowProps {
  person: Participant;
  /** aria-rowindex, when the roster renders only the rows near the viewport (the header is 1). */
  rowIndex?: number | undefined;
  doc: WorkshopDoc;
  groups: readonly StakeholderGroupEntry[];
  tables: readonly Table[];
  groupName(key: string): string;
  onRemove(person: Participant): void;
}

/** One person of the roster, every field edited in place. */
export const ParticipantRow = memo(function ParticipantRow({ person, rowIndex, doc, groups, tables, groupName, onRemove }: ParticipantRowProps) {
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const names = useShownNames();
  const tableName = useTableNames(tables);
  const errorText = useErrorText();
  const update = (patch: Partial<ParticipantInput>): string | null => {
    const result = commands.roster.update(person.id, patch);
    return result.ok ? null : errorText(result.error);
  };
  const who = names.person(person.name);
  const blankName = isBlankText(person.name);
  const seated = tables.some((table) => table.id === person.tableId);
  // A key the list lost (removed on another laptop) still shows, as "no group", until changed.
  const knownGroup = groups.some((group) => group.key === person.stakeholderGroup);

  return (
    <tr data-testid="participant-row" data-row={person.id} aria-rowindex={rowIndex}>
      <td className="col-name">
        <InlineText
          value={blankName ? '' : person.name}
          placeholder={blankName ? who : undefined}
          label={t('participants.column.nameOf', { name: who })}
          onCommit={(name) => update({ name })}
          testId="participant-name"
        />
      </td>
      <td className="col-organisation">
        <InlineText value={person.organisation} label={t('participants.column.organisationOf', { name: who })} onCommit={(organisation) => update({ organisation })} />
      </td>
      <td>
        <select
          value={knownGroup ? person.stakeholderGroup : ''}
          aria-label={t('participants.column.groupOf', { name: who })}
          onChange={(event) => update({ stakeholderGroup: event.target.value })}
          data-testid="participant-group"
        >
          <option value="">{t('participants.noGroup')}</option>
          {groups.map((group) => (
            <option key={group.key} value={group.key}>
              {groupName(group.key)}
            </option>
          ))}
        </select>
      </td>
      <td className="col-email">
        <InlineText value={person.email} type="email" label={t('participants.column.emailOf', { name: who })} onCommit={(email) => (isEmailOrEmpty(email) ? update({ email }) : t('participants.emailInvalid'))} />
      </td>
      <td className="check-cell">
        <input type="checkbox" checked={person.consent} aria-label={t('participants.column.consentOf', { name: who })} onChange={(event) => update({ consent: event.target.checked })} data-testid="participant-consent" />
      </td>
      <td className="check-cell">
        <input type="checkbox" checked={person.attended} aria-label={t('participants.column.attendedOf', { name: who })} onChange={(event) => update({ attended: event.target.checked })} data-testid="participant-attended" />
      </td>
      <td>
        <span className="table-seat">
          <select
            value={seated ? person.tableId : ''}
            aria-label={t('participants.column.tableOf', { name: who })}
            // Choosing a table by hand fixes the person there; "no table" releases them.
            onChange={(event) => update({ tableId: event.target.value, fixedToTable: event.target.value !== '' })}
            data-testid="participant-table"
          >
            <option value="">{t('participants.noTable')}</option>
            {tables.map((table) => (
              <option key={table.id} value={table.id}>
                {tableName(table.id)}
              </option>
            ))}
          </select>
          <label className="fixed-toggle" title={t('participants.fixedHint')}>
            <input
              type="checkbox"
              checked={seated && person.fixedToTable}
              disabled={!seated}
              aria-label={t('participants.fixedOf', { name: who })}
              onChange={(event) => update({ fixedToTable: event.target.checked })}
              data-testid="participant-fixed"
            />
            <span aria-hidden="true">{t('participants.fixed')}</span>
          </label>
        </span>
      </td>
      <td>
        <button type="button" className="icon danger-quiet" aria-label={t('participants.deleteOf', { name: who })} title={t('participants.delete')} onClick={(event) => {
            // The next person's delete button takes the focus (the one before, last); with nobody left, the field for a new name.
            const row = event.currentTarget.closest('tr');
            if (row) focusNeighbourRow(row, '[data-testid="participant-row"]', '[data-testid="participant-delete"]', () => document.querySelector<HTMLElement>('[data-testid="participant-add-name"]'));
            onRemove(person);
          }}
          data-testid="participant-delete"
        >
          ✕
        </button>
      </td>
    </tr>
  );
});
