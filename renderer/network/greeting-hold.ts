import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';

/*
 * y-webrtc greets a new WebRTC connection with a sync step 1 (this laptop's state vector), and
 * the other laptop answers with everything beyond it. A table joining a big workshop greets on
 * the relay first (the relay needs no ICE), and its WebRTC connection often opens while the
 * relay's answer is still on its way: greeted with the empty state vector, the moderator's laptop
 * also sent the whole workshop over WebRTC (900 KiB for 2,000 cards, cut into parts for the data
 * channel), and the table applied it a second time, both on the join's critical path.
 *
 * So while the other laptop's answer on the relay is awaited, the WebRTC greeting waits for it
 * and then goes out with the state vector of then: the answer over WebRTC is what is still
 * missing, usually nothing. The wait is bounded (relay.ts, ANSWER_WAIT_MAX_MS); a laptop not
 * heard on the relay (a plain y-webrtc client) is greeted at once, as before.
 */

function isSyncStep1(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1;
  } catch {
    return false;
  }
}

/** y-webrtc's greeting: sync step 1 with the document's state vector now. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/**
 * Makes the first sync step 1 sent on `peer` wait for `awaited()` (null: nothing to wait for),
 * then sends a fresh one instead. Everything else goes out at once.
 */
export function holdSyncGreeting(peer: { send(message: Uint8Array): void }, awaited: () => Promise<void> | null, doc: Y.Doc): void {
  const send = peer.send.bind(peer);
  let greeted = false;
  peer.send = (message: Uint8Array) => {
    if (!greeted && isSyncStep1(message)) {
      greeted = true;
      const wait = awaited();
      if (wait) {
        void wait.then(() => {
          try {
            send(syncStep1Message(doc));
          } catch {
            // The connection closed meanwhile; y-webrtc greets again on the next one.
          }
        });
        return;
      }
    }
    send(message);
  };
}
