import type { HostOutput } from '../../shared/host-api';
import { browseSessions, type DiscoveredSession, type SessionBrowser } from './discovery';
import { signalingUrl } from './lan-addresses';

// The sessions hosted on the LAN, for the join screen (`discovery:list`). Plain Node; electron/ipc.ts wires it in.

export type DiscoveryList = {
  list(): Promise<HostOutput<'discovery:list'>>;
  stop(): void;
};

/**
 * Browses for sessions while someone asks: the first call starts browsing and waits briefly for answers, later calls
 * answer from the live list, and browsing stops after a minute without calls (the join screen polls while open).
 */
export function createDiscoveryList(
  browse: (onChange: (sessions: DiscoveredSession[]) => void) => SessionBrowser = (onChange) => browseSessions(onChange),
  { firstWaitMs = 1500, idleMs = 60_000 } = {},
): DiscoveryList {
  let browser: SessionBrowser | null = null;
  let warmedUp: Promise<void> = Promise.resolve();
  let sessions: DiscoveredSession[] = [];
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(idle);
    browser?.stop();
    browser = null;
    sessions = [];
  };
  return {
    async list() {
      if (!browser) {
        browser = browse((next) => {
          sessions = next;
        });
        warmedUp = new Promise((resolve) => setTimeout(resolve, firstWaitMs));
      }
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
      idle.unref();
      await warmedUp;
      return {
        sessions: sessions.map((session) => ({
          name: session.name.slice(0, 200),
          addresses: session.addresses.map((address) => signalingUrl(address, session.port)),
        })),
      };
    },
    stop,
  };
}
