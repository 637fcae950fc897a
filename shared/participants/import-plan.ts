import { z } from 'zod';
import { LIMITS, isBlankText, participantKey, type Participant, type ParticipantInput, type StakeholderGroupEntry } from '../model';
import { mappingProblems, type ColumnMapping, type CsvField, type MappingProblem } from './csv-columns';
import type { CsvTable } from './csv-table';
import { matchStakeholderGroup } from './stakeholder-names';
import { textKey } from './text-key';

/** What is wrong with one cell or row; the dialog names the line and the column. */
export type RowProblemCode = 'nameMissing' | 'tooLong' | 'emailInvalid' | 'yesNoInvalid' | 'fieldCount';

export interface RowProblem {
  /** Line of the file the row starts on. */
  line: number;
  code: RowProblemCode;
  field?: CsvField;
  /** The cell as written (shortened), for the message. */
  value?: string;
  /** For fieldCount: cells expected (the header's) and found. */
  expected?: number;
  found?: number;
  /** For tooLong: the most characters the field keeps. */
  max?: number;
}

/** Rows whose group was filed under one of the workshop's groups by what they wrote, counted. */
export interface GroupMatch {
  /** The first spelling in the file. */
  written: string;
  /** The workshop's group it was filed under. */
  key: string;
  count: number;
}

export interface ImportPlan {
  /** Every row, ready for addParticipants; empty when anything is wrong: nothing is half-imported. */
  participants: ParticipantInput[];
  /** Stakeholder groups named in the file that the workshop's list lacks: added with the import. */
  newGroups: string[];
  /**
   * Names in the file that were filed under an existing group ("Wirtschaft" under the built-in
   * company group), in file order; a name that is the group's own label is not listed. Whether the
   * group's shown name differs is the UI's to say: a built-in group's name depends on the language.
   */
  groupMatches: GroupMatch[];
  problems: RowProblem[];
  mappingProblems: MappingProblem[];
  /** Data rows read (blank lines not counted). */
  rowCount: number;
  /** Lines of rows left out because the person is already on the list. */
  skipped: number[];
  /** Lines of rows left out because the person is on an earlier line of the file: imported once. */
  repeated: number[];
}

type Known = Pick<Participant, 'name' | 'organisation' | 'email'>;

/** Who a row is, for telling a re-imported list from new people: as the model tells them. */
const identity = (person: Known) => participantKey(person);

const YES = ['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr', 'так', 'т', '✓', '✔', '+'].map(textKeyOrSymbol);
const NO = ['nein', 'n', 'no', '0', 'false', 'falsch', 'ні', 'н', '-', '–', ''].map(textKeyOrSymbol);

/** Symbols (✓, +, -) have no letters for textKey to keep; compare those as written. */
function textKeyOrSymbol(raw: string): string {
  const key = textKey(raw);
  return key === '' ? raw.trim() : key;
}

const yesNo = z.string().transform((raw, context) => {
  const key = textKeyOrSymbol(raw);
  if (YES.includes(key)) return true;
  if (NO.includes(key)) return false;
  context.addIssue({ code: 'custom', message: 'yesNoInvalid' });
  return z.NEVER;
});

const shortText = z.string().trim().max(LIMITS.shortTextMax, 'tooLong');

/** One row once its cells are assigned to fields; the zod issues' messages are our problem codes. */
const rowSchema = z.object({
  // A name of invisible characters only (a zero-width space) is as missing as an empty one: the
  // roster would add it as the model refuses it, and the whole import would fail on that row.
  name: z
    .string()
    .trim()
    .refine((name) => !isBlankText(name), 'nameMissing')
    .refine((name) => name.length <= LIMITS.titleMax, 'tooLong'),
  organisation: shortText,
  stakeholderGroup: shortText,
  email: z.union([z.literal(''), z.email('emailInvalid').max(LIMITS.shortTextMax, 'tooLong')], 'emailInvalid'),
  consent: yesNo,
  attended: yesNo,
});

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 59)}…` : value);

/** The cells of one row by field, a name put together from first and last name where needed. */
export function mappedRow(cells: readonly string[], mapping: ColumnMapping): Record<Exclude<CsvField, 'firstName' | 'lastName'>, string> {
  const cell = (field: CsvField) => {
    const index = mapping.indexOf(field);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const composed = [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  return {
    name: mapping.includes('name') ? [cell('name'), composed].filter(Boolean).join(' ') : composed,
    organisation: cell('organisation'),
    stakeholderGroup: cell('stakeholderGroup'),
    email: cell('email'),
    consent: cell('consent'),
    attended: cell('attended'),
  };
}

/**
 * Checks every row of a roster file against a column mapping and the workshop's stakeholder
 * groups. Either all rows are good and `participants` holds them, or `problems` lists what is
 * wrong (line by line) and nothing is to be imported. People already on the list (`existing`)
 * are left out and listed in `skipped` (importing an updated list again adds only the new
 * people); a person on an earlier line of the file is imported once, the later lines listed in
 * `repeated`.
 */
export function planImport(
  table: CsvTable,
  mapping: ColumnMapping,
  groups: readonly StakeholderGroupEntry[],
  existing: readonly Known[] = [],
): ImportPlan {
  const blocked = mappingProblems(mapping);
  const problems: RowProblem[] = [];
  const participants: ParticipantInput[] = [];
  const newGroups = new Map<string, string>();
  const onList = new Set(existing.map(identity));
  const inFile = new Set<string>();
  const skipped: number[] = [];
  const repeated: number[] = [];
  const matches = new Map<string, GroupMatch>();
  if (blocked.length > 0) return { participants: [], newGroups: [], groupMatches: [], problems, mappingProblems: blocked, rowCount: table.rows.length, skipped, repeated };

  for (const { line, cells } of table.rows) {
    const extra = cells.slice(table.header.length);
    // Spreadsheets add trailing separators to a row; only cells with content make it too long.
    if (cells.length < table.header.length || extra.some((cell) => cell.trim() !== '')) {
      problems.push({ line, code: 'fieldCount', expected: table.header.length, found: cells.length });
      continue;
    }
    const fields = mappedRow(cells, mapping);
    const parsed = rowSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof typeof fields;
        const code = (['nameMissing', 'tooLong', 'emailInvalid', 'yesNoInvalid'] as const).find((known) => known === issue.message) ?? 'tooLong';
        problems.push({ line, code, field, value: shorten(fields[field] ?? ''), ...(code === 'tooLong' ? { max: field === 'name' ? LIMITS.titleMax : LIMITS.shortTextMax } : {}) });
      }
      continue;
    }
    const row = parsed.data;
    const who = identity(row);
    if (onList.has(who)) {
      skipped.push(line);
      continue;
    }
    if (inFile.has(who)) {
      repeated.push(line);
      continue;
    }
    inFile.add(who);
    let stakeholderGroup = '';
    if (row.stakeholderGroup !== '') {
      const known = matchStakeholderGroup(row.stakeholderGroup, groups);
      if (known) {
        stakeholderGroup = known;
        const label = groups.find((group) => group.key === known)?.label ?? '';
        const spelling = `${textKey(row.stakeholderGroup)}\u0000${known}`;
        if (label === '' || textKey(label) !== textKey(row.stakeholderGroup)) {
          const match = matches.get(spelling) ?? { written: row.stakeholderGroup, key: known, count: 0 };
          match.count += 1;
          matches.set(spelling, match);
        }
      } else {
        // The first spelling names the new group; later rows with another case join it.
        const key = textKey(row.stakeholderGroup);
        if (!newGroups.has(key)) newGroups.set(key, row.stakeholderGroup);
        stakeholderGroup = newGroups.get(key) as string;
      }
    }
    participants.push({ ...row, stakeholderGroup });
  }
  const failed = problems.length > 0;
  return {
    participants: failed ? [] : participants,
    newGroups: failed ? [] : [...newGroups.values()],
    groupMatches: failed ? [] : [...matches.values()],
    problems,
    mappingProblems: [],
    rowCount: table.rows.length,
    skipped: failed ? [] : skipped,
    repeated: failed ? [] : repeated,
  };
}
