import { normalizeJoinSecret } from '../../shared/protocol/join-secret';

/*
 * The join code this laptop last shared a workshop with, kept when it stops sharing: sharing it
 * again uses the same code. The tables' laptops keep trying with it, the codes on the tables'
 * cards and the phones' QR codes stay valid, and a signaling server that is still up holds the
 * room under that code's verifier (a room's first registration, for the server's lifetime:
 * electron/services/room-registry.ts): a new code was refused there, and no table or phone could
 * join. Taking over hosting keeps the code for the same reason (connection.ts). Forgotten when the
 * workshop is purged (renderer/session/workshop-purge.ts).
 */

const KEY_PREFIX = 'plenum.hostCode.';

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be switched off: sharing again then makes a new code, as before.
    return null;
  }
};

export function rememberHostCode(workshopId: string, secret: string): void {
  try {
    storage()?.setItem(KEY_PREFIX + workshopId, secret);
  } catch {
    // Full or switched off: sharing again makes a new code.
  }
}

/** The code kept for the workshop, if it is one (anything else in storage is ignored). */
export function rememberedHostCode(workshopId: string): string | null {
  let raw: string | null;
  try {
    raw = storage()?.getItem(KEY_PREFIX + workshopId) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  const secret = normalizeJoinSecret(raw);
  return secret.ok ? secret.value : null;
}

export function forgetHostCode(workshopId: string): void {
  try {
    storage()?.removeItem(KEY_PREFIX + workshopId);
  } catch {
    // Nothing stored then.
  }
}
