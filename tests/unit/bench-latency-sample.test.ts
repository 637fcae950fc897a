import { describe, expect, it } from 'vitest';
import { latencyCardSeq, latencyCardText } from '../../bench/fixtures/latency-card';
import type { Arrival } from '../../bench/laptop/api';
import { sample, SETTLE_MS, type LatencyLaptop } from '../../bench/suites/latency-sample';

/** A made-up laptop: `add` returns `writtenAt`; each drain hands out what `arrivals` has ready for that call. */
function laptop(name: string, writtenAt: number, arrivalsPerDrain: Arrival[][] = []) {
  const calls = { add: 0, drain: 0 };
  const fake: LatencyLaptop & { calls: typeof calls } = {
    name,
    calls,
    add: async () => {
      calls.add += 1;
      return writtenAt;
    },
    drain: async () => {
      calls.drain += 1;
      return arrivalsPerDrain.shift() ?? [];
    },
  };
  return fake;
}

describe('one latency sample', () => {
  it('is the time until the slowest receiver has the card, and each receiver on its own', async () => {
    const sender = laptop('a', 100);
    const receivers = [laptop('b', 0, [[{ seq: 7, at: 103 }]]), laptop('c', 0, [[{ seq: 7, at: 109.5 }]])];
    const result = await sample({ transport: 'plenum', laptops: [sender, ...receivers] }, 0, 7);
    expect(result.each).toEqual([3, 9.5]);
    expect(result.all).toBe(9.5);
    expect(sender.calls).toEqual({ add: 1, drain: 0 });
  });

  it('rotates the sender with the sample index', async () => {
    const laptops = [laptop('a', 0, [[{ seq: 1, at: 55 }]]), laptop('b', 50), laptop('c', 0, [[{ seq: 1, at: 52 }]])];
    const result = await sample({ transport: 'plenum', laptops }, 4, 1);
    expect(laptops[1]?.calls.add).toBe(1);
    expect(result.each).toEqual([5, 2]);
  });

  it('collects the card from a receiver that did not have it yet at the first collection, and ignores other cards', async () => {
    const late = laptop('late', 0, [[{ seq: 2, at: 11 }], [], [{ seq: 3, at: 40 }]]);
    const started = Date.now();
    const result = await sample({ transport: 'ywebsocket', laptops: [laptop('a', 10), late] }, 0, 3);
    expect(result.all).toBe(30);
    expect(late.calls.drain).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SETTLE_MS);
  });

  it('names the laptops that never received the card', async () => {
    const laptops = [laptop('a', 0), laptop('b', 0, [[{ seq: 5, at: 1 }]]), laptop('c', 0), laptop('d', 0)];
    await expect(sample({ transport: 'plenum', laptops }, 0, 5, 100)).rejects.toThrow('plenum: card 5 never reached c, d');
  });
});

describe('latency cards', () => {
  it('carry their sample number in the text', () => {
    expect(latencyCardSeq(latencyCardText(42, 'Energieeffizienz in Kommunen'))).toBe(42);
    expect(latencyCardSeq('Energieeffizienz lat 3 ')).toBeNull();
    expect(latencyCardSeq(undefined)).toBeNull();
  });
});
