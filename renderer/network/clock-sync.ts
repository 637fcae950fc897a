import { estimateClock, TIME_MESSAGE, timeReply, type ClockEstimate, type ClockSample } from '../../shared/protocol/clock';
import type { SignalingSocket } from './relay';

/**
 * Asks the signaling servers this laptop is connected to for the room's time: a few questions
 * right after each connect and again every two minutes (laptop clocks drift, and a clock set
 * anew must be followed), and keeps the answer with the shortest round trip of the recent ones
 * (shared/protocol/clock.ts). Each server's answers are kept apart; the estimate comes from the
 * first server attached that has answered (the join code's addresses are one machine's, the
 * first the one that worked).
 */
export interface ClockSyncOptions {
  onEstimate(estimate: ClockEstimate): void;
  /** Questions per round, this far apart. */
  perRound?: number;
  spacingMs?: number;
  /** A new round this often while connected. */
  everyMs?: number;
}

export interface ClockSync {
  attach(socket: SignalingSocket): void;
  /** Lets go of sockets the provider no longer uses. */
  keepOnly(current: readonly SignalingSocket[]): void;
  destroy(): void;
}

/** Samples of this many recent rounds count, so a clock that was set anew is followed. */
const ROUNDS_KEPT = 2;

interface Tracked {
  connect: () => void;
  message: (message: unknown) => void;
  pending: Map<number, number>;
  samples: ClockSample[];
}

export function startClockSync({ onEstimate, perRound = 4, spacingMs = 150, everyMs = 2 * 60_000 }: ClockSyncOptions): ClockSync {
  const sockets = new Map<SignalingSocket, Tracked>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let nextId = 1;
  let last: ClockEstimate | null = null;

  const ask = (socket: SignalingSocket, tracked: Tracked) => {
    if (!socket.connected || sockets.get(socket) !== tracked) return;
    const id = nextId++;
    // A server that does not answer (an older one) must not make the list grow for ever.
    if (tracked.pending.size >= 64) tracked.pending.delete(tracked.pending.keys().next().value ?? 0);
    tracked.pending.set(id, Date.now());
    socket.send({ type: TIME_MESSAGE, id });
  };
  const round = (socket: SignalingSocket, tracked: Tracked) => {
    for (let index = 0; index < perRound; index += 1) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        ask(socket, tracked);
      }, index * spacingMs);
      timers.add(timer);
    }
  };
  const publish = () => {
    for (const tracked of sockets.values()) {
      const estimate = estimateClock(tracked.samples);
      if (!estimate) continue;
      if (estimate.offsetMs !== last?.offsetMs || estimate.roundTripMs !== last.roundTripMs) {
        last = estimate;
        onEstimate(estimate);
      }
      return;
    }
  };
  const periodic = setInterval(() => {
    for (const [socket, tracked] of sockets) round(socket, tracked);
  }, everyMs);

  const release = (socket: SignalingSocket, tracked: Tracked) => {
    socket.off('connect', tracked.connect);
    socket.off('message', tracked.message);
    sockets.delete(socket);
  };

  return {
    attach(socket) {
      if (sockets.has(socket)) return;
      const tracked: Tracked = {
        // A reconnect may follow a sleep or a new network: what was measured before says little.
        connect: () => {
          tracked.samples = [];
          tracked.pending.clear();
          round(socket, tracked);
        },
        message: (message) => {
          const receivedAt = Date.now();
          const parsed = timeReply.safeParse(message);
          if (!parsed.success) return;
          const sentAt = tracked.pending.get(parsed.data.id);
          if (sentAt === undefined) return;
          tracked.pending.delete(parsed.data.id);
          tracked.samples = [...tracked.samples, { sentAt, hostNow: parsed.data.now, receivedAt }].slice(-perRound * ROUNDS_KEPT);
          publish();
        },
        pending: new Map(),
        samples: [],
      };
      sockets.set(socket, tracked);
      socket.on('connect', tracked.connect);
      socket.on('message', tracked.message);
      if (socket.connected) round(socket, tracked);
    },
    keepOnly(current) {
      for (const [socket, tracked] of sockets) if (!current.includes(socket)) release(socket, tracked);
    },
    destroy() {
      clearInterval(periodic);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const [socket, tracked] of sockets) release(socket, tracked);
    },
  };
}
