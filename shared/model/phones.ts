import { roots, transactAs, type WorkshopDoc } from './doc';
import { isId } from './ids';
import { itemIn } from './read';
import { fail, ok, type Result } from './result';

/*
 * Phones in the document: which participant each phone is, and which cards each phone wrote, so
 * a phone that reloads is still the same person and may still edit its own cards, also after the
 * moderator's laptop restarted. Flat keys in one map, like `roles`:
 *
 *   `device:<device key>` → participant id   the phone's claim (its last one)
 *   `created:<device key>` → participant id  the roster entry the phone's typed name added (one per phone)
 *   `card:<card id>` → writer tag            the card was written by a phone; kept after the card is deleted,
 *                                            so a resent "add" is still recognised as done
 *
 * A device key is a hash of the phone's random device id (shared/phone), never the id itself: every
 * laptop of the room reads this map, and the id is what a phone proves itself with. A writer tag is
 * a hash of the device id and the card id: only a message carrying the device id shows that a card
 * is that phone's, so the map links no card to a phone or a person — an anonymous card stays
 * anonymous also to whoever reads the document. Session state, not workshop content: in no
 * snapshot, backup, export or the minutes (no area reads it).
 */

/** Origin of what phones change: not the undo origin, so the moderator's Ctrl+Z never takes back a phone's card or dot. */
export const PHONE_ORIGIN = 'plenum:phone';

/** 128 bits of a SHA-256 in lower-case hex (device keys and writer tags, see shared/phone); anything else a peer wrote is ignored. */
const HASH = /^[0-9a-f]{32}$/;

export const isDeviceKey = (value: unknown): value is string => typeof value === 'string' && HASH.test(value);
const isWriterTag = isDeviceKey;

const DEVICE = 'device:';
const CREATED = 'created:';
const CARD = 'card:';

/** Runs `change` (model operations) as one transaction with the phones' origin: one stored update, out of every undo history. */
export function asPhone<T>(doc: WorkshopDoc, change: () => T): T {
  return transactAs(doc, PHONE_ORIGIN, change);
}

/** What the phones map holds, checked: keys and values that make no sense are skipped. */
export interface PhonesState {
  /** Device key → the participant the phone claimed (who may since have been removed from the roster). */
  devices: ReadonlyMap<string, string>;
  /** Device key → the participant its typed name added. */
  created: ReadonlyMap<string, string>;
  /** Card id → writer tag of the phone that wrote it. */
  cardWriters: ReadonlyMap<string, string>;
}

export function phonesSnapshot(doc: WorkshopDoc): PhonesState {
  const devices = new Map<string, string>();
  const created = new Map<string, string>();
  const cardWriters = new Map<string, string>();
  roots(doc).phones.forEach((value, key) => {
    if (key.startsWith(DEVICE) && isDeviceKey(key.slice(DEVICE.length)) && isId(value)) devices.set(key.slice(DEVICE.length), value);
    else if (key.startsWith(CREATED) && isDeviceKey(key.slice(CREATED.length)) && isId(value)) created.set(key.slice(CREATED.length), value);
    else if (key.startsWith(CARD) && isId(key.slice(CARD.length)) && isWriterTag(value)) cardWriters.set(key.slice(CARD.length), value);
  });
  return { devices, created, cardWriters };
}

function readId(doc: WorkshopDoc, key: string): string | null {
  const value = roots(doc).phones.get(key);
  return isId(value) ? value : null;
}

/** The participant a phone claimed, while they are still in the roster; null otherwise. */
export function phoneParticipant(doc: WorkshopDoc, deviceKey: string): string | null {
  if (!isDeviceKey(deviceKey)) return null;
  const id = readId(doc, DEVICE + deviceKey);
  return id !== null && itemIn(roots(doc).participants, id) ? id : null;
}

/** Whether a phone other than `deviceKey`'s is bound to this participant. */
export function heldByOtherPhone(doc: WorkshopDoc, participantId: string, deviceKey: string): boolean {
  for (const [key, value] of roots(doc).phones) {
    if (value === participantId && key.startsWith(DEVICE) && key !== DEVICE + deviceKey) return true;
  }
  return false;
}

/** The roster entry a phone's typed name added, while it is still in the roster; null otherwise. */
export function phoneCreatedParticipant(doc: WorkshopDoc, deviceKey: string): string | null {
  if (!isDeviceKey(deviceKey)) return null;
  const id = readId(doc, CREATED + deviceKey);
  return id !== null && itemIn(roots(doc).participants, id) ? id : null;
}

/** The writer tag of a card a phone wrote (also after the card was deleted); null for every other card. */
export function cardWriter(doc: WorkshopDoc, cardId: string): string | null {
  const value = roots(doc).phones.get(CARD + cardId);
  return isWriterTag(value) ? value : null;
}

/** Binds a phone to a participant of the roster; `created` marks the entry as added by this phone's typed name. */
export function bindPhone(doc: WorkshopDoc, deviceKey: string, participantId: string, created = false): Result<true> {
  if (!isDeviceKey(deviceKey) || !itemIn(roots(doc).participants, participantId)) return fail('notFound');
  const map = roots(doc).phones;
  asPhone(doc, () => {
    if (map.get(DEVICE + deviceKey) !== participantId) map.set(DEVICE + deviceKey, participantId);
    if (created && map.get(CREATED + deviceKey) !== participantId) map.set(CREATED + deviceKey, participantId);
  });
  return ok(true);
}

/** Records that a phone wrote a card, by its writer tag; the first record stands (a card has one writer). */
export function recordCardWriter(doc: WorkshopDoc, cardId: string, writerTag: string): Result<true> {
  if (!isWriterTag(writerTag) || !isId(cardId)) return fail('notFound');
  const map = roots(doc).phones;
  if (!map.has(CARD + cardId)) asPhone(doc, () => map.set(CARD + cardId, writerTag));
  return ok(true);
}
