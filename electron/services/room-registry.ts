import { timingSafeEqual } from 'node:crypto';

/** What a host's registration of a room came to. */
export type HostRegistration = 'registered' | 'renewed' | 'room-taken' | 'verifier-in-use' | 'too-many-rooms';

/** Rooms held by hosts, with their verifiers. First registration of a room wins, for the server's lifetime. */
export class RoomRegistry {
  private readonly verifierByRoom = new Map<string, string>();
  private readonly roomByVerifier = new Map<string, string>();
  private readonly roomsByAddress = new Map<string, number>();
  constructor(
    private readonly maxRooms: number,
    private readonly maxPerAddress: number,
  ) {}
  get size(): number {
    return this.verifierByRoom.size;
  }
  register(room: string, candidate: string, address: string): HostRegistration {
    const existing = this.verifierByRoom.get(room);
    if (existing !== undefined) return sameSecret(existing, candidate) ? 'renewed' : 'room-taken';
    // join-check answers one room per verifier, so a verifier cannot name two rooms.
    if (this.roomByVerifier.has(candidate)) return 'verifier-in-use';
    const fromAddress = this.roomsByAddress.get(address) ?? 0;
    if (this.verifierByRoom.size >= this.maxRooms || fromAddress >= this.maxPerAddress) return 'too-many-rooms';
    this.verifierByRoom.set(room, candidate);
    this.roomByVerifier.set(candidate, room);
    this.roomsByAddress.set(address, fromAddress + 1);
    return 'registered';
  }
  roomFor(candidate: string): string | undefined {
    return this.roomByVerifier.get(candidate);
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
