import { z } from 'zod';
import { ID_PATTERN } from '../model';

/*
 * How a phone reaches the room: through the host's signaling server, never the WebRTC mesh
 * (sixty phones would need thousands of connections). Issue 16; the commands themselves are
 * shared/phone/protocol.ts.
 *
 *   phone ──plenum-phone-join {verifier}──────────────► server   (the join check laptops make)
 *   phone ◄─plenum-phone-joined {room, host} / refused── server
 *   phone ──plenum-phone-up {data}────────────────────► server ──plenum-phone-from {phone, data}──► host laptop
 *   phone ◄─plenum-phone-msg {data}──────────────────── server ◄─plenum-phone-down {room, to, data}── host laptop
 *   host  ◄─plenum-phone-presence {phone, present}───── server   (a phone came or went)
 *   phone ◄─plenum-phone-status {host}───────────────── server   (the host laptop is reachable or not)
 *
 * `data` is base64 of a message sealed with the room's phone key (shared/protocol/relay-crypto.ts,
 * `derivePhoneKey`): the server relays ciphertext only. A phone's frames go to the room's host
 * connection alone (the latest connection that registered the room with `plenum-host`), never to
 * other phones: they hold the same key, and a phone's frames carry its device id, its only proof
 * of who it is. `phone` is an id the server gives each phone connection; it names a connection,
 * not a device or a person (a phone that reconnects gets a new one). The host answers a phone, or
 * several phones at once (one sealed view for every phone of a table), by these ids; the server
 * sends a `down` only from the room's host connection and only to that room's phones.
 */

/** Path of the participant page on the host's server; the join secret follows in the fragment (`#SECRET`), never sent to the server. */
export const PHONE_PAGE_PATH = '/p/';

/** A server's id for one phone connection. */
const phoneConnectionId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);

/** Base64 of a sealed phone message (at most PHONE_MESSAGE_MAX_BYTES plain, shared/phone/protocol.ts), with room for IV and tag. */
export const PHONE_UP_MAX_CHARS = 350_000;
/** Base64 of a sealed message to phones: a view (its cards at most 192 KiB of JSON, shared/phone/view.ts) with room to spare. */
export const PHONE_DOWN_MAX_CHARS = 1_000_000;
/** Phones one `down` names at most: a room takes MAX_PHONES (shared/phone/rate.ts). */
export const PHONE_DOWN_MAX_TARGETS = 200;

const verifier = z.string().min(16).max(128);

export const PHONE_MESSAGE = {
  join: 'plenum-phone-join',
  joined: 'plenum-phone-joined',
  status: 'plenum-phone-status',
  up: 'plenum-phone-up',
  from: 'plenum-phone-from',
  presence: 'plenum-phone-presence',
  down: 'plenum-phone-down',
  message: 'plenum-phone-msg',
} as const;

/* ---- phone → server ---- */
export const phoneJoinRequest = z.strictObject({ type: z.literal(PHONE_MESSAGE.join), verifier });
export const phoneUpRequest = z.strictObject({ type: z.literal(PHONE_MESSAGE.up), data: z.string().min(1).max(PHONE_UP_MAX_CHARS) });

/* ---- host laptop → server ---- */
export const phoneDownRequest = z.strictObject({
  type: z.literal(PHONE_MESSAGE.down),
  // Rooms phones reach are workshops: their ids.
  room: z.string().regex(ID_PATTERN),
  to: z.array(phoneConnectionId).min(1).max(PHONE_DOWN_MAX_TARGETS),
  data: z.string().min(1).max(PHONE_DOWN_MAX_CHARS),
});

/** Every phone message the server reads (signaling.ts adds them to what it accepts). */
export const phoneRequests = [phoneJoinRequest, phoneUpRequest, phoneDownRequest] as const;
export type PhoneJoinRequest = z.infer<typeof phoneJoinRequest>;
export type PhoneUpRequest = z.infer<typeof phoneUpRequest>;
export type PhoneDownRequest = z.infer<typeof phoneDownRequest>;

/**
 * Why the server refused a phone: a wrong code, too many attempts, a full room, or a host laptop
 * with this code that the server does not admit yet (another code still holds the room:
 * electron/services/room-registry.ts), or a code whose room another code took over. Older pages
 * read a reason they do not know as a wrong code.
 */
export const phoneJoinRefusal = z.enum(['wrong-code', 'rate-limited', 'room-full', 'host-waiting', 'code-replaced']);
export type PhoneJoinRefusal = z.infer<typeof phoneJoinRefusal>;

/* ---- server → phone ---- */
export const phoneJoined = z.discriminatedUnion('ok', [
  // The room names the key's salt; `host` says whether the room's host laptop is connected now.
  z.object({ type: z.literal(PHONE_MESSAGE.joined), ok: z.literal(true), room: z.string().regex(ID_PATTERN), host: z.boolean() }),
  z.object({ type: z.literal(PHONE_MESSAGE.joined), ok: z.literal(false), reason: phoneJoinRefusal.catch('wrong-code') }),
]);
export const phoneStatus = z.object({ type: z.literal(PHONE_MESSAGE.status), host: z.boolean() });
export const phoneMessage = z.object({ type: z.literal(PHONE_MESSAGE.message), data: z.string().min(1).max(PHONE_DOWN_MAX_CHARS) });
/** What a phone reads from the server. */
export const toPhone = z.union([phoneJoined, phoneStatus, phoneMessage]);
export type ToPhone = z.infer<typeof toPhone>;

/* ---- server → host laptop ---- */
export const phoneFrom = z.object({ type: z.literal(PHONE_MESSAGE.from), phone: phoneConnectionId, data: z.string().min(1).max(PHONE_UP_MAX_CHARS) });
export const phonePresence = z.object({ type: z.literal(PHONE_MESSAGE.presence), phone: phoneConnectionId, present: z.boolean() });
/** What the host laptop reads from the server about phones. */
export const toPhoneHost = z.union([phoneFrom, phonePresence]);
export type ToPhoneHost = z.infer<typeof toPhoneHost>;

/**
 * The participant page's address for a room, as the QR code holds it: the host's signaling
 * address (`ws://host:port`, invite.ts's canonical form) as http, the page's path, and the join
 * secret in the fragment, which a browser never sends to the server. Null for an address that is
 * not a signaling URL.
 */
export function phonePageUrl(signalingAddress: string, secret: string): string | null {
  const match = /^(wss?):\/\/([^/?#]+)/.exec(signalingAddress);
  if (!match) return null;
  const scheme = match[1] === 'wss' ? 'https' : 'http';
  return `${scheme}://${match[2]}${PHONE_PAGE_PATH}#${encodeURIComponent(secret)}`;
}

/** The join secret a participant page's fragment holds (`#SECRET`, as phonePageUrl writes it), or '' when it holds none. */
export function secretInFragment(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return '';
  }
}
