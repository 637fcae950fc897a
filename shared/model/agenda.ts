import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd, keysForMove } from './order';
import { entries, oneOf, orderOf, str, itemIn, timestamp } from './read';
import { durationMinOrZero, ranMsOrZero } from './time';
import { fail, ok, type Result } from './result';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind } from './schema';
import { validDuration, validLongText, validShortText, validTitle } from './validate';

function validKind(raw: string): Result<AgendaKind> {
  return (AGENDA_KINDS as readonly string[]).includes(raw) ? ok(raw as AgendaKind) : fail('kind.invalid');
}

/** The optional text fields of an item, checked; refuses the whole input if one is invalid. */
type Details = Partial<Pick<AgendaItem, 'kind' | 'speaker' | 'notes' | 'task' | 'summary' | 'decisions'>>;

function cleanDetails(input: { kind?: string; speaker?: string; notes?: string; task?: string; summary?: string; decisions?: string }): Result<Details> {
  const clean: Details = {};
  if (input.kind !== undefined) {
    const kind = validKind(input.kind);
    if (!kind.ok) return kind;
    clean.kind = kind.value;
  }
  if (input.speaker !== undefined) {
    const speaker = validShortText(input.speaker);
    if (!speaker.ok) return speaker;
    clean.speaker = speaker.value;
  }
  for (const key of ['notes', 'task', 'summary', 'decisions'] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    const text = validLongText(raw);
    if (!text.ok) return text;
    clean[key] = text.value;
  }
  return ok(clean);
}

/** The agenda in running order. */
export function agendaSnapshot(doc: WorkshopDoc): AgendaItem[] {
  return entries(roots(doc).agenda)
    .map(([id, item]) => ({
      id,
      title: str(item, 'title'),
      kind: oneOf(item, 'kind', AGENDA_KINDS) ?? 'plenary',
      durationMin: durationMinOrZero(item.get('durationMin')),
      speaker: str(item, 'speaker'),
      notes: str(item, 'notes'),
      task: str(item, 'task'),
      summary: str(item, 'summary'),
      decisions: str(item, 'decisions'),
      actualStart: timestamp(item, 'actualStart'),
      actualEnd: timestamp(item, 'actualEnd'),
      ranMs: ranMsOrZero(item.get('ranMs')),
      order: orderOf(item),
    }))
    .sort(compareOrdered);
}

export interface AgendaItemInput {
  title: string;
  durationMin: number | string;
  /** A string from a form is checked against AGENDA_KINDS. */
  kind?: AgendaKind | string;
  speaker?: string;
  notes?: string;
  task?: string;
  /** The moderator's summary of the item for the minutes. */
  summary?: string;
  /** Decisions taken in the item, one per line. */
  decisions?: string;
}

/** Appends an item to the agenda. */
export function addAgendaItem(doc: WorkshopDoc, input: AgendaItemInput): Result<AgendaItem> {
  const title = validTitle(input.title);
  if (!title.ok) return title;
  const duration = validDuration(input.durationMin);
  if (!duration.ok) return duration;
  const details = cleanDetails(input);
  if (!details.ok) return details;
  const item: AgendaItem = {
    id: newId(),
    title: title.value,
    kind: details.value.kind ?? 'plenary',
    durationMin: duration.value,
    speaker: details.value.speaker ?? '',
    notes: details.value.notes ?? '',
    task: details.value.task ?? '',
    summary: details.value.summary ?? '',
    decisions: details.value.decisions ?? '',
    actualStart: 0,
    actualEnd: 0,
    ranMs: 0,
    order: keyAtEnd(agendaSnapshot(doc)),
  };
  local(doc, () => roots(doc).agenda.set(item.id, itemMap({ ...item })));
  return ok(item);
}

export interface AgendaItemPatch {
  title?: string;
  durationMin?: number | string;
  /** A string from a form is checked against AGENDA_KINDS. */
  kind?: string;
  speaker?: string;
  notes?: string;
  task?: string;
  /** The moderator's summary of the item for the minutes. */
  summary?: string;
  /** Decisions taken in the item, one per line. */
  decisions?: string;
}

/** Edits an item; only the fields given change, so a concurrent edit of another field survives. */
export function updateAgendaItem(doc: WorkshopDoc, id: string, patch: AgendaItemPatch): Result<AgendaItem> {
  const item = itemIn(roots(doc).agenda, id);
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
  const details = cleanDetails(patch);
  if (!details.ok) return details;
  Object.assign(clean, details.value);
  local(doc, () => {
    for (const [key, value] of Object.entries(clean)) if (item.get(key) !== value) item.set(key, value);
  });
  const updated = agendaSnapshot(doc).find((entry) => entry.id === id);
  return updated ? ok(updated) : fail('notFound');
}

export function removeAgendaItem(doc: WorkshopDoc, id: string): Result<true> {
  const { agenda } = roots(doc);
  if (!agenda.has(id)) return fail('notFound');
  // The running item stays until the run moves on ("next"): deleted, the run would have no
  // current item and no countdown, and the time it ran would be lost.
  const run = roots(doc).run;
  const status = run.get('status');
  if ((status === 'running' || status === 'paused') && run.get('currentId') === id) return fail('run.itemRunning');
  local(doc, () => agenda.delete(id));
  return ok(true);
}

/** Moves an item to `toIndex` of the agenda, counted without the item itself. */
export function moveAgendaItem(doc: WorkshopDoc, id: string, toIndex: number): Result<true> {
  const { agenda } = roots(doc);
  if (!agenda.has(id)) return fail('notFound');
  const writes = keysForMove(agendaSnapshot(doc), id, toIndex);
  local(doc, () => {
    for (const { id: itemId, order } of writes) itemIn(agenda, itemId)?.set('order', order);
  });
  return ok(true);
}

/** Planned minutes of the whole agenda. */
export function agendaTotalMinutes(items: readonly AgendaItem[]): number {
  return items.reduce((sum, item) => sum + item.durationMin, 0);
}

export interface ScheduledItem {
  id: string;
  /** Planned start and end in minutes after midnight of the day; past 1440 when the day runs over midnight. */
  startMin: number;
  endMin: number;
}

/**
 * Planned start and end of every item, back to back from `startMinute` (minutes after midnight;
 * see `startMinuteOfDay`). Empty when the day has no start time: times would be guesses.
 */
export function agendaSchedule(items: readonly AgendaItem[], startMinute: number | null): ScheduledItem[] {
  if (startMinute === null) return [];
  let at = startMinute;
  return items.map((item) => {
    const startMin = at;
    at += item.durationMin;
    return { id: item.id, startMin, endMin: at };
  });
}

export interface AgendaFit {
  plannedMin: number;
  /** 0 when the workshop has no time available set: then nothing is compared. */
  availableMin: number;
  /** Minutes planned beyond the time available (0 when it fits or nothing is set). */
  overByMin: number;
  /** Minutes left over (0 when over or nothing is set). */
  spareMin: number;
}

/** The planned total against the time available, for the warning when the day does not fit. */
export function agendaFit(items: readonly AgendaItem[], availableMin: number): AgendaFit {
  const plannedMin = agendaTotalMinutes(items);
  if (availableMin <= 0) return { plannedMin, availableMin: 0, overByMin: 0, spareMin: 0 };
  return {
    plannedMin,
    availableMin,
    overByMin: Math.max(0, plannedMin - availableMin),
    spareMin: Math.max(0, availableMin - plannedMin),
  };
}
