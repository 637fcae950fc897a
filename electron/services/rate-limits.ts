// Rate limits of the signaling server, per connection and per remote address, and how their refusals are logged. Plain Node, unit-tested through the server.

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
  /** Whether an attempt would be taken now, without counting one. */
  allows(key: string, now: number): boolean {
    return (this.attempts.get(key) ?? []).filter((at) => now - at < this.windowMs).length < this.max;
  }
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

/**
 * A budget for work already done: every cost is charged, even beyond what is left, and the owner waits until the
 * debt is paid back. Reading a message cannot be refused after the fact, but the next read can wait.
 */
export class DebtBucket {
  private balance: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.balance = capacity;
    this.last = now;
  }
  private refill(now: number): void {
    this.balance = Math.min(this.capacity, this.balance + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
  /** Debt is capped at one full budget, so the wait it causes stays bounded (capacity / perSecond). */
  charge(cost: number, now: number): void {
    this.refill(now);
    this.balance = Math.max(-this.capacity, this.balance - cost);
  }
  /** Milliseconds until the balance is no longer negative; 0 when it is not. */
  waitMs(now: number): number {
    this.refill(now);
    return this.balance >= 0 ? 0 : Math.ceil((-this.balance / this.perSecond) * 1000);
  }
  isFull(now: number): boolean {
    this.refill(now);
    return this.balance >= this.capacity;
  }
}

/**
 * Logs a run of refusals (or throttles) twice: when it starts, and with its count when it ends, i.e. once nothing
 * was refused for `quietMs`. A flood that is refused a thousand times a second thus writes two lines, not thousands.
 */
export class RefusalRuns<E> {
  private readonly runs = new Map<string, { event: E; count: number; last: number; timer: NodeJS.Timeout }>();
  constructor(
    private readonly quietMs: number,
    private readonly onStart: (event: E) => void,
    private readonly onEnd: (event: E, count: number) => void,
  ) {}
  /** `weight`: how many refusals this one stands for (e.g. topics refused by one subscribe). */
  refuse(key: string, event: E, now = Date.now(), weight = 1): void {
    const run = this.runs.get(key);
    if (run) {
      run.count += weight;
      run.last = now;
      return;
    }
    this.onStart(event);
    const started = { event, count: weight, last: now, timer: this.schedule(key, this.quietMs) };
    this.runs.set(key, started);
  }
  private schedule(key: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const run = this.runs.get(key);
      if (!run) return;
      const quietFor = Date.now() - run.last;
      if (quietFor < this.quietMs) {
        run.timer = this.schedule(key, this.quietMs - quietFor);
        return;
      }
      this.end(key);
    }, delayMs);
    timer.unref();
    return timer;
  }
  private end(key: string): void {
    const run = this.runs.get(key);
    if (!run) return;
    clearTimeout(run.timer);
    this.runs.delete(key);
    this.onEnd(run.event, run.count);
  }
  /** Ends every open run now (the server closes): their counts are logged. */
  flush(): void {
    for (const key of [...this.runs.keys()]) this.end(key);
  }
}
