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

/**
 * The events y-webrtc and Plenum listen to on a simple-peer. simple-peer 9 and its readable-stream
 * register nothing of their own on these (only 'finish', 'end' and a 'connect' after end()), so all
 * their listeners are y-webrtc's and Plenum's; check again on a simple-peer upgrade.
 */
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
  room?: { provider?: { peerOpts?: unknown } } | null;
}

/** The session description a signal carries (an offer or an answer), if any. */
function sdpOf(data: unknown): { type: unknown; sdp: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, sdp } = data as { type?: unknown; sdp?: unknown };
  return typeof sdp === 'string' ? { type, sdp } : null;
}

/**
 * Whether `candidate` may belong to the connection `offerSdp` opens: its ICE username fragment (in
 * the candidate's text, as Chromium and libwebrtc write it) is the offer's, or it names none. One of
 * an older connection would be refused by the fresh peer, and simple-peer closes a peer on that.
 */
function ofOffer(candidate: unknown, offerSdp: string): boolean {
  const text = (candidate as { candidate?: { candidate?: unknown } } | null)?.candidate?.candidate;
  const ufrag = typeof text === 'string' ? / ufrag (\S+)/.exec(text)?.[1] : undefined;
  if (ufrag === undefined) return true;
  return [...offerSdp.matchAll(/^a=ice-ufrag:(\S+)/gm)].some((match) => match[1] === ufrag);
}

export interface FreshAnswerOptions<C extends AnsweringConnection> {
  /** Applied to each fresh peer, with `conn.peer` already set to it: whatever the caller set up on the first one. */
  preparePeer(conn: C): void;
  /** Builds a simple-peer with the given options; by default the class of `conn.peer` with the room's peer options. */
  makePeer?(options: { initiator: false }): C['peer'];
}

/**
 * Makes `conn` answer an offer with a fresh answering peer when its own peer cannot: it initiates,
 * or it took a session description of an earlier connection. Candidates that came since the last
 * description belong to the new offer (signaling is sealed and unsealed asynchronously, so one may
 * overtake its offer) and go to the fresh peer after it.
 *
 * A session description that arrives again, the same, is dropped: a laptop with several signaling
 * addresses of one server (the moderator's, every LAN address and 127.0.0.1) hears every message
 * once per address, and the same offer or answer applied twice fails in state "stable" and closes
 * the connection.
 */
export function answerOffersFresh<C extends AnsweringConnection>(conn: C, { preparePeer, makePeer }: FreshAnswerOptions<C>): void {
  const make =
    makePeer ??
    ((options: { initiator: false }) => {
      const Peer = conn.peer.constructor as new (options: object) => C['peer'];
      const peerOpts = conn.room?.provider?.peerOpts;
      return new Peer({ ...(typeof peerOpts === 'object' && peerOpts !== null ? peerOpts : {}), ...options });
    });
  /** The last session description this connection took, whichever of its peers took it. */
  let lastSdp: string | null = null;
  const watch = (peer: C['peer']) => {
    let tookSdp = false;
    let candidates: unknown[] = [];
    const signal = peer.signal.bind(peer);
    peer.signal = (data: unknown) => {
      const description = sdpOf(data);
      if (!description) {
        candidates.push(data);
        signal(data);
        return;
      }
      if (description.sdp === lastSdp) return;
      lastSdp = description.sdp;
      const stale = peer.initiator === true || tookSdp;
      tookSdp = true;
      const early = candidates;
      candidates = [];
      if (description.type !== 'offer' || !stale || conn.peer !== peer || conn.closed) {
        signal(data);
        return;
      }
      let fresh: C['peer'];
      try {
        fresh = make({ initiator: false });
      } catch {
        // No peer to be had: the old one takes the offer, as y-webrtc would have it.
        signal(data);
        return;
      }
      for (const event of PEER_EVENTS) {
        for (const listener of peer.listeners(event)) fresh.on(event, listener);
        peer.removeAllListeners(event);
      }
      // simple-peer's destroy() without an error emits none; this is only so that a late one is never thrown.
      peer.on('error', () => undefined);
      peer.destroy();
      conn.peer = fresh;
      conn.connected = false;
      preparePeer(conn);
      watch(fresh);
      // The fresh peer takes this description as its first: not a repeat of itself.
      lastSdp = null;
      fresh.signal(data);
      for (const candidate of early) if (ofOffer(candidate, description.sdp)) fresh.signal(candidate);
    };
  };
  watch(conn.peer);
}
