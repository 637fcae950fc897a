/*
 * Two laptops that see each other at the same instant (the moderator shows the code, every table
 * types it) each open a connection and send an offer: glare. y-webrtc settles who answers by a
 * random token, and the laptop that answers feeds the other's offer into its own *initiating*
 * simple-peer, which cannot be the answering side of a connection:
 *  - @roamhq/wrtc refuses the offer (ERR_SET_REMOTE_DESCRIPTION) and the connection closes, while
 *    the other laptop's initiating connection waits for an answer that never comes;
 *  - Chromium rolls its own offer back and answers, but both sides then hold an initiating
 *    simple-peer that sends on its own data channel and listens on none of the other's.
 * Either way the pair is stuck until the stuck-connection watch closes both sides; their retries
 * often close within the same second, announce together, glare again and wait twice as long
 * (measured in tests/sync/glare.test.ts: a pair without a direct connection for 35–90 s).
 *
 * Here the answering laptop swaps the connection's simple-peer for a fresh answering one before the
 * offer reaches it. The swap keeps y-webrtc's WebrtcConn (its signaling connection, its token, its
 * place in the room) and moves y-webrtc's listeners, and everything Plenum attached, to the new
 * peer, so the answer goes out as any answer does and the glare settles in one round trip. The same
 * holds for an offer that reaches a connection which already took signals: the other laptop has
 * started over, and what this side holds belongs to its old connection. (y-webrtc never
 * renegotiates an open connection, it sends no media, so a later offer is always a new connection.)
 */

/** The events y-webrtc and Plenum listen to on a simple-peer. */
const PEER_EVENTS = ['signal', 'connect', 'close', 'error', 'data'] as const;

type Listener = (...args: unknown[]) => void;

/** The parts of a simple-peer that the swap reads, calls and sets. */
export interface SwappablePeer {
  initiator?: unknown;
  signal(data: unknown): void;
  on(event: string, listener: Listener): unknown;
  listeners(event: string): Listener[];
  removeAllListeners(event: string): unknown;
  destroy(): void;
}

/** The parts of y-webrtc's WebrtcConn that the swap reads and sets. */
export interface AnsweringConnection<P extends SwappablePeer = SwappablePeer> {
  peer: P;
  connected: boolean;
  closed: boolean;
  synced?: boolean;
  room?: { provider?: { peerOpts?: unknown } } | null;
}

const isOffer = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'offer';

/**
 * Makes `conn` answer an offer with a fresh answering peer when its own peer cannot: it initiates,
 * or it already took signals of an earlier connection. `preparePeer` is applied again to each new
 * peer (whatever the caller set up on the first one). `makePeer` builds a simple-peer with the
 * given options; by default the class of `conn.peer` with the room's peer options.
 */
export function answerOffersFresh<C extends AnsweringConnection>(
  conn: C,
  preparePeer: (conn: C) => void,
  makePeer: (options: { initiator: false }) => C['peer'] = (options) => {
    const Peer = conn.peer.constructor as new (options: object) => C['peer'];
    const peerOpts = conn.room?.provider?.peerOpts;
    return new Peer({ ...(typeof peerOpts === 'object' && peerOpts !== null ? peerOpts : {}), ...options });
  },
): void {
  const watch = (peer: C['peer']) => {
    let signalled = false;
    const signal = peer.signal.bind(peer);
    peer.signal = (data: unknown) => {
      const stale = peer.initiator === true || signalled;
      signalled = true;
      if (!isOffer(data) || !stale || conn.peer !== peer || conn.closed) {
        signal(data);
        return;
      }
      const fresh = makePeer({ initiator: false });
      for (const event of PEER_EVENTS) {
        for (const listener of peer.listeners(event)) fresh.on(event, listener);
        peer.removeAllListeners(event);
      }
      // An error of the old peer while it closes would otherwise be thrown: nobody listens any more.
      peer.on('error', () => undefined);
      peer.destroy();
      conn.peer = fresh;
      conn.connected = false;
      conn.synced = false;
      preparePeer(conn);
      watch(fresh);
      fresh.signal(data);
    };
  };
  watch(conn.peer);
}
