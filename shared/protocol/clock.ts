import { z } from 'zod';

/*
 * The room's clock. The run of the day is timestamps in the document (shared/model/run.ts), so
 * every laptop's countdown is only as right as its clock; in a venue without internet nothing
 * sets the laptops' clocks, and one that is a minute off shows a table a minute less to work.
 * Each laptop therefore asks the signaling server (the host's app) for its time, NTP-style, and
 * reads and writes the run's timestamps in the host's time.
 */

/** Asked of the signaling server: `{ type: 'plenum-time', id }`; it answers with its clock. */
export const TIME_MESSAGE = 'plenum-time';

export const timeRequest = z.object({ type: z.literal(TIME_MESSAGE), id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });
/** The latest time JavaScript's Date can hold. */
const MAX_TIME = 8.64e15;
/** How far a room's clock may be from a laptop's (a laptop whose clock battery died shows 2000). */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;
export const clockOffset = z.number().finite().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS);

export const timeReply = z.object({ type: z.literal(TIME_MESSAGE), id: z.number().int().nonnegative(), now: z.number().finite().positive().max(MAX_TIME) });
export type TimeReply = z.infer<typeof timeReply>;

/** One question to the host: when it was sent and answered here, and the host's time in the answer. */
export interface ClockSample {
  sentAt: number;
  hostNow: number;
  receivedAt: number;
}

export interface ClockEstimate {
  /** Host time minus this laptop's time, in ms. */
  offsetMs: number;
  /** The round trip of the sample it rests on: the offset is right within half of it. */
  roundTripMs: number;
}

/** Answers slower than this are not used: a round trip that long says little about the clocks. */
export const MAX_ROUND_TRIP_MS = 2000;

/**
 * The host's clock against this laptop's, from the sample with the shortest round trip (the
 * one least held up on the way, as NTP picks it), assuming the answer took half the round trip
 * back. Null without a usable sample.
 */
export function estimateClock(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const { sentAt, hostNow, receivedAt } of samples) {
    const roundTripMs = receivedAt - sentAt;
    if (!Number.isFinite(roundTripMs) || roundTripMs < 0 || roundTripMs > MAX_ROUND_TRIP_MS || !Number.isFinite(hostNow)) continue;
    const offsetMs = hostNow - (sentAt + roundTripMs / 2);
    if (!clockOffset.safeParse(offsetMs).success) continue;
    if (!best || roundTripMs < best.roundTripMs) best = { offsetMs, roundTripMs };
  }
  return best;
}
