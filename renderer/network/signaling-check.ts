import * as decoding from 'lib0/decoding';
import { fromBase64 } from '../../shared/base64';

/*
 * y-webrtc opens the room's signaling messages itself and acts on them without a check: a message
 * sealed with another key (a table still on the code the moderator replaced) rejects its promise
 * unhandled (OperationError) once per message, and one that is not y-webrtc's format (a peer's
 * garbage) throws inside its handler or in simple-peer. This says, before y-webrtc sees a message,
 * whether it opens with the room's key and holds what y-webrtc reads: an announce, or a signal
 * addressed to someone with a signal object. What does not is dropped: it came from a laptop that
 * cannot be in this room, or from no laptop at all.
 */

/** What y-webrtc reads of a message (src/y-webrtc.js, SignalingConn's 'message' handler). */
export function isSignalingMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, from, to, signal, token } = value as Record<string, unknown>;
  if (typeof from !== 'string') return false;
  if (to !== undefined && typeof to !== 'string') return false;
  if (type === 'announce') return true;
  if (type !== 'signal') return false;
  if (token !== undefined && typeof token !== 'number') return false;
  return typeof signal === 'object' && signal !== null && !Array.isArray(signal);
}

/** What of an opened signaling message Plenum reads itself (y-webrtc reads the rest). */
export interface OpenedSignaling {
  type: 'announce' | 'signal';
  from: string;
}

/** `sealed` (base64, as y-webrtc publishes it) opened with `key`, if it is a message y-webrtc can act on; else null. */
export async function openSignaling(sealed: string, key: CryptoKey): Promise<OpenedSignaling | null> {
  const bytes = fromBase64(sealed);
  if (!bytes) return null;
  let iv: Uint8Array;
  let cipher: Uint8Array;
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarString(decoder) !== 'AES-GCM') return null;
    iv = decoding.readVarUint8Array(decoder);
    cipher = decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
  try {
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, cipher as BufferSource));
    const message: unknown = decoding.readAny(decoding.createDecoder(plain));
    if (!isSignalingMessage(message)) return null;
    const { type, from } = message as OpenedSignaling;
    return { type, from };
  } catch {
    return null;
  }
}
