import { roots, type WorkshopDoc } from './doc';
import { fail, ok, type Result } from './result';

/*
 * The room's roles in the document: which laptops the moderator promoted, and whether the
 * plenary's board is open for the tables to write on. Flat keys in one map (`moderator:<laptop
 * id>` → the laptop's name, `plenaryOpen` → boolean), not nested maps: two laptops that promote
 * at the same moment must both keep their entry. Session state, not workshop content, so it is
 * in no snapshot, backup or minutes. What the roles allow is decided in shared/roles.
 */

/** Origin of role changes: not the undo origin, so Ctrl+Z never demotes anybody or closes the plenary. */
export const ROLES_ORIGIN = 'plenum:roles';

const MODERATOR_PREFIX = 'moderator:';
const PLENARY_OPEN = 'plenaryOpen';
/** Laptop ids are generated ids (ids.ts) or UUIDs; anything else a peer wrote is ignored. */
const LAPTOP_ID = /^[A-Za-z0-9_-]{8,64}$/;
const NAME_MAX = 200;

export interface PromotedLaptop {
  laptopId: string;
  /** The name the laptop had when it was promoted, for the list. */
  name: string;
}

export interface RolesState {
  /** Promoted laptops, by id. */
  moderators: PromotedLaptop[];
  plenaryOpen: boolean;
}

export function validLaptopId(raw: unknown): raw is string {
  return typeof raw === 'string' && LAPTOP_ID.test(raw);
}

/** The roles as plain data; keys and values a peer wrote that make no sense are skipped. */
export function rolesSnapshot(doc: WorkshopDoc): RolesState {
  const map = roots(doc).roles;
  const moderators: PromotedLaptop[] = [];
  map.forEach((value, key) => {
    if (!key.startsWith(MODERATOR_PREFIX)) return;
    const laptopId = key.slice(MODERATOR_PREFIX.length);
    if (!validLaptopId(laptopId)) return;
    moderators.push({ laptopId, name: typeof value === 'string' ? value.slice(0, NAME_MAX) : '' });
  });
  moderators.sort((a, b) => (a.laptopId < b.laptopId ? -1 : a.laptopId > b.laptopId ? 1 : 0));
  return { moderators, plenaryOpen: map.get(PLENARY_OPEN) === true };
}

function change(doc: WorkshopDoc, write: () => void): void {
  doc.transact(write, ROLES_ORIGIN);
}

/** Makes a laptop a moderator (or renames its entry); `name` is only shown. */
export function promoteLaptop(doc: WorkshopDoc, laptopId: string, name: string): Result<true> {
  if (!validLaptopId(laptopId)) return fail('notFound');
  const key = MODERATOR_PREFIX + laptopId;
  const shown = name.trim().slice(0, NAME_MAX);
  if (roots(doc).roles.get(key) !== shown) change(doc, () => roots(doc).roles.set(key, shown));
  return ok(true);
}

/** Takes a promoted laptop's moderator role back; the host cannot be demoted (it is not in the list). */
export function demoteLaptop(doc: WorkshopDoc, laptopId: string): Result<true> {
  const key = MODERATOR_PREFIX + laptopId;
  if (roots(doc).roles.has(key)) change(doc, () => roots(doc).roles.delete(key));
  return ok(true);
}

/** Opens the plenary's board for the tables to write on, or closes it. */
export function setPlenaryOpen(doc: WorkshopDoc, open: boolean): Result<true> {
  if ((roots(doc).roles.get(PLENARY_OPEN) === true) !== open) change(doc, () => roots(doc).roles.set(PLENARY_OPEN, open));
  return ok(true);
}

/**
 * Calls `listener` after every change to the roles; returns the unsubscribe. The roles are no
 * area of the live workshop (not workshop content), so they are watched here.
 */
export function watchRoles(doc: WorkshopDoc, listener: () => void): () => void {
  const map = roots(doc).roles;
  const onChange = () => listener();
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
