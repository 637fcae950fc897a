import { describe, expect, it } from 'vitest';
import { phoneJoinUrl } from '../../shared/protocol/phone-join';
import { secretInFragment } from '../../shared/protocol/phone-wire';

describe('phoneJoinUrl: the address the phones’ QR code holds', () => {
  it('takes a room-network address over the laptop’s loopback, whatever their order', () => {
    expect(phoneJoinUrl(['ws://127.0.0.1:4444', 'ws://192.168.1.20:4444'], 'K7QF2MXD9PAW')).toBe('http://192.168.1.20:4444/p/#K7QF2MXD9PAW');
    expect(phoneJoinUrl(['ws://localhost:4444', 'ws://[::1]:4444', 'ws://10.0.0.5:4444'], 'K7QF2MXD9PAW')).toBe('http://10.0.0.5:4444/p/#K7QF2MXD9PAW');
  });

  it('keeps the host’s order among room-network addresses, and a venue server’s wss as https', () => {
    expect(phoneJoinUrl(['ws://192.168.1.20:4444', 'ws://10.0.0.5:4444'], 'ABC')).toBe('http://192.168.1.20:4444/p/#ABC');
    expect(phoneJoinUrl(['wss://venue.example:443'], 'ABC')).toBe('https://venue.example:443/p/#ABC');
  });

  it('uses the loopback only when there is nothing else (one machine, a test)', () => {
    expect(phoneJoinUrl(['ws://127.0.0.1:4444'], 'ABC')).toBe('http://127.0.0.1:4444/p/#ABC');
  });

  it('gives null when no address is a signaling URL, and skips one that is not', () => {
    expect(phoneJoinUrl([], 'ABC')).toBeNull();
    expect(phoneJoinUrl(['not an address'], 'ABC')).toBeNull();
    expect(phoneJoinUrl(['garbage', 'ws://192.168.1.20:4444'], 'ABC')).toBe('http://192.168.1.20:4444/p/#ABC');
  });

  it('round-trips the secret through the page’s fragment', () => {
    const url = phoneJoinUrl(['ws://192.168.1.20:4444'], 'K7QF 2MXD') ?? '';
    expect(secretInFragment(new URL(url).hash)).toBe('K7QF 2MXD');
  });
});
