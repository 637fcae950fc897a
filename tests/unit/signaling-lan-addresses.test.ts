import { describe, expect, it } from 'vitest';
import { lanAddresses, signalingUrl, type InterfaceTable } from '../../electron/services/lan-addresses';

const v4 = (address: string, internal = false) => ({ address, family: 'IPv4', internal });
const v6 = (address: string, internal = false) => ({ address, family: 'IPv6', internal });

describe('lanAddresses', () => {
  it('lists non-internal IPv4 addresses in system order, leaving out loopback, link-local and IPv6', () => {
    const table: InterfaceTable = {
      lo: [v4('127.0.0.1', true), v6('::1', true)],
      wlp2s0: [v4('192.168.178.23'), v6('fe80::1'), v6('2001:db8::5')],
      enp0s31f6: [v4('169.254.10.2'), v4('10.20.0.7')],
    };
    expect(lanAddresses(table)).toEqual(['192.168.178.23', '10.20.0.7']);
  });

  it('puts container, VM and VPN bridges last', () => {
    const table: InterfaceTable = {
      docker0: [v4('172.17.0.1')],
      'br-5f2a': [v4('172.18.0.1')],
      veth12ab: [v4('172.19.0.1')],
      virbr0: [v4('192.168.122.1')],
      'vEthernet (WSL)': [v4('172.30.0.1')],
      tailscale0: [v4('100.101.102.103')],
      wlan0: [v4('192.168.1.50')],
      en0: [v4('10.0.0.2')],
    };
    expect(lanAddresses(table)).toEqual([
      '192.168.1.50',
      '10.0.0.2',
      '172.17.0.1',
      '172.18.0.1',
      '172.19.0.1',
      '192.168.122.1',
      '172.30.0.1',
      '100.101.102.103',
    ]);
  });

  it('puts VPN adapters named by product (Windows) and overlay addresses (100.64/10) last', () => {
    const table: InterfaceTable = {
      'OpenVPN TAP-Windows6': [v4('10.8.0.6')],
      ProtonVPN: [v4('10.2.0.2')],
      NordLynx: [v4('10.5.0.2')],
      'VirtualBox Host-Only Network': [v4('192.168.56.1')],
      'Ethernet 3': [v4('100.88.12.4')],
      'WLAN': [v4('192.168.0.42')],
      Ethernet: [v4('100.63.255.1'), v4('100.128.0.1')],
    };
    expect(lanAddresses(table)).toEqual(['192.168.0.42', '100.63.255.1', '100.128.0.1', '10.8.0.6', '10.2.0.2', '10.5.0.2', '192.168.56.1', '100.88.12.4']);
  });

  it('accepts the numeric family of Node 18.0–18.3, missing entries and duplicates', () => {
    const table: InterfaceTable = {
      eth0: [{ address: '192.168.0.9', family: 4, internal: false }, { address: 'fd00::9', family: 6, internal: false }],
      eth0alias: [v4('192.168.0.9')],
      gone: undefined,
    };
    expect(lanAddresses(table)).toEqual(['192.168.0.9']);
  });

  it('is empty on a machine with loopback only', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
    expect(lanAddresses({})).toEqual([]);
  });
});

describe('signalingUrl', () => {
  it('formats IPv4 plainly and IPv6 in brackets', () => {
    expect(signalingUrl('192.168.1.5', 4444)).toBe('ws://192.168.1.5:4444');
    expect(signalingUrl('fd00::2', 4444)).toBe('ws://[fd00::2]:4444');
  });
});
