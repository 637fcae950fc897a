import { describe, expect, it } from 'vitest';
import { encodeInvite, parseInvite, parseJoinInput, signalingUrl, type Invite } from '../../shared/protocol/invite';
import { newJoinSecret } from '../../shared/protocol/join-secret';

const room = '3f2b8c1e-4a5d-4e6f-9a0b-1c2d3e4f5a6b';
const invite: Invite = { addresses: ['ws://192.168.1.5:4444', 'ws://moderator.local:4444'], room, secret: 'ABCDEFGHJKMN' };

/** A valid invite text with one parameter replaced (or removed when `value` is null). */
function withParam(key: string, value: string | null): string {
  const params = ['v=1', 'a=ws%3A%2F%2F10.0.0.2%3A4444', `r=${room}`, 's=ABCDEFGHJKMN']
    .filter((part) => value !== null || !part.startsWith(`${key}=`))
    .map((part) => (part.startsWith(`${key}=`) ? `${key}=${value}` : part));
  return `plenum:join?${params.join('&')}`;
}

describe('encoding an invite', () => {
  it('writes the documented line of text', () => {
    expect(encodeInvite(invite)).toBe(
      `plenum:join?v=1&a=ws%3A%2F%2F192.168.1.5%3A4444,ws%3A%2F%2Fmoderator.local%3A4444&r=${room}&s=ABCDEFGHJKMN`,
    );
  });

  it('normalises the secret and the addresses it is given', () => {
    const text = encodeInvite({ addresses: ['WS://Moderator.Local:4444/'], room, secret: 'abcd-efgh-jkmn' });
    expect(parseInvite(text)).toEqual({ ok: true, value: { addresses: ['ws://moderator.local:4444'], room, secret: 'ABCDEFGHJKMN' } });
  });

  it('throws on an invite it could not parse again', () => {
    expect(() => encodeInvite({ ...invite, addresses: [] })).toThrow();
    expect(() => encodeInvite({ ...invite, secret: 'short' })).toThrow();
    expect(() => encodeInvite({ ...invite, room: 'w#1' })).toThrow();
  });
});

describe('parsing an invite', () => {
  it('round-trips what encodeInvite wrote', () => {
    expect(parseInvite(encodeInvite(invite))).toEqual({ ok: true, value: invite });
  });

  it('round-trips random secrets, eight addresses, IPv6, wss with a path and default ports', () => {
    const many: Invite = {
      addresses: [
        'ws://10.0.0.1:4444',
        'ws://[fe80::1]:4444',
        'wss://venue.example:443/plenum',
        'ws://host-a:80',
        'ws://host-b:1',
        'ws://host-c:65535',
        'ws://10.0.0.7:4444/a,b',
        'wss://x.example:8443',
      ],
      room,
      secret: newJoinSecret(),
    };
    expect(parseInvite(encodeInvite(many))).toEqual({ ok: true, value: many });
  });

  it('accepts surrounding whitespace, a grouped secret, any case of the scheme and unknown parameters', () => {
    const text = `  PLENUM:JOIN?v=1&a=ws%3A%2F%2F10.0.0.2%3A4444&r=${room}&s=abcd-efgh-jkmn&name=Town%20hall&\n`;
    expect(parseInvite(text)).toEqual({ ok: true, value: { addresses: ['ws://10.0.0.2:4444'], room, secret: 'ABCDEFGHJKMN' } });
  });

  it.each([
    ['2', 'a newer format'],
    ['0', 'a format that never existed'],
    ['10', 'a much newer format'],
  ])('says invite.version for v=%s (%s)', (version) => {
    expect(parseInvite(withParam('v', version))).toEqual({ ok: false, error: 'invite.version' });
  });

  it('says invite.version before looking at fields a newer format may have changed', () => {
    expect(parseInvite('plenum:join?v=2&x=whatever')).toEqual({ ok: false, error: 'invite.version' });
  });

  it.each([
    ['', 'empty text'],
    ['ABCD-EFGH-JKMN', 'a bare code'],
    ['https://example.com/?v=1', 'another scheme'],
    ['plenum:join', 'no query'],
    ['plenum:leave?v=1', 'another action'],
    [withParam('v', null), 'no version'],
    [withParam('v', 'one'), 'a version that is not a number'],
    [withParam('v', '1.0'), 'a fractional version'],
    [withParam('a', null), 'no address'],
    [withParam('a', ''), 'an empty address'],
    [withParam('a', 'http%3A%2F%2F10.0.0.2%3A4444'), 'an http address'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2'), 'an address without port'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2%3A0'), 'port 0'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2%3A65536'), 'a port above 65535'],
    [withParam('a', 'ws%3A%2F%2F%3A4444'), 'an address without host'],
    [withParam('a', 'ws%3A%2F%2Fuser%3Apw%4010.0.0.2%3A4444'), 'credentials'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2%3A4444%2F%3Fx%3D1'), 'a query'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2%3A4444%2F%23x'), 'a fragment'],
    [withParam('a', 'ws%3A%2F%2F10.0.0.2%3A4444,'), 'an empty address after a comma'],
    [withParam('a', Array.from({ length: 9 }, (_, i) => `ws%3A%2F%2F10.0.0.${i}%3A4444`).join(',')), 'nine addresses'],
    [withParam('a', `ws%3A%2F%2F${'h'.repeat(300)}%3A4444`), 'an address over 300 characters'],
    [withParam('a', '%E0%A4%A'), 'broken percent-encoding'],
    [withParam('r', null), 'no room'],
    [withParam('r', ''), 'an empty room'],
    [withParam('r', 'a'.repeat(101)), 'a room over 100 characters'],
    [withParam('r', 'w%231'), "a room with '#'"],
    [withParam('r', 'w%201'), 'a room with a space'],
    [withParam('s', null), 'no secret'],
    [withParam('s', 'ABCDEFGHJKM'), 'a short secret'],
    [withParam('s', 'ABCDEFGHJKMU'), "a secret with 'U'"],
    [`${withParam('s', 'ABCDEFGHJKMN')}&s=ABCDEFGHJKMP`, 'a parameter given twice'],
    [`${withParam('v', '1')}&=x`, 'a parameter without name'],
    [`${withParam('v', '1')}&flag`, 'a parameter without value'],
    [`${withParam('v', '1')}&pad=${'x'.repeat(4000)}`, 'text over 4,000 characters'],
  ])('says invite.invalid for %j (%s)', (text) => {
    expect(parseInvite(text)).toEqual({ ok: false, error: 'invite.invalid' });
  });
});

describe('signaling addresses', () => {
  it.each([
    ['ws://192.168.1.5:4444', 'ws://192.168.1.5:4444'],
    ['ws://192.168.1.5:4444/', 'ws://192.168.1.5:4444'],
    ['WSS://Venue.Example:443/Plenum', 'wss://venue.example:443/Plenum'],
    ['ws://h:80', 'ws://h:80'],
    ['ws://h:04444', 'ws://h:4444'],
  ])('writes %s as %s', (raw, canonical) => {
    expect(signalingUrl(raw)).toBe(canonical);
  });

  it.each(['ws://h', 'ws://h:', 'ws://h:abc', 'ftp://h:21', 'ws://h:4444?', 'ws://h:4444#', 'not a url'])('refuses %j', (raw) => {
    expect(signalingUrl(raw)).toBeNull();
  });
});

describe('reading the join form', () => {
  it.each([
    ['192.168.1.5:4444', 'ws://192.168.1.5:4444'],
    ['  192.168.1.5:4444 ', 'ws://192.168.1.5:4444'],
    ['ws://192.168.1.5:4444', 'ws://192.168.1.5:4444'],
    ['wss://venue.example:443', 'wss://venue.example:443'],
    ['192.168.1.5', 'ws://192.168.1.5:4444'],
    ['moderator.local', 'ws://moderator.local:4444'],
    ['Moderator-Laptop', 'ws://moderator-laptop:4444'],
    ['moderator.local:5000', 'ws://moderator.local:5000'],
    ['[fe80::1]:4444', 'ws://[fe80::1]:4444'],
    ['[fe80::1]', 'ws://[fe80::1]:4444'],
    ['localhost/plenum', 'ws://localhost:4444/plenum'],
  ])('reads the address %j as %s', (address, url) => {
    expect(parseJoinInput(address, 'abcd-efgh-jkmn')).toEqual({ ok: true, value: { address: url, secret: 'ABCDEFGHJKMN' } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['http://192.168.1.5:4444', 'an http URL'],
    ['ws://192.168.1.5', 'a ws URL without port (written as a URL, it must be complete)'],
    ['192.168.1.5:', 'a colon without port'],
    ['192.168.1.5:99999', 'a port above 65535'],
    ['192.168.1.5:abc', 'a port that is not a number'],
    ['fe80::1', 'IPv6 without brackets'],
    ['user@192.168.1.5:4444', 'credentials'],
    ['192.168.1.5:4444?x=1', 'a query'],
    ['two words', 'a space'],
  ])('says address.invalid for %j (%s)', (address) => {
    expect(parseJoinInput(address, 'ABCD-EFGH-JKMN')).toEqual({ ok: false, error: 'address.invalid' });
  });

  it.each(['', 'ABCD-EFGH', 'ABCD-EFGH-JKMU', 'ABCD-EFGH-JKMN-P'])('says code.invalid for the code %j', (code) => {
    expect(parseJoinInput('192.168.1.5:4444', code)).toEqual({ ok: false, error: 'code.invalid' });
  });

  it('names the address first when both fields are wrong', () => {
    expect(parseJoinInput('', '')).toEqual({ ok: false, error: 'address.invalid' });
  });
});
