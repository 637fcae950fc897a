import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';

/*
 * How fast the room notices a laptop that went away. A laptop that closes or goes offline says
 * goodbye on every path at once (peer-sync.ts, relay.ts). One that vanishes without a word (a
 * crash, the Wi-Fi gone) is noticed by its silence: every laptop renews its presence every
 * HEARTBEAT_MS over WebRTC and the relay, and one not heard for PRESENCE_TIMEOUT_MS (about three
 * renewals missed) is dropped from the count, its presence and its WebRTC connection.
 * y-protocols' own timeout (30 s) is too slow for a moderator counting tables.
 */
export const HEARTBEAT_MS = 3000;
export const PRESENCE_TIMEOUT_MS = 10_000;
/** Presence and connections are checked this often, so a silent laptop goes within a second of the timeout. */
export const PRESENCE_CHECK_MS = 1000;

/**
 * Renews this laptop's own presence once HEARTBEAT_MS have passed since its last change, and
 * drops the presence of other laptops not heard for PRESENCE_TIMEOUT_MS. The drop is local
 * (`origin`): others judge for themselves, from what they hear.
 */
export function keepPresence(awareness: Awareness, now: number, origin: unknown): void {
  const own = awareness.getLocalState();
  const ownMeta = awareness.meta.get(awareness.clientID);
  if (own !== null && (!ownMeta || now - ownMeta.lastUpdated >= HEARTBEAT_MS)) awareness.setLocalState(own);
  const silent: number[] = [];
  for (const [client, meta] of awareness.meta) {
    if (client !== awareness.clientID && awareness.states.has(client) && now - meta.lastUpdated >= PRESENCE_TIMEOUT_MS) silent.push(client);
  }
  if (silent.length > 0) removeAwarenessStates(awareness, silent, origin);
}
