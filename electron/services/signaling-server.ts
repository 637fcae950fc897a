import http, { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import { TIME_MESSAGE, timeRequest } from '../../shared/protocol/clock';
import { bytesOf, jsonShape } from './json-depth';
import { AttemptLimiter, RefusalRuns, TokenBucket } from './rate-limits';
import { ReadBudgets } from './read-budget';
import { RoomRegistry, type HostRegistration } from './room-registry';
import { TopicTable } from './topic-table';

// Plain Node, no 'electron': the same server runs inside the moderator's app and alone on a venue machine
// (signal-cli.ts). It speaks y-webrtc's signaling protocol (node_modules/y-webrtc/bin/server.js) plus two Plenum
// messages; vanilla y-webrtc clients never send those and ignore their answers (they only read `publish`).

export type SignalingLimits = {
  /** Largest WebSocket message. Large because, without a WebRTC path, encrypted Yjs updates are relayed here. */
  maxPayloadBytes: number;
  /** Topics (rooms) one connection may join: a laptop holds a few workshops, not thousands. */
  maxTopicsPerConnection: number;
  /**
   * Topics one address may hold across all its connections: a laptop needs two per open workshop (the y-webrtc room
   * and its relay topic), so 64 is plenty, and it takes 64 addresses holding their full share to fill `maxTopics`.
   */
  maxTopicsPerAddress: number;
  /**
   * TCP connections from one address, counted from accept (before any HTTP request) until closed: one laptop opens
   * one per signaling URL; a loop that reconnects, or sockets left idle, must not starve the rest.
   */
  maxConnectionsPerAddress: number;
  /** Connections in total: each one costs a socket and memory; a room has tens of laptops, not thousands. */
  maxConnections: number;
  /** Topics in total, so a client cannot grow the topic map without bound by subscribing to fresh names. */
  maxTopics: number;
  /** Host registrations: they live as long as the server, so they are capped... */
  maxRegisteredRooms: number;
  /** ...and per address, so one laptop cannot use up the registrations of everyone else in the room. */
  maxRoomsPerAddress: number;
  /**
   * What one address may make the server read and parse, shared by all its connections: bytes per second, sustained
   * and in a burst. Each message also costs `MESSAGE_READ_COST` and each JSON value `ELEMENT_READ_COST` bytes. When it
   * is spent, the address's connections are paused (not dropped) until it refills.
   */
  readBytesPerSecond: number;
  readBurstBytes: number;
  /** A TCP connection that has not sent a complete HTTP request within this time is closed (idle sockets hold files). */
  requestTimeoutMs: number;
  /** A run of refusals is logged when it starts and, with its count, once nothing was refused for this long. */
  logQuietMs: number;
  /** Sustained messages per second per connection (a message costs 1 plus 1 per 64 KiB); excess is dropped. */
  messagesPerSecond: number;
  /** Burst allowance: a peer joining a full room sends a burst of announces and ICE candidates at once. */
  messageBurst: number;
  /** Join checks and host registrations per address per window: a join code must not be guessable by brute force. */
  verifierChecksPerWindow: number;
  verifierWindowMs: number;
  /** A receiver with more unsent bytes than this is cut off rather than buffering the room's traffic in our memory. */
  maxBufferedBytes: number;
  /** A connection that has not answered the previous ping when the next is due is dead (laptop asleep, Wi-Fi gone). */
  pingIntervalMs: number;
};

export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxPayloadBytes: 8 * 1024 * 1024,
  maxTopicsPerConnection: 64,
  maxTopicsPerAddress: 64,
  maxConnectionsPerAddress: 64,
  maxConnections: 1024,
  maxTopics: 4096,
  maxRegisteredRooms: 256,
  maxRoomsPerAddress: 16,
  readBytesPerSecond: 2 * 1024 * 1024,
  readBurstBytes: 8 * 1024 * 1024,
  requestTimeoutMs: 5_000,
  logQuietMs: 10_000,
  messagesPerSecond: 200,
  messageBurst: 1000,
  verifierChecksPerWindow: 10,
  verifierWindowMs: 10_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  pingIntervalMs: 30_000,
});

/**
 * What a message costs from its address's read budget beyond its bytes, estimated on a loaded 2-core machine:
 * receiving, parsing and answering a small message takes about as long as 1 KiB of a long string (~15 ns per byte
 * read, decoded, parsed), and JSON.parse spends 0.3–0.7 µs per value (`[]`), i.e. up to about 64 bytes' worth.
 */
export const MESSAGE_READ_COST = 1024;
export const ELEMENT_READ_COST = 64;

/**
 * Connections over a limit get a polite HTTP 429 when their request comes; this many more per address (and
 * `REFUSAL_GRACE_TOTAL` in all) are closed at once, so refusing cannot be used to hold sockets either.
 */
const REFUSAL_GRACE = 8;
const REFUSAL_GRACE_TOTAL = 64;

/** Longest topic (room) name; y-webrtc rooms are workshop ids (UUIDs). */
export const MAX_TOPIC_LENGTH = 512;

/** What `GET /plenum` answers: lets the join screen and tools check that an address is a Plenum signaling server. */
export const SIGNALING_INFO = Object.freeze({ app: 'plenum-signaling', version: 1 });

type RefusedReason = 'too-many-connections' | 'too-many-from-address' | 'server-closing';
type DisconnectedReason = 'dead' | 'slow-consumer' | 'oversized' | 'protocol-error' | 'no-request';
type RateLimitedReason = 'messages' | 'verifier-checks' | 'read-budget';
type TopicsRefusedReason = 'connection-topic-limit' | 'address-topic-limit' | 'server-topic-limit';

/**
 * What the server logs: counts, addresses and reasons only; never message contents, room names or verifiers.
 * Refusals that can repeat fast (refused connections, idle ones closed, rate limits, topics refused) are logged
 * once when a run of them starts, and as `run-ended` with how many there were once the run is over.
 */
export type SignalingLogEvent =
  | { event: 'listening'; host: string; port: number }
  | { event: 'refused'; address: string; reason: RefusedReason }
  | { event: 'disconnected'; address: string; reason: DisconnectedReason }
  | { event: 'rate-limited'; address: string; reason: RateLimitedReason }
  | { event: 'topics-refused'; address: string; reason: TopicsRefusedReason; count: number }
  | { event: 'run-ended'; address: string; reason: RefusedReason | DisconnectedReason | RateLimitedReason | TopicsRefusedReason; count: number }
  | { event: 'host-registration'; address: string; reason: HostRegistration; count: number }
  | { event: 'closed'; count: number };

/** One log line, `2025-05-01T10:00:00.000Z refused address=192.168.1.7 reason=too-many-from-address`. */
export function formatSignalingEvent(event: SignalingLogEvent, now = new Date()): string {
  const fields = Object.entries(event)
    .filter(([key]) => key !== 'event')
    .map(([key, value]) => `${key}=${String(value)}`);
  return [now.toISOString(), event.event, ...fields].join(' ');
}

export type SignalingStats = {
  connections: number;
  /** TCP connections, WebSocket or not yet (those still to send their HTTP request included). */
  sockets: number;
  addresses: number;
  topics: number;
  registeredRooms: number;
  messagesReceived: number;
  /** Deliveries of publish messages (one publish to five subscribers counts five). */
  messagesRelayed: number;
  /** Malformed JSON, binary frames, unknown types, wrong field types. */
  messagesIgnored: number;
  messagesRateLimited: number;
  connectionsRefused: number;
  /** Times an address's connections were paused because its read budget was spent. */
  readPauses: number;
  /** Connections closed because no HTTP request came within `requestTimeoutMs`. */
  idleClosed: number;
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
};

export type SignalingServer = {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
  stats(): SignalingStats;
};

// The verifier is a one-way hash of the join secret, computed by the clients; opaque here.
const verifier = z.string().min(16).max(128);
const incomingMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(z.string()) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(z.string()) }),
  // Loose: publish carries y-webrtc's payload (`data`), forwarded as it came.
  z.looseObject({ type: z.literal('publish'), topic: z.string().min(1) }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('plenum-host'), room: z.string().min(1).max(MAX_TOPIC_LENGTH), verifier }),
  z.object({ type: z.literal('plenum-join-check'), verifier }),
  timeRequest,
]);
type IncomingMessage = z.infer<typeof incomingMessage>;

/** The events logged once per run of refusals (see RefusalRuns). */
type RunEvent = Extract<SignalingLogEvent, { event: 'refused' | 'disconnected' | 'rate-limited' | 'topics-refused' }>;

type Client = {
  readonly ws: WebSocket;
  readonly address: string;
  readonly topics: Set<string>;
  readonly bucket: TokenBucket;
  alive: boolean;
};

/** Dual-stack sockets report IPv4 peers as `::ffff:a.b.c.d`; count them under the plain address. */
function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

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

function refuseUpgrade(socket: Duplex, status: 429 | 503): void {
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function answerHttp(request: http.IncomingMessage, response: http.ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0];
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
  const { host = '0.0.0.0', port = 4444, clockOffsetMs = 0 } = options;
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const log = (event: SignalingLogEvent) => {
    try {
      options.log?.(event);
    } catch {
      // A failing logger must not take the server down.
    }
  };

  const clients = new Set<Client>();
  const topics = new TopicTable<Client>(
    { perConnection: limits.maxTopicsPerConnection, perAddress: limits.maxTopicsPerAddress, total: limits.maxTopics },
    MAX_TOPIC_LENGTH,
  );
  const socketsByAddress = new Map<string, number>();
  let sockets = 0;
  /** Sockets accepted over a connection limit: they are answered 429 when their request comes. */
  const overLimit = new WeakMap<Duplex, RefusedReason>();
  /** Sockets that have not sent a complete HTTP request yet, with the timer that closes them. */
  const awaitingRequest = new Map<Duplex, NodeJS.Timeout>();
  const rooms = new RoomRegistry(limits.maxRegisteredRooms, limits.maxRoomsPerAddress);
  const verifierAttempts = new AttemptLimiter(limits.verifierChecksPerWindow, limits.verifierWindowMs);
  const counters = {
    messagesReceived: 0,
    messagesRelayed: 0,
    messagesIgnored: 0,
    messagesRateLimited: 0,
    connectionsRefused: 0,
    readPauses: 0,
    idleClosed: 0,
  };
  const runs = new RefusalRuns<RunEvent>(limits.logQuietMs, log, (event, count) =>
    log({ event: 'run-ended', address: event.address, reason: event.reason, count }),
  );
  const refuse = (event: RunEvent, weight = 1) => runs.refuse(`${event.event} ${event.reason} ${event.address}`, event, Date.now(), weight);
  const budgets = new ReadBudgets({ bytesPerSecond: limits.readBytesPerSecond, burstBytes: limits.readBurstBytes }, (address) => {
    counters.readPauses++;
    refuse({ event: 'rate-limited', address, reason: 'read-budget' });
  });
  let closing: Promise<void> | null = null;

  // Compression off: a small compressed frame can inflate to maxPayload, and Yjs updates are encrypted (incompressible).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });
  // Timeouts are checked every second, not every 30 s (Node's default), so they hold to the second.
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 }, (request, response) => {
    requestArrived(request.socket);
    if (overLimit.has(request.socket)) {
      response.writeHead(429, { Connection: 'close' }).end();
      return;
    }
    answerHttp(request, response);
  });
  // A client that trickles its headers must not hold a socket for minutes.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 15_000;

  const requestArrived = (socket: Duplex) => {
    clearTimeout(awaitingRequest.get(socket));
    awaitingRequest.delete(socket);
  };

  // Every TCP connection counts from accept to close, whether or not it ever sends a request: idle sockets hold
  // file descriptors too, and 1,100 of them locked everyone out when only WebSocket upgrades were counted.
  httpServer.on('connection', (socket: Socket) => {
    const address = normalizeAddress(socket.remoteAddress);
    const fromAddress = socketsByAddress.get(address) ?? 0;
    const reason: RefusedReason | null =
      sockets >= limits.maxConnections ? 'too-many-connections' : fromAddress >= limits.maxConnectionsPerAddress ? 'too-many-from-address' : null;
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
    const timer = setTimeout(() => {
      awaitingRequest.delete(socket);
      counters.idleClosed++;
      refuse({ event: 'disconnected', address, reason: 'no-request' });
      socket.destroy();
    }, limits.requestTimeoutMs);
    timer.unref();
    awaitingRequest.set(socket, timer);
    socket.once('close', () => {
      requestArrived(socket);
      sockets--;
      const left = (socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(address, left);
      else socketsByAddress.delete(address);
    });
  });

  const send = (client: Client, data: string | Buffer): boolean => {
    if (client.ws.readyState !== WebSocket.OPEN) return false;
    if (client.ws.bufferedAmount > limits.maxBufferedBytes) {
      log({ event: 'disconnected', address: client.address, reason: 'slow-consumer' });
      client.ws.terminate();
      return false;
    }
    client.ws.send(data, { binary: false });
    return true;
  };

  const subscribe = (client: Client, names: readonly string[]) => {
    const refused = topics.subscribe(client, names);
    const byReason: Array<[TopicsRefusedReason, number]> = [
      ['connection-topic-limit', refused.connection],
      ['address-topic-limit', refused.address],
      ['server-topic-limit', refused.server],
    ];
    for (const [reason, count] of byReason) if (count > 0) refuse({ event: 'topics-refused', address: client.address, reason, count }, count);
  };

  const allowVerifierCheck = (client: Client): boolean => {
    const allowed = verifierAttempts.take(client.address, Date.now());
    if (!allowed) refuse({ event: 'rate-limited', address: client.address, reason: 'verifier-checks' });
    return allowed;
  };

  const handle = (client: Client, message: IncomingMessage) => {
    switch (message.type) {
      case 'subscribe':
        subscribe(client, message.topics);
        return;
      case 'unsubscribe':
        for (const topic of message.topics) topics.unsubscribe(client, topic);
        return;
      case 'publish': {
        const receivers = topics.subscribers(message.topic);
        if (!receivers) return;
        // As y-webrtc's server: to every subscriber, the sender included, with the number of receivers. Encoded
        // once for all of them: a relayed Yjs update may be megabytes.
        const payload = Buffer.from(JSON.stringify({ ...message, clients: receivers.size }));
        for (const receiver of receivers) if (send(receiver, payload)) counters.messagesRelayed++;
        return;
      }
      case 'ping':
        send(client, JSON.stringify({ type: 'pong' }));
        return;
      case TIME_MESSAGE:
        // The room's clock: laptops read the run of the day in this machine's time.
        send(client, JSON.stringify({ type: TIME_MESSAGE, id: message.id, now: Date.now() + clockOffsetMs }));
        return;
      case 'plenum-host': {
        if (!allowVerifierCheck(client)) {
          send(client, JSON.stringify({ type: 'plenum-host-result', ok: false, reason: 'rate-limited' }));
          return;
        }
        const outcome = rooms.register(message.room, message.verifier, client.address);
        log({ event: 'host-registration', address: client.address, reason: outcome, count: rooms.size });
        const ok = outcome === 'registered' || outcome === 'renewed';
        send(client, JSON.stringify(ok ? { type: 'plenum-host-result', ok } : { type: 'plenum-host-result', ok, reason: outcome }));
        return;
      }
      case 'plenum-join-check': {
        if (!allowVerifierCheck(client)) {
          send(client, JSON.stringify({ type: 'plenum-join-result', ok: false, reason: 'rate-limited' }));
          return;
        }
        const room = rooms.roomFor(message.verifier);
        send(client, JSON.stringify(room === undefined ? { type: 'plenum-join-result', ok: false } : { type: 'plenum-join-result', ok: true, room }));
        return;
      }
    }
  };

  const onMessage = (client: Client, data: RawData, isBinary: boolean) => {
    client.alive = true;
    counters.messagesReceived++;
    const now = Date.now();
    // Its bytes were charged as they were read (see onConnection); receiving and judging it costs on top.
    budgets.charge(client.address, MESSAGE_READ_COST, now);
    const bytes = bytesOf(data);
    if (!client.bucket.take(1 + Math.floor(bytes.length / 65_536), now)) {
      counters.messagesRateLimited++;
      refuse({ event: 'rate-limited', address: client.address, reason: 'messages' });
      return;
    }
    // y-webrtc sends JSON text only; binary frames, text too deep or with too many values (judged from the raw
    // bytes, before parsing) and anything unparsable are ignored, never answered.
    if (isBinary) {
      counters.messagesIgnored++;
      return;
    }
    const shape = jsonShape(bytes);
    budgets.charge(client.address, shape.elements * ELEMENT_READ_COST, now);
    let parsed: ReturnType<typeof incomingMessage.safeParse> | null = null;
    if (shape.ok) {
      try {
        parsed = incomingMessage.safeParse(JSON.parse(bytes.toString('utf8')));
      } catch {
        parsed = null;
      }
    }
    if (!parsed?.success) {
      counters.messagesIgnored++;
      return;
    }
    try {
      handle(client, parsed.data);
    } catch {
      // E.g. JSON.stringify's RangeError on a publish nested a million levels deep: that message is dropped, nothing else.
      counters.messagesIgnored++;
    }
  };

  const onConnection = (ws: WebSocket, socket: Duplex, address: string) => {
    const client: Client = {
      ws,
      address,
      topics: new Set(),
      bucket: new TokenBucket(limits.messageBurst, limits.messagesPerSecond),
      alive: true,
    };
    clients.add(client);
    budgets.join(address, ws);
    // Every byte read costs its address, as it arrives: a message still being received pauses with the rest.
    socket.on('data', (chunk: Buffer) => budgets.charge(address, chunk.length));
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('message', (data, isBinary) => onMessage(client, data, isBinary));
    // ws closes the connection itself after an error (oversized frame 1009, bad UTF-8 1007); this only records why.
    ws.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'oversized' : 'protocol-error';
      log({ event: 'disconnected', address, reason });
    });
    ws.on('close', () => {
      topics.leave(client);
      clients.delete(client);
      budgets.leave(address, ws);
    });
  };

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    requestArrived(socket);
    const address = normalizeAddress(request.socket.remoteAddress);
    if (closing) {
      counters.connectionsRefused++;
      refuse({ event: 'refused', address, reason: 'server-closing' });
      refuseUpgrade(socket, 503);
      return;
    }
    // Counted (and judged against the limits) when the TCP connection was accepted.
    if (overLimit.has(socket)) {
      refuseUpgrade(socket, 429);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, socket, address));
  });

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
    verifierAttempts.sweep(Date.now());
    budgets.sweep(Date.now());
  }, limits.pingIntervalMs);
  heartbeat.unref();

  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  log({ event: 'listening', host, port: boundPort });

  const close = async () => {
    clearInterval(heartbeat);
    const open = clients.size;
    for (const client of clients) client.ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    for (const timer of awaitingRequest.values()) clearTimeout(timer);
    budgets.close();
    runs.flush();
    log({ event: 'closed', count: open });
  };

  return {
    port: boundPort,
    close: () => (closing ??= close()),
    stats: () => ({
      connections: clients.size,
      sockets,
      addresses: socketsByAddress.size,
      topics: topics.size,
      registeredRooms: rooms.size,
      ...counters,
    }),
  };
}
