import { describe, expect, it } from 'vitest';
import {
  hostResult,
  hostResultMessage,
  joinResult,
  joinResultMessage,
  MAX_TOPIC_LENGTH,
  plenumReply,
  plenumRequest,
  signalingRequest,
} from '../../shared/protocol/signaling';

const verifier = 'v'.repeat(43);

describe('the signaling messages', () => {
  it('reads every Plenum request and y-webrtc message the server accepts', () => {
    for (const message of [
      { type: 'plenum-host', room: 'workshop-1', verifier },
      { type: 'plenum-join-check', verifier },
      { type: 'plenum-time', id: 7 },
    ]) {
      expect(plenumRequest.parse(message)).toEqual(message);
      expect(signalingRequest.parse(message)).toEqual(message);
    }
    expect(signalingRequest.parse({ type: 'publish', topic: 't', data: { any: 'payload' } })).toEqual({ type: 'publish', topic: 't', data: { any: 'payload' } });
    expect(signalingRequest.parse({ type: 'subscribe', topics: ['a'] })).toEqual({ type: 'subscribe', topics: ['a'] });
  });

  it.each<[object, string]>([
    [{ type: 'plenum-host', room: '', verifier }, 'an empty room'],
    [{ type: 'plenum-host', room: 'r'.repeat(MAX_TOPIC_LENGTH + 1), verifier }, 'a room name over the topic limit'],
    [{ type: 'plenum-join-check', verifier: 'short' }, 'a verifier too short to be one'],
    [{ type: 'plenum-join-check', verifier: 'v'.repeat(129) }, 'a verifier too long'],
    [{ type: 'plenum-time', id: -1 }, 'a negative id'],
    [{ type: 'plenum-other' }, 'an unknown type'],
  ])('refuses %j (%s)', (message, _why) => {
    expect(signalingRequest.safeParse(message).success).toBe(false);
  });

  it('writes the answers exactly as the wire has them (key order included)', () => {
    expect(JSON.stringify(hostResultMessage(null))).toBe('{"type":"plenum-host-result","ok":true}');
    expect(JSON.stringify(hostResultMessage('room-taken'))).toBe('{"type":"plenum-host-result","ok":false,"reason":"room-taken"}');
    expect(JSON.stringify(joinResultMessage({ room: 'workshop-1' }))).toBe('{"type":"plenum-join-result","ok":true,"room":"workshop-1"}');
    expect(JSON.stringify(joinResultMessage({ room: undefined }))).toBe('{"type":"plenum-join-result","ok":false}');
    expect(JSON.stringify(joinResultMessage('rate-limited'))).toBe('{"type":"plenum-join-result","ok":false,"reason":"rate-limited"}');
  });

  it('reads back what it writes, and an unknown refusal of a join check as a wrong code', () => {
    expect(hostResult.parse(hostResultMessage('too-many-rooms'))).toEqual({ type: 'plenum-host-result', ok: false, reason: 'too-many-rooms' });
    expect(plenumReply.parse(joinResultMessage({ room: 'w' }))).toEqual({ type: 'plenum-join-result', ok: true, room: 'w' });
    expect(joinResult.parse({ type: 'plenum-join-result', ok: false, reason: 'something-new' })).toEqual({ type: 'plenum-join-result', ok: false, reason: undefined });
    // A room that is not an id would become a database key on the table laptop: no answer at all.
    for (const room of ['', '../w', 'w'.repeat(201), 'raum 1']) expect(joinResult.safeParse({ type: 'plenum-join-result', ok: true, room }).success).toBe(false);
    expect(plenumReply.parse({ type: 'plenum-time', id: 1, now: 1_700_000_000_000 })).toEqual({ type: 'plenum-time', id: 1, now: 1_700_000_000_000 });
  });
});
