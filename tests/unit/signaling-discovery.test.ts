import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  SERVICE_TYPE,
  advertTxt,
  advertiseSession,
  browseSessions,
  cleanDisplayName,
  sessionFromService,
  sessionsFromServices,
  type CreateMdnsClient,
  type DiscoveredSession,
  type MdnsClient,
} from '../../electron/services/discovery';

// No multicast here: the record → entry mapping is pure, and the mDNS client is replaced by a fake.

/** What bonjour-service's Browser hands out for a service it heard. */
const heard = (overrides: Record<string, unknown> = {}) => ({
  name: 'plenum-1a2b3c4d',
  type: 'plenum',
  protocol: 'tcp',
  host: 'moderator-laptop.local',
  fqdn: 'plenum-1a2b3c4d._plenum._tcp.local',
  port: 4444,
  addresses: ['fe80::1', '192.168.1.20', '169.254.3.4', '10.0.0.5'],
  referer: { address: '192.168.1.20', family: 'IPv4', port: 5353, size: 200 },
  txt: { v: '1', name: 'Energy workshop — Kyiv' },
  subtypes: [],
  ...overrides,
});

describe('sessionFromService', () => {
  it('maps a Plenum service to a list entry, usable IPv4 addresses only, the answering address first', () => {
    expect(sessionFromService(heard())).toEqual({
      name: 'Energy workshop — Kyiv',
      host: 'moderator-laptop.local',
      addresses: ['192.168.1.20', '10.0.0.5'],
      port: 4444,
    });
    expect(sessionFromService(heard({ referer: { address: '10.0.0.5' } }))?.addresses).toEqual(['10.0.0.5', '192.168.1.20']);
    expect(sessionFromService(heard({ referer: undefined }))?.addresses).toEqual(['192.168.1.20', '10.0.0.5']);
  });

  it.each<[string, unknown]>([
    ['another TXT version', heard({ txt: { v: '2', name: 'x' } })],
    ['no TXT version', heard({ txt: { name: 'x' } })],
    ['no TXT at all', heard({ txt: undefined })],
    ['no usable address', heard({ addresses: ['fe80::1', '169.254.1.1'], referer: { address: 'fe80::1' } })],
    ['no port', heard({ port: undefined })],
    ['a port out of range', heard({ port: 70_000 })],
    ['a host that is not a string', heard({ host: 42 })],
    ['null', null],
    ['a string', 'plenum'],
    ['an empty object', {}],
  ])('ignores %s', (_name, service) => {
    expect(sessionFromService(service)).toBeNull();
  });

  it('falls back to the host name when the display name is missing or blank, and cleans it', () => {
    expect(sessionFromService(heard({ txt: { v: '1' } }))?.name).toBe('moderator-laptop');
    expect(sessionFromService(heard({ txt: { v: '1', name: '  \u0007 ' } }))?.name).toBe('moderator-laptop');
    expect(sessionFromService(heard({ txt: { v: '1', name: 'Table\n2\u0000' } }))?.name).toBe('Table 2');
  });

  it('lists sessions sorted by name, skipping the ones that do not fit', () => {
    const sessions = sessionsFromServices([heard({ txt: { v: '1', name: 'B' } }), 'junk', heard({ txt: { v: '1', name: 'A' } })]);
    expect(sessions.map((session) => session.name)).toEqual(['A', 'B']);
  });
});

describe('advert', () => {
  it('holds only the version and the display name, cut to 60 characters', () => {
    expect(advertTxt('Workshop on war-risk insurance')).toEqual({ v: '1', name: 'Workshop on war-risk insurance' });
    expect(advertTxt('')).toEqual({ v: '1', name: 'Plenum' });
    const long = advertTxt('Ü'.repeat(100) + '😀'.repeat(100));
    expect([...(long.name ?? '')]).toHaveLength(60);
    expect(Buffer.byteLength(`name=${cleanDisplayName('😀'.repeat(100))}`)).toBeLessThanOrEqual(255);
  });
});

class FakeBrowser extends EventEmitter {
  services: unknown[] = [];
  update = vi.fn();
  expire = vi.fn();
  stop = vi.fn();
}

function fakeMdns() {
  const browser = new FakeBrowser();
  let reportError: (error: unknown) => void = () => undefined;
  const client = {
    publish: vi.fn<MdnsClient['publish']>(() => new EventEmitter()),
    find: vi.fn<MdnsClient['find']>(() => browser),
    unpublishAll: vi.fn<MdnsClient['unpublishAll']>((callback) => callback()),
    destroy: vi.fn<MdnsClient['destroy']>((callback) => callback?.()),
  } satisfies MdnsClient;
  const create: CreateMdnsClient = (onError) => {
    reportError = onError;
    return client;
  };
  return { browser, client, create, fail: (error: unknown) => reportError(error) };
}

describe('advertiseSession', () => {
  it('publishes a _plenum._tcp service under a random name, and says goodbye on stop', async () => {
    const mdns = fakeMdns();
    const advert = advertiseSession({ name: 'Moderator', port: 4555 }, mdns.create);
    const config = mdns.client.publish.mock.calls[0]?.[0];
    expect(config).toMatchObject({ type: SERVICE_TYPE, port: 4555, txt: { v: '1', name: 'Moderator' } });
    expect(Object.keys(config?.txt ?? {}).sort()).toEqual(['name', 'v']);
    expect(config?.name).toMatch(/^plenum-[0-9a-f]{8}$/);
    await advert.stop();
    await advert.stop();
    expect(mdns.client.unpublishAll).toHaveBeenCalledTimes(1);
    expect(mdns.client.destroy).toHaveBeenCalledTimes(1);
  });

  it('never throws: a failing mDNS client gives an advert that stops at once', async () => {
    const advert = advertiseSession({ name: 'x', port: 4444 }, () => {
      throw new Error('EADDRINUSE 5353');
    });
    await expect(advert.stop()).resolves.toBeUndefined();
  });

  it('stops even when the goodbye never completes', async () => {
    vi.useFakeTimers();
    try {
      const mdns = fakeMdns();
      mdns.client.unpublishAll.mockImplementation(() => undefined);
      const stopping = advertiseSession({ name: 'x', port: 4444 }, mdns.create).stop();
      await vi.advanceTimersByTimeAsync(1000);
      await expect(stopping).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('browseSessions', () => {
  it('reports the whole list on every change, and stops browsing on stop', () => {
    const mdns = fakeMdns();
    const lists: DiscoveredSession[][] = [];
    const browsing = browseSessions((sessions) => lists.push(sessions), mdns.create);
    expect(mdns.client.find).toHaveBeenCalledWith({ type: 'plenum', protocol: 'tcp' });
    mdns.browser.services = [heard()];
    mdns.browser.emit('up', heard());
    mdns.browser.services = [];
    mdns.browser.emit('down', heard());
    expect(lists.map((list) => list.length)).toEqual([1, 0]);
    browsing.stop();
    expect(mdns.browser.stop).toHaveBeenCalled();
    expect(mdns.client.destroy).toHaveBeenCalled();
  });

  it('turns an mDNS error into an empty list, and a failing start into an empty list without throwing', () => {
    const mdns = fakeMdns();
    const lists: DiscoveredSession[][] = [];
    browseSessions((sessions) => lists.push(sessions), mdns.create);
    mdns.fail(new Error('EACCES'));
    expect(lists).toEqual([[]]);
    expect(mdns.browser.stop).toHaveBeenCalled();

    const onChange = vi.fn();
    expect(() =>
      browseSessions(onChange, () => {
        throw new Error('no multicast');
      }).stop(),
    ).not.toThrow();
    expect(onChange).toHaveBeenCalledWith([]);
  });

  it('keeps going when the listener throws', () => {
    const mdns = fakeMdns();
    browseSessions(() => {
      throw new Error('listener bug');
    }, mdns.create);
    mdns.browser.services = [heard()];
    expect(() => mdns.browser.emit('up', heard())).not.toThrow();
  });
});
