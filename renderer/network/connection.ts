import { newJoinSecret } from '../../shared/protocol/join-secret';
import { laptopId } from '../storage/laptop-id';
import type { ConnectionRow } from '../storage/plenum-db';
import type { WorkshopStore } from '../storage/workshop-store';
import { forgetHostClock, setHostClock } from './host-clock';
import { startPeerSync, type PeerSync } from './peer-sync';
import type { WorkshopSession } from '../session/workshop-session';

export interface ConnectionState {
  /** How this laptop takes part; null while the workshop is local only. */
  row: ConnectionRow | null;
  sync: PeerSync | null;
  /** Why the last attempt to connect failed, as an error code the UI translates. */
  error: string | null;
}

/**
 * The network side of an open workshop: starts peer sync when the workshop is shared (so a
 * laptop that restarts rejoins by itself), hosts it, leaves it, and keeps the connection record
 * on this laptop up to date. A plain observable; React reads it with useSyncExternalStore.
 */
export interface ConnectionController {
  state(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Hosts this workshop on `signaling` (the local server's addresses, or a venue server). */
  host(signaling: readonly string[], name: string): Promise<void>;
  /** Which table this laptop works at; shown to the others in presence. */
  setTable(tableId: string | null): Promise<void>;
  /** Stops syncing and forgets the connection; the local copy stays. */
  leave(): Promise<void>;
  destroy(): void;
}

type SyncStarter = typeof startPeerSync;

/**
 * `signal` aborts a controller that is no longer wanted before it connects: a React effect that
 * is cleaned up at once (StrictMode mounts twice) never puts a laptop on the network.
 */
export async function connectWorkshop(
  store: WorkshopStore,
  session: Pick<WorkshopSession, 'id' | 'doc'>,
  start: SyncStarter = startPeerSync,
  signal?: AbortSignal,
): Promise<ConnectionController> {
  const listeners = new Set<() => void>();
  let current: ConnectionState = { row: (await store.getConnection(session.id)) ?? null, sync: null, error: null };
  let destroyed = false;
  let unsubscribeSync: (() => void) | null = null;

  const set = (next: Partial<ConnectionState>) => {
    current = { ...current, ...next };
    listeners.forEach((listener) => listener());
  };

  const stopSync = () => {
    unsubscribeSync?.();
    unsubscribeSync = null;
    current.sync?.destroy();
  };

  const run = async (row: ConnectionRow) => {
    stopSync();
    if (destroyed) return;
    try {
      const sync = await start({
        doc: session.doc,
        room: row.workshopId,
        secret: row.secret,
        signaling: row.signaling,
        identity: { name: row.name, role: row.role, tableId: row.tableId, laptopId: laptopId() },
        host: row.role === 'host',
        onClock: (estimate) => setHostClock(row.workshopId, estimate),
      });
      if (destroyed) return sync.destroy();
      unsubscribeSync = sync.subscribe(() => listeners.forEach((listener) => listener()));
      set({ row, sync, error: null });
    } catch (error) {
      set({ row, sync: null, error: error instanceof Error ? error.message : String(error) });
    }
  };

  // Also while peer sync is starting: a close and reopen in quick succession ends it once started.
  if (signal?.aborted) destroyed = true;
  signal?.addEventListener('abort', () => {
    destroyed = true;
  });
  if (current.row) await run(current.row);

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async host(signaling, name) {
      // Taking over keeps the secret: the tables' codes stay valid with the new host.
      const row: ConnectionRow = {
        workshopId: session.id,
        role: 'host',
        secret: current.row?.secret ?? newJoinSecret(),
        signaling: [...signaling],
        name,
        tableId: null,
        updatedAt: Date.now(),
      };
      await store.saveConnection(row);
      await run(row);
    },
    async setTable(tableId) {
      const row = current.row;
      if (!row) return;
      const next = { ...row, tableId, updatedAt: Date.now() };
      await store.saveConnection(next);
      current.sync?.setIdentity({ name: next.name, role: next.role, tableId, laptopId: laptopId() });
      set({ row: next });
    },
    async leave() {
      stopSync();
      await store.removeConnection(session.id);
      forgetHostClock(session.id);
      set({ row: null, sync: null, error: null });
    },
    destroy() {
      destroyed = true;
      stopSync();
      listeners.clear();
    },
  };
}
