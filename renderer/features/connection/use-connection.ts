import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionController, ConnectionState } from '../../network/connection';
import type { SyncStatus } from '../../network/peer-sync';
import type { HostRefusal } from '../../../shared/protocol/signaling';
import type { WorkshopSession } from '../../session/workshop-session';

const LOCAL: ConnectionState = { row: null, sync: null, error: null };
const noSubscribe = () => () => undefined;

/**
 * The connection of an open workshop once its first start has settled (null before). The
 * session started it and stops it when it closes; this only waits for it.
 */
export function useConnectionController(session: WorkshopSession): ConnectionController | null {
  const [ready, setReady] = useState<ConnectionController | null>(null);
  useEffect(() => {
    const connection = session.connection;
    if (!connection) return;
    let current = true;
    void connection.started.then(() => current && setReady(connection));
    return () => {
      current = false;
    };
  }, [session]);
  return ready === session.connection ? ready : null;
}

export function useConnectionState(controller: ConnectionController | null): ConnectionState {
  const subscribe = useCallback((listener: () => void) => controller?.subscribe(listener) ?? (() => undefined), [controller]);
  return useSyncExternalStore(subscribe, () => controller?.state() ?? LOCAL);
}

const OFFLINE: SyncStatus = { state: 'offline', servers: 0, directPeers: 0, relayPeers: 0, path: 'none', refused: null, host: 'awaited' };

/**
 * The other laptops this one is connected with (this one not counted): the number the header's
 * indicator and the Connection panel both say.
 */
export function connectedLaptops(status: SyncStatus): number {
  return status.directPeers + status.relayPeers;
}

/** The sync status of a connection, re-rendering on changes. */
export function useSyncStatus(state: ConnectionState): SyncStatus {
  const sync = state.sync;
  const subscribe = useCallback((listener: () => void) => sync?.subscribe(listener) ?? noSubscribe(), [sync]);
  const read = () => sync?.status() ?? OFFLINE;
  // The same read without a DOM (a render to markup): the status is not the DOM's.
  return useSyncExternalStore(subscribe, read, read);
}

/** The i18n key of a server's refusal of this laptop's room (connection.refused.*). */
export function refusalKey(reason: HostRefusal): string {
  const keys: Record<HostRefusal, string> = {
    'room-taken': 'connection.refused.roomTaken',
    'verifier-in-use': 'connection.refused.verifierInUse',
    'too-many-rooms': 'connection.refused.tooManyRooms',
    'rate-limited': 'connection.refused.rateLimited',
  };
  return keys[reason];
}
