import { MAX_PHONES } from '../../shared/phone/rate';

// What the signaling server allows each address and connection: every limit of an open venue LAN in one place.

export type SignalingLimits = {
  /** Largest WebSocket message. Large because, without a WebRTC path, encrypted Yjs updates are relayed here. */
  maxPayloadBytes: number;
  /** Topics (rooms) one connection may join: a laptop holds a few workshops, not thousands. */
  maxTopicsPerConnection: number;
  /**
   * Topics one address may hold across all its connections: a laptop needs two per open workshop (the y-webrtc room
   * and its relay topic), so 64 is plenty, and it takes 64 addresses holding their full share to fill `maxTopics`.
   */
  maxTopicsPerAddress: number;
  /**
   * TCP connections from one address, counted from accept (before any HTTP request) until closed: one laptop opens
   * one per signaling URL; a loop that reconnects, or sockets left idle, must not starve the rest. Phones behind one
   * venue NAT address share it: 60 phones hold one WebSocket each, plus a keep-alive socket or two for a few seconds
   * while the participant page loads (and again after a Wi-Fi blip), so 256 (a quarter of `maxConnections`) takes a
   * room of them with spares. A flood from one address still holds at most a quarter of the server, each idle socket
   * is closed after `requestTimeoutMs`, and all of them share one read budget.
   */
  maxConnectionsPerAddress: number;
  /** Connections in total: each one costs a socket and memory; a room has tens of laptops, not thousands. */
  maxConnections: number;
  /** Topics in total, so a client cannot grow the topic map without bound by subscribing to fresh names. */
  maxTopics: number;
  /** Host registrations: they live as long as the server, so they are capped... */
  maxRegisteredRooms: number;
  /** ...and per address, so one laptop cannot use up the registrations of everyone else in the room. */
  maxRoomsPerAddress: number;
  /**
   * How long a room stays its first code's after the last connection that registered it closed: a laptop that
   * restarts or loses the Wi-Fi for a moment gets it back, while a second laptop hosting the same workshop from its
   * backup (another code: a code is never in a backup) takes it over after this, and any lapsed room gives way to a
   * new one when the caps above are reached (room-registry.ts).
   */
  roomLapseMs: number;
  /**
   * What one address may make the server read and parse, shared by all its connections: bytes per second, sustained
   * and in a burst. Each message also costs `MESSAGE_READ_COST` and each JSON value `ELEMENT_READ_COST` bytes. When it
   * is spent, the address's connections are paused (not dropped) until it refills.
   */
  readBytesPerSecond: number;
  readBurstBytes: number;
  /** A TCP connection that has not sent a complete HTTP request within this time is closed (idle sockets hold files). */
  requestTimeoutMs: number;
  /** A run of refusals is logged when it starts and, with its count, once nothing was refused for this long. */
  logQuietMs: number;
  /** Sustained messages per second per connection (a message costs 1 plus 1 per 64 KiB); excess is dropped. */
  messagesPerSecond: number;
  /** Burst allowance: a peer joining a full room sends a burst of announces and ICE candidates at once. */
  messageBurst: number;
  /** Join checks and host registrations per address per window: a join code must not be guessable by brute force. */
  verifierChecksPerWindow: number;
  verifierWindowMs: number;
  /** A receiver with more unsent bytes than this is cut off rather than buffering the room's traffic in our memory. */
  maxBufferedBytes: number;
  /** Phones one room takes (a plenary's worth with spares, shared/phone/rate.ts); the rest are refused `room-full`. */
  maxPhonesPerRoom: number;
  /** A connection that has not answered the previous ping when the next is due is dead (laptop asleep, Wi-Fi gone). */
  pingIntervalMs: number;
};

export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxPayloadBytes: 8 * 1024 * 1024,
  maxTopicsPerConnection: 64,
  maxTopicsPerAddress: 64,
  maxConnectionsPerAddress: 256,
  maxConnections: 1024,
  maxTopics: 4096,
  maxRegisteredRooms: 256,
  maxRoomsPerAddress: 16,
  roomLapseMs: 60_000,
  readBytesPerSecond: 2 * 1024 * 1024,
  readBurstBytes: 8 * 1024 * 1024,
  requestTimeoutMs: 5_000,
  logQuietMs: 10_000,
  messagesPerSecond: 200,
  messageBurst: 1000,
  verifierChecksPerWindow: 10,
  verifierWindowMs: 10_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  pingIntervalMs: 30_000,
  maxPhonesPerRoom: MAX_PHONES,
});

/**
 * What a message costs from its address's read budget beyond its bytes, estimated on a loaded 2-core machine:
 * receiving, parsing and answering a small message takes about as long as 1 KiB of a long string (~15 ns per byte
 * read, decoded, parsed), and JSON.parse spends 0.3–0.7 µs per value (`[]`), i.e. up to about 64 bytes' worth.
 */
export const MESSAGE_READ_COST = 1024;
export const ELEMENT_READ_COST = 64;
