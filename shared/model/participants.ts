import type * as Y from 'yjs';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { isId, newId } from './ids';
import { bool, entries, str, itemIn } from './read';
import { fail, ok, type Result } from './result';
import { LIMITS, type Participant } from './schema';
import { writeStakeholderGroup } from './stakeholder-groups';
import { participantKey } from './text-key';
import { validShortText, validTitle } from './validate';

/** One person as plain data, with the defaults for missing or mistyped fields. */
function readParticipant(id: string, person: Y.Map<unknown>): Participant {
  return {
    id,
    name: str(person, 'name'),
    organisation: str(person, 'organisation'),
    stakeholderGroup: str(person, 'stakeholderGroup'),
    email: str(person, 'email'),
    consent: bool(person, 'consent'),
    attended: bool(person, 'attended'),
    tableId: str(person, 'tableId'),
    fixedToTable: bool(person, 'fixedToTable'),
  };
}

let collator: Intl.Collator | null = null;

/**
 * The roster's order: by name as the language sorts it, then by id. One collator for all
 * comparisons: what `localeCompare` without arguments compares, without setting up the locale's
 * rules on every call (5,000 people are some 60,000 comparisons).
 */
export function compareParticipants(a: Participant, b: Participant): number {
  collator ??= new Intl.Collator();
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Participants sorted by name, as a roster reads. */
export function participantsSnapshot(doc: WorkshopDoc): Participant[] {
  return entries(roots(doc).participants)
    .map(([id, person]) => readParticipant(id, person))
    .sort(compareParticipants);
}

/** One participant as plain data, or null when there is none under the id: without reading everyone. */
export function participantById(doc: WorkshopDoc, id: string): Participant | null {
  const person = isId(id) ? itemIn(roots(doc).participants, id) : undefined;
  return person ? readParticipant(id, person) : null;
}

type TextField = 'name' | 'organisation' | 'stakeholderGroup' | 'email';
export type ParticipantInput = Pick<Participant, TextField> & Partial<Omit<Participant, 'id' | TextField>>;

/**
 * A person's name: checked as a title is (trimmed, not blank, not too long) but refused in a
 * name's words: "Please enter a name.", not "…a title.".
 */
function validPersonName(raw: string): Result<string> {
  const name = validTitle(raw);
  if (name.ok) return name;
  if (name.error.code === 'title.empty') return fail('name.empty');
  if (name.error.code === 'title.tooLong') return fail('name.tooLong', { max: LIMITS.titleMax });
  return name;
}

/** A participant's fields checked and trimmed, with a fresh id; nothing written yet. */
function validParticipant(input: ParticipantInput): Result<Participant> {
  const name = validPersonName(input.name);
  if (!name.ok) return name;
  const fields: Participant = {
    id: newId(),
    name: name.value,
    organisation: '',
    stakeholderGroup: '',
    email: '',
    consent: input.consent ?? false,
    attended: input.attended ?? false,
    tableId: input.tableId ?? '',
    fixedToTable: input.fixedToTable ?? false,
  };
  for (const key of ['organisation', 'stakeholderGroup', 'email'] as const) {
    const value = validShortText(input[key]);
    if (!value.ok) return value;
    fields[key] = value.value;
  }
  return ok(fields);
}

export function addParticipant(doc: WorkshopDoc, input: ParticipantInput): Result<Participant> {
  const fields = validParticipant(input);
  if (!fields.ok) return fields;
  local(doc, () => roots(doc).participants.set(fields.value.id, itemMap({ ...fields.value })));
  return fields;
}

/**
 * A person named as a card's author at a board: the one already on the roster when the name is
 * (the import's rule, participantKey: the same email, or else the same name and organisation),
 * else a new participant. Typing a name twice at a table picks the person again instead of
 * listing them twice. Nothing is written when the person is found.
 */
export function addAuthor(doc: WorkshopDoc, input: ParticipantInput): Result<Participant> {
  const fields = validParticipant(input);
  if (!fields.ok) return fields;
  const key = participantKey(fields.value);
  const known = participantsSnapshot(doc).find((person) => participantKey(person) === key);
  return known ? ok(known) : addParticipant(doc, input);
}

/**
 * Adds many participants in one transaction (an import: one undo step, one stored update), or
 * none: the first invalid one refuses the whole batch, its index in `params.row` (0-based).
 * `newGroups` are stakeholder-group names to add to the workshop's list in the same
 * transaction; a participant whose `stakeholderGroup` is one of these names gets that group.
 */
export function addParticipants(
  doc: WorkshopDoc,
  inputs: readonly ParticipantInput[],
  newGroups: readonly string[] = [],
): Result<Participant[]> {
  const people: Participant[] = [];
  for (const [row, input] of inputs.entries()) {
    const fields = validParticipant(input);
    if (!fields.ok) return fail(fields.error.code, { ...fields.error.params, row });
    people.push(fields.value);
  }
  const labels: string[] = [];
  for (const raw of newGroups) {
    const label = validTitle(raw);
    if (!label.ok) return label;
    if (!labels.includes(label.value)) labels.push(label.value);
  }
  local(doc, () => {
    const keyOf = new Map(labels.map((label) => [label, writeStakeholderGroup(doc, label).key]));
    for (const person of people) {
      person.stakeholderGroup = keyOf.get(person.stakeholderGroup) ?? person.stakeholderGroup;
      roots(doc).participants.set(person.id, itemMap({ ...person }));
    }
  });
  return ok(people);
}

/** Puts a deleted participant back as they were, for the "Undo" of a delete message. */
export function restoreParticipant(doc: WorkshopDoc, person: Participant): void {
  local(doc, () => {
    const { participants } = roots(doc);
    if (!participants.has(person.id)) participants.set(person.id, itemMap({ ...person }));
  });
}

/** Whether `tableId` names a table board ('' is "no table"). */
function isTable(doc: WorkshopDoc, tableId: string): boolean {
  if (tableId === '') return true;
  const board = itemIn(roots(doc).boards, tableId);
  return board !== undefined && str(board, 'kind') === 'table';
}

/** One participant's place: the table, and whether it was chosen by hand. */
export interface TableAssignment {
  id: string;
  tableId: string;
  fixedToTable: boolean;
}

/**
 * Seats participants at tables in one transaction, so a mix is one undo step and every laptop
 * sees it at once. Refuses the whole batch if a participant or a table does not exist.
 */
export function assignTables(doc: WorkshopDoc, assignments: readonly TableAssignment[]): Result<true> {
  const { participants } = roots(doc);
  // A mix names 40 tables 5,000 times: each checked once.
  const tables = new Map<string, boolean>();
  for (const { id, tableId } of assignments) {
    if (!tables.has(tableId)) tables.set(tableId, isTable(doc, tableId));
    if (!participants.has(id) || !tables.get(tableId)) return fail('notFound');
  }
  local(doc, () => {
    for (const { id, tableId, fixedToTable } of assignments) {
      const person = itemIn(participants, id);
      if (!person) continue;
      if (str(person, 'tableId') !== tableId) person.set('tableId', tableId);
      if (bool(person, 'fixedToTable') !== fixedToTable) person.set('fixedToTable', fixedToTable);
    }
  });
  return ok(true);
}

/**
 * Marks everyone in `ids` as present (or absent) in one transaction: "all present" at the door
 * is one undo step, not one per person. Ids no longer in the roster are skipped.
 */
export function setAttendance(doc: WorkshopDoc, ids: readonly string[], attended: boolean): Result<number> {
  const { participants } = roots(doc);
  let changed = 0;
  local(doc, () => {
    for (const id of ids) {
      const person = itemIn(participants, id);
      if (!person || bool(person, 'attended') === attended) continue;
      person.set('attended', attended);
      changed += 1;
    }
  });
  return ok(changed);
}

export function updateParticipant(
  doc: WorkshopDoc,
  id: string,
  patch: Partial<ParticipantInput>,
): Result<true> {
  const person = itemIn(roots(doc).participants, id);
  if (!person) return fail('notFound');
  const clean: Record<string, string | boolean> = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') {
      clean[key] = raw;
      continue;
    }
    if (key === 'tableId' && !isTable(doc, raw)) return fail('notFound');
    const value = key === 'name' ? validPersonName(raw) : validShortText(raw);
    if (!value.ok) return value;
    clean[key] = value.value;
  }
  local(doc, () => {
    for (const [key, value] of Object.entries(clean)) person.set(key, value);
  });
  return ok(true);
}

export function removeParticipant(doc: WorkshopDoc, id: string): Result<true> {
  const { participants } = roots(doc);
  if (!participants.has(id)) return fail('notFound');
  local(doc, () => participants.delete(id));
  return ok(true);
}
