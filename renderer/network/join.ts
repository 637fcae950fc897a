import { applyWorkshopUpdates, createWorkshopDoc, encodeWorkshopState, tablesSnapshot } from '../../shared/model';
import { parseInvite, parseJoinInput } from '../../shared/protocol/invite';
import { validLaptopName } from '../../shared/protocol/laptop-name';
import type { ConnectionRow } from '../storage/plenum-db';
import type { WorkshopStore } from '../storage/workshop-store';
import { checkJoinCode } from './join-check';

export type JoinErrorCode = 'address.invalid' | 'code.invalid' | 'invite.invalid' | 'invite.version' | 'join.wrongCode' | 'join.unreachable' | 'join.rateLimited' | 'join.hostWaiting' | 'join.codeReplaced' | 'laptopName.tooLong';

const JOIN_ERRORS = {
  'wrong-code': 'join.wrongCode',
  'rate-limited': 'join.rateLimited',
  'host-waiting': 'join.hostWaiting',
  'code-replaced': 'join.codeReplaced',
  unreachable: 'join.unreachable',
} as const satisfies Record<Exclude<Awaited<ReturnType<typeof checkJoinCode>>, { ok: true }>['reason'], JoinErrorCode>;

/** The workshop joined and the connection record stored for it: what its session connects with. */
export type JoinResult = { ok: true; workshopId: string; connection: ConnectionRow } | { ok: false; error: JoinErrorCode };

export interface JoinRequest {
  /** A host address and a code as typed, or a whole invite (from the QR code or a message). */
  address: string;
  code: string;
  name: string;
}

/**
 * Joins a workshop from a table laptop, top to bottom:
 * 1. reads the address and code (or the invite) the user gave;
 * 2. checks the code with the host within seconds (y-webrtc with a wrong code waits silently);
 * 3. stores the workshop (empty: its content comes from the others) with its connection record,
 *    in one transaction.
 * The workshop screen then opens it: `openWorkshopSession` reads that record once and starts the
 * connection (renderer/network/README.md).
 */
export async function joinWorkshop(store: WorkshopStore, request: JoinRequest, timeoutMs = 5000): Promise<JoinResult> {
  const target = joinTarget(request);
  if (!target.ok) return target;
  // Before asking the host: a name the store would refuse is the user's to shorten, not a failure.
  const name = validLaptopName(request.name, 'Laptop');
  if (!name.ok) return { ok: false, error: name.error };
  const { urls, secret } = target;

  const check = await checkJoinCode(urls, secret, timeoutMs);
  if (!check.ok) {
    return { ok: false, error: JOIN_ERRORS[check.reason] };
  }

  const now = Date.now();
  // The address that answered first is tried first when the session connects.
  const signaling = [check.url, ...urls.filter((url) => url !== check.url)];
  const tableId = await keptTable(store, check.room);
  const connection: ConnectionRow = { workshopId: check.room, role: 'table', secret, signaling, name: name.value, tableId, updatedAt: now };
  await store.createJoinedWorkshop({ id: check.room, title: '', date: '', createdAt: now, updatedAt: now }, encodeWorkshopState(createWorkshopDoc()), connection);
  return { ok: true, workshopId: check.room, connection };
}

/**
 * The table this laptop worked at in the workshop, when it joins the workshop again: the one its
 * stored connection names, while the stored workshop still has that table. A laptop that joins
 * with the code again (from the home screen) stays at "Nord"; a table deleted meanwhile is not
 * kept, nor is anything a damaged or unreadable store would name.
 */
async function keptTable(store: WorkshopStore, workshopId: string): Promise<string | null> {
  try {
    const previous = await store.getConnection(workshopId);
    if (previous?.role !== 'table' || previous.tableId === null) return null;
    const doc = createWorkshopDoc();
    if (!applyWorkshopUpdates(doc, (await store.loadWorkshop(workshopId)).updates).ok) return null;
    const tableId = previous.tableId;
    return tablesSnapshot(doc).some((table) => table.id === tableId) ? tableId : null;
  } catch {
    // Joining again must not fail on what the last visit left: the table is picked anew.
    return null;
  }
}

/** The host addresses and the secret from an invite, or from an address and a code typed apart. */
function joinTarget(request: JoinRequest): { ok: true; urls: string[]; secret: string } | { ok: false; error: JoinErrorCode } {
  const address = request.address.trim();
  if (address.startsWith('plenum:')) {
    const invite = parseInvite(address);
    return invite.ok ? { ok: true, urls: invite.value.addresses, secret: invite.value.secret } : invite;
  }
  const input = parseJoinInput(request.address, request.code);
  return input.ok ? { ok: true, urls: [input.value.address], secret: input.value.secret } : input;
}
