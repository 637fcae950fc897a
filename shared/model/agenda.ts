import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd, keysForMove } from './order';
import { entries, num, oneOf, orderOf, str } from './read';
import { fail, ok, type Result } from './result';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind } from './schema';
import { validDuration, validTitle } from './validate';

/** The agenda in running order. */
export function agendaSnapshot(doc: WorkshopDoc): AgendaItem[] {
  return entries(roots(doc).agenda)
    .map(([id, item]) => ({
      id,
      title: str(item, 'title'),
      kind: oneOf(item, 'kind', AGENDA_KINDS) ?? 'plenary',
      durationMin: num(item, 'durationMin'),
      speaker: str(item, 'speaker'),
      notes: str(item, 'notes'),
      task: str(item, 'task'),
      actualStart: num(item, 'actualStart'),
      actualEnd: num(item, 'actualEnd'),
      order: orderOf(item),
    }))
    .sort(compareOrdered);
}

export interface AgendaItemInput {
  title: string;
  durationMin: number | string;
  kind?: AgendaKind;
  speaker?: string;
  notes?: string;
  task?: string;
}

/** Appends an item to the agenda. */
export function addAgendaItem(doc: WorkshopDoc, input: AgendaItemInput): Result<AgendaItem> {
  const title = validTitle(input.title);
  if (!title.ok) return title;
  const duration = validDuration(input.durationMin);
  if (!duration.ok) return duration;
  const item: AgendaItem = {
    id: newId(),
    title: title.value,
    kind: input.kind ?? 'plenary',
    durationMin: duration.value,
    speaker: input.speaker ?? '',
    notes: input.notes ?? '',
    task: input.task ?? '',
    actualStart: 0,
    actualEnd: 0,
    order: keyAtEnd(agendaSnapshot(doc)),
  };
  local(doc, () => roots(doc).agenda.set(item.id, itemMap({ ...item })));
  return ok(item);
}

export interface AgendaItemPatch {
  title?: string;
  durationMin?: number | string;
  notes?: string;
}

/** Edits an item; only the fields given change, so a concurrent edit of another field survives. */
export function updateAgendaItem(doc: WorkshopDoc, id: string, patch: AgendaItemPatch): Result<AgendaItem> {
  const item = roots(doc).agenda.get(id);
  if (!item) return fail('notFound');
  const clean: Record<string, string | number> = {};
  if (patch.title !== undefined) {
    const title = validTitle(patch.title);
    if (!title.ok) return title;
    clean.title = title.value;
  }
  if (patch.durationMin !== undefined) {
    const duration = validDuration(patch.durationMin);
    if (!duration.ok) return duration;
    clean.durationMin = duration.value;
  }
  if (patch.notes !== undefined) clean.notes = patch.notes;
  local(doc, () => {
    for (const [key, value] of Object.entries(clean)) if (item.get(key) !== value) item.set(key, value);
  });
  const updated = agendaSnapshot(doc).find((entry) => entry.id === id);
  return updated ? ok(updated) : fail('notFound');
}

export function removeAgendaItem(doc: WorkshopDoc, id: string): Result<true> {
  const { agenda } = roots(doc);
  if (!agenda.has(id)) return fail('notFound');
  local(doc, () => agenda.delete(id));
  return ok(true);
}

/** Moves an item to `toIndex` of the agenda, counted without the item itself. */
export function moveAgendaItem(doc: WorkshopDoc, id: string, toIndex: number): Result<true> {
  const { agenda } = roots(doc);
  if (!agenda.has(id)) return fail('notFound');
  const writes = keysForMove(agendaSnapshot(doc), id, toIndex);
  local(doc, () => {
    for (const { id: itemId, order } of writes) agenda.get(itemId)?.set('order', order);
  });
  return ok(true);
}

/** Planned minutes of the whole agenda. */
export function agendaTotalMinutes(items: readonly AgendaItem[]): number {
  return items.reduce((sum, item) => sum + item.durationMin, 0);
}
