import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_SIGNALING_PORT } from '../../shared/protocol/signaling';
import { TokenBucket } from './rate-limits';
import { ReadBudgets } from './read-budget';
import { answerParticipantPage, isParticipantPagePath, type ParticipantPageOptions } from './participant-page';
import { createAdmission, normalizeAddress, refuseUpgrade } from './signaling-admission';
import { DEFAULT_SIGNALING_LIMITS, type SignalingLimits } from './signaling-limits';
import { newCounters, serverLog, type SignalingCounters, type SignalingLogEvent } from './signaling-log';
import { createMessageHandler, type Client } from './signaling-messages';

// Plain Node, no 'electron': the same server runs inside the moderator's app and alone on a venue machine
// (signal-cli.ts). It speaks y-webrtc's signaling protocol plus Plenum's messages (shared/protocol/signaling.ts).
// Its parts, in the order a connection meets them:
//   signaling-admission.ts  which TCP connections are taken (per address and in total, idle ones closed)
//   this file               HTTP (GET /plenum), the WebSocket upgrade, liveness pings, closing
//   signaling-messages.ts   what each message does: topics, publish, the room's clock, host registration, join check
//   signaling-limits.ts, signaling-log.ts: the limits, and what is logged and counted.

export { DEFAULT_SIGNALING_LIMITS, ELEMENT_READ_COST, MESSAGE_READ_COST, type SignalingLimits } from './signaling-limits';
export { formatSignalingEvent, type SignalingLogEvent } from './signaling-log';
export { MAX_TOPIC_LENGTH } from '../../shared/protocol/signaling';

/** What `GET /plenum` answers: lets the join screen and tools check that an address is a Plenum signaling server. */
export const SIGNALING_INFO = Object.freeze({ app: 'plenum-signaling', version: 1 });

export type SignalingStats = SignalingCounters & {
  connections: number;
  /** TCP connections, WebSocket or not yet (those still to send their HTTP request included). */
  sockets: number;
  addresses: number;
  topics: number;
  registeredRooms: number;
  /** Connections joined as phones (signaling-phones.ts). */
  phones: number;
};

export type SignalingServerOptions = {
  host?: string;
  port?: number;
  /**
   * Added to this machine's clock in the room's time it tells laptops: a laptop that takes over
   * hosting keeps the clock the room ran on (shared/protocol/clock.ts).
   */
  clockOffsetMs?: number;
  limits?: Partial<SignalingLimits>;
  log?: (event: SignalingLogEvent) => void;
  /** Serves the participant page for phones from this built folder at /p/ (participant-page.ts); none without it. */
  participantPage?: ParticipantPageOptions;
};

export type SignalingServer = {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
  stats(): SignalingStats;
};

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const message =
    error.code === 'EADDRINUSE'
      ? `port ${port} is in use`
      : error.code === 'EACCES'
        ? `port ${port} needs administrator rights; choose 1024 or above`
        : error.code === 'EADDRNOTAVAIL'
          ? `address ${host} is not an address of this machine`
          : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
  return Object.assign(new Error(message), { code: error.code });
}

function answerHttp(request: http.IncomingMessage, response: http.ServerResponse, page: ParticipantPageOptions | undefined): void {
  const path = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
  if (page && isParticipantPagePath(path)) {
    void answerParticipantPage(page, request, path, response);
    return;
  }
  if (path !== '/plenum') {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // Public facts only, so any origin (the web build on another port) may read them.
  response
    .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' })
    .end(request.method === 'HEAD' ? undefined : JSON.stringify(SIGNALING_INFO));
}


/**
 * Starts a y-webrtc-compatible signaling server with Plenum's join check, hardened for an open venue LAN: every
 * limit in `SignalingLimits`, malformed input ignored, one bad connection never affects another.
 * Rejects with `port N is in use` (and similar plain messages) when it cannot listen.
 */
export async function startSignalingServer(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const { host = '0.0.0.0', port = DEFAULT_SIGNALING_PORT, clockOffsetMs = 0 } = options;
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const log = serverLog(options.log, limits.logQuietMs);
  const counters = newCounters();
  const admission = createAdmission(limits, counters, log);
  const budgets = new ReadBudgets({ bytesPerSecond: limits.readBytesPerSecond, burstBytes: limits.readBurstBytes }, (address) => {
    counters.readPauses++;
    log.refuse({ event: 'rate-limited', address, reason: 'read-budget' });
  });
  const messages = createMessageHandler({ limits, counters, log, budgets, clockOffsetMs });
  const clients = new Set<Client>();
  let closing: Promise<void> | null = null;

  // Compression off: a small compressed frame can inflate to maxPayload, and Yjs updates are encrypted (incompressible).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });
  // Timeouts are checked every second, not every 30 s (Node's default), so they hold to the second.
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 }, (request, response) => {
    admission.requestArrived(request.socket);
    if (admission.isOverLimit(request.socket)) {
      response.writeHead(429, { Connection: 'close' }).end();
      return;
    }
    answerHttp(request, response, options.participantPage);
  });
  // A client that trickles its headers must not hold a socket for minutes.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 15_000;
  httpServer.on('connection', (socket: Socket) => admission.accept(socket));

  const onConnection = (ws: WebSocket, socket: Duplex, address: string) => {
    const client: Client = {
      ws,
      address,
      topics: new Set(),
      bucket: new TokenBucket(limits.messageBurst, limits.messagesPerSecond),
      alive: true,
      binaryRelay: false,
    };
    clients.add(client);
    budgets.join(address, ws);
    // Every byte read costs its address, as it arrives: a message still being received pauses with the rest.
    socket.on('data', (chunk: Buffer) => budgets.charge(address, chunk.length));
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('message', (data, isBinary) => messages.receive(client, data, isBinary));
    // ws closes the connection itself after an error (oversized frame 1009, bad UTF-8 1007); this only records why.
    ws.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'oversized' : 'protocol-error';
      log.log({ event: 'disconnected', address, reason });
    });
    ws.on('close', () => {
      messages.leave(client);
      clients.delete(client);
      budgets.leave(address, ws);
    });
  };

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    admission.requestArrived(socket);
    const address = normalizeAddress(request.socket.remoteAddress);
    if (closing) {
      counters.connectionsRefused++;
      log.refuse({ event: 'refused', address, reason: 'server-closing' });
      refuseUpgrade(socket, 503);
      return;
    }
    // Counted (and judged against the limits) when the TCP connection was accepted.
    if (admission.isOverLimit(socket)) {
      refuseUpgrade(socket, 429);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, socket, address));
  });

  await listen(httpServer, host, port);
  const heartbeat = startHeartbeat(clients, limits.pingIntervalMs, (now) => {
    messages.sweep(now);
    budgets.sweep(now);
  }, log.log);

  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  log.log({ event: 'listening', host, port: boundPort });

  const close = async () => {
    clearInterval(heartbeat);
    const open = clients.size;
    for (const client of clients) client.ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    admission.close();
    budgets.close();
    log.flush();
    log.log({ event: 'closed', count: open });
  };

  return {
    port: boundPort,
    close: () => (closing ??= close()),
    stats: () => ({
      connections: clients.size,
      sockets: admission.sockets(),
      addresses: admission.addresses(),
      topics: messages.topics(),
      registeredRooms: messages.registeredRooms(),
      phones: messages.phones(),
      ...counters,
    }),
  };
}

async function listen(httpServer: http.Server, host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    httpServer.once('error', onError);
    httpServer.listen(port, host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
  // After listening, a server error (rare: EMFILE on accept) is survivable; it must not become an uncaught exception.
  httpServer.on('error', () => undefined);
}

/** A connection that has not answered the previous ping when the next is due is dead (laptop asleep, Wi-Fi gone). */
function startHeartbeat(clients: ReadonlySet<Client>, intervalMs: number, sweep: (now: number) => void, log: (event: SignalingLogEvent) => void): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        log({ event: 'disconnected', address: client.address, reason: 'dead' });
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
    sweep(Date.now());
  }, intervalMs);
  heartbeat.unref();
  return heartbeat;
}
