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
