import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { estimateClock, MAX_ROUND_TRIP_MS, type ClockEstimate } from '../../shared/protocol/clock';
import { startClockSync, type ClockSync } from '../../renderer/network/clock-sync';
import type { SignalingSocket } from '../../renderer/network/relay';

describe('the room clock from round trips (NTP-style)', () => {
  it('takes the sample with the shortest round trip, the answer assumed half-way', () => {
    const estimate = estimateClock([
      { sentAt: 1000, hostNow: 61_020, receivedAt: 1060 },
      { sentAt: 2000, hostNow: 62_005, receivedAt: 2010 },
      { sentAt: 3000, hostNow: 63_100, receivedAt: 3200 },
    ]);
    expect(estimate).toEqual({ offsetMs: 60_000, roundTripMs: 10 });
  });

  it('uses no sample that ran backwards or took too long, and says so when none is left', () => {
    expect(estimateClock([])).toBeNull();
    expect(estimateClock([{ sentAt: 1000, hostNow: 5000, receivedAt: 999 }])).toBeNull();
    expect(estimateClock([{ sentAt: 0, hostNow: 5000, receivedAt: MAX_ROUND_TRIP_MS + 1 }])).toBeNull();
    expect(estimateClock([{ sentAt: 0, hostNow: Number.NaN, receivedAt: 5 }])).toBeNull();
    expect(estimateClock([{ sentAt: 10, hostNow: 20, receivedAt: 10 }])).toEqual({ offsetMs: 10, roundTripMs: 0 });
  });
});

/** A signaling connection whose server's clock runs `skewMs` ahead and answers after `delayMs`. */
class FakeSocket implements SignalingSocket {
  connected = false;
  sent: object[] = [];
  private listeners = { connect: new Set<() => void>(), disconnect: new Set<() => void>(), message: new Set<(message: unknown) => void>() };
  constructor(
    public skewMs: number,
    private delayMs = 5,
    private answers = true,
  ) {}
  send(message: object): void {
    this.sent.push(message);
    const { type, id } = message as { type: string; id: number };
    if (type !== 'plenum-time' || !this.answers) return;
    setTimeout(() => {
      for (const listener of this.listeners.message) listener({ type: 'plenum-time', id, now: Date.now() + this.skewMs });
    }, this.delayMs);
  }
  on(event: 'connect' | 'disconnect' | 'message', listener: never): void {
    (this.listeners[event] as Set<unknown>).add(listener);
  }
  off(event: 'connect' | 'disconnect' | 'message', listener: never): void {
    (this.listeners[event] as Set<unknown>).delete(listener);
  }
  open(): void {
    this.connected = true;
    for (const listener of this.listeners.connect) listener();
  }
  say(message: unknown): void {
    for (const listener of this.listeners.message) listener(message);
  }
  listenerCount(): number {
    return this.listeners.connect.size + this.listeners.message.size;
  }
}

// The clock sync and the fake server run on timers and Date.now: on fake time, a round trip takes exactly the
// server's delay, so the estimates are exact on a loaded machine too (a real 60 ms stall made one off by 30 ms).
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const syncs: ClockSync[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  syncs.splice(0).forEach((sync) => sync.destroy());
  vi.useRealTimers();
});

describe('asking the signaling server for its time', () => {
  it('finds a host clock three minutes ahead after the connect, within the round trip', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    syncs.push(sync);
    const socket = new FakeSocket(180_000);
    sync.attach(socket);
    expect(socket.sent).toEqual([]);
    socket.open();
    await sleep(150);
    expect(socket.sent.filter((message) => (message as { type: string }).type === 'plenum-time')).toHaveLength(4);
    const last = estimates.at(-1);
    expect(last).toBeDefined();
    expect(Math.abs((last?.offsetMs ?? 0) - 180_000)).toBeLessThanOrEqual((last?.roundTripMs ?? 0) / 2 + 2);
  });

  it('takes the clock of the first server attached that answers, not a mix of two machines', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    syncs.push(sync);
    // The first address answers slowly, the second (another machine, a minute apart) quickly.
    const [first, second] = [new FakeSocket(60_000, 30), new FakeSocket(0, 1)];
    sync.attach(first);
    sync.attach(second);
    second.open();
    await sleep(80);
    expect(Math.abs(estimates.at(-1)?.offsetMs ?? Number.NaN)).toBeLessThan(50);
    first.open();
    await sleep(150);
    expect(Math.abs((estimates.at(-1)?.offsetMs ?? 0) - 60_000)).toBeLessThan(50);
  });

  it('measures anew after a reconnect: the clock may have been set meanwhile', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    syncs.push(sync);
    const socket = new FakeSocket(30_000);
    sync.attach(socket);
    socket.open();
    await sleep(100);
    expect(Math.abs((estimates.at(-1)?.offsetMs ?? 0) - 30_000)).toBeLessThan(50);
    socket.skewMs = -5_000;
    socket.open();
    await sleep(100);
    expect(Math.abs((estimates.at(-1)?.offsetMs ?? 0) + 5_000)).toBeLessThan(50);
  });

  it('ignores answers it did not ask for and foreign messages, and lets go of sockets it no longer needs', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    syncs.push(sync);
    const [kept, dropped] = [new FakeSocket(0), new FakeSocket(0)];
    sync.attach(kept);
    sync.attach(kept);
    sync.attach(dropped);
    kept.say({ type: 'plenum-time', id: 999, now: Date.now() });
    kept.say({ type: 'plenum-time', id: 1, now: 1e300 });
    kept.say({ type: 'publish', topic: 'x' });
    kept.say('garbage');
    expect(estimates).toEqual([]);
    expect(kept.listenerCount()).toBe(2);
    sync.keepOnly([kept]);
    expect(dropped.listenerCount()).toBe(0);
    sync.destroy();
    expect(kept.listenerCount()).toBe(0);
    kept.open();
    await sleep(60);
    expect(kept.sent).toEqual([]);
  });

  it('keeps track of the last 64 questions to a server that does not answer, and forgets older ones', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), perRound: 100, spacingMs: 0 });
    syncs.push(sync);
    const silent = new FakeSocket(0, 5, false);
    sync.attach(silent);
    silent.open();
    await sleep(30);
    const ids = silent.sent.map((message) => (message as { id: number }).id);
    expect(ids).toHaveLength(100);
    // The first question is forgotten: a (very) late answer to it counts for nothing.
    silent.say({ type: 'plenum-time', id: ids[0], now: Date.now() + 1000 });
    expect(estimates).toEqual([]);
    silent.say({ type: 'plenum-time', id: ids[99], now: Date.now() + 1000 });
    expect(estimates).toHaveLength(1);
  });
});
