/*
 * The moderator's laptop reaches its own signaling server at every LAN address and at 127.0.0.1
 * (electron/services/hosting.ts): one server, several sockets. The server sends each message to
 * every subscribed socket, so that laptop hears every offer, answer and candidate of the room once
 * per address, and y-webrtc acts on each: an answer taken twice fails in state "stable" and closes
 * the connection, and a late copy of an offer that y-webrtc first rejected in glare is accepted once
 * the glare is settled and replaces a working connection.
 *
 * Copies are told apart from messages by their sealed text: the server encodes one message once
 * for all its receivers, while each message y-webrtc publishes is sealed with an IV of its own, so
 * two different messages never share it. The first copy passes, from whichever socket; later
 * copies of the room's y-webrtc messages are dropped before anyone listens. fresh-answer.ts drops
 * a repeated session description too, for a copy that comes after this forgot it.
 */

/** How many of the room's sealed messages are remembered: far more than the copies in flight at once. */
export const REMEMBERED_MESSAGES = 512;

/** The part of y-webrtc's SignalingConn (lib0's ObservableV2) whose delivery is filtered. */
export interface EmittingSocket {
  emit(name: string, args: unknown[]): void;
}

export interface SignalingRepeats {
  /** Filters `socket`'s deliveries of the room's messages from now on; once per socket. */
  attach(socket: EmittingSocket): void;
}

/** Whether `message` is a publish of y-webrtc on `topic`, and its sealed text. */
function sealedTextOf(message: unknown, topic: string): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, topic: on, data } = message as { type?: unknown; topic?: unknown; data?: unknown };
  return type === 'publish' && on === topic && typeof data === 'string' ? data : null;
}

/** Drops the copies of the room's y-webrtc messages (`topic`: the room's name) that reach this laptop through more than one socket. */
export function dropSignalingRepeats(topic: string, remembered = REMEMBERED_MESSAGES): SignalingRepeats {
  const seen = new Set<string>();
  const attached = new WeakSet<EmittingSocket>();
  return {
    attach(socket) {
      if (attached.has(socket)) return;
      attached.add(socket);
      const emit = socket.emit.bind(socket);
      socket.emit = (name, args) => {
        const sealed = name === 'message' ? sealedTextOf(args[0], topic) : null;
        if (sealed !== null) {
          if (seen.has(sealed)) return;
          seen.add(sealed);
          // A Set iterates in insertion order: the first is the oldest.
          if (seen.size > remembered) for (const oldest of seen) {
            seen.delete(oldest);
            break;
          }
        }
        emit(name, args);
      };
    },
  };
}
