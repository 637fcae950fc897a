import { z } from 'zod';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { idField } from './area-schemas';
import { newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { bool, entries, itemIn, orderOf, str, timestamp } from './read';
import { fail, ok, type Result } from './result';
import { isBlankText } from './validate';
import { timestampField } from './time-fields';

/*
 * The parking lot ("Themenspeicher"): questions and topics the plenary takes up later, so a
 * discussion can move on without losing them. Shown next to the plenary's board and listed in
 * the minutes. Kept in the `parkingLot` root, one map per question under its id.
 */

/** A question is a sentence or two, not a card's pasted document. */
export const PARKED_TEXT_MAX = 2_000;

export interface ParkedQuestion {
  id: string;
  text: string;
  /** Taken up in the plenary (or settled otherwise): the minutes list it as such. */
  takenUp: boolean;
  createdAt: number;
  order: string;
}

/** Every question of the parking lot, in the order they were parked. */
export function parkingLotSnapshot(doc: WorkshopDoc): ParkedQuestion[] {
  return entries(roots(doc).parkingLot)
    .map(([id, item]) => ({ id, text: str(item, 'text').slice(0, PARKED_TEXT_MAX), takenUp: bool(item, 'takenUp'), createdAt: timestamp(item, 'createdAt'), order: orderOf(item) }))
    .sort(compareOrdered);
}

/** What a backup may hold; a backup written before the parking lot existed imports with an empty one. */
export const parkingLotSchema = z
  .array(z.object({ id: idField, text: z.string().max(PARKED_TEXT_MAX), takenUp: z.boolean(), createdAt: timestampField, order: z.string() }))
  .default([]);

/** Kept as typed (line breaks too), only refused when blank or too long. */
function validQuestion(raw: string): Result<string> {
  const text = raw.trim();
  if (isBlankText(text)) return fail('text.empty');
  if (text.length > PARKED_TEXT_MAX) return fail('text.tooLong', { max: PARKED_TEXT_MAX });
  return ok(text);
}

/** Parks a question at the end of the list. */
export function parkQuestion(doc: WorkshopDoc, input: { text: string; now?: number }): Result<ParkedQuestion> {
  const text = validQuestion(input.text);
  if (!text.ok) return text;
  const item: ParkedQuestion = { id: newId(), text: text.value, takenUp: false, createdAt: input.now ?? Date.now(), order: keyAtEnd(parkingLotSnapshot(doc)) };
  local(doc, () => roots(doc).parkingLot.set(item.id, itemMap({ ...item })));
  return ok(item);
}

export function updateParkedText(doc: WorkshopDoc, id: string, raw: string): Result<true> {
  const item = itemIn(roots(doc).parkingLot, id);
  if (!item) return fail('notFound');
  const text = validQuestion(raw);
  if (!text.ok) return text;
  if (str(item, 'text') !== text.value) local(doc, () => item.set('text', text.value));
  return ok(true);
}

/** Marks a question as taken up, or open again. */
export function setParkedTakenUp(doc: WorkshopDoc, id: string, takenUp: boolean): Result<true> {
  const item = itemIn(roots(doc).parkingLot, id);
  if (!item) return fail('notFound');
  if (bool(item, 'takenUp') !== takenUp) local(doc, () => item.set('takenUp', takenUp));
  return ok(true);
}

export function removeParkedQuestion(doc: WorkshopDoc, id: string): Result<true> {
  const { parkingLot } = roots(doc);
  if (!parkingLot.has(id)) return fail('notFound');
  local(doc, () => parkingLot.delete(id));
  return ok(true);
}

/** Puts a removed question back as it was, for the "Undo" of the removal message. */
export function restoreParkedQuestion(doc: WorkshopDoc, item: ParkedQuestion): Result<true> {
  const { parkingLot } = roots(doc);
  if (!parkingLot.has(item.id)) local(doc, () => parkingLot.set(item.id, itemMap({ ...item })));
  return ok(true);
}
