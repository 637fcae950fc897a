/*
 * How much the moderator's laptop takes from phones: a token bucket per phone (a person taps a
 * few times a second at most; a script sending a thousand commands a second is refused after its
 * burst and costs the others nothing), one for the whole room (phones that keep inventing new
 * device ids still cannot keep the laptop busy), and a cap on the phones a room takes. Pure:
 * the caller passes the time, so tests need no clock.
 */

export interface RateLimit {
  /** Tokens added per second. */
  perSecond: number;
  /** Most tokens held: the burst after a quiet while. */
  burst: number;
}

/** Per phone: five commands a second, twenty at once (typing fast, a queue sent after a reconnect). */
export const PHONE_RATE: RateLimit = { perSecond: 5, burst: 20 };
/** The whole room: far above what sixty people tap, far below what keeps a laptop from its own work. */
export const ROOM_RATE: RateLimit = { perSecond: 200, burst: 400 };
/** Phones a room takes: a large plenary with spares; the rest are refused as roomFull. */
export const MAX_PHONES = 200;
/** A phone not heard from for this long gives its place to a new one when the room is full. */
export const PHONE_IDLE_MS = 30 * 60_000;

export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export const fullBucket = (limit: RateLimit, now: number): Bucket => ({ tokens: limit.burst, at: now });

/**
 * Takes one token if there is one: the bucket after it, and whether the command may pass. A
 * clock that went back adds nothing (and does not count as time passed later either).
 */
export function take(bucket: Bucket, limit: RateLimit, now: number): { allowed: boolean; bucket: Bucket } {
  const elapsed = Math.max(0, now - bucket.at);
  const tokens = Math.min(limit.burst, bucket.tokens + (elapsed * limit.perSecond) / 1000);
  const at = Math.max(now, bucket.at);
  return tokens >= 1 ? { allowed: true, bucket: { tokens: tokens - 1, at } } : { allowed: false, bucket: { tokens, at } };
}

export type Admission = 'ok' | 'rateLimited' | 'roomFull';

export interface PhoneGateOptions {
  phone?: RateLimit;
  room?: RateLimit;
  maxPhones?: number;
  idleMs?: number;
}

export interface PhoneGate {
  /**
   * Whether a command of the phone filed under `key` is taken now; counts it when it is.
   * `claimed`: the phone has said who it is (the document binds it to a participant).
   */
  admit(key: string, now: number, claimed?: boolean): Admission;
  /** Phones the gate knows. */
  size(): number;
}

/** The moderator laptop's gate for one room. */
export function createPhoneGate(options: PhoneGateOptions = {}): PhoneGate {
  const phoneRate = options.phone ?? PHONE_RATE;
  const roomRate = options.room ?? ROOM_RATE;
  const maxPhones = options.maxPhones ?? MAX_PHONES;
  const idleMs = options.idleMs ?? PHONE_IDLE_MS;
  const phones = new Map<string, { bucket: Bucket; seen: number; claimed: boolean }>();
  let room: Bucket | null = null;

  /** The longest-silent phone that has (or has not) said who it is. */
  function oldest(claimed: boolean): [string, number] | null {
    let found: [string, number] | null = null;
    for (const [key, entry] of phones) if (entry.claimed === claimed && (!found || entry.seen < found[1])) found = [key, entry.seen];
    return found;
  }

  /**
   * Makes room for a new phone when the room is full: the longest-silent phone that never said
   * who it is goes first (device ids made up by the dozen cannot lock out the room's people),
   * else the longest-silent one if it has been silent long enough.
   */
  function evict(now: number): boolean {
    const unclaimed = oldest(false);
    const claimed = oldest(true);
    const victim = unclaimed ?? (claimed && now - claimed[1] >= idleMs ? claimed : null);
    if (victim) phones.delete(victim[0]);
    return victim !== null;
  }

  return {
    admit(key, now, claimed = false) {
      let entry = phones.get(key);
      if (!entry) {
        if (phones.size >= maxPhones && !evict(now)) return 'roomFull';
        entry = { bucket: fullBucket(phoneRate, now), seen: now, claimed };
        phones.set(key, entry);
      }
      entry.seen = Math.max(entry.seen, now);
      entry.claimed = claimed;
      const own = take(entry.bucket, phoneRate, now);
      entry.bucket = own.bucket;
      if (!own.allowed) return 'rateLimited';
      // The room's bucket only counts what a phone's own bucket let through: one flooding phone spends only its own.
      const shared = take(room ?? fullBucket(roomRate, now), roomRate, now);
      room = shared.bucket;
      return shared.allowed ? 'ok' : 'rateLimited';
    },
    size: () => phones.size,
  };
}
