import { z } from 'zod';
import { ID_PATTERN } from '../model';
import { TIME_MESSAGE, timeReply, timeRequest } from './clock';
import { phoneRequests } from './phone-wire';

/*
 * What laptops and the signaling server say to each other. The server speaks y-webrtc's protocol
 * (node_modules/y-webrtc/bin/server.js: subscribe, unsubscribe, publish, ping) plus Plenum's own
 * messages, all named `plenum-*`: the host registers its room's join verifier, a table checks its
 * code against it, and every laptop asks for the room's clock (shared/protocol/clock.ts).
 * Vanilla y-webrtc clients never send Plenum's messages and ignore their answers.
 *
 * The server (electron/services/signaling-server.ts), the join check, peer sync and the relay
 * (renderer/network/) all read their messages from here, so a field renamed on one side cannot
 * be missed on the other.
 */

/** y-webrtc's customary signaling port: where the moderator's app listens unless told otherwise, and what a typed hostname without a port gets. */
export const DEFAULT_SIGNALING_PORT = 4444;

/** Longest topic (room) name; y-webrtc rooms are workshop ids (UUIDs). */
export const MAX_TOPIC_LENGTH = 512;

/** The `type` of each Plenum message, both ways. */
export const PLENUM_MESSAGE = {
  host: 'plenum-host',
  hostResult: 'plenum-host-result',
  joinCheck: 'plenum-join-check',
  joinResult: 'plenum-join-result',
  time: TIME_MESSAGE,
  /** "I read and send relay messages as binary frames" (shared/protocol/relay-frame.ts), and the server's yes. */
  relayBinary: 'plenum-relay-binary',
} as const;

/** y-webrtc's message types on a data channel, which the relay reuses inside its sealed messages. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

// The verifier is a one-way hash of the join secret (shared/protocol/join-secret.ts); opaque to the server.
const verifier = z.string().min(16).max(128);

/** The host registers its room under the verifier of its join code. */
export const hostRequest = z.object({ type: z.literal(PLENUM_MESSAGE.host), room: z.string().min(1).max(MAX_TOPIC_LENGTH), verifier });
export type HostRequest = z.infer<typeof hostRequest>;

/** A table asks which room (if any) its code's verifier opens. */
export const joinCheckRequest = z.object({ type: z.literal(PLENUM_MESSAGE.joinCheck), verifier });
export type JoinCheckRequest = z.infer<typeof joinCheckRequest>;

/** Why the server refused a host registration (electron/services/room-registry.ts), or its rate limit. */
export const hostRefusal = z.enum(['room-taken', 'verifier-in-use', 'too-many-rooms', 'rate-limited']);
export type HostRefusal = z.infer<typeof hostRefusal>;

export const hostResult = z.discriminatedUnion('ok', [
  z.object({ type: z.literal(PLENUM_MESSAGE.hostResult), ok: z.literal(true) }),
  z.object({ type: z.literal(PLENUM_MESSAGE.hostResult), ok: z.literal(false), reason: hostRefusal }),
]);
export type HostResultMessage = z.infer<typeof hostResult>;

/**
 * The answer to a join check: the room, or no room (a wrong code), or `rate-limited`, or
 * `host-waiting`: a laptop hosting with this code is connected but the server refused it, as
 * another code still holds the workshop's room (electron/services/room-registry.ts), or
 * `code-replaced`: another code took this code's room over (a laptop hosting it from a backup). Read
 * leniently: any `ok: false` without a known reason is a wrong code (so older laptops read
 * `host-waiting` as one, as they were told before).
 */
export const joinRefusal = z.enum(['rate-limited', 'host-waiting', 'code-replaced']);
export type JoinRefusal = z.infer<typeof joinRefusal>;

export const joinResult = z.discriminatedUnion('ok', [
  // The room becomes this laptop's workshop id (a database key): only an id is one.
  z.object({ type: z.literal(PLENUM_MESSAGE.joinResult), ok: z.literal(true), room: z.string().regex(ID_PATTERN) }),
  z.object({ type: z.literal(PLENUM_MESSAGE.joinResult), ok: z.literal(false), reason: joinRefusal.optional().catch(undefined) }),
]);
export type JoinResultMessage = z.infer<typeof joinResult>;

/** A laptop offers binary relay frames (shared/protocol/relay-frame.ts); a server that knows them says yes. */
export const relayBinaryOffer = z.object({ type: z.literal(PLENUM_MESSAGE.relayBinary) });

/** Every Plenum message a laptop sends to the server. */
export const plenumRequest = z.discriminatedUnion('type', [hostRequest, joinCheckRequest, timeRequest, relayBinaryOffer]);
export type PlenumRequest = z.infer<typeof plenumRequest>;

/** Every Plenum message the server answers with. */
export const plenumReply = z.union([hostResult, joinResult, timeReply]);
export type PlenumReply = z.infer<typeof plenumReply>;

/**
 * What the server accepts: y-webrtc's messages and Plenum's. `publish` is loose because it carries
 * y-webrtc's payload (`data`), forwarded as it came.
 */
export const signalingRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(z.string()) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(z.string()) }),
  z.looseObject({ type: z.literal('publish'), topic: z.string().min(1) }),
  z.object({ type: z.literal('ping') }),
  ...plenumRequest.options,
  ...phoneRequests,
]);
export type SignalingRequest = z.infer<typeof signalingRequest>;

/** The answer to a host registration, as the server writes it (key order is the wire format). */
export function hostResultMessage(refusal: HostRefusal | null): HostResultMessage {
  return refusal === null ? { type: PLENUM_MESSAGE.hostResult, ok: true } : { type: PLENUM_MESSAGE.hostResult, ok: false, reason: refusal };
}

/** The answer to a join check: the room its verifier opens, none, a refusal to check, or a host that waits for its room. */
export function joinResultMessage(answer: { room: string } | { room: undefined } | JoinRefusal): JoinResultMessage {
  if (typeof answer === 'string') return { type: PLENUM_MESSAGE.joinResult, ok: false, reason: answer };
  return answer.room === undefined ? { type: PLENUM_MESSAGE.joinResult, ok: false } : { type: PLENUM_MESSAGE.joinResult, ok: true, room: answer.room };
}
