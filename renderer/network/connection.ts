import type * as Y from 'yjs';
import { newJoinSecret } from '../../shared/protocol/join-secret';
import { laptopId } from '../storage/laptop-id';
import type { ConnectionRow } from '../storage/plenum-db';
import type { WorkshopStore } from '../storage/workshop-store';
import { forgetHostClock, setHostClock } from './host-clock';
import { forgetHostCode, rememberedHostCode, rememberHostCode } from './host-code';
import { startPeerSync, type PeerSync } from './peer-sync';

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
 * The workshop session owns it (renderer/session/workshop-session.ts): it is started when the
 * workshop screen opens the session and destroyed when the session closes.
 */
export interface ConnectionController {
  state(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Settles once the first start (peer sync with the stored record, if any) has succeeded or failed. */
  readonly started: Promise<void>;
  /**
   * Hosts this workshop on `signaling` (the local server's addresses, or a venue server), with the
   * code it was last shared with unless `newCode` (host-code.ts).
   */
  host(signaling: readonly string[], name: string, options?: { newCode?: boolean }): Promise<void>;
  /** Which table this laptop works at; shown to the others in presence. */
  setTable(tableId: string | null): Promise<void>;
  /**
   * Stops syncing; the local copy stays. The host forgets the connection (its copy is its own
   * again). A table keeps it, marked as left: its copy stays a table's until it joins again.
   */
  leave(): Promise<void>;
  /** A table that left joins the room again with the connection it kept. */
  rejoin(): Promise<void>;
  destroy(): void;
}

export type SyncStarter = typeof startPeerSync;

export interface ConnectOptions {
  /** Starts peer sync (a test passes a spy or a stub). */
  start?: SyncStarter;
  /**
   * Aborts a connection that is no longer wanted before it connects: a React effect that is
   * cleaned up at once (StrictMode mounts twice) never puts a laptop on the network.
   */
  signal?: AbortSignal;
}

/**
 * Connects an open workshop with the connection record its session read when it opened (null:
 * local only, until `host`). Returns at once; peer sync starts in the background (`started`).
 */
export function connectWorkshop(
  store: WorkshopStore,
  workshop: { id: string; doc: Y.Doc },
  stored: ConnectionRow | null,
  { start = startPeerSync, signal }: ConnectOptions = {},
): ConnectionController {
  const listeners = new Set<() => void>();
  let current: ConnectionState = { row: stored, sync: null, error: null };
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
        doc: workshop.doc,
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

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    started: stored && !stored.left ? run(stored) : Promise.resolve(),
    async host(signaling, name, options = {}) {
      if (options.newCode) forgetHostCode(workshop.id);
      // Taking over keeps the secret: the tables' codes stay valid with the new host. So does
      // sharing again after stopping (host-code.ts).
      const row: ConnectionRow = {
        workshopId: workshop.id,
        role: 'host',
        secret: current.row?.secret ?? rememberedHostCode(workshop.id) ?? newJoinSecret(),
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
      const row = current.row;
      forgetHostClock(workshop.id);
      if (row?.role === 'table') {
        // Were the copy the table's own now, it would be its moderator's: an agenda item added or
        // a PageDown pressed while away would reach the room's day when the laptop joins again.
        const left = { ...row, left: true, updatedAt: Date.now() };
        await store.saveConnection(left);
        return set({ row: left, sync: null, error: null });
      }
      if (row?.role === 'host') rememberHostCode(workshop.id, row.secret);
      await store.removeConnection(workshop.id);
      set({ row: null, sync: null, error: null });
    },
    async rejoin() {
      const row = current.row;
      if (!row?.left) return;
      const back = { ...row, left: false, updatedAt: Date.now() };
      await store.saveConnection(back);
      await run(back);
    },
    destroy() {
      destroyed = true;
      stopSync();
      listeners.clear();
    },
  };
}
