import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Participant, type Table, type UndoHistory, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { mixTables, overfullGroups, tableBalance } from '../../../shared/participants/mix';
import { describeError } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';
import { useTableNames } from '../../hooks/use-shown-names';

interface MixPanelProps {
  doc: WorkshopDoc;
  undo: UndoHistory;
  people: readonly Participant[];
  tables: readonly Table[];
  groupName(key: string): string;
}

/** "Mix onto tables" and the balance it gives: per table its size and its stakeholder groups. */
export function MixPanel({ doc, undo, people, tables, groupName }: MixPanelProps) {
  const tableName = useTableNames(tables);
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const [onlyPresent, setOnlyPresent] = useState(true);
  const anyPresent = people.some((person) => person.attended);
  // Before the day nobody is marked present: then everyone is mixed.
  const mixed = onlyPresent && anyPresent ? people.filter((person) => person.attended) : people;
  const tableIds = useMemo(() => tables.map((table) => table.id), [tables]);
  const balance = useMemo(() => tableBalance(people.map((p) => ({ group: p.stakeholderGroup, tableId: p.tableId })), tableIds), [people, tableIds]);
  const overfull = useMemo(() => overfullGroups(balance), [balance]);
  const seated = balance.reduce((sum, table) => sum + table.size, 0);
  const fixedCount = people.filter((person) => person.fixedToTable && tableIds.includes(person.tableId)).length;

  const mix = () => {
    // A fresh seed per click: "mix again" gives another seating; the fixed people stay.
    const seed = Math.floor(Math.random() * 2 ** 32);
    const result = mixTables(
      mixed.map((person) => ({ id: person.id, group: person.stakeholderGroup, tableId: person.tableId, fixed: person.fixedToTable })),
      tableIds,
      seed,
    );
    // Those left out (not present) leave their tables too, unless fixed there by hand: the
    // balance then shows the tables as they will sit.
    const mixedIds = new Set(mixed.map((person) => person.id));
    const leaving = people
      .filter((person) => !mixedIds.has(person.id) && person.tableId !== '' && !person.fixedToTable)
      .map((person) => ({ id: person.id, tableId: '', fixedToTable: false }));
    const applied = commands.roster.mix([...result.assignments, ...leaving]);
    if (!applied.ok) return showToast({ message: (t) => describeError(t, applied.error), tone: 'error' });
    showToast({
      message: (t) => t('participants.mix.done', { count: mixed.length, tables: tables.length }),
      tone: 'info',
      action: { label: (t) => t('common.undo'), run: () => undo.undo() },
    });
  };

  return (
    <section className="panel mix-panel" aria-labelledby="mix-heading">
      <h2 id="mix-heading">{t('participants.mix.heading')}</h2>
      <p className="muted">{t('participants.mix.explain')}</p>
      {tables.length === 0 ? (
        <p className="muted" data-testid="mix-no-tables">
          {t('participants.mix.noTables')}
        </p>
      ) : (
        <>
          <label className="check-line">
            <input type="checkbox" checked={onlyPresent && anyPresent} disabled={!anyPresent} onChange={(event) => setOnlyPresent(event.target.checked)} />
            <span>{t('participants.mix.onlyPresent')}</span>
          </label>
          <button type="button" className="primary" disabled={mixed.length === 0} onClick={mix} data-testid="mix-button">
            {seated > 0 ? t('participants.mix.again') : t('participants.mix.button')}
          </button>
          <p className="muted mix-status">
            {t('participants.mix.seated', { count: seated, total: people.length })}
            {fixedCount > 0 && ` · ${t('participants.mix.fixedCount', { count: fixedCount })}`}
          </p>
        </>
      )}
      {seated > 0 && (
        <ol className="balance" aria-label={t('participants.mix.balanceHeading')} data-testid="balance">
          {balance.map((table) => (
            <li key={table.tableId} className="balance-table" data-testid="balance-table">
              <div className="balance-head">
                <strong>{tableName(table.tableId)}</strong>
                <span className="muted" data-testid="balance-size">
                  {t('participants.count', { count: table.size })}
                </span>
              </div>
              <ul className="balance-groups">
                {Object.entries(table.counts)
                  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                  .map(([group, count]) => {
                    const tooMany = overfull.some((entry) => entry.tableId === table.tableId && entry.group === group);
                    return (
                      <li key={group} className={tooMany ? 'overfull' : undefined} data-testid="balance-group">
                        <span className="balance-name">{group === '' ? t('participants.noGroup') : groupName(group)}</span>
                        <span className="balance-count">{count}</span>
                        {tooMany && <span className="visually-hidden">{t('participants.mix.overfull')}</span>}
                      </li>
                    );
                  })}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {overfull.length > 0 && <p className="warning">{t('participants.mix.overfullNote')}</p>}
    </section>
  );
}
