import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { bool, entries, str } from './read';
import { fail, ok, type Result } from './result';
import type { Participant } from './schema';
import { validShortText, validTitle } from './validate';

/** Participants sorted by name, as a roster reads. */
export function participantsSnapshot(doc: WorkshopDoc): Participant[] {
  return entries(roots(doc).participants)
    .map(([id, person]) => ({
      id,
      name: str(person, 'name'),
      organisation: str(person, 'organisation'),
      stakeholderGroup: str(person, 'stakeholderGroup'),
      email: str(person, 'email'),
      consent: bool(person, 'consent'),
      attended: bool(person, 'attended'),
      tableId: str(person, 'tableId'),
      fixedToTable: bool(person, 'fixedToTable'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

type TextField = 'name' | 'organisation' | 'stakeholderGroup' | 'email';
export type ParticipantInput = Pick<Participant, TextField> & Partial<Omit<Participant, 'id' | TextField>>;

export function addParticipant(doc: WorkshopDoc, input: ParticipantInput): Result<Participant> {
  const name = validTitle(input.name);
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
  local(doc, () => roots(doc).participants.set(fields.id, itemMap({ ...fields })));
  return ok(fields);
}

export function updateParticipant(
  doc: WorkshopDoc,
  id: string,
  patch: Partial<ParticipantInput>,
): Result<true> {
  const person = roots(doc).participants.get(id);
  if (!person) return fail('notFound');
  const clean: Record<string, string | boolean> = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') {
      clean[key] = raw;
      continue;
    }
    const value = key === 'name' ? validTitle(raw) : validShortText(raw);
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
