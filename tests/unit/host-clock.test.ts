import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../support/memory-storage';

// A localStorage of its own per test: host-clock reads it lazily, on each workshop's first use.
async function freshModule(entries: Record<string, string> = {}) {
  vi.resetModules();
  const storage = memoryStorage(entries);
  vi.stubGlobal('localStorage', storage);
  return { clock: await import('../../renderer/network/host-clock'), storage };
}

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("a workshop's room clock on this laptop", () => {
  it('is the own clock until measured, then the host time, per workshop', async () => {
    const { clock, storage } = await freshModule();
    expect(clock.hostNow('w1')).toBe(Date.now());
    clock.setHostClock('w1', { offsetMs: 180_000, roundTripMs: 4 });
    expect(clock.hostNow('w1')).toBe(Date.now() + 180_000);
    expect(clock.hostNow('w2')).toBe(Date.now());
    expect(JSON.parse(storage.getItem('plenum.hostClock.w1') ?? 'null')).toEqual({ offsetMs: 180_000, roundTripMs: 4 });
  });

  it('is kept for the next start of the app (and other windows), and forgotten when the laptop leaves', async () => {
    const { clock } = await freshModule({ 'plenum.hostClock.w1': JSON.stringify({ offsetMs: -60_000, roundTripMs: 2 }) });
    expect(clock.hostNow('w1')).toBe(Date.now() - 60_000);
    clock.forgetHostClock('w1');
    expect(clock.hostNow('w1')).toBe(Date.now());
    expect(clock.hostClock('w1')).toBeNull();
  });

  it('ignores what was stored damaged or impossible, and refuses to store an impossible offset', async () => {
    const { clock } = await freshModule({
      'plenum.hostClock.a': '{not json',
      'plenum.hostClock.b': JSON.stringify({ offsetMs: 1e300, roundTripMs: 1 }),
      'plenum.hostClock.c': JSON.stringify({ offsetMs: '5', roundTripMs: 1 }),
    });
    for (const id of ['a', 'b', 'c']) expect(clock.hostNow(id)).toBe(Date.now());
    clock.setHostClock('d', { offsetMs: Number.POSITIVE_INFINITY, roundTripMs: 1 });
    expect(clock.hostNow('d')).toBe(Date.now());
  });
});
