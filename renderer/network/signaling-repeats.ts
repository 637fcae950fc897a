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

/**
 * Drops the copies of the room's y-webrtc messages (`topic`: the room's name) that reach this
 * laptop through more than one socket, and, given `opens`, the messages that do not open with the
 * room's key or are not y-webrtc's (signaling-check.ts). Checking takes a decryption: while one is
 * pending, every later event of that socket waits behind it, so y-webrtc hears them in order.
 */
export function dropSignalingRepeats(topic: string, remembered = REMEMBERED_MESSAGES, opens?: (sealed: string) => Promise<boolean>): SignalingRepeats {
  const seen = new Set<string>();
  const attached = new WeakSet<EmittingSocket>();
  return {
    attach(socket) {
      if (attached.has(socket)) return;
      attached.add(socket);
      const emit = socket.emit.bind(socket);
      /** The last delivery still waiting for a check, or null when none is. */
      let waiting: Promise<void> | null = null;
      const later = (deliver: () => void | Promise<void>) => {
        // A listener that throws is reported as it was when it ran in the socket's own handler,
        // and the events after it are still delivered.
        const mine: Promise<void> = (waiting ?? Promise.resolve()).then(deliver).catch((error: unknown) => {
          setTimeout(() => {
            throw error;
          });
        });
        waiting = mine;
        void mine.then(() => {
          if (waiting === mine) waiting = null;
        });
      };
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
          if (opens) {
            const check = opens(sealed);
            later(async () => {
              if (await check) emit(name, args);
            });
            return;
          }
        }
        if (waiting) later(() => emit(name, args));
        else emit(name, args);
      };
    },
  };
}
