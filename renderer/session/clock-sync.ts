import { estimateClock, TIME_MESSAGE, timeReply, type ClockEstimate, type ClockSample } from '../../shared/protocol/clock';
import type { SignalingSocket } from './relay';

/**
 * Asks the signaling servers this laptop is connected to for their time: a few questions right
 * after each connect and again every few minutes (laptop clocks drift), and keeps the answer
 * with the shortest round trip of the recent ones (shared/protocol/clock.ts).
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
  destroy(): void;
}

/** Samples older than this many rounds are dropped, so a drifting clock is followed. */
const ROUNDS_KEPT = 3;

export function startClockSync({ onEstimate, perRound = 4, spacingMs = 150, everyMs = 5 * 60_000 }: ClockSyncOptions): ClockSync {
  const sockets = new Map<SignalingSocket, { connect: () => void; message: (message: unknown) => void }>();
  const pending = new Map<number, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let samples: ClockSample[] = [];
  let nextId = 1;
  let last: ClockEstimate | null = null;

  const ask = (socket: SignalingSocket) => {
    if (!socket.connected) return;
    const id = nextId++;
    // A server that does not answer (an older one) must not make the list grow for ever.
    if (pending.size >= 64) pending.delete(pending.keys().next().value ?? 0);
    pending.set(id, Date.now());
    socket.send({ type: TIME_MESSAGE, id });
  };
  const round = (socket: SignalingSocket) => {
    for (let index = 0; index < perRound; index += 1) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        ask(socket);
      }, index * spacingMs);
      timers.add(timer);
    }
  };
  const onReply = (message: unknown) => {
    const receivedAt = Date.now();
    const parsed = timeReply.safeParse(message);
    if (!parsed.success) return;
    const sentAt = pending.get(parsed.data.id);
    if (sentAt === undefined) return;
    pending.delete(parsed.data.id);
    samples = [...samples, { sentAt, hostNow: parsed.data.now, receivedAt }].slice(-perRound * ROUNDS_KEPT);
    const estimate = estimateClock(samples);
    if (estimate && (estimate.offsetMs !== last?.offsetMs || estimate.roundTripMs !== last.roundTripMs)) {
      last = estimate;
      onEstimate(estimate);
    }
  };
  const periodic = setInterval(() => {
    for (const socket of sockets.keys()) round(socket);
  }, everyMs);

  return {
    attach(socket) {
      if (sockets.has(socket)) return;
      const listeners = { connect: () => round(socket), message: onReply };
      sockets.set(socket, listeners);
      socket.on('connect', listeners.connect);
      socket.on('message', listeners.message);
      if (socket.connected) round(socket);
    },
    destroy() {
      clearInterval(periodic);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const [socket, listeners] of sockets) {
        socket.off('connect', listeners.connect);
        socket.off('message', listeners.message);
      }
      sockets.clear();
      pending.clear();
    },
  };
}
