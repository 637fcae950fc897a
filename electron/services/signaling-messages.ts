import { WebSocket, type RawData } from 'ws';
import { TIME_MESSAGE } from '../../shared/protocol/clock';
import {
  hostResultMessage,
  joinResultMessage,
  MAX_TOPIC_LENGTH,
  PLENUM_MESSAGE,
  signalingRequest,
  type HostRequest,
  type JoinCheckRequest,
  type JoinRefusal,
  type SignalingRequest,
} from '../../shared/protocol/signaling';
import { PHONE_MESSAGE, type PhoneJoinRequest } from '../../shared/protocol/phone-wire';
import { decodeRelayFrame, MAX_RELAY_PEER_ID_LENGTH, type RelayFrameHeader } from '../../shared/protocol/relay-frame';
import { toBase64 } from '../../shared/base64';
import { bytesOf, jsonShape } from './json-depth';
import { AttemptLimiter, type TokenBucket } from './rate-limits';
import type { ReadBudgets } from './read-budget';
import { RelayRoutes } from './relay-routes';
import { RoomRegistry } from './room-registry';
import { ELEMENT_READ_COST, MESSAGE_READ_COST, type SignalingLimits } from './signaling-limits';
import type { ServerLog, SignalingCounters, TopicsRefusedReason } from './signaling-log';
import { createPhoneRelay, PHONE_FRAME_MAX_BYTES } from './signaling-phones';
import { TopicTable } from './topic-table';

/** One WebSocket connection of a laptop. */
export type Client = {
  readonly ws: WebSocket;
  readonly address: string;
  readonly topics: Set<string>;
  readonly bucket: TokenBucket;
  alive: boolean;
  /** It offered binary relay frames (shared/protocol/relay-frame.ts): it gets them as they came, else as JSON. */
  binaryRelay: boolean;
};

export type MessageContext = {
  limits: SignalingLimits;
  counters: SignalingCounters;
  log: ServerLog;
  /** Read budgets of the addresses: judging a message costs its address (see ReadBudgets). */
  budgets: ReadBudgets;
  /** Added to this machine's clock in the room's time (shared/protocol/clock.ts). */
  clockOffsetMs: number;
};

export type MessageHandler = {
  /** For a client's 'message' event: rate limit, read budget, parse, answer. */
  receive(client: Client, data: RawData, isBinary: boolean): void;
  /** A client closed: it leaves its topics. */
  leave(client: Client): void;
  /** Forgets the verifier checks of windows that have passed. */
  sweep(now: number): void;
  topics(): number;
  registeredRooms(): number;
  /** Connections joined as phones. */
  phones(): number;
};

/** What a phone connection may send once it is one (signaling-phones.ts): its frames up, and pings to keep the connection. */
const PHONE_MAY_SEND: ReadonlySet<string> = new Set([PHONE_MESSAGE.up, 'ping']);

/**
 * What the server does with each message: y-webrtc's topics (subscribe, publish to the subscribers, ping) and
 * Plenum's messages (host registration, join check, the room's clock). Malformed messages are ignored, never answered.
 */
export function createMessageHandler({ limits, counters, log, budgets, clockOffsetMs }: MessageContext): MessageHandler {
  const topics = new TopicTable<Client>(
    { perConnection: limits.maxTopicsPerConnection, perAddress: limits.maxTopicsPerAddress, total: limits.maxTopics },
    MAX_TOPIC_LENGTH,
  );
  const rooms = new RoomRegistry<Client>(limits.maxRegisteredRooms, limits.maxRoomsPerAddress, limits.roomLapseMs);
  const verifierAttempts = new AttemptLimiter(limits.verifierChecksPerWindow, limits.verifierWindowMs);

  const send = (client: Client, data: string | Buffer | Uint8Array, binary = false): boolean => {
    if (client.ws.readyState !== WebSocket.OPEN) return false;
    if (client.ws.bufferedAmount > limits.maxBufferedBytes) {
      log.log({ event: 'disconnected', address: client.address, reason: 'slow-consumer' });
      client.ws.terminate();
      return false;
    }
    client.ws.send(data, { binary });
    return true;
  };

  const phones = createPhoneRelay<Client>((client, data) => send(client, data), counters, limits.maxPhonesPerRoom);

  const subscribe = (client: Client, names: readonly string[]) => {
    const refused = topics.subscribe(client, names);
    const byReason: Array<[TopicsRefusedReason, number]> = [
      ['connection-topic-limit', refused.connection],
      ['address-topic-limit', refused.address],
      ['server-topic-limit', refused.server],
    ];
    for (const [reason, count] of byReason) if (count > 0) log.refuse({ event: 'topics-refused', address: client.address, reason, count }, count);
  };

  const routes = new RelayRoutes<Client>();
  /**
   * Who gets a publish: the connections of its addressee when it names one (`to`, the relay's) that spoke on this
   * topic, else every subscriber. The sender learns nothing from its own directed message: a laptop's relay drops
   * its own anyway, and a joining laptop's workshop came back to the moderator's laptop, 1.2 MB to parse for nothing.
   */
  const receiversOf = (sender: Client, topic: string, from: unknown, to: unknown): ReadonlySet<Client> | undefined => {
    const subscribers = topics.subscribers(topic);
    if (!subscribers) return undefined;
    if (isPeerId(from) && sender.topics.has(topic)) routes.learn(sender, topic, from);
    return (isPeerId(to) && routes.receivers(topic, to, subscribers)) || subscribers;
  };

  const publish = (client: Client, message: Extract<SignalingRequest, { type: 'publish' }>) => {
    const receivers = receiversOf(client, message.topic, message.from, message.to);
    if (!receivers) return;
    // As y-webrtc's server: to every subscriber, the sender included, with the number of subscribers. Encoded
    // once for all of them: a relayed Yjs update may be megabytes.
    const payload = Buffer.from(JSON.stringify({ ...message, clients: topics.subscribers(message.topic)?.size ?? 0 }));
    for (const receiver of receivers) if (send(receiver, payload)) counters.messagesRelayed++;
  };

  /**
   * A binary relay frame: passed on as it came to the receivers that read frames, without parsing or copying its
   * payload; the others get the JSON publish they always read (encoded once, only if one needs it). Not echoed to
   * its sender: only laptops that drop their own messages send frames.
   */
  const publishFrame = (client: Client, bytes: Buffer): boolean => {
    const frame = decodeRelayFrame(bytes);
    if (!frame) return false;
    const { header } = frame;
    const receivers = receiversOf(client, header.topic, header.from, header.to);
    if (!receivers) return true;
    let asJson: Buffer | null = null;
    const json = (count: number) => (asJson ??= Buffer.from(JSON.stringify(publishOfFrame(header, frame.payload, count))));
    for (const receiver of receivers) {
      if (receiver === client) continue;
      const sent = receiver.binaryRelay ? send(receiver, bytes, true) : send(receiver, json(topics.subscribers(header.topic)?.size ?? 0));
      if (sent) counters.messagesRelayed++;
    }
    return true;
  };

  /**
   * Why a verifier that names no room is still no wrong code: its host waits for the room another code holds, or
   * another code took its room over. Such a check costs no attempt: the code was a real one.
   */
  const notAdmitted = (verifier: string): Extract<JoinRefusal, 'host-waiting' | 'code-replaced'> | undefined => {
    if (rooms.isWaiting(verifier)) return 'host-waiting';
    if (rooms.wasReplaced(verifier)) return 'code-replaced';
    return undefined;
  };

  const allowVerifierCheck = (client: Client): boolean => {
    const allowed = verifierAttempts.take(client.address, Date.now());
    if (!allowed) log.refuse({ event: 'rate-limited', address: client.address, reason: 'verifier-checks' });
    return allowed;
  };

  const registerHost = (client: Client, message: HostRequest) => {
    if (!allowVerifierCheck(client)) {
      send(client, JSON.stringify(hostResultMessage('rate-limited')));
      return;
    }
    const outcome = rooms.register(message.room, message.verifier, client.address, client, Date.now());
    log.log({ event: 'host-registration', address: client.address, reason: outcome, count: rooms.size });
    const ok = outcome === 'registered' || outcome === 'renewed' || outcome === 'taken-over';
    send(client, JSON.stringify(hostResultMessage(ok ? null : outcome)));
    // Phones of the code this one replaced could not read the new host, nor it them: they are closed, and told so when they ask again.
    if (outcome === 'taken-over') for (const phone of phones.evictRoom(message.room)) phone.ws.close(1000);
    if (ok) phones.hostRegistered(client, message.room);
  };

  /**
   * A phone's join: the laptops' join check, but only a wrong code costs an attempt. Sixty phones
   * behind one venue NAT address join within seconds (and again after every Wi-Fi blip), while
   * guessing codes stays at verifierChecksPerWindow wrong guesses per address and window.
   */
  const joinPhone = (client: Client, message: PhoneJoinRequest) => {
    if (phones.isPhone(client)) return;
    const answer = (result: ReturnType<typeof phones.join> | { ok: false; reason: JoinRefusal }) => send(client, JSON.stringify({ type: PHONE_MESSAGE.joined, ...result }));
    const now = Date.now();
    if (!verifierAttempts.allows(client.address, now)) {
      log.refuse({ event: 'rate-limited', address: client.address, reason: 'verifier-checks' });
      counters.phoneJoinsRefused++;
      answer({ ok: false, reason: 'rate-limited' });
      return;
    }
    const room = rooms.roomFor(message.verifier);
    const unadmitted = room === undefined ? notAdmitted(message.verifier) : undefined;
    if (unadmitted) {
      answer({ ok: false, reason: unadmitted });
      return;
    }
    if (room === undefined) verifierAttempts.take(client.address, now);
    const result = phones.join(client, room);
    // A phone takes part in no y-webrtc topic.
    if (result.ok) {
      topics.leave(client);
      routes.leave(client);
    }
    answer(result);
  };

  const checkJoin = (client: Client, message: JoinCheckRequest) => {
    if (!allowVerifierCheck(client)) {
      send(client, JSON.stringify(joinResultMessage('rate-limited')));
      return;
    }
    const room = rooms.roomFor(message.verifier);
    send(client, JSON.stringify(joinResultMessage((room === undefined && notAdmitted(message.verifier)) || { room })));
  };

  const handle = (client: Client, message: SignalingRequest) => {
    switch (message.type) {
      case 'subscribe':
        subscribe(client, message.topics);
        return;
      case 'unsubscribe':
        for (const topic of message.topics) {
          topics.unsubscribe(client, topic);
          routes.leaveTopic(client, topic);
        }
        return;
      case 'publish':
        publish(client, message);
        return;
      case PLENUM_MESSAGE.relayBinary:
        client.binaryRelay = true;
        send(client, JSON.stringify({ type: PLENUM_MESSAGE.relayBinary, ok: true }));
        return;
      case 'ping':
        send(client, JSON.stringify({ type: 'pong' }));
        return;
      case TIME_MESSAGE:
        // The room's clock: laptops read the run of the day in this machine's time.
        send(client, JSON.stringify({ type: TIME_MESSAGE, id: message.id, now: Date.now() + clockOffsetMs }));
        return;
      case PLENUM_MESSAGE.host:
        registerHost(client, message);
        return;
      case PLENUM_MESSAGE.joinCheck:
        checkJoin(client, message);
        return;
      case PHONE_MESSAGE.join:
        joinPhone(client, message);
        return;
      case PHONE_MESSAGE.up:
        if (phones.up(client, message, Date.now()) === 'flood') {
          log.log({ event: 'disconnected', address: client.address, reason: 'phone-flood' });
          client.ws.terminate();
        }
        return;
      case PHONE_MESSAGE.down:
        phones.down(client, message);
        return;
    }
  };

  /** The message, or null when it is to be ignored: binary, too deep or too many values, unparsable, unknown. */
  const parse = (client: Client, bytes: Buffer, isBinary: boolean, now: number): SignalingRequest | null => {
    // y-webrtc sends JSON text only; binary frames, text too deep or with too many values (judged from the raw
    // bytes, before parsing) and anything unparsable are ignored, never answered.
    if (isBinary) return null;
    const shape = jsonShape(bytes);
    budgets.charge(client.address, shape.elements * ELEMENT_READ_COST, now);
    if (!shape.ok) return null;
    try {
      const parsed = signalingRequest.safeParse(JSON.parse(bytes.toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const receive = (client: Client, data: RawData, isBinary: boolean) => {
    client.alive = true;
    counters.messagesReceived++;
    const now = Date.now();
    // Its bytes were charged as they were read (see the server's connections); receiving and judging it costs on top.
    budgets.charge(client.address, MESSAGE_READ_COST, now);
    const bytes = bytesOf(data);
    const phone = phones.isPhone(client);
    if (phone && bytes.length > PHONE_FRAME_MAX_BYTES) {
      log.log({ event: 'disconnected', address: client.address, reason: 'oversized' });
      client.ws.close(1009);
      return;
    }
    const cost = 1 + Math.floor(bytes.length / 65_536);
    const rateLimited = () => {
      counters.messagesRateLimited++;
      log.refuse({ event: 'rate-limited', address: client.address, reason: 'messages' });
    };
    // A room's host sends a view to each of its phones after every change: its downs have a bucket of their own.
    const withinRate = client.bucket.take(cost, now);
    if (!withinRate && !phones.isHost(client)) return void rateLimited();
    if (isBinary) {
      // Binary frames are relay messages only, from laptops: anything else is ignored, as every binary frame was.
      if (!withinRate) return void rateLimited();
      let relayed: boolean;
      try {
        relayed = !phone && publishFrame(client, bytes);
      } catch {
        relayed = false;
      }
      if (!relayed) counters.messagesIgnored++;
      return;
    }
    const message = parse(client, bytes, isBinary, now);
    if (!withinRate && (message?.type !== PHONE_MESSAGE.down || !phones.takeDown(client, cost, now))) return void rateLimited();
    if (!message || (phone && !PHONE_MAY_SEND.has(message.type))) {
      counters.messagesIgnored++;
      return;
    }
    try {
      handle(client, message);
    } catch {
      // E.g. JSON.stringify's RangeError on a publish nested a million levels deep: that message is dropped, nothing else.
      counters.messagesIgnored++;
    }
  };

  return {
    receive,
    leave: (client) => {
      topics.leave(client);
      routes.leave(client);
      phones.leave(client);
      rooms.release(client, Date.now());
    },
    sweep: (now) => verifierAttempts.sweep(now),
    topics: () => topics.size,
    registeredRooms: () => rooms.size,
    phones: () => phones.phones(),
  };
}

/**
 * An id the server routes on: as long as a relay frame's at most. A JSON publish's `from` may be megabytes (its schema
 * is loose), and each id learned stays in memory while its connection lives: anything longer is relayed as before
 * routing existed, to every subscriber.
 */
function isPeerId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_RELAY_PEER_ID_LENGTH;
}

/** A relay frame as the JSON publish laptops without frames read: the payload in base64, as they sent it themselves. */
function publishOfFrame(header: RelayFrameHeader, payload: Uint8Array, clients: number): Record<string, unknown> {
  return {
    type: 'publish',
    topic: header.topic,
    from: header.from,
    ...(header.to ? { to: header.to } : {}),
    ...(header.hello ? { hello: header.hello } : {}),
    data: toBase64(payload),
    clients,
  };
}
