import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Participant, type StakeholderGroupEntry, type WorkshopDoc } from '../../../shared/model';
import { CSV_FIELDS, type CsvField } from '../../../shared/participants/csv-columns';
import { CSV_ENCODINGS, type CsvEncoding } from '../../../shared/participants/csv-decode';
import { mappedRow } from '../../../shared/participants/import-plan';
import { matchStakeholderGroup } from '../../../shared/participants/stakeholder-names';
import { textKey } from '../../../shared/participants/text-key';
import { useRosterImport } from './use-roster-import';
import { ImportProblems } from './ImportProblems';
import { FieldError } from '../common/FieldError';

interface ImportDialogProps {
  fileName: string;
  bytes: Uint8Array;
  doc: WorkshopDoc;
  /** The roster as it is: people already on it are not imported again. */
  people: readonly Participant[];
  groups: readonly StakeholderGroupEntry[];
  groupName(key: string): string;
  onDone(count: number): void;
  onCancel(): void;
}

const PREVIEW_ROWS = 8;

/**
 * The preview of a roster file: how it was decoded (changeable), which column fills which
 * field (guessed, changeable), the first rows as they will be imported, and every problem.
 * Import stays disabled while anything is wrong: a file is imported whole or not at all.
 */
export function ImportDialog({ fileName, bytes, doc, people, groups, groupName, onDone, onCancel }: ImportDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const { encoding, setEncoding, detected, read, table, mapping, setField, plan, canImport, submit, failure } = useRosterImport({ bytes, doc, people, groups, onDone });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const previewGroup = (raw: string) => {
    if (raw === '') return t('participants.noGroup');
    const key = matchStakeholderGroup(raw, groups);
    return key ? groupName(key) : t('participants.import.newGroup', { name: raw });
  };
  const yesNo = (raw: string) => raw || '–';
  // What the file calls a group by another name than the one shown here: said, not done silently.
  const renamed = (plan?.groupMatches ?? []).filter((match) => textKey(match.written) !== textKey(groupName(match.key)));

  return (
    <dialog ref={ref} className="dialog import-dialog" onCancel={onCancel} aria-labelledby="import-title" data-testid="import-dialog">
      <h2 id="import-title">{t('participants.import.title')}</h2>
      <p className="muted import-file">{fileName}</p>

      <div className="import-options">
        <label className="field">
          <span>{t('participants.import.encoding')}</span>
          <select value={encoding} onChange={(event) => setEncoding(event.target.value as CsvEncoding)} data-testid="import-encoding">
            {CSV_ENCODINGS.map((option) => (
              <option key={option} value={option}>
                {option === 'auto'
                  ? t('participants.import.encodingAuto', { found: t(`participants.import.encodings.${detected}`) })
                  : t(`participants.import.encodings.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted import-hint">{t('participants.import.encodingHint')}</p>
      </div>

      <FieldError
        message={!read.ok && (read.error.code === 'empty' ? t('participants.import.read.empty') : t('participants.import.read.unreadable', { line: read.error.line }))}
        testId="import-unreadable"
      />

      {table && plan && (
        <>
          <h3>{t('participants.import.mappingHeading')}</h3>
          <div className="import-mapping" data-testid="import-mapping">
            {table.header.map((header, column) => (
              <label key={column} className="mapping-row">
                <span className="mapping-header">
                  <strong>{header || t('participants.import.unnamedColumn', { number: column + 1 })}</strong>
                  <span className="muted">{table.rows[0]?.cells[column] ?? ''}</span>
                </span>
                <select value={mapping[column] ?? 'ignore'} onChange={(event) => setField(column, event.target.value as CsvField | 'ignore')} data-testid={`import-map-${column}`}>
                  <option value="ignore">{t('participants.import.fields.ignore')}</option>
                  {CSV_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`participants.import.fields.${field}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>

          <ImportProblems plan={plan} />

          {plan.mappingProblems.length === 0 && (
            <>
              <h3 id="import-preview-heading">
                {t('participants.import.previewHeading')} <span className="muted">{t('participants.import.rows', { count: plan.rowCount })}</span>
              </h3>
              {/* Scrolls on its own: reachable by keyboard to scroll it. */}
              <div className="import-preview-scroll" role="region" aria-labelledby="import-preview-heading" tabIndex={0}>
                <table className="import-preview" data-testid="import-preview">
                  <thead>
                    <tr>
                      <th>{t('participants.column.name')}</th>
                      <th>{t('participants.column.organisation')}</th>
                      <th>{t('participants.column.group')}</th>
                      <th>{t('participants.column.email')}</th>
                      <th>{t('participants.column.consent')}</th>
                      <th>{t('participants.column.attended')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.slice(0, PREVIEW_ROWS).map((row) => {
                      const cells = mappedRow(row.cells, mapping);
                      return (
                        <tr key={row.line}>
                          <td>{cells.name}</td>
                          <td className="multiline">{cells.organisation}</td>
                          <td>{previewGroup(cells.stakeholderGroup)}</td>
                          <td>{cells.email}</td>
                          <td>{yesNo(cells.consent)}</td>
                          <td>{yesNo(cells.attended)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {table.rows.length > PREVIEW_ROWS && <p className="muted">{t('participants.import.previewMore', { count: table.rows.length - PREVIEW_ROWS })}</p>}
              {plan.skipped.length > 0 && (
                <p className="muted" data-testid="import-skipped">
                  {t('participants.import.skipped', { count: plan.skipped.length, lines: lineList(plan.skipped) })}
                </p>
              )}
              {plan.repeated.length > 0 && (
                <p className="muted" data-testid="import-repeated">
                  {t('participants.import.repeated', { count: plan.repeated.length, lines: lineList(plan.repeated) })}
                </p>
              )}
              {renamed.length > 0 && (
                <p className="import-renamed-groups" data-testid="import-renamed-groups">
                  {t('participants.import.renamedGroups', {
                    list: renamed.map((match) => t('participants.import.renamedGroup', { count: match.count, written: match.written, group: groupName(match.key) })).join('; '),
                  })}
                </p>
              )}
              {plan.newGroups.length > 0 && (
                <p className="import-new-groups" data-testid="import-new-groups">
                  {t('participants.import.newGroups', { names: plan.newGroups.join(', ') })}
                </p>
              )}
            </>
          )}
        </>
      )}

      <FieldError message={failure} />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!canImport} onClick={submit} data-testid="import-submit">
          {t('participants.import.submit', { count: plan?.participants.length ?? 0 })}
        </button>
      </div>
    </dialog>
  );
}

/** Line numbers for a message: the first ten, then an ellipsis. */
function lineList(lines: readonly number[]): string {
  return lines.slice(0, 10).join(', ') + (lines.length > 10 ? ', …' : '');
}
