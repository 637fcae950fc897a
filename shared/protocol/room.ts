import type { Result } from '../model';

/**
 * Room names on the signaling server.
 *
 * The y-webrtc room is the workshop id: every laptop holding the workshop finds the others
 * under it, and y-webrtc salts the key it derives from the join secret with it. Room names are
 * limited to ASCII letters, digits and '-' (a UUID fits): they travel in invites and QR codes
 * unescaped, and because '#' can never occur in a room, `${room}#relay` can never be another
 * workshop's room.
 */
export const ROOM_PATTERN = /^[A-Za-z0-9-]{1,100}$/;

/**
 * The y-webrtc room (and signaling topic) of a workshop: its id. Refuses ids with characters a
 * topic should not carry (anything but ASCII letters, digits and '-', or more than 100 of them).
 */
export function roomName(workshopId: string): Result<string, 'room.invalid'> {
  return ROOM_PATTERN.test(workshopId) ? { ok: true, value: workshopId } : { ok: false, error: 'room.invalid' };
}

/**
 * The signaling topic that carries a room's encrypted Yjs updates through the host's server when
 * WebRTC cannot connect two laptops (client isolation on venue Wi-Fi, failed ICE).
 *
 * Why not the room's own topic: y-webrtc subscribes to that one and treats every message
 * published there as its own signaling — it decrypts it with the room key and answers
 * 'announce' by opening a WebRTC connection. Relay traffic there would make every vanilla
 * y-webrtc client try to decrypt Yjs updates as signaling JSON. On a topic of its own, only
 * laptops that need the relay subscribe to it, y-webrtc never sees it, and the server can cap
 * and count relay traffic (larger, steadier messages) separately from signaling.
 */
export function relayTopic(room: string): string {
  return `${room}#relay`;
}
