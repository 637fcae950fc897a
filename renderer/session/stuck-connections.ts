/**
 * Retries WebRTC connections that got stuck while opening.
 *
 * Two laptops that announce themselves at the same instant each send the other an offer. y-webrtc
 * settles that glare by a random token: the laptop with the lower token answers the other's offer
 * on its own initiating peer, which fails ("Called in wrong state: have-local-offer"), closes and
 * announces itself again; the laptop with the higher token keeps its initiating connection and
 * waits for an answer that never comes. Its room keeps that connection forever, and a new
 * announcement from the other laptop finds the pair "already connecting" and is ignored. Such a
 * pair syncs through the relay only, and loses each other when the host's server goes away.
 * (docs/performance.md, finding 3: 19–28 of 36 links with nine laptops starting at once.)
 *
 * A connection that has not opened after a while is closed here. y-webrtc then removes it and
 * announces this laptop again; the other laptop, which no longer has a connection to this one,
 * answers the announcement with a fresh offer. Each further try for the same laptop waits twice
 * as long (up to MAX_WAIT_MS), so a pair that can never connect directly (a Wi-Fi that isolates
 * its clients) costs one offer every two minutes, not a storm.
 */

/** The parts of y-webrtc's WebrtcConn this reads and calls. */
export interface OpeningConnection {
  connected: boolean;
  closed: boolean;
  destroy(): void;
}

/** On a LAN a data channel opens in well under a second; this is slow even on a loaded laptop. */
export const FIRST_WAIT_MS = 10_000;
export const MAX_WAIT_MS = 120_000;

export interface StuckConnectionWatch {
  /** Closes the connections of `conns` (keyed by remote peer id) that have been opening too long at `now`. Returns the ids closed. */
  check(conns: ReadonlyMap<string, OpeningConnection>, now: number): string[];
}

export function watchStuckConnections(): StuckConnectionWatch {
  /** When each connection was first seen opening: a new connection object starts a new wait. */
  const seen = new WeakMap<OpeningConnection, number>();
  /** Tries so far per remote laptop, reset once a connection to it opens. */
  const tries = new Map<string, number>();
  return {
    check(conns, now) {
      const closed: string[] = [];
      for (const [id, conn] of conns) {
        if (conn.connected) {
          tries.delete(id);
          continue;
        }
        if (conn.closed) continue;
        const since = seen.get(conn);
        if (since === undefined) {
          seen.set(conn, now);
          continue;
        }
        const attempt = tries.get(id) ?? 0;
        if (now - since < Math.min(FIRST_WAIT_MS * 2 ** attempt, MAX_WAIT_MS)) continue;
        tries.set(id, attempt + 1);
        conn.destroy();
        closed.push(id);
      }
      return closed;
    },
  };
}
