import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';

/*
 * A data channel carries at most 256 KiB in one message (libwebrtc, Chromium), and y-webrtc sends
 * a laptop's whole state as one sync-step-2 message: a workshop of 2,000 cards (≈ 900 KiB) failed
 * to send, the connection dropped and was made again, and the room fell back to the relay. A
 * vanilla y-webrtc client never got it at all.
 *
 * So a sync message larger than a chunk goes out as several, each a valid Yjs update of its own
 * (y-webrtc's wire format, so plain y-webrtc clients apply them too): the structs cut in runs of
 * one client, in clock order, then the delete set. The runs come first as plain updates and the
 * last one as the sync step 2, so the receiver's "synced" fires once the whole state is in. A run
 * that names a parent or neighbour still on its way waits in Yjs' pending structs until it comes.
 *
 * Only what a data channel cannot carry is cut. A Yjs update is one transaction, seen whole by
 * the receiver's observers; cut, a card can arrive before its text does. So an edit that fits
 * (every card does: the model caps its text at LIMITS.cardTextMaxBytes) goes as it is, and only a
 * large state (a join, an import) arrives in parts, the way a slow relay would deliver it.
 */

/** What a data channel takes in one message. */
export const DATA_CHANNEL_MAX_BYTES = 256 * 1024;
/** A message up to this size goes whole: the limit, less room for y-webrtc's few header bytes. */
export const SEND_WHOLE_BYTES = DATA_CHANNEL_MAX_BYTES - 1024;
/** Bytes of one part of a cut update: well below the limit, so a part does not hold up the channel long either. */
export const SYNC_CHUNK_BYTES = 64 * 1024;

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** A run of one client's structs as an update of its own, without deletions. */
function runUpdate(run: readonly Struct[]): Uint8Array {
  const first = run[0];
  if (!first) throw new RangeError('empty run');
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, run.length);
  encoder.writeClient(first.id.client);
  encoding.writeVarUint(encoder.restEncoder, first.id.clock);
  for (const struct of run) struct.write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions: they come last, with the whole delete set
  return encoder.toUint8Array();
}

/**
 * A Yjs update (format v1) as several that together are the same, each at most about
 * `chunkBytes` (a single struct larger than that goes alone). An update that fits is returned as it is.
 */
export function splitUpdate(update: Uint8Array, chunkBytes = SYNC_CHUNK_BYTES): Uint8Array[] {
  if (update.length <= chunkBytes) return [update];
  const { structs } = Y.decodeUpdate(update);
  const chunks: Uint8Array[] = [];
  // Where each client's structs end: the delete set alone is the update less everything before.
  // (Yjs' encodeStateVectorFromUpdate leaves out a client whose structs do not start at 0, as
  // in an incremental update, and the diff against it would be the whole update again.)
  const ends = new Map<number, number>();
  let run: Struct[] = [];
  let runBytes = 0;
  const flush = () => {
    if (run.length > 0) chunks.push(runUpdate(run));
    run = [];
    runBytes = 0;
  };
  for (const struct of structs) {
    // A skip is a gap in what the update holds: the next struct starts a run at its own clock.
    if (struct instanceof Y.Skip) {
      flush();
      continue;
    }
    const previous = run.at(-1);
    if (previous && (previous.id.client !== struct.id.client || previous.id.clock + previous.length !== struct.id.clock)) flush();
    ends.set(struct.id.client, Math.max(ends.get(struct.id.client) ?? 0, struct.id.clock + struct.length));
    const size = structBytes(struct);
    if (run.length > 0 && runBytes + size > chunkBytes) flush();
    run.push(struct);
    runBytes += size;
  }
  flush();
  chunks.push(Y.diffUpdate(update, Y.encodeStateVector(ends)));
  return chunks;
}

function structBytes(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1();
  struct.write(encoder, 0);
  return encoding.length(encoder.restEncoder);
}

/**
 * A message for a data channel, as one or several that each fit: a sync step 2 or update larger
 * than a data channel takes is cut into parts of about `chunkBytes` (see above); anything else
 * goes as it is.
 */
export function splitSyncMessage(message: Uint8Array, chunkBytes = SYNC_CHUNK_BYTES): Uint8Array[] {
  if (message.length <= SEND_WHOLE_BYTES) return [message];
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return [message];
  const kind = decoding.readVarUint(decoder);
  if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) return [message];
  const chunks = splitUpdate(decoding.readVarUint8Array(decoder), chunkBytes);
  if (chunks.length === 1) return [message];
  return chunks.map((chunk, index) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, index === chunks.length - 1 ? kind : syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(encoder, chunk);
    return encoding.toUint8Array(encoder);
  });
}

/** The part of a y-webrtc connection whose sends are split. */
export interface SendingConnection {
  peer: { send(message: Uint8Array): void };
}

/**
 * Makes every send of `conn` (y-webrtc's own answers and broadcasts, and Plenum's) go out in
 * messages a data channel carries. Called once per connection, when y-webrtc makes it.
 */
export function splitSends(conn: SendingConnection): void {
  const send = conn.peer.send.bind(conn.peer);
  conn.peer.send = (message: Uint8Array) => {
    for (const part of splitSyncMessage(message)) send(part);
  };
}
