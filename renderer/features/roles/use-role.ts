import { createContext, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { rolesSnapshot, watchRoles, type RolesState, type WorkshopDoc } from '../../../shared/model';
import { ownCommands, workshopCommands, type Caller, type WorkshopCommands } from '../../../shared/roles/commands';
import { can, roleOf, type Action, type Role, type Seat } from '../../../shared/roles/permissions';
import type { ConnectionRow } from '../../storage/plenum-db';
import { laptopId } from '../../storage/laptop-id';

/** This laptop's part in the open workshop, and the commands it dispatches through. */
export interface RoleValue {
  role: Role;
  /** Whether the workshop is shared with other laptops (hosted or joined). */
  shared: boolean;
  seat: Seat;
  laptopId: string;
  /** The laptops the moderator promoted. */
  promoted: RolesState['moderators'];
  commands: WorkshopCommands;
}

export const RoleContext = createContext<RoleValue | null>(null);

interface RolesStore {
  subscribe(listener: () => void): () => void;
  get(): RolesState;
}

const stores = new WeakMap<WorkshopDoc, RolesStore>();

/** One cached, subscribable reading of a document's roles (useSyncExternalStore wants the same object until it changes). */
function rolesStore(doc: WorkshopDoc): RolesStore {
  const existing = stores.get(doc);
  if (existing) return existing;
  let cached = rolesSnapshot(doc);
  const listeners = new Set<() => void>();
  // Watched for the document's lifetime, so the reading is current even while nobody subscribes.
  watchRoles(doc, () => {
    cached = rolesSnapshot(doc);
    listeners.forEach((listener) => listener());
  });
  const store: RolesStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => cached,
  };
  stores.set(doc, store);
  return store;
}

/** The roles written in the document, re-rendering on changes. */
export function useRolesState(doc: WorkshopDoc): RolesState {
  const store = rolesStore(doc);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** What the guarded commands ask when they run: kept current by the screen, read at the moment of the call. */
function currentCaller(): Caller & { set(role: Role, seat: Seat): void } {
  let now: { role: Role; seat: Seat } = { role: 'table', seat: { tableId: null, plenaryOpen: false } };
  return {
    role: () => now.role,
    seat: () => now.seat,
    set(role, seat) {
      now = { role, seat };
    },
  };
}

/**
 * Works out this laptop's role from its connection (host, table, or not shared) and the
 * promotions in the document, and makes the workshop's guarded commands. The commands ask for
 * the role when they run, so they stay one object while the role changes.
 */
export function useRoleValue(doc: WorkshopDoc, row: ConnectionRow | null): RoleValue {
  const roles = useRolesState(doc);
  const [id] = useState(laptopId);
  const role = roleOf({ connection: row?.role ?? null, laptopId: id, moderators: roles.moderators.map((entry) => entry.laptopId) });
  const tableId = row?.role === 'table' ? row.tableId : null;
  const seat = useMemo<Seat>(() => ({ tableId, plenaryOpen: roles.plenaryOpen }), [tableId, roles.plenaryOpen]);
  const [caller] = useState(currentCaller);
  // A layout effect: the guard sees a promotion or a demotion before any click or key can act on
  // it. Before the first one the caller counts as a table laptop, so nothing slips through early.
  useLayoutEffect(() => caller.set(role, seat), [caller, role, seat]);
  const commands = useMemo(() => workshopCommands(doc, caller), [doc, caller]);
  const shared = row !== null && row.left !== true;
  return useMemo(() => ({ role, shared, seat, laptopId: id, promoted: roles.moderators, commands }), [role, shared, seat, id, roles.moderators, commands]);
}

/** This laptop's role; the moderator outside a shared workshop (a lone laptop, the bench). */
export function useRole(): Role {
  return useContext(RoleContext)?.role ?? 'moderator';
}

/** Whether this laptop may do `action` now. */
export function useCan(action: Action): boolean {
  return can(useRole(), action);
}

/** Whether the open workshop is shared with other laptops. */
export function useShared(): boolean {
  return useContext(RoleContext)?.shared ?? false;
}

/** Where this laptop may write cards. */
export function useSeat(): Seat {
  return useContext(RoleContext)?.seat ?? { tableId: null, plenaryOpen: true };
}

/**
 * The guarded commands of `doc`: inside an open workshop, as this laptop's role allows (also for
 * another document object, so nothing falls back to the moderator's powers); outside one, the
 * moderator's, for a document of one's own.
 */
export function useCommands(doc: WorkshopDoc): WorkshopCommands {
  const context = useContext(RoleContext);
  const caller = context?.commands.caller;
  return useMemo(() => {
    if (context && context.commands.doc === doc) return context.commands;
    return caller ? workshopCommands(doc, caller) : ownCommands(doc);
  }, [context, caller, doc]);
}
