import { timingSafeEqual } from 'node:crypto';

/** What a host's registration of a room came to. */
export type HostRegistration = 'registered' | 'renewed' | 'taken-over' | 'room-taken' | 'verifier-in-use' | 'too-many-rooms';

interface Room<C> {
  readonly verifier: string;
  readonly address: string;
  /** Open connections that registered the room under its verifier. */
  readonly holders: Set<C>;
  /** Since when no holder is connected (a registration is kept while none is: tables may still join each other). */
  vacantSince: number | null;
}

/**
 * Rooms held by hosts, with their verifiers. The first registration of a room holds it while a connection that
 * registered it is open and for `lapseMs` after the last one closed; only then may a registration under another
 * verifier take it over. Without that lapse a server kept a room under its first code for its lifetime: a second
 * laptop hosting the same workshop from its backup (the first one died; the code is never in a backup) was refused,
 * and its tables and phones were told their right code opens nothing, until someone restarted a venue's server.
 * A vacant room that has lapsed also gives way when the server's or an address's room cap is reached, so a server
 * that runs for weeks does not fill up with the workshops of past days.
 */
export class RoomRegistry<C> {
  private readonly rooms = new Map<string, Room<C>>();
  private readonly roomByVerifier = new Map<string, string>();
  private readonly roomsByAddress = new Map<string, number>();
  private readonly heldBy = new Map<C, Set<string>>();
  /** Verifiers refused because their room was taken, by the connections still asking: a table with that code is told to wait. */
  private readonly waiting = new Map<string, Set<C>>();
  /** Verifiers whose room another code took over, oldest first: a table or phone with such a code is told to ask for the new one. */
  private readonly replaced = new Set<string>();
  constructor(
    private readonly maxRooms: number,
    private readonly maxPerAddress: number,
    private readonly lapseMs: number,
  ) {}
  get size(): number {
    return this.rooms.size;
  }

  register(room: string, candidate: string, address: string, client: C, now: number): HostRegistration {
    const existing = this.rooms.get(room);
    let outcome: HostRegistration = 'registered';
    if (existing !== undefined) {
      if (sameSecret(existing.verifier, candidate)) {
        this.hold(room, existing, client);
        return 'renewed';
      }
      if (!this.lapsed(existing, now)) {
        this.wait(candidate, client);
        return 'room-taken';
      }
      this.forget(room);
      this.replaced.add(existing.verifier);
      // Bounded like the rooms: the oldest replaced code becomes an unknown one.
      for (const oldest of this.replaced) {
        if (this.replaced.size <= this.maxRooms) break;
        this.replaced.delete(oldest);
      }
      outcome = 'taken-over';
    }
    // join-check answers one room per verifier, so a verifier cannot name two rooms.
    const other = this.roomByVerifier.get(candidate);
    if (other !== undefined) {
      const otherRoom = this.rooms.get(other);
      if (otherRoom && !this.lapsed(otherRoom, now)) return 'verifier-in-use';
      this.forget(other);
    }
    if (!this.makeRoom(address, now)) return 'too-many-rooms';
    const entry: Room<C> = { verifier: candidate, address, holders: new Set(), vacantSince: null };
    this.rooms.set(room, entry);
    this.roomByVerifier.set(candidate, room);
    this.replaced.delete(candidate);
    this.roomsByAddress.set(address, (this.roomsByAddress.get(address) ?? 0) + 1);
    this.hold(room, entry, client);
    return outcome;
  }

  roomFor(candidate: string): string | undefined {
    return this.roomByVerifier.get(candidate);
  }

  /** Whether a connection that is still open registered this verifier and was refused because its room was taken. */
  isWaiting(candidate: string): boolean {
    return this.waiting.has(candidate);
  }

  /** Whether this verifier's room was taken over by another code (and the verifier names no room now). */
  wasReplaced(candidate: string): boolean {
    return this.replaced.has(candidate);
  }

  /** The connection closed: the rooms it held may become vacant, and it waits for none. */
  release(client: C, now: number): void {
    for (const room of this.heldBy.get(client) ?? []) {
      const entry = this.rooms.get(room);
      if (!entry) continue;
      entry.holders.delete(client);
      if (entry.holders.size === 0) entry.vacantSince = now;
    }
    this.heldBy.delete(client);
    for (const [verifier, clients] of this.waiting) {
      clients.delete(client);
      if (clients.size === 0) this.waiting.delete(verifier);
    }
  }

  private hold(room: string, entry: Room<C>, client: C) {
    entry.holders.add(client);
    entry.vacantSince = null;
    let rooms = this.heldBy.get(client);
    if (!rooms) this.heldBy.set(client, (rooms = new Set()));
    rooms.add(room);
    this.waiting.delete(entry.verifier);
  }

  private wait(candidate: string, client: C) {
    // Bounded like the rooms themselves: the waiting are refused registrations, each once per connection.
    if (!this.waiting.has(candidate) && this.waiting.size >= this.maxRooms) return;
    let clients = this.waiting.get(candidate);
    if (!clients) this.waiting.set(candidate, (clients = new Set()));
    clients.add(client);
  }

  private lapsed(entry: Room<C>, now: number): boolean {
    return entry.vacantSince !== null && now - entry.vacantSince >= this.lapseMs;
  }

  /** Whether a room may be added for `address`, after giving up the longest-vacant lapsed room if a cap is reached. */
  private makeRoom(address: string, now: number): boolean {
    const full = () => this.rooms.size >= this.maxRooms || (this.roomsByAddress.get(address) ?? 0) >= this.maxPerAddress;
    if (!full()) return true;
    const addressFull = (this.roomsByAddress.get(address) ?? 0) >= this.maxPerAddress;
    let oldest: [string, number] | undefined;
    for (const [name, entry] of this.rooms) {
      if (!this.lapsed(entry, now) || (addressFull && entry.address !== address)) continue;
      const since = entry.vacantSince ?? now;
      if (!oldest || since < oldest[1]) oldest = [name, since];
    }
    if (oldest) this.forget(oldest[0]);
    return !full();
  }

  private forget(room: string) {
    const entry = this.rooms.get(room);
    if (!entry) return;
    this.rooms.delete(room);
    this.roomByVerifier.delete(entry.verifier);
    const count = (this.roomsByAddress.get(entry.address) ?? 1) - 1;
    if (count > 0) this.roomsByAddress.set(entry.address, count);
    else this.roomsByAddress.delete(entry.address);
    for (const holder of entry.holders) this.heldBy.get(holder)?.delete(room);
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
