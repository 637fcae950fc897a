import type { SyncStatus } from './peer-sync';

/**
 * What a table laptop has to know about the moderator's laptop, or null when nothing is amiss.
 * 'gone' outweighs a working connection to the server or to other tables: those do not bring the
 * moderator back. 'awaited' only stands in for "waiting for tables", which a table never waits for.
 * One rule for the header's chip and the connection tab, so the two never disagree.
 */
export function hostNotice(role: 'host' | 'table', status: SyncStatus): 'gone' | 'awaited' | null {
  if (role !== 'table') return null;
  if (status.host === 'gone' && (status.state === 'connected' || status.state === 'reconnecting')) return 'gone';
  if (status.host === 'awaited' && status.state === 'connected' && status.directPeers + status.relayPeers === 0) return 'awaited';
  return null;
}

/**
 * Whether the moderator's laptop should be told its signaling server is gone while it still counts
 * as connected through tables it reaches directly: those tables keep working, but no phone and no
 * new table can join until the server is back, and the join code and QR codes on the screen say
 * nothing of that (QA: "1 Laptop · direkt", "Verbunden" through a 50-s outage).
 */
export function serverGone(role: 'host' | 'table', status: SyncStatus): boolean {
  return role === 'host' && status.state === 'connected' && status.servers === 0 && status.refused === null;
}
