import { DebtBucket } from './rate-limits';

// What one remote address may make the signaling server read and parse, shared by all its connections. Each byte
// read, each message and each JSON value costs from the address's budget; once it is spent, every connection of the
// address is paused (TCP pushes back on the sender) until the debt is paid. Nothing is dropped, so an honest laptop
// that sends a burst is only slowed down, while a flood from eight sockets gets the CPU share of one budget.

export type Pausable = { pause(): void; resume(): void };

export type ReadBudgetLimits = { bytesPerSecond: number; burstBytes: number };

type Entry = { bucket: DebtBucket; members: Set<Pausable>; timer: NodeJS.Timeout | null };

/** Shortest pause: waking up for every 64 KiB chunk would cost more than it saves. */
const MIN_PAUSE_MS = 20;

export class ReadBudgets {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly limits: ReadBudgetLimits,
    /** Called each time an address is paused. */
    private readonly onPause: (address: string) => void,
  ) {}

  private entry(address: string, now: number): Entry {
    let entry = this.entries.get(address);
    if (!entry) {
      entry = { bucket: new DebtBucket(this.limits.burstBytes, this.limits.bytesPerSecond, now), members: new Set(), timer: null };
      this.entries.set(address, entry);
    }
    return entry;
  }

  join(address: string, member: Pausable, now = Date.now()): void {
    const entry = this.entry(address, now);
    entry.members.add(member);
    // A new connection does not get a fresh budget while its address is paused.
    if (entry.timer) member.pause();
  }

  leave(address: string, member: Pausable): void {
    this.entries.get(address)?.members.delete(member);
  }

  charge(address: string, cost: number, now = Date.now()): void {
    const entry = this.entry(address, now);
    entry.bucket.charge(cost, now);
    if (entry.timer) return;
    const waitMs = entry.bucket.waitMs(now);
    if (waitMs === 0) return;
    for (const member of entry.members) member.pause();
    this.onPause(address);
    this.schedule(address, entry, Math.max(MIN_PAUSE_MS, waitMs));
  }

  private schedule(address: string, entry: Entry, delayMs: number): void {
    entry.timer = setTimeout(() => {
      const waitMs = entry.bucket.waitMs(Date.now());
      if (waitMs > 0) {
        this.schedule(address, entry, Math.max(MIN_PAUSE_MS, waitMs));
        return;
      }
      entry.timer = null;
      for (const member of entry.members) member.resume();
    }, delayMs);
    entry.timer.unref();
  }

  /** Forgets addresses without connections whose budget is full again; an address in debt keeps it across reconnects. */
  sweep(now = Date.now()): void {
    for (const [address, entry] of this.entries) {
      if (entry.members.size === 0 && !entry.timer && entry.bucket.isFull(now)) this.entries.delete(address);
    }
  }

  close(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }
}
