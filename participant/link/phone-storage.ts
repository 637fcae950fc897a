import { z } from 'zod';
import type { PendingCommand, PhoneCommandInput } from '../../shared/phone/client';
import { phoneCommandSchema } from '../../shared/phone/protocol';

/*
 * What the phone keeps across reloads: its device id (its only proof of who it is,
 * shared/phone/protocol.ts) and the commands the laptop has not answered yet. Values read back
 * are checked: storage is the page's, but another page of the same origin or an old version may
 * have written it.
 */

/** localStorage's part the link uses; tests pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const DEVICE_KEY = 'plenum.phone.device';
const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The phone's device id: the stored one, else a new one (stored when storage lets it). */
export function storedDeviceId(storage: KeyValueStore, make: () => string): string {
  try {
    const stored = deviceIdSchema.safeParse(storage.getItem(DEVICE_KEY));
    if (stored.success) return stored.data;
  } catch {
    // Blocked storage: a device id for this visit only.
  }
  const id = make();
  try {
    storage.setItem(DEVICE_KEY, id);
  } catch {
    // As above.
  }
  return id;
}

const storedEntry = z.object({ id: z.string(), command: z.record(z.string(), z.unknown()), at: z.number() });

/** The unanswered commands kept under `key`; anything unreadable is dropped. */
export function loadOutbox(storage: KeyValueStore, key: string): PendingCommand[] {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return [];
  }
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(json)) return [];
  return json.flatMap((value: unknown) => {
    const entry = storedEntry.safeParse(value);
    if (!entry.success) return [];
    const command = phoneCommandSchema.safeParse({ ...entry.data.command, id: entry.data.id });
    if (!command.success) return [];
    const { id, ...input } = command.data;
    return [{ id, command: input as PhoneCommandInput, at: entry.data.at }];
  });
}

export function saveOutbox(storage: KeyValueStore, key: string, pending: readonly PendingCommand[]): void {
  try {
    if (pending.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(pending));
  } catch {
    // Full or blocked: the outbox still lives in memory for this visit.
  }
}
