import * as Y from 'yjs';
import type { WorkshopDoc } from './doc';
import { fail, ok, type Result } from './result';

/** Origin of updates read back from the local store: they are already on disk. */
export const STORE_ORIGIN = 'plenum:store';

/** The whole document as one compact update (garbage-collected). */
export function encodeWorkshopState(doc: WorkshopDoc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/** Merges stored updates into one without loading a document: cheap log compaction. */
export function mergeWorkshopUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const [only] = updates;
  return updates.length === 1 && only ? only : Y.mergeUpdates([...updates]);
}

/*
 * Reading strings faster. In update format v1 every string is a varuint byte length plus its
 * UTF-8 bytes, and Yjs decodes each one anew: for 2,000 cards that is 24,000 strings (each card
 * map's key and root name, six field names, four text fields), most of them the same few field
 * names, and decoding them is the largest single cost of applying a stored workshop.
 * `StringReusingDecoderV1` hands out the string decoded before for the same bytes: short strings
 * (field names, board ids) from a small direct-mapped table, and a card's id, stored right after
 * the key it was just read as, from the previous long string. Only exact byte matches are
 * served; every other string is read by Yjs itself, errors included, so the result is the same
 * document as `Y.applyUpdate` gives, only sooner (about a fifth less CPU for the 2,000-card
 * benchmark workshop).
 */

/** lib0's type tag of a string in an "any" value (ContentAny). */
const ANY_STRING = 119;
/** Strings up to this many bytes go through the table: field names, board ids, order keys. */
const SHORT = 16;
const SLOTS = 512;
/** Strings up to this many bytes (their length is one varuint byte) are compared with the previous long one: ids. */
const LONG = 64;

/** The table: the bytes of slot i at i * SHORT, their length (-1: empty) and their string. */
const slotBytes = new Uint8Array(SLOTS * SHORT);
const slotLengths = new Int8Array(SLOTS).fill(-1);
const slotStrings: string[] = new Array<string>(SLOTS).fill('');
const longBytes = new Uint8Array(LONG);
let longLength = -1;
let longString = '';

function slotOf(bytes: Uint8Array, from: number, length: number): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let index = from; index < from + length; index += 1) hash = Math.imul(hash ^ (bytes[index] ?? 0), 0x01000193);
  return (hash >>> 0) % SLOTS;
}

function equalBytes(known: Uint8Array, knownFrom: number, bytes: Uint8Array, from: number, length: number): boolean {
  for (let index = 0; index < length; index += 1) if (known[knownFrom + index] !== bytes[from + index]) return false;
  return true;
}

class StringReusingDecoderV1 extends Y.UpdateDecoderV1 {
  /** The string whose length byte is at `at`, if it was decoded before. */
  private known(at: number): string | undefined {
    const bytes = this.restDecoder.arr;
    const length = bytes[at];
    // Lengths up to LONG (< 128) are a one-byte varuint; longer strings are never reused.
    if (length === undefined || length > LONG || at + 1 + length > bytes.length) return undefined;
    if (length <= SHORT) {
      const slot = slotOf(bytes, at + 1, length);
      return slotLengths[slot] === length && equalBytes(slotBytes, slot * SHORT, bytes, at + 1, length) ? slotStrings[slot] : undefined;
    }
    return longLength === length && equalBytes(longBytes, 0, bytes, at + 1, length) ? longString : undefined;
  }

  /** Keeps `value`, just decoded from the bytes whose length byte is at `at`. */
  private keep(at: number, value: string): void {
    const bytes = this.restDecoder.arr;
    const length = bytes[at];
    if (length === undefined || length > LONG) return;
    const from = at + 1;
    if (length <= SHORT) {
      const slot = slotOf(bytes, from, length);
      slotBytes.set(bytes.subarray(from, from + length), slot * SHORT);
      slotLengths[slot] = length;
      slotStrings[slot] = value;
    } else {
      longBytes.set(bytes.subarray(from, from + length));
      longLength = length;
      longString = value;
    }
  }

  /** Root names, map keys and Y.Text chunks. */
  override readString(): string {
    const decoder = this.restDecoder;
    const at = decoder.pos;
    const known = this.known(at);
    if (known !== undefined) {
      decoder.pos = at + 1 + (decoder.arr[at] ?? 0);
      return known;
    }
    const value = super.readString();
    this.keep(at, value);
    return value;
  }

  /** Field values: strings are reused, anything else is read by Yjs. */
  override readAny(): unknown {
    const decoder = this.restDecoder;
    const at = decoder.pos;
    if (decoder.arr[at] !== ANY_STRING) return super.readAny();
    const known = this.known(at + 1);
    if (known !== undefined) {
      decoder.pos = at + 2 + (decoder.arr[at + 1] ?? 0);
      return known;
    }
    const value: unknown = super.readAny();
    if (typeof value === 'string') this.keep(at + 1, value);
    return value;
  }
}

/**
 * Applies updates read from disk or a file. A damaged update throws inside Yjs; it is turned
 * into a result so the caller can report the workshop as damaged instead of crashing.
 */
export function applyWorkshopUpdates(
  doc: WorkshopDoc,
  updates: readonly Uint8Array[],
  origin: unknown = STORE_ORIGIN,
): Result<true> {
  if (updates.length === 0) return ok(true);
  try {
    // One by one inside one transaction: merging first costs about twice as much as applying
    // (measured on a 2,000-card state plus a 200-update log), and observers still fire once.
    doc.transact(() => {
      // v1 updates: Y.applyUpdate is applyUpdateV2 with Yjs' UpdateDecoderV1, ours reuses strings.
      for (const update of updates) Y.applyUpdateV2(doc, update, origin, StringReusingDecoderV1);
    }, origin);
    return ok(true);
  } catch {
    return fail('data.damaged');
  }
}

/** Calls `listener` with every update of the document and its origin. */
export function onWorkshopUpdate(
  doc: WorkshopDoc,
  listener: (update: Uint8Array, origin: unknown) => void,
): () => void {
  doc.on('update', listener);
  return () => doc.off('update', listener);
}

/** Sends every change of `from` to `to` and back, as two connected peers would. Tests and benches use it. */
export function syncDocs(a: WorkshopDoc, b: WorkshopDoc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
