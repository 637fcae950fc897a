import { z } from 'zod';
import { MAX_TOPIC_LENGTH, PLENUM_MESSAGE } from './signaling';

/*
 * A relay message (renderer/network/relay.ts) as one binary WebSocket frame: a short JSON header
 * (topic, sender, addressee, hello) and the sealed bytes as they are. As JSON text, a big
 * workshop's state (2,000 cards: 900 KiB sealed) went as 1.2 MB of base64 that the sender
 * stringified, the server parsed and stringified again, and every receiver parsed; the server
 * now reads only the header and passes the frame on unchanged.
 *
 * Only between a laptop and a server that both said they speak it: a laptop offers it on each
 * connection (`relayBinaryOffer` in signaling.ts), a server that knows frames accepts
 * (`relayBinaryAccepted`), and
 * until then the laptop publishes JSON as before. An older server ignores the offer (and would
 * ignore frames); an older laptop never offers, and the server hands it every frame as the JSON
 * publish it always read.
 *
 * Layout: 'P' 'R' 0x01, the header's length (2 bytes, big-endian), the header (UTF-8 JSON), the payload.
 */

const MAGIC_0 = 0x50;
const MAGIC_1 = 0x52;
const VERSION = 1;
const PREFIX_BYTES = 5;
/** Largest header: a topic (MAX_TOPIC_LENGTH) and three ids fit with room to spare. */
export const MAX_RELAY_FRAME_HEADER_BYTES = 2048;
/** Longest peer id in a header: y-webrtc's and the hello's are UUIDs. */
export const MAX_RELAY_PEER_ID_LENGTH = 128;

/** The server's acceptance of a laptop's offer (`relayBinaryOffer`, shared/protocol/signaling.ts). */
export const relayBinaryAccepted = z.object({ type: z.literal(PLENUM_MESSAGE.relayBinary), ok: z.literal(true) });

const peerId = z.string().min(1).max(MAX_RELAY_PEER_ID_LENGTH);
export const relayFrameHeader = z.object({
  topic: z.string().min(1).max(MAX_TOPIC_LENGTH),
  from: peerId,
  to: peerId.optional(),
  hello: peerId.optional(),
});
export type RelayFrameHeader = z.infer<typeof relayFrameHeader>;

export interface RelayFrame {
  header: RelayFrameHeader;
  /** A view into the frame's bytes (no copy). */
  payload: Uint8Array;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function encodeRelayFrame(header: RelayFrameHeader, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = utf8.encode(JSON.stringify({ topic: header.topic, from: header.from, ...(header.to ? { to: header.to } : {}), ...(header.hello ? { hello: header.hello } : {}) }));
  if (head.length > MAX_RELAY_FRAME_HEADER_BYTES) throw new RangeError('relay frame header too long');
  const frame = new Uint8Array(PREFIX_BYTES + head.length + payload.length);
  frame[0] = MAGIC_0;
  frame[1] = MAGIC_1;
  frame[2] = VERSION;
  frame[3] = head.length >> 8;
  frame[4] = head.length & 0xff;
  frame.set(head, PREFIX_BYTES);
  frame.set(payload, PREFIX_BYTES + head.length);
  return frame;
}

/** The frame, or null for anything else: another layout or version, a header too long, not UTF-8, not JSON, or not a valid header. */
export function decodeRelayFrame(bytes: Uint8Array): RelayFrame | null {
  if (bytes.length < PREFIX_BYTES || bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1 || bytes[2] !== VERSION) return null;
  const length = ((bytes[3] as number) << 8) | (bytes[4] as number);
  if (length > MAX_RELAY_FRAME_HEADER_BYTES || PREFIX_BYTES + length > bytes.length) return null;
  try {
    const header = relayFrameHeader.safeParse(JSON.parse(fromUtf8.decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + length))));
    return header.success ? { header: header.data, payload: bytes.subarray(PREFIX_BYTES + length) } : null;
  } catch {
    return null;
  }
}
