import { afterEach, describe, expect, it } from 'vitest';
import { estimateClock, MAX_ROUND_TRIP_MS, type ClockEstimate } from '../../shared/protocol/clock';
import { startClockSync, type ClockSync } from '../../renderer/session/clock-sync';
import type { SignalingSocket } from '../../renderer/session/relay';

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
    private skewMs: number,
    private delayMs = 5,
  ) {}
  send(message: object): void {
    this.sent.push(message);
    const { type, id } = message as { type: string; id: number };
    if (type !== 'plenum-time') return;
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

const syncs: ClockSync[] = [];
afterEach(() => syncs.splice(0).forEach((sync) => sync.destroy()));

describe('asking the signaling server for its time', () => {
  it('finds a host clock three minutes ahead after the connect, within the round trip', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    syncs.push(sync);
    const socket = new FakeSocket(180_000);
    sync.attach(socket);
    expect(socket.sent).toEqual([]);
    socket.open();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(socket.sent.filter((message) => (message as { type: string }).type === 'plenum-time')).toHaveLength(4);
    const last = estimates.at(-1);
    expect(last).toBeDefined();
    expect(Math.abs((last?.offsetMs ?? 0) - 180_000)).toBeLessThanOrEqual((last?.roundTripMs ?? 0) / 2 + 2);
  });

  it('ignores answers it did not ask for and foreign messages, and lets go of the socket when destroyed', async () => {
    const estimates: ClockEstimate[] = [];
    const sync = startClockSync({ onEstimate: (estimate) => estimates.push(estimate), spacingMs: 10 });
    const socket = new FakeSocket(0);
    sync.attach(socket);
    sync.attach(socket);
    socket.say({ type: 'plenum-time', id: 999, now: Date.now() });
    socket.say({ type: 'publish', topic: 'x' });
    socket.say('garbage');
    expect(estimates).toEqual([]);
    expect(socket.listenerCount()).toBe(2);
    sync.destroy();
    expect(socket.listenerCount()).toBe(0);
    socket.open();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(socket.sent).toEqual([]);
  });
});
