import { randomBytes } from 'node:crypto';
import {
  PHONE_MESSAGE,
  PHONE_UP_MAX_CHARS,
  type PhoneDownRequest,
  type PhoneJoinRefusal,
  type PhoneUpRequest,
  type ToPhone,
  type ToPhoneHost,
} from '../../shared/protocol/phone-wire';
import { TokenBucket } from './rate-limits';

/*
 * The server's side of phones in the room (shared/protocol/phone-wire.ts): which connections are
 * phones, which connection hosts each room, and what travels between them. The server relays
 * sealed frames it cannot read and decides only who gets them:
 *
 * - A phone's frames go to its room's host connection alone (the earliest open connection that
 *   registered the room: the moderator's laptop, which made the room; a later one only once every
 *   earlier one closed), tagged with an id the server made up for the phone's connection. Never
 *   to other phones or laptops: every phone holds the room's phone key, and a frame carries its
 *   phone's device id, the phone's only proof of who it is.
 * - A `down` is taken only from the room's host connection and delivered only to that room's phones.
 *   Earliest, not latest: every holder of the code can register the room (the verifier is the
 *   code's), and were the latest the host, a second connection of a phone or a table laptop could
 *   take the phones' frames — and with them their device ids — while the moderator's laptop is
 *   connected. It can still do so while none is (docs/hosting.md, "Phones").
 * - A connection that joins as a phone is a phone until it closes: it leaves its y-webrtc topics
 *   and its host registrations, and from then on only `plenum-phone-up` and `ping` are read from it
 *   (a phone needs nothing else; a page that turned hostile cannot listen to or write into the
 *   laptops' topics, nor register rooms).
 * - Per phone connection: frames of at most PHONE_FRAME_MAX_BYTES (more and it is cut off, long
 *   before the server's general 8 MiB) and a token bucket (PHONE_UP_RATE), so a flooding phone
 *   costs the host laptop a few frames a second, nothing more; a phone that keeps flooding far past
 *   its bucket is cut off.
 */

/** A phone frame as the server reads it: `{"type":"plenum-phone-up","data":"<base64>"}`, with room to spare. */
export const PHONE_FRAME_MAX_BYTES = PHONE_UP_MAX_CHARS + 1024;

/**
 * Frames per second a phone connection may send up, sustained and in a burst: above the host
 * laptop's own gate (shared/phone/rate.ts: 5 a second, 20 at once), so an honest phone never
 * meets this one, while a script's thousand a second reach the laptop as ten.
 */
export const PHONE_UP_RATE = { perSecond: 10, burst: 40 } as const;

/**
 * Downs per second a room's host connection may send beyond the general per-connection rate: a
 * view to each phone after every change (the hub pushes at most every 60 ms, sealing one message
 * per distinct view), for a full room of MAX_PHONES with room to spare.
 */
export const HOST_DOWN_RATE = { perSecond: 2000, burst: 4000 } as const;

/** Frames dropped by a phone's bucket before the server closes its connection: a page does not do that by mistake. */
export const PHONE_FLOOD_CUTOFF = 2000;

/** What the phones' part needs of a connection: the message handler's `Client`. */
export interface PhoneClient {
  readonly address: string;
}

interface PhoneConnection<C> {
  readonly id: string;
  readonly room: string;
  readonly client: C;
  readonly bucket: TokenBucket;
  dropped: number;
}

interface RoomPhones<C> {
  /** Open connections that registered the room, oldest first: the last one is the host. */
  readonly hosts: C[];
  readonly phones: Map<string, PhoneConnection<C>>;
}

export interface PhoneCounters {
  /** Frames from phones delivered to a host connection. */
  phoneFramesUp: number;
  /** Deliveries of a `down` to phones (one down to five phones counts five). */
  phoneFramesDown: number;
  /** Phone frames dropped: over the phone's rate, no host connected, or a down from a connection that is not the host. */
  phoneFramesDropped: number;
  /** Phone joins refused (wrong code, rate limit, full room). */
  phoneJoinsRefused: number;
}

export const newPhoneCounters = (): PhoneCounters => ({ phoneFramesUp: 0, phoneFramesDown: 0, phoneFramesDropped: 0, phoneJoinsRefused: 0 });

export interface PhoneRelay<C> {
  /** Whether the connection joined as a phone. */
  isPhone(client: C): boolean;
  /** Joins a connection as a phone of `room` (its verifier checked by the caller), or says why not. */
  join(client: C, room: string | undefined): { ok: true; room: string; host: boolean } | { ok: false; reason: PhoneJoinRefusal };
  up(client: C, message: PhoneUpRequest, now: number): 'relayed' | 'dropped' | 'flood';
  down(client: C, message: PhoneDownRequest): void;
  /** Whether the connection registered a room (and is no phone). */
  isHost(client: C): boolean;
  /** Takes `cost` from a host connection's own bucket for downs; false when it is spent or the connection hosts nothing. */
  takeDown(client: C, cost: number, now: number): boolean;
  /** A connection registered (or renewed) the room: it is its host connection from now on. */
  hostRegistered(client: C, room: string): void;
  /** The room's code was replaced (room-registry.ts): its phones leave it, and their connections are returned to be closed. */
  evictRoom(room: string): C[];
  /** The connection closed. */
  leave(client: C): void;
  phones(): number;
}

const newPhoneId = () => randomBytes(12).toString('base64url');

/** `send` encodes and sends one message to one connection; false when the connection could not take it. */
export function createPhoneRelay<C extends PhoneClient>(send: (client: C, data: string) => boolean, counters: PhoneCounters, maxPhones: number): PhoneRelay<C> {
  const rooms = new Map<string, RoomPhones<C>>();
  const phoneOf = new Map<C, PhoneConnection<C>>();
  const hostedBy = new Map<C, Set<string>>();
  const downBuckets = new Map<C, TokenBucket>();

  const roomEntry = (room: string): RoomPhones<C> => {
    let entry = rooms.get(room);
    if (!entry) rooms.set(room, (entry = { hosts: [], phones: new Map() }));
    return entry;
  };
  const hostOf = (room: string): C | undefined => rooms.get(room)?.hosts[0];
  const forget = (room: string) => {
    const entry = rooms.get(room);
    if (entry && entry.hosts.length === 0 && entry.phones.size === 0) rooms.delete(room);
  };
  const toPhones = (entry: RoomPhones<C>, message: ToPhone) => {
    const data = JSON.stringify(message);
    for (const phone of entry.phones.values()) send(phone.client, data);
  };
  const toHost = (host: C, message: ToPhoneHost) => send(host, JSON.stringify(message));

  const stopHosting = (client: C, room: string) => {
    const entry = rooms.get(room);
    if (!entry) return;
    const wasHost = entry.hosts[0] === client;
    const index = entry.hosts.indexOf(client);
    if (index >= 0) entry.hosts.splice(index, 1);
    const next = entry.hosts[0];
    if (wasHost && next) for (const phone of entry.phones.values()) toHost(next, { type: PHONE_MESSAGE.presence, phone: phone.id, present: true });
    // Told of a new host too, the phones say hello again: the new host learns who they are and sends their views.
    if (wasHost) toPhones(entry, { type: PHONE_MESSAGE.status, host: next !== undefined });
    forget(room);
  };

  const leavePhone = (phone: PhoneConnection<C>) => {
    phoneOf.delete(phone.client);
    const entry = rooms.get(phone.room);
    if (!entry) return;
    entry.phones.delete(phone.id);
    const host = entry.hosts[0];
    if (host) toHost(host, { type: PHONE_MESSAGE.presence, phone: phone.id, present: false });
    forget(phone.room);
  };

  return {
    isPhone: (client) => phoneOf.has(client),
    join(client, room) {
      if (room === undefined) {
        counters.phoneJoinsRefused++;
        return { ok: false, reason: 'wrong-code' };
      }
      const entry = roomEntry(room);
      if (entry.phones.size >= maxPhones) {
        counters.phoneJoinsRefused++;
        forget(room);
        return { ok: false, reason: 'room-full' };
      }
      // From now on a phone only: no topics, no rooms it hosts.
      for (const hosted of hostedBy.get(client) ?? []) stopHosting(client, hosted);
      hostedBy.delete(client);
      downBuckets.delete(client);
      let id = newPhoneId();
      while (entry.phones.has(id)) id = newPhoneId();
      const phone: PhoneConnection<C> = { id, room, client, bucket: new TokenBucket(PHONE_UP_RATE.burst, PHONE_UP_RATE.perSecond), dropped: 0 };
      entry.phones.set(id, phone);
      phoneOf.set(client, phone);
      const host = hostOf(room);
      if (host) toHost(host, { type: PHONE_MESSAGE.presence, phone: id, present: true });
      return { ok: true, room, host: host !== undefined };
    },
    up(client, message, now) {
      const phone = phoneOf.get(client);
      if (!phone) return 'dropped';
      if (!phone.bucket.take(1, now)) {
        counters.phoneFramesDropped++;
        phone.dropped++;
        return phone.dropped > PHONE_FLOOD_CUTOFF ? 'flood' : 'dropped';
      }
      const host = hostOf(phone.room);
      if (!host || !toHost(host, { type: PHONE_MESSAGE.from, phone: phone.id, data: message.data })) {
        counters.phoneFramesDropped++;
        return 'dropped';
      }
      counters.phoneFramesUp++;
      return 'relayed';
    },
    down(client, message) {
      const entry = rooms.get(message.room);
      if (!entry || entry.hosts[0] !== client) {
        counters.phoneFramesDropped++;
        return;
      }
      const data = JSON.stringify({ type: PHONE_MESSAGE.message, data: message.data } satisfies ToPhone);
      for (const id of new Set(message.to)) {
        const phone = entry.phones.get(id);
        if (phone && send(phone.client, data)) counters.phoneFramesDown++;
      }
    },
    isHost: (client) => hostedBy.has(client),
    takeDown(client, cost, now) {
      if (!hostedBy.has(client)) return false;
      let bucket = downBuckets.get(client);
      if (!bucket) downBuckets.set(client, (bucket = new TokenBucket(HOST_DOWN_RATE.burst, HOST_DOWN_RATE.perSecond)));
      return bucket.take(cost, now);
    },
    hostRegistered(client, room) {
      if (phoneOf.has(client)) return;
      const entry = roomEntry(room);
      // A renewal keeps its place; a new connection queues behind the host (see the top of this file).
      if (!entry.hosts.includes(client)) entry.hosts.push(client);
      let hosted = hostedBy.get(client);
      if (!hosted) hostedBy.set(client, (hosted = new Set()));
      hosted.add(room);
      if (entry.hosts[0] !== client) return;
      // The host learns every phone present; the phones learn that a host is there and say hello.
      for (const phone of entry.phones.values()) toHost(client, { type: PHONE_MESSAGE.presence, phone: phone.id, present: true });
      toPhones(entry, { type: PHONE_MESSAGE.status, host: true });
    },
    evictRoom(room) {
      const entry = rooms.get(room);
      if (!entry) return [];
      const evicted = [...entry.phones.values()];
      for (const phone of evicted) leavePhone(phone);
      return evicted.map((phone) => phone.client);
    },
    leave(client) {
      const phone = phoneOf.get(client);
      if (phone) leavePhone(phone);
      for (const room of hostedBy.get(client) ?? []) stopHosting(client, room);
      hostedBy.delete(client);
      downBuckets.delete(client);
    },
    phones: () => phoneOf.size,
  };
}
