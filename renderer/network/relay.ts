import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol/signaling';
import { PRESENCE_CHECK_MS, PRESENCE_TIMEOUT_MS } from './presence';
import { offerFrames, readEnvelope, samePayload, sealedBytes, sealedSize, sendRelay, type Envelope, type SignalingSocket } from './relay-wire';

export type { Envelope, SignalingSocket } from './relay-wire';

/**
 * The fallback path: Yjs sync and awareness messages, encrypted with the room key, published on
 * the room's relay topic of the signaling server. It carries what WebRTC cannot (venue Wi-Fi
 * that isolates clients, failed ICE), so the room keeps working through the host's server.
 *
 * Every laptop subscribes, greets with its state vector and answers greetings with what the
 * other lacks. Its own edits go out on the relay only while some laptop it has heard there has
 * no direct WebRTC connection to it: with a healthy mesh the relay carries greetings and
 * awareness, nothing more.
 *
 * A laptop that leaves (goes offline, closes, tears its connection down) says so on the relay,
 * and the others drop it at once, with its presence; one that falls silent is dropped after
 * PRESENCE_TIMEOUT_MS (renderer/network/presence.ts).
 */
export const RELAY_ORIGIN = 'plenum:relay';

/** "This laptop leaves the room": sealed like the rest, so nobody without the key can drop a laptop. */
const MESSAGE_LEAVE = 2;
/**
 * A hello: a relay message with nothing in it, sent before the sender's key is derived (PBKDF2
 * takes 30 ms and more): "I am joining, send me the workshop". It carries nothing and asks only
 * for what anyone on the topic could already get by replaying a joining laptop's sealed greeting;
 * what answers it is sealed. Older laptops cannot open it and ignore it. Only a laptop with an
 * empty document says hello (peer-sync.ts): one that holds the workshop needs only what it lacks.
 * A hello, and a greeting's `hello` and `to` fields, travel outside the seal: hints, not proof.
 */
const isHello = (envelope: Envelope) => envelope.payload.length === 0;
/**
 * The same hello again, sealed, once the sender's relay key is derived (y-webrtc's, which the
 * relay's greeting waits for, may take as long again): it proves the key, so the host answers it
 * without HELLO_INTERVAL_MS, once per hello id. The id is sealed in it: a copy replayed by a
 * stranger, under that id or another, gets nothing. Older laptops ignore a sealed message of a
 * kind they do not know.
 */
const MESSAGE_HELLO = 3;
/**
 * "I am the room's host": what the laptop that answers hellos says, sealed, with its peer id
 * inside (a copy replayed under another id says nothing), the id of the laptop whose greeting for
 * everything it is answering with everything ('' with its own greetings) and its state vector
 * then. A table that hears it answers that laptop with what the host lacks, not with the whole
 * workshop (see `answerBeyondHost`). Older laptops ignore a sealed message of a kind they do not
 * know; an older host never says it, and the tables answer with everything, as before.
 */
const MESSAGE_HOST = 4;
/**
 * How long a table waits for the host to say it answers a joining laptop, before it answers with
 * everything itself: the host's word is a small message, sealed before its answer and sent at once.
 */
const HOST_ANSWER_WAIT_MS = 1_000;
/**
 * How long a joining laptop waits for all the host said it sends (see `promised`) before it asks
 * the host again: longer than a big workshop takes through a venue's Wi-Fi, far shorter than the
 * 15 s of anti-entropy.
 */
const PROMISE_WAIT_MS = 4_000;
/** How long a relay message's text is remembered to drop its copies from the other sockets to the same server. */
const REPEAT_WINDOW_MS = 2_000;
/** Hello ids whose sealed hello the host remembers having answered (the oldest go first). */
const SEALED_HELLOS_KEPT = 256;
/**
 * The room's host answers one hello per this interval at most; others are answered by their
 * greetings, as before. Anyone who knows the room's id can say hello: this bounds what a stranger
 * can make the host send (the whole workshop, sealed) to once per interval.
 */
const HELLO_INTERVAL_MS = 5_000;
/** How long a hello's answer stands in for the answer to that laptop's greeting (its key may take a while). */
const HELLO_ANSWER_KEPT_MS = 10_000;
/** Sealed sync messages from this size on are remembered (see `lastWhole`): a big workshop's state, not an edit. */
const WHOLE_STATE_MIN_BYTES = 48 * 1024;
/** How long `answerFrom` waits at most after a greeting: an answer can be lost, and a wait must end. */
export const ANSWER_WAIT_MAX_MS = 2000;
/** Re-greet every 15 s while a laptop is reachable only through the relay. */
const ANTI_ENTROPY_TICKS = Math.round(15_000 / PRESENCE_CHECK_MS);

export interface RelayOptions {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  topic: string;
  key: RelayKey;
  /** This laptop's y-webrtc peer id, so relay and WebRTC peers can be matched. */
  peerId: string;
  /** Origin y-webrtc gives updates it received over WebRTC: those are not ours to relay. */
  webrtcOrigin: unknown;
  /** Whether a WebRTC connection to this peer is open. */
  isDirect(peerId: string): boolean;
  onChange(): void;
  /** A laptop said goodbye (sealed, so it is one of the room): what this laptop holds of it can go. */
  onLeave?(peerId: string): void;
  /**
   * The id this laptop said hello with before its key was ready (`listenBeforeKey`), and what
   * came for it meanwhile.
   */
  early?: EarlyRelay;
  /**
   * Answers hellos with the whole workshop, sealed: the laptop that registered the room (the
   * moderator's) does, so a joining laptop need not wait for its key to ask.
   */
  answerHellos?: boolean;
}

export interface Relay {
  attach(socket: SignalingSocket): void;
  /** Forgets sockets y-webrtc has replaced (it makes new ones after a disconnect). */
  keepOnly(current: readonly SignalingSocket[]): void;
  /** Peers heard on the relay recently that have no direct connection to this laptop. */
  relayOnlyPeers(): string[];
  /**
   * The relay peer whose sync message is being applied right now (the document's update events
   * fire while it is), else null: what came from a laptop need not go back to it.
   */
  applyingFrom(): string | null;
  /**
   * While a laptop heard on the relay has yet to answer this laptop's greeting there (its answer
   * is on its way): what resolves once it has (or after ANSWER_WAIT_MAX_MS, or on leaving). Null
   * when nothing is awaited from it.
   */
  answerFrom(peerId: string): Promise<void> | null;
  /**
   * Says goodbye on every socket and lets go of them: nothing is sent or received until a socket
   * is attached again. Synchronous, so it can run while the window unloads.
   */
  leave(): void;
  /** Leaves and stops for good. */
  destroy(): void;
}

/** What a laptop heard on the relay before its key was ready, and the id it said hello with. */
export interface EarlyRelay {
  helloId: string;
  /**
   * The room's relay key is ready: from now on, what comes for the hello (the workshop, from the
   * host's laptop) is opened and applied at once. y-webrtc derives a key of its own, which the
   * relay waits for (it borrows y-webrtc's peer id); the workshop need not.
   */
  useKey(key: RelayKey, doc: Y.Doc): void;
  /** The relay peer whose answer is being applied right now (see Relay.applyingFrom), else null. */
  applyingFrom(): string | null;
  /**
   * Stops listening; once what is being applied is done: the envelopes addressed to `helloId`
   * still to be handled (oldest first), and those applied already.
   */
  take(): Promise<{ pending: Envelope[]; applied: Envelope[] }>;
}

/**
 * Subscribes to the relay's topic as soon as a signaling socket is connected, says hello (see
 * isHello) and keeps what comes for it, while the room key is still being derived: the moderator's
 * laptop answers at once, and the workshop travels while this laptop's PBKDF2 runs (one hello per
 * HELLO_INTERVAL_MS; the others are answered when they say it again sealed, see MESSAGE_HELLO).
 */
export function listenBeforeKey(sockets: readonly SignalingSocket[], topic: string): EarlyRelay {
  const helloId = crypto.randomUUID();
  /** Heard and not applied, oldest first. */
  const heard: Envelope[] = [];
  const applied: Envelope[] = [];
  let keyed: { key: RelayKey; doc: Y.Doc } | null = null;
  let applying: string | null = null;
  let listening = true;
  /** Applies one at a time, in order; a message the relay must answer stops it (the relay takes it from there). */
  let working: Promise<void> = Promise.resolve();
  let blocked = false;

  /** Opens and applies an answer to the hello; false when it is something else, left to the relay. */
  const applyEarly = async (envelope: Envelope, key: RelayKey, doc: Y.Doc): Promise<boolean> => {
    const sealed = sealedBytes(envelope);
    const plain = sealed && (await openRelayMessage(key, sealed));
    // Not sealed with our key, or garbage: the relay would ignore it too.
    if (!plain) return true;
    try {
      const decoder = decoding.createDecoder(plain);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
      const step = decoding.peekVarUint(decoder);
      if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) return false;
      applying = envelope.from;
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, RELAY_ORIGIN);
      applied.push(envelope);
    } catch {
      // Garbage from a laptop with our key: ignored, as the relay ignores it.
    } finally {
      applying = null;
    }
    return true;
  };
  const drain = () => {
    working = working.then(async () => {
      while (keyed && !blocked) {
        const next = heard[0];
        if (!next) return;
        if (!(await applyEarly(next, keyed.key, keyed.doc))) {
          blocked = true;
          return;
        }
        heard.shift();
      }
    });
  };

  /** The sealed hello (see MESSAGE_HELLO), once the key is there. */
  let sealedHello: Uint8Array | null = null;
  const sayHelloSealed = (socket: SignalingSocket) => {
    if (sealedHello && listening) sendRelay(socket, { topic, from: helloId }, sealedHello);
  };
  const listeners = sockets.map((socket) => {
    const connect = () => {
      offerFrames(socket);
      socket.send({ type: 'subscribe', topics: [topic] });
      // As JSON: whether the server takes frames is not known yet, and a hello is a few bytes.
      socket.send({ type: 'publish', topic, from: helloId, data: '' });
      sayHelloSealed(socket);
    };
    const message = (m: unknown) => {
      const envelope = readEnvelope(m, topic);
      if (envelope?.to !== helloId) return;
      heard.push(envelope);
      if (keyed) drain();
    };
    socket.on('connect', connect);
    socket.on('message', message);
    if (socket.connected) connect();
    return { socket, connect, message };
  });
  return {
    helloId,
    useKey(key, doc) {
      if (!listening || keyed) return;
      keyed = { key, doc };
      drain();
      const hello = encoding.createEncoder();
      encoding.writeVarUint(hello, MESSAGE_HELLO);
      encoding.writeVarString(hello, helloId);
      void sealRelayMessage(key, encoding.toUint8Array(hello)).then((sealed) => {
        sealedHello = sealed;
        for (const socket of sockets) sayHelloSealed(socket);
      });
    },
    applyingFrom: () => applying,
    async take() {
      if (listening) {
        listening = false;
        for (const { socket, connect, message } of listeners) {
          socket.off('connect', connect);
          socket.off('message', message);
        }
      }
      await working;
      return { pending: heard.splice(0), applied: applied.splice(0) };
    },
  };
}

/** The relay's messages, in y-webrtc's wire format (vanilla clients read the same bytes over WebRTC). */
function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A sync step 2 with an empty update (no structs, no deletions): "nothing you lack". */
function emptyStep2(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, Uint8Array.of(0, 0));
  return encoding.toUint8Array(encoder);
}

/** MESSAGE_HOST: the host's peer id, whom it answers with everything ('' for nobody), its state vector. */
function hostMessage(peerId: string, answering: string, doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_HOST);
  encoding.writeVarString(encoder, peerId);
  encoding.writeVarString(encoder, answering);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Whether a greeting (sync step 1) asks for everything: its state vector is empty, as a fresh laptop's is. */
function asksForEverything(greeting: Uint8Array): boolean {
  const peek = decoding.createDecoder(greeting);
  decoding.readVarUint(peek);
  if (decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep1) return false;
  return Y.decodeStateVector(decoding.readVarUint8Array(peek)).size === 0;
}

/**
 * Whether a greeting's state vector shows updates this laptop lacks, or this laptop holds
 * updates waiting for an earlier one: then it greets back, so the other sends them. Greeting
 * back only to laptops not heard before lost what a laptop wrote while briefly offline.
 */
function lacksFrom(doc: Y.Doc, greeting: Uint8Array): boolean {
  const peek = decoding.createDecoder(greeting);
  decoding.readVarUint(peek);
  if (decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep1) return false;
  const theirs = Y.decodeStateVector(decoding.readVarUint8Array(peek));
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return true;
  for (const [client, clock] of theirs) if (clock > (ours.get(client) ?? 0)) return true;
  return false;
}

/** The laptops heard on the relay: when each was last heard, and whose presence it carried. */
class RelayPeers {
  private readonly lastHeard = new Map<string, number>();
  /** The awareness clients each relay peer spoke for, so its presence goes when it leaves. */
  private readonly clientsOf = new Map<string, Set<number>>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly isDirect: (peerId: string) => boolean,
  ) {}

  get size(): number {
    return this.lastHeard.size;
  }

  has(id: string): boolean {
    return this.lastHeard.has(id);
  }

  heard(id: string, now: number): void {
    this.lastHeard.set(id, now);
  }

  spokeFor(id: string, update: Uint8Array): void {
    const clients = this.clientsOf.get(id) ?? new Set<number>();
    for (const client of awarenessClients(update)) clients.add(client);
    this.clientsOf.set(id, clients);
  }

  /** Peers heard recently that have no direct connection to this laptop. */
  relayOnly(now: number): string[] {
    return [...this.lastHeard].filter(([id, at]) => this.isRelayOnly(id, at, now)).map(([id]) => id);
  }

  /** Whether some peer is relay-only: asked on every edit of this laptop, so it lists nothing. */
  anyRelayOnly(now: number): boolean {
    for (const [id, at] of this.lastHeard) if (this.isRelayOnly(id, at, now)) return true;
    return false;
  }

  private isRelayOnly(id: string, at: number, now: number): boolean {
    return now - at < PRESENCE_TIMEOUT_MS && !this.isDirect(id);
  }

  forget(id: string, dropPresence: boolean): void {
    this.lastHeard.delete(id);
    const clients = [...(this.clientsOf.get(id) ?? [])].filter((client) => client !== this.doc.clientID && this.awareness.states.has(client));
    this.clientsOf.delete(id);
    if (dropPresence && clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, RELAY_ORIGIN);
  }

  /** Forgets the peers silent for PRESENCE_TIMEOUT_MS; their presence goes by its own timeout (presence.ts). */
  forgetSilent(now: number): void {
    for (const [id, at] of this.lastHeard) if (now - at >= PRESENCE_TIMEOUT_MS) this.forget(id, false);
  }

  forgetAll(): void {
    for (const id of [...this.lastHeard.keys()]) this.forget(id, false);
  }
}

export function startRelay(options: RelayOptions): Relay {
  const { doc, awareness, topic, key, peerId } = options;
  const sockets = new Map<SignalingSocket, { connect: () => void; message: (m: unknown) => void }>();
  const peers = new RelayPeers(doc, awareness, options.isDirect);
  let destroyed = false;
  /** Counts leaves: a message still being opened when this laptop left is dropped. */
  let epoch = 0;
  // Sealed ahead, so that leaving needs no await: a window that unloads does not wait for crypto.
  let sealedLeave: Uint8Array | null = null;
  void sealRelayMessage(key, Uint8Array.of(MESSAGE_LEAVE)).then((sealed) => {
    sealedLeave = sealed;
  });

  const relayOnlyPeers = () => peers.relayOnly(Date.now());

  const helloId = options.early?.helloId;
  /** Sends on every connected socket; how many took it (none while the server is away). */
  const send = (sealed: Uint8Array, to?: string, hello?: string): number => {
    const header = { topic, from: peerId, ...(to ? { to } : {}), ...(hello ? { hello } : {}) };
    let sent = 0;
    for (const socket of sockets.keys()) if (sendRelay(socket, header, sealed)) sent += 1;
    return sent;
  };
  const seal = (bytes: Uint8Array) => sealRelayMessage(key, bytes);
  const publish = (bytes: Uint8Array, to?: string, hello?: string) => {
    void seal(bytes).then((data) => send(data, to, hello));
  };

  /**
   * The answer to a greeting that asks for everything (a laptop joining with an empty document),
   * sealed, kept until the document changes: tables join in a row, and the whole state of a big
   * workshop (2,000 cards: 900 KiB) took tens of milliseconds to encode, seal and base64 for each.
   * Sending the same sealed bytes again reveals nothing new (same IV, same plaintext).
   */
  let wholeState: Promise<Uint8Array> | null = null;
  /** `after`: what must have been sent first (the host's word, which names what the answer holds). */
  const answerWithEverything = (to: string, after: Promise<unknown> = Promise.resolve()) => {
    // Updates waiting for an earlier one change what is sent without an update event: not kept then.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) wholeState = null;
    if (!wholeState) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(encoder, doc);
      wholeState = seal(encoding.toUint8Array(encoder));
    }
    const state = wholeState;
    return { state, delivered: Promise.all([state, after]).then(([data]) => send(data, to) > 0) };
  };
  /** Hellos answered lately, by hello id: the whole state sealed, whether a socket took it, and when. */
  const helloAnswers = new Map<string, { state: Promise<Uint8Array>; delivered: Promise<boolean>; at: number }>();
  /**
   * A greeting that asks for everything, from a laptop whose hello was answered with the state
   * that is still current: that state is on its way (sent before, on the same sockets), so the
   * answer is an empty update, sent after it. The workshop went twice when the key was ready
   * before the hello's answer had come.
   */
  const answerAfterHello = (to: string, hello: string | undefined, after: Promise<unknown>): boolean => {
    const answered = hello === undefined ? undefined : helloAnswers.get(hello);
    if (!answered || hello === undefined) return false;
    helloAnswers.delete(hello);
    if (answered.state !== wholeState || Date.now() - answered.at > HELLO_ANSWER_KEPT_MS) return false;
    // Sent while no socket was connected, the hello's answer never left: the workshop goes now.
    void Promise.all([answered.delivered, after]).then(([delivered]) => {
      if (delivered) publish(emptyStep2(), to);
      else answerWithEverything(to);
    });
    return true;
  };
  const forgetWholeState = () => {
    wholeState = null;
  };

  /** The laptop that said it is the room's host (MESSAGE_HOST); it counts while it is heard on the relay. */
  let hostId: string | null = null;
  /** What the host said it answers with everything, by the joining laptop's id: its state vector then, and when it said it. */
  const hostAnswering = new Map<string, { stateVector: Uint8Array; at: number }>();
  /** Joining laptops whose greeting for everything waits for the host's word, each with the timer that ends the wait. */
  const waitingForHost = new Map<string, ReturnType<typeof setTimeout>>();
  /** A sync step 2 with what this laptop holds beyond `stateVector` (and its whole delete set). */
  const answerBeyond = (to: string, stateVector: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
    publish(encoding.toUint8Array(encoder), to);
  };
  /**
   * A joining laptop's greeting for everything, heard by a table while the room's host is heard:
   * the host answers it with the whole workshop and says so (MESSAGE_HOST), with the state vector
   * it holds then, and this laptop answers with what lies beyond that state vector only (what the
   * host has not had yet), not with a copy of the whole workshop: with nine tables, a joining
   * laptop received ten copies through the host's server and applied each. Until the host's word
   * comes the answer waits (HOST_ANSWER_WAIT_MS at most, then it is everything, as before).
   *
   * Why nothing gets lost: the host's word is sealed and names its sender, and a host always
   * answers a greeting for everything with everything, so the union of the answers holds all
   * that this laptop holds. Should the host's answer be lost on the way (its connection drops
   * after its word went), or a word be a stale copy replayed, the joining laptop still converges,
   * later: it greets again with its state vector every 15 s while some laptop is reachable only
   * through the relay (anti-entropy, below), y-webrtc greets on each direct connection, and each
   * greeting with a state vector is answered with all that the laptop lacks by it.
   *
   * Only a greeting with a hello id, from a laptop that said hello (one that joins with an empty
   * document). Laptops of the version before the host's word send hello ids too but do not hold
   * their WebRTC greetings for the host's answer: such a laptop gets only small answers from the
   * tables here, then the workshop from each over WebRTC; no more than before, nothing lost.
   * A greeting sent to this laptop alone is answered with everything: the host does not hear it.
   */
  const answerBeyondHost = (from: string, hello: string | undefined, directed: boolean): boolean => {
    // A greeting to this laptop alone: the host does not hear it, and will not answer it.
    if (options.answerHellos || directed || hello === undefined || hostId === null || hostId === from || !peers.has(hostId)) return false;
    const said = hostAnswering.get(from);
    hostAnswering.delete(from);
    if (said && Date.now() - said.at <= HELLO_ANSWER_KEPT_MS) {
      answerBeyond(from, said.stateVector);
      return true;
    }
    if (!waitingForHost.has(from)) {
      const timer = setTimeout(() => {
        waitingForHost.delete(from);
        answerWithEverything(from);
      }, HOST_ANSWER_WAIT_MS);
      waitingForHost.set(from, timer);
    }
    return true;
  };
  /** The host is gone (or this laptop left): who waited for its word is answered with everything now. */
  const stopWaitingForHost = (answer: boolean) => {
    for (const [from, timer] of waitingForHost) {
      clearTimeout(timer);
      if (answer) answerWithEverything(from);
    }
    waitingForHost.clear();
    hostAnswering.clear();
    hostId = null;
  };
  /** MESSAGE_HOST from `from`: taken only when its own id is sealed in it (a copy replayed under another id names nobody). */
  const receiveHostWord = (from: string, decoder: decoding.Decoder): void => {
    if (decoding.readVarString(decoder) !== from) return;
    const answering = decoding.readVarString(decoder);
    const stateVector = decoding.readVarUint8Array(decoder);
    // Throws on garbage: the word is ignored then.
    const promise = Y.decodeStateVector(stateVector);
    hostId = from;
    if (answering === '') return;
    if (answering === peerId) {
      expectFromHost(from, promise);
      return;
    }
    const timer = waitingForHost.get(answering);
    if (timer !== undefined) {
      clearTimeout(timer);
      waitingForHost.delete(answering);
      answerBeyond(answering, stateVector);
      return;
    }
    // Its word came before the greeting it answers was opened here.
    const now = Date.now();
    for (const [id, { at }] of hostAnswering) if (now - at > HELLO_ANSWER_KEPT_MS) hostAnswering.delete(id);
    hostAnswering.set(answering, { stateVector, at: now });
  };
  /** The relay peer whose sync message is being applied (see Relay.applyingFrom). */
  let applying: string | null = null;

  /** The laptops that answered this laptop's latest greeting to them, and who waits for the others. */
  const answered = new Set<string>();
  let greetedAt = Number.NEGATIVE_INFINITY;
  const awaiting = new Map<string, Array<() => void>>();
  const answeredBy = (from: string) => {
    answered.add(from);
    for (const resolve of awaiting.get(from) ?? []) resolve();
    awaiting.delete(from);
  };
  const untilAnswered = (from: string, deadline: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      const waiters = awaiting.get(from) ?? [];
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      awaiting.set(from, waiters);
    });
  const awaitedFrom = (id: string | null): id is string => id !== null && peers.has(id) && !answered.has(id);
  /**
   * The answer from `from`, then the host's: with the host in the room, a table answers a joining
   * laptop with only what the host lacks (`answerBeyondHost`), and a WebRTC greeting sent between
   * the table's answer and the host's would have the table send the whole workshop over WebRTC.
   */
  const answerFrom = (from: string): Promise<void> | null => {
    const deadline = greetedAt + ANSWER_WAIT_MAX_MS;
    // A laptop not heard on the relay (a plain y-webrtc client) is greeted at once, as before.
    if (destroyed || !peers.has(from) || Date.now() >= deadline || (!awaitedFrom(from) && !awaitedFrom(hostId))) return null;
    const first = awaitedFrom(from) ? untilAnswered(from, deadline) : Promise.resolve();
    return first.then(() => {
      const host = hostId;
      return awaitedFrom(host) ? untilAnswered(host, deadline) : undefined;
    });
  };
  /**
   * What the host said it answers this laptop's greeting for everything with (MESSAGE_HOST naming
   * it): its state vector then, kept until this laptop holds all of it. With the host in the room
   * the tables answer a joining laptop with only what the host lacks, so the host's answer is the
   * workshop, and it can come in parts: after a hello's answer, its answer to the greeting is an
   * empty update, small, and opened before the big one. Counted as the host's answer, it released
   * this laptop's WebRTC greetings (`answerFrom`) while it was still empty, and each table sent the
   * workshop over WebRTC.
   */
  let promised: { host: string; stateVector: Map<number, number> } | null = null;
  const holds = (stateVector: Map<number, number>): boolean => {
    for (const [client, clock] of stateVector) if (Y.getState(doc.store, client) < clock) return false;
    return true;
  };
  const expectFromHost = (host: string, stateVector: Map<number, number>) => {
    promised = holds(stateVector) ? null : { host, stateVector };
  };
  /** An answer from `from` has come: counted, unless `from` is the host and not all it named is here yet. */
  const answerCame = (from: string) => {
    if (promised?.host === from) {
      if (!holds(promised.stateVector)) return;
      promised = null;
    }
    answeredBy(from);
  };
  /**
   * The host's answer can be lost on the way (its word was sent, then this laptop's connection
   * dropped; or the hello's answer, which the host counts as sent once its socket took it). The
   * tables answered with only what the host lacks, so until the next anti-entropy greeting (15 s)
   * this laptop would stay without the workshop: when what the host named is not here
   * PROMISE_WAIT_MS after a greeting, it greets each laptop it hears only through the relay, the
   * host too, each alone: a greeting to one laptop is answered with all this laptop lacks, as
   * before the host's word (its answer may be what keeps getting lost).
   */
  let promiseCheck: ReturnType<typeof setTimeout> | undefined;
  const checkPromiseLater = () => {
    clearTimeout(promiseCheck);
    promiseCheck = setTimeout(() => {
      const owed = promised;
      if (destroyed || owed === null || holds(owed.stateVector)) return;
      for (const id of relayOnlyPeers()) greet(id);
    }, PROMISE_WAIT_MS);
  };
  const stopAwaiting = () => {
    for (const from of [...awaiting.keys()]) answeredBy(from);
    answered.clear();
  };

  const greet = (to?: string) => {
    if (to) answered.delete(to);
    else answered.clear();
    greetedAt = Date.now();
    publish(syncStep1(doc), to, helloId);
    // Not after a greeting to one laptop: what never arrives is not asked for again and again.
    if (!options.answerHellos && to === undefined) checkPromiseLater();
    // The host says it is the host to whom it greets: a table that knows waits for its word when a laptop joins.
    if (options.answerHellos) publish(hostMessage(peerId, '', doc), to);
  };
  const sayWhoWeAre = (to?: string) => publish(awarenessMessage(awareness, [doc.clientID]), to);

  /** A greeting answered with what the other lacks, and greeted back when it holds what this laptop lacks. */
  const receiveSync = (from: string, plain: Uint8Array, decoder: decoding.Decoder, isNew: boolean, directed: boolean, hello: string | undefined) => {
    const greetBack = lacksFrom(doc, plain);
    if (asksForEverything(plain)) {
      // Sent before its answer: the tables wait for this word (answerBeyondHost), and the joining
      // laptop holds its WebRTC greetings until all the word names has come (`promised`).
      const said = options.answerHellos && hello !== undefined ? seal(hostMessage(peerId, from, doc)).then((data) => send(data)) : Promise.resolve();
      if (!answerAfterHello(from, hello, said) && !answerBeyondHost(from, hello, directed)) answerWithEverything(from, said);
    } else {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      applying = from;
      let step: number;
      try {
        step = syncProtocol.readSyncMessage(decoder, reply, doc, RELAY_ORIGIN);
      } finally {
        applying = null;
      }
      if (step === syncProtocol.messageYjsSyncStep2) answerCame(from);
      if (step !== syncProtocol.messageYjsSyncStep1) return;
      publish(encoding.toUint8Array(reply), from);
    }
    // A greeting sent to this laptop alone answers one of its own greetings, and its sender sent
    // what this laptop lacked right before it: greeting back would only make it send all of that
    // again (a joining laptop got a 2,000-card workshop twice). Sealing is asynchronous, so the
    // small greeting often arrives before that answer and seems to show what is missing.
    if (!directed && (isNew || greetBack)) greet(from);
    sayWhoWeAre(from);
  };

  const receiveAwareness = (from: string, decoder: decoding.Decoder) => {
    const update = decoding.readVarUint8Array(decoder);
    peers.spokeFor(from, update);
    awarenessProtocol.applyAwarenessUpdate(awareness, update, RELAY_ORIGIN);
  };

  const receiveLeave = (from: string) => {
    if (from === hostId) stopWaitingForHost(true);
    const known = peers.has(from);
    peers.forget(from, true);
    options.onLeave?.(from);
    if (known) options.onChange();
  };

  let lastHello = Number.NEGATIVE_INFINITY;
  /** Hello ids answered through a sealed hello, oldest first. */
  const sealedHellos = new Set<string>();
  const receiveSealedHello = (from: string) => {
    if (!options.answerHellos || destroyed || helloAnswers.has(from) || sealedHellos.has(from)) return;
    sealedHellos.add(from);
    for (const id of sealedHellos) {
      if (sealedHellos.size <= SEALED_HELLOS_KEPT) break;
      sealedHellos.delete(id);
    }
    const now = Date.now();
    for (const [id, { at }] of helloAnswers) if (now - at > HELLO_ANSWER_KEPT_MS) helloAnswers.delete(id);
    helloAnswers.set(from, { ...answerWithEverything(from), at: now });
  };
  /**
   * Copies of one message that came through several sockets to one server: the moderator's laptop
   * reaches its own server at every LAN address and 127.0.0.1 (electron/services/hosting.ts), and
   * the server sends each message to every socket subscribed. The host answered each copy of a
   * joining laptop's greeting, on each of its sockets: with two sockets, four copies of the
   * workshop. A copy is the same sealed text to the same laptop within REPEAT_WINDOW_MS (each
   * message is sealed with an IV of its own; signaling-repeats.ts does the same for y-webrtc's).
   * Frames (the big answers) are not compared here: `lastWhole` keeps them from being applied twice.
   */
  const recentTexts = new Map<string, number>();
  const repeated = (envelope: Envelope): boolean => {
    if (typeof envelope.payload !== 'string' || isHello(envelope)) return false;
    const now = Date.now();
    for (const [text, at] of recentTexts) {
      if (now - at <= REPEAT_WINDOW_MS) break;
      recentTexts.delete(text);
    }
    const key = `${envelope.to ?? ''}\n${envelope.payload}`;
    if (recentTexts.has(key)) return true;
    recentTexts.set(key, now);
    return false;
  };
  /** The sealed whole state last applied, and from whom: the same bytes again (a hello's answer, then the greeting's) are not applied twice. */
  let lastWhole: Envelope | null = null;

  const receive = async (envelope: Envelope) => {
    if (envelope.from === peerId || envelope.from === helloId) return;
    if (envelope.to !== undefined && envelope.to !== peerId && envelope.to !== helloId) return;
    if (repeated(envelope)) return;
    if (isHello(envelope)) {
      const now = Date.now();
      if (options.answerHellos && !destroyed && now - lastHello >= HELLO_INTERVAL_MS) {
        lastHello = now;
        for (const [id, { at }] of helloAnswers) if (now - at > HELLO_ANSWER_KEPT_MS) helloAnswers.delete(id);
        helloAnswers.set(envelope.from, { ...answerWithEverything(envelope.from), at: now });
      }
      return;
    }
    if (lastWhole && lastWhole.from === envelope.from && samePayload(lastWhole, envelope)) {
      // Applied already; it still is that laptop's answer.
      answerCame(envelope.from);
      return;
    }
    const sealed = sealedBytes(envelope);
    const heardIn = epoch;
    const plain = sealed && (await openRelayMessage(key, sealed));
    // Not sealed with our key: a laptop with another code, or garbage. Ignored, never applied.
    if (!plain || destroyed || heardIn !== epoch) return;
    const isNew = !peers.has(envelope.from);
    try {
      const decoder = decoding.createDecoder(plain);
      const kind = decoding.readVarUint(decoder);
      if (kind === MESSAGE_SYNC) {
        // Sent to this laptop alone; `to` undefined is to everyone (as is helloId on a laptop that said no hello).
        const directed = envelope.to !== undefined && (envelope.to === peerId || envelope.to === helloId);
        receiveSync(envelope.from, plain, decoder, isNew, directed, envelope.hello);
        if (sealedSize(envelope) >= WHOLE_STATE_MIN_BYTES) lastWhole = envelope;
      }
      else if (kind === MESSAGE_AWARENESS) receiveAwareness(envelope.from, decoder);
      else if (kind === MESSAGE_HOST) {
        // Heard as a laptop of the room through its greetings and presence, as before; this only names it.
        receiveHostWord(envelope.from, decoder);
        return;
      } else if (kind === MESSAGE_HELLO) {
        // Not a laptop of the room yet: its greeting makes it one.
        if (decoding.readVarString(decoder) === envelope.from) receiveSealedHello(envelope.from);
        return;
      } else {
        if (kind === MESSAGE_LEAVE) receiveLeave(envelope.from);
        return;
      }
    } catch {
      // A peer that sends garbage is ignored (and not counted as a laptop); the others keep working.
      return;
    }
    peers.heard(envelope.from, Date.now());
    if (isNew) options.onChange();
  };

  /** What the hello's listener applied before this relay ran: its sender is heard, and the same bytes are not applied again. */
  const appliedEarly = (envelope: Envelope) => {
    const isNew = !peers.has(envelope.from);
    peers.heard(envelope.from, Date.now());
    if (sealedSize(envelope) >= WHOLE_STATE_MIN_BYTES) lastWhole = envelope;
    if (isNew) options.onChange();
  };

  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    forgetWholeState();
    if (promised !== null && holds(promised.stateVector)) answerCame(promised.host);
    if (origin === RELAY_ORIGIN || origin === options.webrtcOrigin) return;
    if (!peers.anyRelayOnly(Date.now())) return;
    publish(updateMessage(update));
  };

  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === RELAY_ORIGIN) return;
    const changed = [...added, ...updated, ...removed].filter((client) => client === doc.clientID);
    if (changed.length > 0) publish(awarenessMessage(awareness, changed));
  };

  doc.on('update', onDocUpdate);
  awareness.on('update', onAwareness);
  let ticks = 0;
  const prune = setInterval(() => {
    const before = peers.size;
    peers.forgetSilent(Date.now());
    if (peers.size !== before) options.onChange();
    // Anti-entropy: while some laptop is reachable only through the relay, greet again now and
    // then, so whatever missed it (edits that travelled by WebRTC, a dropped message) still comes.
    ticks += 1;
    if (ticks % ANTI_ENTROPY_TICKS === 0 && relayOnlyPeers().length > 0) greet();
  }, PRESENCE_CHECK_MS);

  const release = (socket: SignalingSocket, listeners: { connect: () => void; message: (m: unknown) => void }) => {
    socket.off('connect', listeners.connect);
    socket.off('message', listeners.message);
    sockets.delete(socket);
  };

  const leave = () => {
    epoch += 1;
    for (const [socket, listeners] of sockets) {
      release(socket, listeners);
      if (!socket.connected) continue;
      if (sealedLeave !== null) sendRelay(socket, { topic, from: peerId }, sealedLeave);
      socket.send({ type: 'unsubscribe', topics: [topic] });
    }
    const heard = peers.size > 0;
    peers.forgetAll();
    forgetWholeState();
    stopAwaiting();
    stopWaitingForHost(false);
    clearTimeout(promiseCheck);
    promised = null;
    // Its hello listener too, if the server never connected while this relay lived.
    void options.early?.take();
    if (heard) options.onChange();
  };

  return {
    attach(socket) {
      if (sockets.has(socket)) return;
      const connect = () => {
        offerFrames(socket);
        socket.send({ type: 'subscribe', topics: [topic] });
        // What came for the hello first, so the greeting says what this laptop holds by then.
        void (options.early?.take() ?? Promise.resolve({ pending: [], applied: [] }))
          .then(({ pending, applied }) => {
            for (const envelope of applied) appliedEarly(envelope);
            return Promise.all(pending.map(receive));
          })
          .then(() => {
            greet();
            sayWhoWeAre();
          });
      };
      const message = (m: unknown) => {
        const envelope = readEnvelope(m, topic);
        if (envelope) void receive(envelope);
      };
      sockets.set(socket, { connect, message });
      socket.on('connect', connect);
      socket.on('message', message);
      if (socket.connected) connect();
    },
    keepOnly(current) {
      for (const [socket, listeners] of sockets) if (!current.includes(socket)) release(socket, listeners);
    },
    relayOnlyPeers,
    applyingFrom: () => applying,
    answerFrom,
    leave,
    destroy() {
      leave();
      destroyed = true;
      clearInterval(prune);
      doc.off('update', onDocUpdate);
      awareness.off('update', onAwareness);
    },
  };
}

/** The client ids an awareness update speaks for (y-protocols' encoding); none if it does not decode. */
function awarenessClients(update: Uint8Array): number[] {
  try {
    const decoder = decoding.createDecoder(update);
    const clients: number[] = [];
    const count = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index += 1) {
      clients.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
    }
    return clients;
  } catch {
    return [];
  }
}
