import { describe, expect, it } from 'vitest';
import { hostNotice, serverGone } from '../../renderer/network/host-notice';
import type { SyncStatus } from '../../renderer/network/peer-sync';

/*
 * What a table laptop's header and connection tab say about the moderator's laptop. The presence
 * behind `host` is checked end to end in tests/e2e/presence.both.spec.ts; this is the rule on top.
 */

const status = (over: Partial<SyncStatus>): SyncStatus => ({ state: 'connected', servers: 1, directPeers: 0, relayPeers: 0, path: 'none', refused: null, host: 'present', ...over });

describe('hostNotice', () => {
  it('says a gone moderator on a table, also while other tables are reached or the server is being reconnected', () => {
    expect(hostNotice('table', status({ host: 'gone' }))).toBe('gone');
    expect(hostNotice('table', status({ host: 'gone', directPeers: 2, path: 'direct' }))).toBe('gone');
    expect(hostNotice('table', status({ host: 'gone', state: 'reconnecting', servers: 0 }))).toBe('gone');
  });

  it('waits for the moderator, not for tables, on a table that has not seen it and reaches nobody', () => {
    expect(hostNotice('table', status({ host: 'awaited' }))).toBe('awaited');
    // While a join settles the host's presence may come a moment after its connection: no notice then.
    expect(hostNotice('table', status({ host: 'awaited', directPeers: 1, path: 'direct' }))).toBeNull();
  });

  it('says nothing when the moderator is there, on the moderator itself, or offline on purpose', () => {
    expect(hostNotice('table', status({ host: 'present' }))).toBeNull();
    expect(hostNotice('host', status({ host: 'gone' }))).toBeNull();
    expect(hostNotice('table', status({ host: 'gone', state: 'offline', servers: 0 }))).toBeNull();
    expect(hostNotice('table', status({ host: 'awaited', state: 'connecting', servers: 0 }))).toBeNull();
  });
});

describe('serverGone', () => {
  it("tells the moderator's laptop when it counts as connected only through tables it reaches directly", () => {
    expect(serverGone('host', status({ servers: 0, directPeers: 1, path: 'direct' }))).toBe(true);
    expect(serverGone('host', status({ servers: 1, directPeers: 1, path: 'direct' }))).toBe(false);
    // Reconnecting or offline says so itself; a refusal has its own words; a table has the host's notice.
    expect(serverGone('host', status({ servers: 0, state: 'reconnecting' }))).toBe(false);
    expect(serverGone('host', status({ servers: 0, state: 'offline' }))).toBe(false);
    expect(serverGone('table', status({ servers: 0, directPeers: 1, path: 'direct' }))).toBe(false);
  });
});
