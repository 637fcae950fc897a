import type { Arrival } from '../fixtures/latency-card';

/**
 * The two networks the peer benchmarks compare (bench/suites/peer-network.ts):
 *   plenum      the project's peer sync (renderer/network/peer-sync.ts: y-webrtc, encrypted, with
 *               the relay through the project's signaling server);
 *   ywebsocket  y-websocket@2's WebsocketProvider to y-websocket's own relay server (the baseline).
 */
export type Transport = 'plenum' | 'ywebsocket';

/**
 * What a latency sample goes over: one of the two networks, or `floor`, a raw message over an extra
 * pre-negotiated data channel on Plenum's own WebRTC connections (bench/laptop/floor.ts).
 */
export type SampleNet = Transport | 'floor';

export interface LaptopStart {
  transport: Transport;
  /** The signaling server (plenum) or the y-websocket server (ywebsocket). */
  url: string;
  room: string;
  /** The join secret (plenum only). */
  secret: string;
  name: string;
  /** The moderator's laptop: creates the workshop and registers the join check. */
  host: boolean;
}

/** A latency card "lat <seq> …" from another laptop arrived in this laptop's document at `at`. */
export type { Arrival };

export interface LaptopStatus {
  /** Open WebRTC connections (plenum). */
  directPeers?: number;
  /** Holds the workshop (its plenary board). */
  workshop: boolean;
}

/**
 * What a laptop page (bench/laptop/) exposes to the runner on `window.plenumLaptop`. Times are the
 * page's `performance.timeOrigin + performance.now()` in ms (5 µs resolution: the page is
 * cross-origin isolated).
 */
export interface PlenumLaptopApi {
  now(): number;
  /**
   * Opens a WebSocket to `url` that answers every message with this page's now() (JSON
   * `{"at": ms}`): the runner's clock check, with a shorter round trip than DevTools gives.
   */
  answerClock(url: string): Promise<void>;
  start(options: LaptopStart): Promise<void>;
  /** addCard "lat <seq> …" on the plenary of that transport's workshop; the time just before. */
  add(transport: Transport, seq: number): number;
  /** The arrivals of that transport recorded since the last call. */
  drain(transport: Transport): Arrival[];
  status(transport: Transport): LaptopStatus;
  /** Opens the floor channel on each of Plenum's connections (bench/laptop/floor.ts); how many are open. */
  floorOpen(): Promise<number>;
  /** A raw message of a card update's size to every other laptop over the floor; the time just before. */
  floorSend(seq: number): number;
  /** The floor messages from other laptops since the last call. */
  floorDrain(): Arrival[];
}

declare global {
  interface Window {
    plenumLaptop?: PlenumLaptopApi;
  }
}
