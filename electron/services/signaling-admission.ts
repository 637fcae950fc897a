import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SignalingLimits } from './signaling-limits';
import type { RefusedReason, ServerLog, SignalingCounters } from './signaling-log';

/**
 * Connections over a limit get a polite HTTP 429 when their request comes; this many more per address (and
 * `REFUSAL_GRACE_TOTAL` in all) are closed at once, so refusing cannot be used to hold sockets either.
 */
const REFUSAL_GRACE = 8;
const REFUSAL_GRACE_TOTAL = 64;

/** Dual-stack sockets report IPv4 peers as `::ffff:a.b.c.d`; count them under the plain address. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function refuseUpgrade(socket: Duplex, status: 429 | 503): void {
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Which TCP connections the server takes. Every one counts from accept to close, whether or not it ever sends a
 * request: idle sockets hold file descriptors too, and 1,100 of them locked everyone out when only WebSocket
 * upgrades were counted.
 */
export type Admission = {
  /** For the HTTP server's 'connection' event. */
  accept(socket: Socket): void;
  /** The socket's HTTP request (or upgrade) came: it is no longer idle. */
  requestArrived(socket: Duplex): void;
  /** Whether the socket was accepted over a limit: its request is then answered 429. */
  isOverLimit(socket: Duplex): boolean;
  sockets(): number;
  addresses(): number;
  /** Stops the idle timers. */
  close(): void;
};

export function createAdmission(
  limits: Pick<SignalingLimits, 'maxConnections' | 'maxConnectionsPerAddress' | 'requestTimeoutMs'>,
  counters: SignalingCounters,
  { refuse }: Pick<ServerLog, 'refuse'>,
): Admission {
  const socketsByAddress = new Map<string, number>();
  let sockets = 0;
  /** Sockets accepted over a connection limit: they are answered 429 when their request comes. */
  const overLimit = new WeakMap<Duplex, RefusedReason>();
  /** Sockets that have not sent a complete HTTP request yet, with the timer that closes them. */
  const awaitingRequest = new Map<Duplex, NodeJS.Timeout>();

  const requestArrived = (socket: Duplex) => {
    clearTimeout(awaitingRequest.get(socket));
    awaitingRequest.delete(socket);
  };

  const overLimitReason = (fromAddress: number): RefusedReason | null =>
    sockets >= limits.maxConnections ? 'too-many-connections' : fromAddress >= limits.maxConnectionsPerAddress ? 'too-many-from-address' : null;

  const closeWhenIdle = (socket: Socket, address: string) => {
    const timer = setTimeout(() => {
      awaitingRequest.delete(socket);
      counters.idleClosed++;
      refuse({ event: 'disconnected', address, reason: 'no-request' });
      socket.destroy();
    }, limits.requestTimeoutMs);
    timer.unref();
    awaitingRequest.set(socket, timer);
  };

  const accept = (socket: Socket) => {
    const address = normalizeAddress(socket.remoteAddress);
    const fromAddress = socketsByAddress.get(address) ?? 0;
    const reason = overLimitReason(fromAddress);
    if (reason) {
      counters.connectionsRefused++;
      refuse({ event: 'refused', address, reason });
      if (fromAddress >= limits.maxConnectionsPerAddress + REFUSAL_GRACE || sockets >= limits.maxConnections + REFUSAL_GRACE_TOTAL) {
        socket.destroy();
        return;
      }
      overLimit.set(socket, reason);
    }
    sockets++;
    socketsByAddress.set(address, fromAddress + 1);
    closeWhenIdle(socket, address);
    socket.once('close', () => {
      requestArrived(socket);
      sockets--;
      const left = (socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(address, left);
      else socketsByAddress.delete(address);
    });
  };

  return {
    accept,
    requestArrived,
    isOverLimit: (socket) => overLimit.has(socket),
    sockets: () => sockets,
    addresses: () => socketsByAddress.size,
    close() {
      for (const timer of awaitingRequest.values()) clearTimeout(timer);
    },
  };
}
