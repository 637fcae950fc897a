/**
 * Retries WebRTC connections that got stuck while opening, or that opened without carrying data.
 *
 * Two laptops that announce themselves at the same instant each send the other an offer. y-webrtc
 * settles that glare by a random token, and the laptop with the lower token applies the other's
 * offer to its own initiating peer, which cannot answer it:
 *  - @roamhq/wrtc (the Node tests) refuses it ("Called in wrong state: have-local-offer"); that
 *    peer closes and announces itself again, while the laptop with the higher token keeps its
 *    initiating connection and waits for an answer that never comes. A new announcement finds
 *    the pair "already connecting" and is ignored: stuck for good.
 *  - Chromium rolls its own offer back and answers. Both sides then hold an initiating
 *    simple-peer, each sends on its own data channel and listens on none of the other's: the pair
 *    counts as connected and exchanges nothing, so neither the relay nor anybody else carries
 *    their edits to each other (measured with six Chromium laptops started at once).
 * (docs/performance.md, finding 3.) Plenum now answers such an offer with a fresh peer
 * (fresh-answer.ts), which settles glare between two Plenum laptops at once. This watch remains for
 * what that cannot reach: a plain y-webrtc client on the other side, a connection whose ICE never
 * completes, one that opened and carries nothing.
 *
 * A connection counts as working once data has come through it: y-webrtc sends its sync step 1
 * the moment a channel opens. One that has not opened, or has opened without data, after a while
 * is closed here. y-webrtc then removes it and announces this laptop again, and the other laptop
 * answers with a fresh offer once it has dropped its side too. Waits are randomised (±25 %) so two
 * sides that got stuck together seldom retry together (when both close within the same second,
 * both announce and glare again, which the fresh answer now settles), and each further try for the same laptop
 * waits twice as long (up to MAX_WAIT_MS): a pair that can never connect directly (a Wi-Fi that
 * isolates its clients) costs one offer every two minutes or so.
 *
 * A connection that carried data and then fell silent for SILENT_MS is closed too: every laptop
 * renews its presence every few seconds (presence.ts), so silence means the other laptop is gone
 * without a word (a crash, the Wi-Fi lost) while WebRTC would hold the connection for some 30 s.
 */
import { PRESENCE_TIMEOUT_MS } from './presence';

/** The parts of y-webrtc's WebrtcConn this reads and calls. */
export interface OpeningConnection {
  connected: boolean;
  closed: boolean;
  peer: { on(event: 'data', listener: () => void): unknown };
  destroy(): void;
}

/** On a LAN a data channel opens, and the first sync message arrives, in well under a second. */
export const FIRST_WAIT_MS = 10_000;
export const MAX_WAIT_MS = 120_000;
/** Each wait is stretched or shrunk by up to this share, at random. */
export const JITTER = 0.25;
/** A connection that carried data and then nothing for this long is dead. */
export const SILENT_MS = PRESENCE_TIMEOUT_MS;
/**
 * A connection still opening this long after it was made, when its laptop announces itself: that
 * laptop most likely started over (it came back after losing the Wi-Fi while the two were still
 * connecting) and holds nothing of it. Half the first wait: a LAN connection opens in well under
 * this (p99 1.25 s, max 1.6 s with twelve opening at once on a loaded 2-core machine), and closing
 * one that is merely slow makes its laptops announce themselves again, which must not close other
 * slow connections in turn in a big room that joins at once. A laptop that leaves on purpose says
 * so on the relay, and its connections still opening go at once (peer-sync.ts).
 */
export const STALE_ON_ANNOUNCE_MS = FIRST_WAIT_MS / 2;

export interface StuckConnectionWatch {
  /**
   * Starts watching a new connection of the laptop `id` as y-webrtc creates it: data can arrive
   * before the next check, and must not be missed.
   */
  track(id: string, conn: OpeningConnection, now: number): void;
  /**
   * Closes the connections of `conns` (keyed by remote peer id) that have not carried data for
   * too long at `now`, or that carried data and then fell silent for SILENT_MS. Returns the ids closed.
   */
  check(conns: ReadonlyMap<string, OpeningConnection>, now: number): string[];
  /**
   * Watches `conn` afresh from `now`, as a connection that has carried nothing yet, without counting a
   * try: its peer was swapped for a fresh one (fresh-answer.ts). Its 'data' listeners moved with it.
   */
  restart(conn: OpeningConnection, now: number): void;
  /**
   * The laptop `id` started over, and `conn` is this laptop's connection to it: closed if it is
   * still opening, without data, since `openingFor` or longer, without a try counted. Called when
   * that laptop says goodbye on the relay (0: it dropped its side) or announces itself
   * (STALE_ON_ANNOUNCE_MS). y-webrtc ignores an announcement from a laptop it holds a connection
   * to, so a left-over one would hold the pair apart until its wait ran out (up to 12.5 s); closed,
   * y-webrtc drops it and the next announcement opens a new one. Returns whether it closed `conn`.
   */
  startedOver(id: string, conn: OpeningConnection | undefined, now: number, openingFor: number): boolean;
  /** Forgets the tries so far: after this laptop reconnects, every laptop gets the first wait again. */
  reset(): void;
  /** How long `conn` has carried no data at `now` (since it was tracked, if never); 0 if it is not watched. */
  silentFor(conn: OpeningConnection, now: number): number;
}

interface Watched {
  since: number;
  gotData: boolean;
  /** performance.now() of the last data, or when tracking began. */
  lastData: number;
  waitMs: number;
}

export function watchStuckConnections(random: () => number = Math.random, clock: () => number = () => performance.now()): StuckConnectionWatch {
  const watched = new WeakMap<OpeningConnection, Watched>();
  /** Tries so far per remote laptop, forgotten once a connection to it carried data. */
  const tries = new Map<string, number>();
  const ids = new WeakMap<OpeningConnection, string>();
  const watch = (id: string, conn: OpeningConnection, now: number) => {
    const base = Math.min(FIRST_WAIT_MS * 2 ** (tries.get(id) ?? 0), MAX_WAIT_MS);
    watched.set(conn, { since: now, gotData: false, lastData: now, waitMs: base * (1 - JITTER + 2 * JITTER * random()) });
  };
  const track = (id: string, conn: OpeningConnection, now: number) => {
    if (watched.has(conn)) return;
    ids.set(conn, id);
    watch(id, conn, now);
    // Looked up on each message, not held: a restart puts a new entry in place.
    conn.peer.on('data', () => {
      const entry = watched.get(conn);
      if (!entry) return;
      entry.gotData = true;
      entry.lastData = clock();
    });
  };
  return {
    track,
    check(conns, now) {
      const closed: string[] = [];
      for (const [id, conn] of conns) {
        if (conn.closed) continue;
        const entry = watched.get(conn);
        if (!entry) {
          track(id, conn, now);
          continue;
        }
        if (entry.gotData) {
          tries.delete(id);
          if (now - entry.lastData < SILENT_MS) continue;
          conn.destroy();
          closed.push(id);
          continue;
        }
        if (now - entry.since < entry.waitMs) continue;
        tries.set(id, (tries.get(id) ?? 0) + 1);
        conn.destroy();
        closed.push(id);
      }
      return closed;
    },
    restart(conn, now) {
      const id = ids.get(conn);
      if (id !== undefined) watch(id, conn, now);
    },
    startedOver(id, conn, now, openingFor) {
      if (!conn || conn.connected || conn.closed || ids.get(conn) !== id) return false;
      const entry = watched.get(conn);
      if (!entry || entry.gotData || now - entry.since < openingFor) return false;
      conn.destroy();
      return true;
    },
    reset() {
      tries.clear();
    },
    silentFor(conn, now) {
      const entry = watched.get(conn);
      return entry ? Math.max(0, now - entry.lastData) : 0;
    },
  };
}
