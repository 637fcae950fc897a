// Rate limits of the signaling server, per connection and per remote address. Plain Node, unit-tested through it.

/** Refills continuously; `take` refuses without waiting, so a flood is dropped, not queued. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }
  take(cost: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    const due = Math.min(cost, this.capacity);
    if (this.tokens < due) return false;
    this.tokens -= due;
    return true;
  }
}

/** Sliding window per key (remote address): at most `max` attempts in any `windowMs`. */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  take(key: string, now: number): boolean {
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < this.windowMs);
    const allowed = recent.length < this.max;
    if (allowed) recent.push(now);
    this.attempts.set(key, recent);
    return allowed;
  }
  sweep(now: number): void {
    for (const [key, times] of this.attempts) if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(key);
  }
}
