import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { deriveRelayKey } from '../../shared/protocol/relay-crypto';
import { relayTopic } from '../../shared/protocol/room';
import { startRelay, type Relay, type SignalingSocket } from './relay';

/** Who this laptop is, as the others see it in their presence list. */
export interface PeerIdentity {
  name: string;
  role: 'host' | 'table';
  /** The table this laptop works at; null for the moderator or before a table is picked. */
  tableId: string | null;
}

export type SyncPath = 'none' | 'direct' | 'relay' | 'mixed';

export interface SyncStatus {
  state: 'connecting' | 'connected' | 'reconnecting' | 'offline';
  /** Signaling servers this laptop is connected to. */
  servers: number;
  /** Laptops with an open WebRTC connection. */
  directPeers: number;
  /** Laptops reached only through the host's server. */
  relayPeers: number;
  path: SyncPath;
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
}

export interface PeerSync {
  status(): SyncStatus;
  presence(): Presence[];
  subscribe(listener: () => void): () => void;
  setIdentity(identity: PeerIdentity): void;
  /** Leaves the network (keeps working locally); `connect` rejoins and merges. */
  disconnect(): void;
  connect(): void;
  destroy(): void;
}

const STATUS_POLL_MS = 1000;

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return a.state === b.state && a.servers === b.servers && a.directPeers === b.directPeers && a.relayPeers === b.relayPeers && a.path === b.path;
}

/** The part of y-webrtc's room that `stopEchoes` replaces. */
interface EchoingRoom {
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
}

/**
 * y-webrtc sends every update of the document to all its peers, also the ones that just came
 * from a peer: with ten laptops one card became ninety messages, and the echoes delayed the
 * cards behind them. Updates that arrived over WebRTC are not sent on again: the laptop that
 * wrote them sends them to its own peers, and to any laptop it cannot reach directly through
 * the relay. (y-webrtc reads the handler from this field when it connects and disconnects.)
 */
function stopEchoes(doc: Y.Doc, room: unknown): void {
  const target = room as Partial<EchoingRoom> | null;
  const original = target?._docUpdateHandler;
  if (!target || typeof original !== 'function') return;
  const filtered = (update: Uint8Array, origin: unknown) => {
    if (origin !== room) original(update, origin);
  };
  doc.off('update', original);
  target._docUpdateHandler = filtered;
  doc.on('update', filtered);
}

/**
 * Connects one workshop document to the other laptops of the room: y-webrtc for direct
 * connections, the relay through the signaling server where WebRTC fails, presence through
 * awareness. Nothing is seeded here: a laptop that joins starts with what it has and receives
 * the rest.
 */
export async function startPeerSync(options: PeerSyncOptions): Promise<PeerSync> {
  const { doc, room, secret } = options;
  const provider = new WebrtcProvider(room, doc, {
    signaling: [...options.signaling],
    password: secret,
    // No STUN or TURN: the room may have no internet, and LAN candidates need none.
    peerOpts: {
      config: { iceServers: [], ...(options.blockWebrtc ? { iceTransportPolicy: 'relay' } : {}) },
      ...(options.wrtc ? { wrtc: options.wrtc } : {}),
    },
  });
  const listeners = new Set<() => void>();
  let identity = options.identity;
  let everConnected = false;
  let relay: Relay | null = null;
  let current: SyncStatus = { state: 'connecting', servers: 0, directPeers: 0, relayPeers: 0, path: 'none' };
  let presenceCache: Presence[] = [];
  let presenceStale = true;

  const notify = () => listeners.forEach((listener) => listener());
  const sockets = () => provider.signalingConns as unknown as SignalingSocket[];
  const directIds = () => {
    const conns = provider.room?.webrtcConns;
    return conns ? [...conns].filter(([, conn]) => conn.connected).map(([id]) => id) : [];
  };

  const computeStatus = (): SyncStatus => {
    const servers = sockets().filter((socket) => socket.connected).length;
    const directPeers = directIds().length;
    const relayPeers = relay?.relayOnlyPeers().length ?? 0;
    const reachable = servers > 0 || directPeers > 0;
    if (reachable) everConnected = true;
    const state = reachable ? 'connected' : !provider.connected ? 'offline' : everConnected ? 'reconnecting' : 'connecting';
    const path: SyncPath = directPeers > 0 ? (relayPeers > 0 ? 'mixed' : 'direct') : relayPeers > 0 ? 'relay' : 'none';
    return { state, servers, directPeers, relayPeers, path };
  };

  const refresh = () => {
    const next = computeStatus();
    if (!sameStatus(next, current)) {
      current = next;
      notify();
    }
  };

  const registerHost = (socket: SignalingSocket) => {
    if (verifier && socket.connected) socket.send({ type: 'plenum-host', room, verifier });
  };

  const attachSockets = () => {
    relay?.keepOnly(sockets());
    for (const socket of sockets()) {
      relay?.attach(socket);
      if (verifier && !hosted.has(socket)) {
        hosted.add(socket);
        socket.on('connect', () => registerHost(socket));
        registerHost(socket);
      }
    }
  };
  const hosted = new Set<SignalingSocket>();

  provider.awareness.setLocalStateField('user', identity);
  const onAwareness = () => {
    presenceStale = true;
    notify();
  };
  provider.awareness.on('change', onAwareness);
  provider.on('peers', refresh);
  provider.on('status', refresh);

  // Derived while y-webrtc derives its own key (PBKDF2 both): one wait instead of two in a row.
  const [relayKey, verifier] = await Promise.all([deriveRelayKey(secret, room), options.host ? joinVerifier(secret) : null, provider.key]);
  const peerId = provider.room?.peerId ?? `${doc.clientID}`;
  relay = startRelay({
    doc,
    awareness: provider.awareness,
    topic: relayTopic(room),
    key: relayKey,
    peerId,
    webrtcOrigin: provider.room,
    isDirect: (id) => directIds().includes(id),
    onChange: refresh,
  });
  attachSockets();
  stopEchoes(doc, provider.room);
  const poll = setInterval(refresh, STATUS_POLL_MS);

  return {
    status: () => current,
    presence() {
      if (presenceStale) {
        presenceCache = [...provider.awareness.getStates()]
          .flatMap(([clientId, state]) => {
            const user = (state as { user?: Partial<PeerIdentity> }).user;
            if (!user || typeof user.name !== 'string') return [];
            const role: PeerIdentity['role'] = user.role === 'host' ? 'host' : 'table';
            const tableId = typeof user.tableId === 'string' ? user.tableId : null;
            return [{ clientId, self: clientId === doc.clientID, identity: { name: user.name, role, tableId } }];
          })
          .sort((a, b) => Number(b.self) - Number(a.self) || a.identity.name.localeCompare(b.identity.name));
        presenceStale = false;
      }
      return presenceCache;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIdentity(next) {
      identity = next;
      provider.awareness.setLocalState({ ...(provider.awareness.getLocalState() ?? {}), user: identity });
    },
    disconnect() {
      provider.disconnect();
      refresh();
    },
    connect() {
      provider.connect();
      // y-webrtc drops this laptop's awareness state on disconnect; say again who we are.
      provider.awareness.setLocalState({ ...(provider.awareness.getLocalState() ?? {}), user: identity });
      attachSockets();
      refresh();
    },
    destroy() {
      clearInterval(poll);
      relay?.destroy();
      provider.awareness.off('change', onAwareness);
      provider.destroy();
      listeners.clear();
    },
  };
}
