import { useMemo, useState } from 'react';
import type { Participant, StakeholderGroupEntry, WorkshopDoc } from '../../../shared/model';
import { guessMapping, type ColumnMapping, type CsvField } from '../../../shared/participants/csv-columns';
import { decodeCsv, detectEncoding, type CsvEncoding } from '../../../shared/participants/csv-decode';
import { readCsvTable } from '../../../shared/participants/csv-table';
import { planImport } from '../../../shared/participants/import-plan';
import { useErrorText } from '../../hooks/use-error-text';
import { useCommands } from '../roles/use-role';

interface RosterImportInput {
  bytes: Uint8Array;
  doc: WorkshopDoc;
  people: readonly Participant[];
  groups: readonly StakeholderGroupEntry[];
  onDone(count: number): void;
}

/**
 * A roster file on its way in: decoded (the encoding changeable), its columns mapped (guessed,
 * changeable), planned against the roster as it is, and imported whole by `submit`.
 */
export function useRosterImport({ bytes, doc, people, groups, onDone }: RosterImportInput) {
  const commands = useCommands(doc);
  const errorText = useErrorText();
  const [encoding, setEncoding] = useState<CsvEncoding>('auto');
  const [mappingChoice, setMapping] = useState<{ header: string; mapping: ColumnMapping } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const detected = useMemo(() => detectEncoding(bytes), [bytes]);
  const decoded = useMemo(() => decodeCsv(bytes, encoding), [bytes, encoding]);
  const read = useMemo(() => readCsvTable(decoded.text), [decoded]);
  const table = read.ok ? read.table : null;
  const headerKey = table ? table.header.join('\u0000') : '';
  // A new encoding may change the header: guess again unless the user mapped this very header.
  const mapping = useMemo(
    () => (table ? (mappingChoice?.header === headerKey ? mappingChoice.mapping : guessMapping(table.header)) : []),
    [table, mappingChoice, headerKey],
  );
  const plan = useMemo(() => (table ? planImport(table, mapping, groups, people) : null), [table, mapping, groups, people]);
  const canImport = plan !== null && plan.participants.length > 0;

  const setField = (column: number, field: CsvField | 'ignore') =>
    setMapping({ header: headerKey, mapping: mapping.map((current, index) => (index === column ? field : current)) });

  const submit = () => {
    if (!plan || !canImport) return;
    const result = commands.roster.addMany(plan.participants, plan.newGroups);
    if (!result.ok) return setFailure(errorText(result.error));
    onDone(result.value.length);
  };

  return { encoding, setEncoding, detected, read, table, mapping, setField, plan, canImport, submit, failure };
}
