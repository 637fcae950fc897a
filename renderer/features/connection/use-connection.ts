import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useStore } from '../../hooks/use-store';
import { connectWorkshop, type ConnectionController, type ConnectionState } from '../../network/connection';
import type { SyncStatus } from '../../network/peer-sync';
import type { WorkshopSession } from '../../session/workshop-session';

const LOCAL: ConnectionState = { row: null, sync: null, error: null };
const noSubscribe = () => () => undefined;

/** The connection controller of an open workshop, created once per session. */
export function useConnectionController(session: WorkshopSession): ConnectionController | null {
  const store = useStore();
  const [controller, setController] = useState<ConnectionController | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let created: ConnectionController | null = null;
    void connectWorkshop(store, session, undefined, abort.signal).then((next) => {
      if (abort.signal.aborted) return next.destroy();
      created = next;
      setController(next);
    });
    return () => {
      abort.abort();
      created?.destroy();
    };
  }, [store, session]);
  return controller;
}

export function useConnectionState(controller: ConnectionController | null): ConnectionState {
  const subscribe = useCallback((listener: () => void) => controller?.subscribe(listener) ?? (() => undefined), [controller]);
  return useSyncExternalStore(subscribe, () => controller?.state() ?? LOCAL);
}

const OFFLINE: SyncStatus = { state: 'offline', servers: 0, directPeers: 0, relayPeers: 0, path: 'none' };

/** The sync status of a connection, re-rendering on changes. */
export function useSyncStatus(state: ConnectionState): SyncStatus {
  const sync = state.sync;
  const subscribe = useCallback((listener: () => void) => sync?.subscribe(listener) ?? noSubscribe(), [sync]);
  return useSyncExternalStore(subscribe, () => sync?.status() ?? OFFLINE);
}
