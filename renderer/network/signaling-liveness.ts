import type { SignalingSocket } from './relay-wire';

/*
 * A signaling server that vanishes without closing its connections (its laptop sleeps, loses the
 * Wi-Fi or its power) sends no FIN and no RST: the browser's WebSocket stays open and says nothing.
 * lib0's client (y-webrtc's signaling connection) pings after 15 s of silence and gives up after
 * 30 s, and then its `close()` waits for the closing handshake of a server that is not there, up to
 * a minute in Chromium: the moderator's header said "Verbunden" all that time (QA: 31 s). Every
 * laptop hears its server at least every few seconds (each presence renewal comes back to it, and
 * the server answers a ping at once), so a connection quiet for QUIET_MS is pinged, and one that
 * stays silent for DEAD_MS is given up here: it counts as disconnected at once and lib0 reconnects.
 */

/** After this long without a message from the server, it is asked for a pong. */
export const QUIET_MS = 4000;
/** After this long without one, the connection is given up. */
export const DEAD_MS = 12_000;
const CHECK_MS = 1000;

/** lib0's WebSocket of a signaling connection, as far as it is read here. */
interface CurrentWebSocket {
  onclose: unknown;
  onerror: unknown;
  onmessage: unknown;
  onopen: unknown;
  close(): void;
}

interface Watched {
  heard: number;
  pinged: boolean;
  readonly connect: () => void;
  readonly message: () => void;
}

export interface SignalingLiveness {
  attach(socket: SignalingSocket): void;
  keepOnly(sockets: readonly SignalingSocket[]): void;
  destroy(): void;
}

export function watchSignalingLiveness(now: () => number = () => performance.now()): SignalingLiveness {
  const watched = new Map<SignalingSocket, Watched>();

  const check = () => {
    const at = now();
    for (const [socket, entry] of watched) {
      if (!socket.connected) {
        entry.heard = at;
        entry.pinged = false;
        continue;
      }
      const quiet = at - entry.heard;
      if (quiet >= DEAD_MS) {
        entry.heard = at;
        entry.pinged = false;
        giveUp(socket);
      } else if (quiet >= QUIET_MS && !entry.pinged) {
        entry.pinged = true;
        socket.send({ type: 'ping' });
      }
    }
  };
  const interval = setInterval(check, CHECK_MS);

  const release = (socket: SignalingSocket, entry: Watched) => {
    socket.off('connect', entry.connect);
    socket.off('message', entry.message);
    watched.delete(socket);
  };

  return {
    attach(socket) {
      if (watched.has(socket)) return;
      const entry: Watched = {
        heard: now(),
        pinged: false,
        connect: () => {
          entry.heard = now();
          entry.pinged = false;
        },
        message: () => {
          entry.heard = now();
          entry.pinged = false;
        },
      };
      watched.set(socket, entry);
      socket.on('connect', entry.connect);
      socket.on('message', entry.message);
    },
    keepOnly(sockets) {
      for (const [socket, entry] of watched) if (!sockets.includes(socket)) release(socket, entry);
    },
    destroy() {
      clearInterval(interval);
      for (const [socket, entry] of watched) release(socket, entry);
    },
  };
}

/**
 * Closes the connection's current WebSocket and runs lib0's own close handler at once, which marks
 * the connection disconnected, says so ('disconnect') and reconnects. The old WebSocket's handlers
 * are taken off first: lib0's handler clears whatever WebSocket is current when it runs, and the
 * old one's real close event, coming a minute later, would close the new connection.
 */
function giveUp(socket: SignalingSocket): void {
  const ws = (socket as { ws?: unknown }).ws;
  if (!isCurrentWebSocket(ws)) return;
  const onClose = ws.onclose;
  ws.onclose = ws.onerror = ws.onmessage = ws.onopen = null;
  try {
    ws.close();
  } catch {
    // Already closing: lib0's handler below is what counts.
  }
  if (typeof onClose === 'function') (onClose as (this: unknown) => void).call(ws);
}

function isCurrentWebSocket(value: unknown): value is CurrentWebSocket {
  return typeof value === 'object' && value !== null && 'onclose' in value && typeof (value as { close?: unknown }).close === 'function';
}
