import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { isIPv4 } from 'node:net';
import { Bonjour } from 'bonjour-service';
import { z } from 'zod';

// mDNS (Bonjour) announcement and browsing of hosted sessions. A convenience only: many venue networks drop
// multicast, and the join code works without it. So nothing here throws into the app: a failure is an empty list.
// The advert says that a Plenum session is here and how it is called; never which workshop or its secret.

/** DNS-SD service type: `_plenum._tcp.local`. */
export const SERVICE_TYPE = 'plenum';
const TXT_VERSION = '1';
/** 60 characters of at most 4 UTF-8 bytes each, plus `name=`, fit a TXT string (255 bytes). */
const MAX_NAME_LENGTH = 60;
/** mDNS answers are not repeated unprompted: ask again this often, and drop services whose TTL ran out. */
const REQUERY_MS = 10_000;
/** Goodbye packets are courtesy: stopping never waits longer than this. */
const STOP_TIMEOUT_MS = 1_000;

export type DiscoveredSession = { name: string; host: string; addresses: string[]; port: number };
export type SessionAdvert = { stop(): Promise<void> };
export type SessionBrowser = { stop(): void };

/** The parts of bonjour-service this module uses; tests pass a fake. */
export type MdnsBrowser = Pick<EventEmitter, 'on'> & { readonly services: readonly unknown[]; update(): void; expire(): void; stop(): void };
export type MdnsService = Pick<EventEmitter, 'on'>;
export type MdnsClient = {
  publish(config: { name: string; type: string; port: number; txt: Record<string, string>; disableIPv6: boolean }): MdnsService;
  find(config: { type: string; protocol: 'tcp' }): MdnsBrowser;
  unpublishAll(callback: () => void): void;
  destroy(callback?: () => void): void;
};
export type CreateMdnsClient = (onError: (error: unknown) => void) => MdnsClient;

/** Strips control characters and trims; what is shown in the list and sent in the advert. */
export function cleanDisplayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return [...printable].slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** The TXT record of an advert: a version and the display name, nothing else. */
export function advertTxt(displayName: string): Record<string, string> {
  return { v: TXT_VERSION, name: cleanDisplayName(displayName) || 'Plenum' };
}

const discoveredService = z.object({
  name: z.string(),
  host: z.string().max(255),
  port: z.number().int().min(1).max(65_535),
  addresses: z.array(z.string()).catch([]),
  referer: z.object({ address: z.string() }).optional().catch(undefined),
  txt: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** The address a signaling client can use: IPv4 (the server binds 0.0.0.0), not link-local. */
const usable = (address: string) => isIPv4(address) && !address.startsWith('169.254.');

/**
 * Maps one service record from the network to a list entry, or null when it is not a Plenum session of a version
 * this app speaks, or has no usable address. The address the answer came from goes first: it is known to reach us.
 */
export function sessionFromService(service: unknown): DiscoveredSession | null {
  const parsed = discoveredService.safeParse(service);
  if (!parsed.success) return null;
  const { host, port, addresses, referer, txt } = parsed.data;
  if (txt?.v !== TXT_VERSION) return null;
  const candidates = [referer?.address ?? '', ...addresses].filter(usable);
  if (candidates.length === 0) return null;
  const name = cleanDisplayName(typeof txt.name === 'string' ? txt.name : '') || host.replace(/\.local\.?$/, '');
  return { name, host, addresses: [...new Set(candidates)], port };
}

/** Entries of every Plenum session in a browser's list, sorted by name then host, each once. */
export function sessionsFromServices(services: readonly unknown[]): DiscoveredSession[] {
  const sessions = services.map(sessionFromService).filter((session): session is DiscoveredSession => session !== null);
  return sessions.sort((a, b) => a.name.localeCompare(b.name) || a.host.localeCompare(b.host));
}

const createBonjour: CreateMdnsClient = (onError) => {
  const bonjour = new Bonjour({}, onError);
  // multicast-dns emits 'error' when it cannot bind port 5353; an 'error' event without a listener would crash main.
  const mdns = (bonjour as unknown as { server?: { mdns?: EventEmitter } }).server?.mdns;
  mdns?.on('error', onError);
  mdns?.on('warning', () => undefined);
  return bonjour as unknown as MdnsClient;
};

function shutDown(client: MdnsClient | null, goodbye: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (!client) return resolve();
    const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const destroy = () => {
      try {
        client.destroy(done);
      } catch {
        done();
      }
    };
    try {
      if (goodbye) client.unpublishAll(destroy);
      else destroy();
    } catch {
      destroy();
    }
  });
}

/**
 * Announces a hosted session on the LAN. The instance name is random, so two moderators never collide and the
 * name says nothing; the display name travels in TXT. Never throws; on failure the advert is simply absent.
 */
export function advertiseSession(session: { name: string; port: number }, create: CreateMdnsClient = createBonjour): SessionAdvert {
  let client: MdnsClient | null = null;
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= shutDown(client, true));
  try {
    client = create(() => void stop());
    const service = client.publish({
      name: `plenum-${randomBytes(4).toString('hex')}`,
      type: SERVICE_TYPE,
      port: session.port,
      txt: advertTxt(session.name),
      disableIPv6: true,
    });
    service.on('error', () => void stop());
  } catch {
    void stop();
  }
  return { stop };
}

/**
 * Browses for sessions; `onChange` gets the whole current list on every change. An error stops browsing and
 * reports an empty list. Never throws.
 */
export function browseSessions(onChange: (sessions: DiscoveredSession[]) => void, create: CreateMdnsClient = createBonjour): SessionBrowser {
  let client: MdnsClient | null = null;
  let browser: MdnsBrowser | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const report = (sessions: DiscoveredSession[]) => {
    try {
      onChange(sessions);
    } catch {
      // The listener's problem; discovery carries on.
    }
  };
  const publish = () => {
    if (!stopped && browser) report(sessionsFromServices(browser.services));
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    try {
      browser?.stop();
    } catch {
      // Already stopped.
    }
    void shutDown(client, false);
  };
  const fail = () => {
    if (stopped) return;
    stop();
    report([]);
  };

  try {
    client = create(fail);
    browser = client.find({ type: SERVICE_TYPE, protocol: 'tcp' });
    for (const event of ['up', 'down', 'txt-update', 'srv-update']) browser.on(event, publish);
    timer = setInterval(() => {
      try {
        browser?.expire();
        browser?.update();
      } catch {
        fail();
      }
    }, REQUERY_MS);
    timer.unref();
  } catch {
    fail();
  }
  return { stop };
}
