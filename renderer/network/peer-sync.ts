import { WebrtcProvider } from 'y-webrtc';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { ClockEstimate } from '../../shared/protocol/clock';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { deriveRelayKey, type RelayKey } from '../../shared/protocol/relay-crypto';
import { relayTopic } from '../../shared/protocol/room';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, type HostRefusal } from '../../shared/protocol/signaling';
import { validLaptopId, withoutHiddenControls } from '../../shared/model';
import { LAPTOP_NAME_MAX } from '../../shared/protocol/laptop-name';
import { startClockSync } from './clock-sync';
import { hostNow } from './host-clock';
import { startPhoneHub, type PhoneHub } from './phone-hub';
import { keepPresence, PRESENCE_CHECK_MS, PRESENCE_TIMEOUT_MS } from './presence';
import { hostRegistration } from './host-registration';
import { watchSignalingLiveness, type SignalingLiveness } from './signaling-liveness';
import { listenBeforeKey, startRelay, type Relay, type SignalingSocket } from './relay';
import { holdSyncGreeting } from './greeting-hold';
import { answerOffersFresh, type AnsweringConnection, type SwappablePeer } from './fresh-answer';
import { directReads, quietReads } from './quiet-reads';
import { openSignaling } from './signaling-check';
import { dropSignalingRepeats } from './signaling-repeats';
import { splitSends, type SendingConnection } from './split-sync';
import { STALE_ON_ANNOUNCE_MS, watchStuckConnections, type OpeningConnection } from './stuck-connections';

/** Who this laptop is, as the others see it in their presence list. */
export interface PeerIdentity {
  name: string;
  role: 'host' | 'table';
  /** The table this laptop works at; null for the moderator or before a table is picked. */
  tableId: string | null;
  /** This laptop's id, so the moderator can promote it; '' (or missing) when it has none. */
  laptopId?: string;
}

export type SyncPath = 'none' | 'direct' | 'relay' | 'mixed';

/**
 * Whether the laptop that hosts the room (the moderator's) is in this laptop's presence list:
 * 'gone' once it was and is no more (dropped by its goodbye or its silence, presence.ts),
 * 'awaited' while it has not been seen since this laptop (re)connected. On the host it is itself.
 */
export type HostPresence = 'present' | 'gone' | 'awaited';

export interface SyncStatus {
  state: 'connecting' | 'connected' | 'reconnecting' | 'offline';
  /** Signaling servers this laptop is connected to. */
  servers: number;
  /** Laptops with an open WebRTC connection. */
  directPeers: number;
  /** Laptops reached only through the host's server. */
  relayPeers: number;
  path: SyncPath;
  /**
   * Why a signaling server refused to register this laptop's room (the host's laptop only), else
   * null: tables and phones cannot join through that server, however connected it looks.
   */
  refused: HostRefusal | null;
  host: HostPresence;
}

export interface Presence {
  clientId: number;
  self: boolean;
  identity: PeerIdentity;
}

export interface PeerSyncOptions {
  doc: Y.Doc;
  /** The y-webrtc room: the workshop id. */
  room: string;
  /** The join secret: y-webrtc's room password, so signaling and data are encrypted. */
  secret: string;
  signaling: readonly string[];
  identity: PeerIdentity;
  /** A WebRTC implementation where the platform has none (Node tests: @roamhq/wrtc). */
  wrtc?: unknown;
  /** Registers the room with the signaling server, so tables can check their code against it. */
  host?: boolean;
  /**
   * Gathers no ICE candidates, so no WebRTC connection can open: what a venue Wi-Fi with client
   * isolation does. Tests use it to prove the relay carries the room alone.
   */
  blockWebrtc?: boolean;
  /** The signaling server's clock against this laptop's, each time it is measured anew. */
  onClock?: (estimate: ClockEstimate) => void;
}

export interface PeerSync {
  status(): SyncStatus;
  presence(): Presence[];
  subscribe(listener: () => void): () => void;
  setIdentity(identity: PeerIdentity): void;
  /**
   * Leaves the network (keeps working locally): every path is cut at once (WebRTC, relay,
   * signaling) and the others are told. `connect` rejoins and merges.
   */
  disconnect(): void;
  connect(): void;
  /** Says goodbye like `disconnect` and lets go of everything; nothing of it stays behind. */
  destroy(): void;
}

/** Origin of presence this laptop drops by itself (silence, going offline): not news for the others. */
const PRESENCE_ORIGIN = 'plenum:presence';

/**
 * Rooms whose last connection is still being torn down. y-webrtc keeps one room per name for the
 * whole page and refuses a second; its destroy finishes a moment later.
 */
const closing = new Map<string, Promise<void>>();

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return a.state === b.state && a.servers === b.servers && a.directPeers === b.directPeers && a.relayPeers === b.relayPeers && a.path === b.path && a.refused === b.refused && a.host === b.host;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The parts of y-webrtc's room that `sendDirectOnly` uses and replaces. */
interface RoomInternals {
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
  _awarenessUpdateHandler: (changes: AwarenessChanges, origin: unknown) => void;
  webrtcConns: Map<string, { peer: { send(message: Uint8Array): void } }>;
}

/**
 * Replaces y-webrtc's handlers that send this laptop's document and awareness updates, for two
 * reasons (measured with ten laptops, docs/performance.md):
 *
 * - y-webrtc sends every update to all its peers, also the ones that just came from a peer: one
 *   card became ninety messages, and every presence renewal (each laptop renews every 15 s)
 *   ninety more, each a send that blocks until WebRTC has taken it and so holds up the cards
 *   behind it. What arrived over WebRTC is not sent on: the laptop that wrote it sends it to its
 *   own peers, and to any laptop it cannot reach directly through the relay (which also carries
 *   every laptop's own presence to the whole room).
 * - y-webrtc also encrypts each update (AES-GCM, a hop to a crypto thread) and posts it on a
 *   BroadcastChannel for other tabs with the same room. Plenum's windows follow each other
 *   through renderer/session/window-sync.ts, and only the main window connects, so that copy had
 *   no reader and cost every card a thread hop before its first send.
 *
 * Same wire format as y-webrtc (vanilla clients read it). y-webrtc reads both handlers from
 * these fields when it connects and disconnects, so they stay replaced across reconnects.
 */
export function sendDirectOnly(awareness: Awareness, room: unknown, relaySender: () => string | null = () => null): void {
  const target = room as Partial<RoomInternals> | null;
  if (!target || typeof target._docUpdateHandler !== 'function' || typeof target._awarenessUpdateHandler !== 'function' || !(target.webrtcConns instanceof Map)) return;
  const conns = target.webrtcConns;
  const broadcast = (encoder: encoding.Encoder, except: string | null = null) => {
    const message = encoding.toUint8Array(encoder);
    for (const [id, conn] of conns) {
      if (id === except) continue;
      try {
        conn.peer.send(message);
      } catch {
        // A connection still opening or already closing; y-webrtc drops these sends the same way.
      }
    }
  };
  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === room) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    // What a laptop sent through the relay does not go back to it over WebRTC: a table that joined
    // through the relay sent the whole workshop it had just received back to the moderator.
    broadcast(encoder, relaySender());
  };
  const onAwarenessUpdate = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    if (origin === room) return;
    // Each laptop speaks for itself only: what it heard about others (through the relay, or a
    // laptop it dropped as silent) is theirs to say, and passed on it would outlive them.
    if (![...added, ...updated, ...removed].includes(awareness.clientID)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
    broadcast(encoder);
  };
  awareness.doc.off('update', target._docUpdateHandler);
  awareness.off('update', target._awarenessUpdateHandler);
  target._docUpdateHandler = onDocUpdate;
  target._awarenessUpdateHandler = onAwarenessUpdate;
  awareness.doc.on('update', onDocUpdate);
  awareness.on('update', onAwarenessUpdate);
}

/**
 * The most WebRTC connections a laptop opens: rooms of up to MAX_DIRECT_PEERS + 1 laptops are a
 * full mesh. y-webrtc's default is 20 + random(15), random so that a large public room does not
 * split into cliques; y-webrtc passes every update on to its own peers, so a partial mesh still
 * carries everything there. Plenum does not pass updates on (sendDirectOnly below): a pair of
 * laptops without a connection syncs through the relay instead, every card of theirs sealed and
 * sent through the host's server to the whole room. With the default, a room of 22 or more
 * laptops would get such pairs by chance (a laptop with as many connections as its draw ignores
 * newcomers), and which pairs would change from session to session. A laptop opens a connection to
 * a newcomer only while it has fewer than this (y-webrtc checks it on an announcement; an offer it
 * receives is always answered).
 */
export const MAX_DIRECT_PEERS = 40;

/** y-webrtc's provider for the room, without STUN or TURN: the room may have no internet, and LAN candidates need none. Exported for tests. */
export function openProvider({ doc, room, secret, signaling, blockWebrtc, wrtc }: Pick<PeerSyncOptions, 'doc' | 'room' | 'secret' | 'signaling' | 'blockWebrtc' | 'wrtc'>): WebrtcProvider {
  return new WebrtcProvider(room, doc, {
    signaling: [...signaling],
    password: secret,
    maxConns: MAX_DIRECT_PEERS,
    peerOpts: {
      config: { iceServers: [], ...(blockWebrtc ? { iceTransportPolicy: 'relay' } : {}) },
      ...(wrtc ? { wrtc } : {}),
    },
  });
}

/** y-webrtc's WebrtcConn, as far as Plenum watches, sends on and swaps its peer. */
type WatchedConnection = OpeningConnection & SendingConnection & AnsweringConnection<OpeningConnection['peer'] & SendingConnection['peer'] & SwappablePeer>;

/**
 * y-webrtc's connections of the room, each watched for being stuck from its first byte and its
 * sends cut to what a data channel carries. To be
 * called right after the provider is made: y-webrtc opens its room in its own `provider.key.then`,
 * registered first, so this runs right after, before any message from the network can create a
 * connection. One found later had its first data unseen, was taken for stuck and closed, and the
 * indicator went direct → via host → direct some 10 s after a join.
 */
function watchConnections(
  provider: WebrtcProvider,
  stuck: ReturnType<typeof watchStuckConnections>,
  awaitedFrom: (peerId: string) => Promise<void> | null,
): () => Map<string, OpeningConnection> | null {
  let conns: Map<string, OpeningConnection> | null = null;
  void provider.key.then(() => {
    const map = provider.room?.webrtcConns as Map<string, WatchedConnection> | undefined;
    if (!map) return;
    conns = map;
    const add = map.set.bind(map);
    map.set = (id, conn) => {
      stuck.track(id, conn, performance.now());
      const preparePeer = (prepared: WatchedConnection) => {
        // A data channel takes 256 KiB a message: a large workshop's sync goes in parts (split-sync.ts).
        splitSends(prepared);
        // Not greeted with an empty state while the relay's answer brings the workshop (greeting-hold.ts).
        holdSyncGreeting(prepared.peer, () => awaitedFrom(id), provider.doc);
        // No timer after each message received, and no stream between the channel and y-webrtc (quiet-reads.ts).
        quietReads(prepared.peer);
        directReads(prepared.peer);
      };
      preparePeer(conn);
      // Glare is answered by a fresh answering peer, with all of the above, watched from then on (fresh-answer.ts).
      answerOffersFresh(conn, {
        preparePeer: (swapped) => {
          stuck.restart(swapped, performance.now());
          preparePeer(swapped);
        },
      });
      return add(id, conn);
    };
  });
  return () => conns;
}

/** The status of a laptop that is online, from what it reaches. */
function onlineStatus(servers: number, directPeers: number, relayPeers: number, providerConnected: boolean, everConnected: boolean, host: HostPresence): SyncStatus {
  const reachable = servers > 0 || directPeers > 0;
  const state = reachable ? 'connected' : !providerConnected ? 'offline' : everConnected ? 'reconnecting' : 'connecting';
  const path: SyncPath = directPeers > 0 ? (relayPeers > 0 ? 'mixed' : 'direct') : relayPeers > 0 ? 'relay' : 'none';
  return { state, servers, directPeers, relayPeers, path, refused: null, host };
}

/** Who is in the room, this laptop first, from the awareness states (values peers wrote: checked). */
function readPresence(awareness: Awareness, selfId: number): Presence[] {
  return [...awareness.getStates()]
    .flatMap(([clientId, state]) => {
      const user = (state as { user?: Partial<PeerIdentity> }).user;
      if (!user || typeof user.name !== 'string') return [];
      const role: PeerIdentity['role'] = user.role === 'host' ? 'host' : 'table';
      const tableId = typeof user.tableId === 'string' ? user.tableId : null;
      const laptopId = validLaptopId(user.laptopId) ? user.laptopId : '';
      // An older or faulty peer's name: no override turning the presence line around, no screenful of name.
      const name = withoutHiddenControls(user.name).slice(0, LAPTOP_NAME_MAX);
      return [{ clientId, self: clientId === selfId, identity: { name, role, tableId, laptopId } }];
    })
    .sort((a, b) => Number(b.self) - Number(a.self) || a.identity.name.localeCompare(b.identity.name));
}

/**
 * A window that closes or unloads says goodbye; one restored from the back-forward cache comes
 * back. Not on beforeunload: it also fires for an unload that is cancelled or a mailto: link, and
 * the page would stay open with every path cut. Returns what stops watching.
 */
function watchPage(handlers: { isOnline(): boolean; leave(): void; rejoin(): void }): { stop(): void; rejoined(): void } {
  let unloaded = false;
  const onPageHide = () => {
    if (!handlers.isOnline()) return;
    unloaded = true;
    handlers.leave();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && unloaded) handlers.rejoin();
  };
  const page = typeof window === 'undefined' ? null : window;
  page?.addEventListener('pagehide', onPageHide);
  page?.addEventListener('pageshow', onPageShow);
  return {
    stop() {
      page?.removeEventListener('pagehide', onPageHide);
      page?.removeEventListener('pageshow', onPageShow);
    },
    rejoined() {
      unloaded = false;
    },
  };
}

/**
 * Connects one workshop document to the other laptops of the room: y-webrtc for direct
 * connections, the relay through the signaling server where WebRTC fails, presence through
 * awareness. Nothing is seeded here: a laptop that joins starts with what it has and receives
 * the rest.
 */
export async function startPeerSync(options: PeerSyncOptions): Promise<PeerSync> {
  const { doc, room, secret } = options;
  await closing.get(room);
  // Started first: the relay's key is what the join waits for.
  const relayKeyDerived = deriveRelayKey(secret, room);
  const provider = openProvider(options);
  // From the first message on: y-webrtc's room opens with its key, before the rest is set up.
  const repeats = dropSignalingRepeats(room, undefined, async (sealed) => {
    const key = await provider.key;
    if (key === null) return true;
    const message = await openSignaling(sealed, key);
    // Before y-webrtc hears it: a connection to the announcing laptop left over from before it
    // started over is closed first, so the announcement opens a new one (stuck-connections.ts).
    if (message?.type === 'announce') stuck.startedOver(message.from, connections()?.get(message.from), performance.now(), STALE_ON_ANNOUNCE_MS);
    return message !== null;
  });
  for (const socket of provider.signalingConns) repeats.attach(socket);
  const stuck = watchStuckConnections();
  const connections = watchConnections(provider, stuck, (peerId) => relay?.answerFrom(peerId) ?? null);
  const listeners = new Set<() => void>();
  let identity = options.identity;
  let everConnected = false;
  let relay: Relay | null = null;
  /** Gives up a signaling connection whose server went silent without closing it (signaling-liveness.ts). */
  let liveness: SignalingLiveness | null = null;
  let hostRegistered: ReturnType<typeof hostRegistration> | null = null;
  /** What the servers that refused this laptop's room said (see hostRegistration). */
  let refusals: HostRefusal[] = [];
  /** The room's phones, on the laptop that registers the room (the moderator's): they reach it through its server. */
  let phones: PhoneHub | null = null;
  let current: SyncStatus = { state: 'connecting', servers: 0, directPeers: 0, relayPeers: 0, path: 'none', refused: null, host: options.host ? 'present' : 'awaited' };
  let presenceCache: Presence[] = [];
  let presenceStale = true;
  /** Whether the host was in the presence list since this laptop last (re)connected. */
  let hostSeen = false;
  const readPresenceCached = (): Presence[] => {
    if (presenceStale) {
      presenceCache = readPresence(provider.awareness, doc.clientID);
      presenceStale = false;
    }
    return presenceCache;
  };
  /** From the presence list the connection tab shows, so the header and the list never disagree. */
  const hostPresence = (): HostPresence => {
    const present = readPresenceCached().some((person) => person.identity.role === 'host');
    if (present) hostSeen = true;
    return present ? 'present' : hostSeen ? 'gone' : 'awaited';
  };

  const notify = () => listeners.forEach((listener) => listener());
  const sockets = () => provider.signalingConns as unknown as SignalingSocket[];
  /** Whether `conn` is an open WebRTC connection that is alive: data came through it lately. */
  const alive = (conn: OpeningConnection | undefined, now: number) => conn !== undefined && conn.connected && stuck.silentFor(conn, now) < PRESENCE_TIMEOUT_MS;
  /** Laptops with an open WebRTC connection that is alive. */
  const directIds = () => {
    const now = performance.now();
    return [...(connections() ?? [])].filter(([, conn]) => alive(conn, now)).map(([id]) => id);
  };
  /**
   * One laptop's connection looked up, not all of them listed: the relay asks this for every laptop
   * it hears, on every edit of this laptop (relay.ts, relayOnlyPeers).
   */
  const isDirect = (id: string) => alive(connections()?.get(id), performance.now());

  /** Off the network on purpose (work offline, or the window unloads): every path is cut, whatever sockets still close. */
  let online = true;
  const computeStatus = (): SyncStatus => {
    if (!online) return { state: 'offline', servers: 0, directPeers: 0, relayPeers: 0, path: 'none', refused: null, host: hostPresence() };
    const servers = sockets().filter((socket) => socket.connected).length;
    const directPeers = directIds().length;
    if (servers > 0 || directPeers > 0) everConnected = true;
    const status = onlineStatus(servers, directPeers, relay?.relayOnlyPeers().length ?? 0, provider.connected, everConnected, hostPresence());
    return { ...status, refused: refusals[0] ?? null };
  };

  const refresh = () => {
    const next = computeStatus();
    if (!sameStatus(next, current)) {
      current = next;
      notify();
    }
  };

  const attachSockets = () => {
    relay?.keepOnly(sockets());
    clock?.keepOnly(sockets());
    phones?.keepOnly(sockets());
    liveness?.keepOnly(sockets());
    for (const socket of provider.signalingConns) repeats.attach(socket);
    for (const socket of sockets()) {
      liveness?.attach(socket);
      relay?.attach(socket);
      clock?.attach(socket);
      phones?.attach(socket);
      hostRegistered?.attach(socket);
    }
  };
  const { onClock } = options;
  const clock = onClock ? startClockSync({ onEstimate: onClock }) : null;

  provider.awareness.setLocalStateField('user', identity);
  const onAwareness = () => {
    presenceStale = true;
    // The host's arrival or departure is news for the status too, at once rather than at the next poll.
    const next = computeStatus();
    if (!sameStatus(next, current)) current = next;
    notify();
  };
  provider.awareness.on('change', onAwareness);
  provider.on('peers', refresh);
  provider.on('status', refresh);

  // Derived while y-webrtc derives its own key (PBKDF2 both): one wait instead of two in a row.
  // A laptop with nothing yet says hello on the relay while the keys are derived; the host's laptop
  // answers with the workshop. One that holds it (a table coming back) greets as before and gets what it lacks.
  const early = doc.store.clients.size === 0 ? listenBeforeKey(sockets(), relayTopic(room)) : undefined;
  // The workshop that answers the hello is applied once the relay's key is there, not after y-webrtc's too.
  if (early) void relayKeyDerived.then((key) => early.useKey(key, doc), () => undefined);
  let relayKey: RelayKey;
  let verifier: string | null;
  try {
    [relayKey, verifier] = await Promise.all([relayKeyDerived, options.host ? joinVerifier(secret) : null, provider.key]);
  } catch (error) {
    void early?.take();
    throw error;
  }
  // Before the phone hub's and the relay's handlers: a card's WebRTC sends are the first thing its
  // update does (as y-webrtc's own handler was); whether a phone or the relay needs it comes after.
  sendDirectOnly(provider.awareness, provider.room, () => relay?.applyingFrom() ?? early?.applyingFrom() ?? null);
  if (verifier) {
    hostRegistered = hostRegistration(room, verifier, (now) => {
      refusals = now;
      refresh();
    });
    // The room's clock (the run's timestamps are in it): a phone's countdown reads the view's `at` against them.
    phones = startPhoneHub({ doc, room, secret, now: () => hostNow(room) });
  }
  relay = startRelay({
    doc,
    awareness: provider.awareness,
    topic: relayTopic(room),
    key: relayKey,
    peerId: provider.room?.peerId ?? `${doc.clientID}`,
    webrtcOrigin: provider.room,
    isDirect,
    onChange: refresh,
    // It dropped its side: a connection to it still opening can never open (stuck-connections.ts).
    onLeave: (peerId) => stuck.startedOver(peerId, connections()?.get(peerId), performance.now(), 0),
    ...(early ? { early } : {}),
    answerHellos: options.host === true,
  });
  liveness = watchSignalingLiveness();
  attachSockets();
  const poll = setInterval(() => {
    const conns = connections();
    if (conns) stuck.check(conns, performance.now());
    if (online) keepPresence(provider.awareness, Date.now(), PRESENCE_ORIGIN);
    refresh();
  }, PRESENCE_CHECK_MS);

  /**
   * Cuts every path and tells the others, synchronously (it also runs while the window unloads):
   * the relay's goodbye, then y-webrtc's disconnect, which sends this laptop's presence removal
   * over WebRTC, closes those connections, unsubscribes from the room and closes the signaling
   * socket once no provider uses it. What this laptop heard about the others goes too.
   */
  const leave = () => {
    online = false;
    relay?.leave();
    if (provider.connected) provider.disconnect();
    const others = [...provider.awareness.getStates().keys()].filter((client) => client !== doc.clientID);
    if (others.length > 0) removeAwarenessStates(provider.awareness, others, PRESENCE_ORIGIN);
    refresh();
  };
  const page = watchPage({ isOnline: () => online, leave, rejoin: () => sync.connect() });

  const sync: PeerSync = {
    status: () => current,
    presence: readPresenceCached,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIdentity(next) {
      identity = next;
      provider.awareness.setLocalState({ ...(provider.awareness.getLocalState() ?? {}), user: identity });
    },
    disconnect() {
      leave();
    },
    connect() {
      page.rejoined();
      if (online) return;
      online = true;
      // Who was there before going offline is no longer known: the host is awaited, not missed.
      hostSeen = false;
      stuck.reset();
      provider.connect();
      // y-webrtc drops this laptop's awareness state on disconnect; say again who we are.
      provider.awareness.setLocalState({ ...(provider.awareness.getLocalState() ?? {}), user: identity });
      attachSockets();
      refresh();
    },
    destroy() {
      clearInterval(poll);
      page.stop();
      leave();
      clock?.destroy();
      liveness?.destroy();
      relay?.destroy();
      phones?.destroy();
      hostRegistered?.stop();
      provider.awareness.off('change', onAwareness);
      // y-webrtc's destroy alone leaves the provider registered on the shared signaling socket,
      // which then keeps answering for the room: `leave` disconnected it first.
      provider.destroy();
      // y-webrtc drops its room once the key is there (at once here); the next start waits for that.
      const done = Promise.resolve(provider.key).then(() => {
        if (closing.get(room) === done) closing.delete(room);
      });
      closing.set(room, done);
      listeners.clear();
    },
  };
  return sync;
}
