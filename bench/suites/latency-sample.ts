import type { Arrival, SampleNet } from '../laptop/api';

/*
 * One sample of the latency benchmarks (bench/suites/peer-latency.ts), apart from how the laptops
 * run (Chromium pages, Node processes) so that it can be tested with made-up laptops.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One laptop in one network, as a sample drives it. */
export interface LatencyLaptop {
  name: string;
  /** addCard "lat <seq> …"; the laptop's time just before. */
  add(seq: number): Promise<number>;
  /** The latency cards from other laptops that arrived since the last drain, with the laptop's time. */
  drain(): Promise<Arrival[]>;
}

export interface LatencyNetwork {
  transport: SampleNet;
  laptops: LatencyLaptop[];
}

/** Longer than nearly every sample takes (p95 ≈ 13–25 ms with ten laptops), so the collection comes after the arrivals. */
export const SETTLE_MS = 50;
const SAMPLE_TIMEOUT_MS = 10_000;

export interface Sample {
  /** Until every other laptop has the card. */
  all: number;
  /** Per receiver. */
  each: number[];
}

/**
 * The card `seq` written on laptop `senderIndex` (rotating): its latency to each other laptop and to
 * the slowest one. Collected SETTLE_MS after writing, then every 10 ms from the laptops still without it.
 */
export async function sample(network: LatencyNetwork, senderIndex: number, seq: number, timeoutMs = SAMPLE_TIMEOUT_MS): Promise<Sample> {
  const { laptops } = network;
  const sender = laptops[senderIndex % laptops.length];
  if (!sender) throw new Error('no sender');
  const receivers = laptops.filter((laptop) => laptop !== sender);
  const written = await sender.add(seq);
  const arrived = new Map<LatencyLaptop, number>();
  const deadline = Date.now() + timeoutMs;
  await sleep(SETTLE_MS);
  for (;;) {
    const waiting = receivers.filter((laptop) => !arrived.has(laptop));
    const drained = await Promise.all(waiting.map((laptop) => laptop.drain()));
    waiting.forEach((laptop, index) => {
      const arrival = drained[index]?.find((entry) => entry.seq === seq);
      if (arrival) arrived.set(laptop, arrival.at);
    });
    if (arrived.size === receivers.length) break;
    if (Date.now() > deadline) {
      const missing = receivers.filter((laptop) => !arrived.has(laptop));
      throw new Error(`${network.transport}: card ${seq} never reached ${missing.map((laptop) => laptop.name).join(', ')}`);
    }
    await sleep(10);
  }
  const each = receivers.map((laptop) => (arrived.get(laptop) ?? Number.NaN) - written);
  return { all: Math.max(...each), each };
}
