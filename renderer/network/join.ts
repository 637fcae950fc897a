import { createWorkshopDoc, encodeWorkshopState } from '../../shared/model';
import { parseInvite, parseJoinInput } from '../../shared/protocol/invite';
import type { WorkshopStore } from '../storage/workshop-store';
import { checkJoinCode } from './join-check';

export type JoinErrorCode = 'address.invalid' | 'code.invalid' | 'invite.invalid' | 'invite.version' | 'join.wrongCode' | 'join.unreachable' | 'join.rateLimited';

export type JoinResult = { ok: true; workshopId: string } | { ok: false; error: JoinErrorCode };

export interface JoinRequest {
  /** A host address and a code as typed, or a whole invite (from the QR code or a message). */
  address: string;
  code: string;
  name: string;
}

/**
 * Joins a workshop from a table laptop: checks the code with the host within seconds, then
 * records the workshop (empty: its content comes from the others) and how to reach it.
 */
export async function joinWorkshop(store: WorkshopStore, request: JoinRequest, timeoutMs = 5000): Promise<JoinResult> {
  let urls: string[];
  let secret: string;
  if (request.address.trim().startsWith('plenum:')) {
    const invite = parseInvite(request.address.trim());
    if (!invite.ok) return { ok: false, error: invite.error };
    urls = invite.value.addresses;
    secret = invite.value.secret;
  } else {
    const input = parseJoinInput(request.address, request.code);
    if (!input.ok) return { ok: false, error: input.error };
    urls = [input.value.address];
    secret = input.value.secret;
  }
  const check = await checkJoinCode(urls, secret, timeoutMs);
  if (!check.ok) {
    const error = check.reason === 'wrong-code' ? 'join.wrongCode' : check.reason === 'rate-limited' ? 'join.rateLimited' : 'join.unreachable';
    return { ok: false, error };
  }
  const now = Date.now();
  const signaling = [check.url, ...urls.filter((url) => url !== check.url)];
  await store.createJoinedWorkshop(
    { id: check.room, title: '', date: '', createdAt: now, updatedAt: now },
    encodeWorkshopState(createWorkshopDoc()),
    { workshopId: check.room, role: 'table', secret, signaling, name: request.name.trim() || 'Laptop', tableId: null, updatedAt: now },
  );
  return { ok: true, workshopId: check.room };
}
