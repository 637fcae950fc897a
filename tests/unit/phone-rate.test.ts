import { describe, expect, it } from 'vitest';
import { cardsSnapshot, PLENARY_BOARD_ID } from '../../shared/model';
import { createPhoneGate, fullBucket, PHONE_RATE, receivePhoneMessage, take, type PhoneReply } from '../../shared/phone';
import { phoneRoomFixture, T0 } from '../support/phone-room';

describe('the token bucket', () => {
  it('lets the burst through, then the rate, and refills with time', () => {
    let bucket = fullBucket(PHONE_RATE, T0);
    let allowed = 0;
    for (let index = 0; index < 100; index += 1) {
      const step = take(bucket, PHONE_RATE, T0);
      bucket = step.bucket;
      if (step.allowed) allowed += 1;
    }
    expect(allowed).toBe(PHONE_RATE.burst);
    expect(take(bucket, PHONE_RATE, T0 + 100).allowed).toBe(false);
    expect(take(bucket, PHONE_RATE, T0 + 1000 / PHONE_RATE.perSecond).allowed).toBe(true);
  });

  it('adds nothing when the clock goes back, and nothing for that time later', () => {
    const empty = { tokens: 0, at: T0 };
    const back = take(empty, PHONE_RATE, T0 - 60_000);
    expect(back.allowed).toBe(false);
    expect(take(back.bucket, PHONE_RATE, T0 + 100).allowed).toBe(false);
  });
});

describe('the gate of a room', () => {
  it('refuses a phone past the cap and takes a new one when an old one has long been silent', () => {
    const gate = createPhoneGate({ maxPhones: 3, idleMs: 60_000 });
    for (const key of ['a', 'b', 'c']) expect(gate.admit(key, T0, true)).toBe('ok');
    expect(gate.admit('d', T0 + 1000)).toBe('roomFull');
    // The known phones still pass.
    expect(gate.admit('a', T0 + 1000, true)).toBe('ok');
    expect(gate.admit('d', T0 + 60_500)).toBe('ok');
    expect(gate.size()).toBe(3);
  });

  it('gives a full room’s place to a newcomer at the cost of a phone that never said who it is, not of the room’s people', () => {
    const gate = createPhoneGate({ maxPhones: 3, idleMs: 60_000 });
    expect(gate.admit('anna', T0, true)).toBe('ok');
    expect(gate.admit('boris', T0, true)).toBe('ok');
    // A script inventing device ids: each takes the one unclaimed place in turn, never a claimed one.
    for (let index = 0; index < 50; index += 1) expect(gate.admit(`fake-${index}`, T0 + index)).toBe('ok');
    expect(gate.admit('anna', T0 + 100, true)).toBe('ok');
    expect(gate.admit('boris', T0 + 100, true)).toBe('ok');
    expect(gate.size()).toBe(3);
    // With only claimed phones left, a newcomer waits until one has long been silent.
    const full = createPhoneGate({ maxPhones: 2, idleMs: 60_000 });
    full.admit('anna', T0, true);
    full.admit('boris', T0, true);
    expect(full.admit('chris', T0 + 1000)).toBe('roomFull');
    expect(full.admit('chris', T0 + 61_000)).toBe('ok');
  });

  it('limits the whole room too, counting only what each phone’s own bucket let through', () => {
    const gate = createPhoneGate({ room: { perSecond: 1, burst: 5 } });
    const results = ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => gate.admit(key, T0));
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rateLimited']);
  });

  it('counts a phone as one of the room’s people once the document binds it to a participant', () => {
    const room = phoneRoomFixture();
    const gate = createPhoneGate({ maxPhones: 2 });
    const frame = (device: string, command: Record<string, unknown>) => JSON.stringify({ v: 1, device, command });
    receivePhoneMessage(room.doc, gate, frame('0a000000-0000-4000-8000-000000000001', { type: 'claim', id: 'a', participantId: room.anna.id }), T0);
    receivePhoneMessage(room.doc, gate, frame('0b000000-0000-4000-8000-000000000002', { type: 'claim', id: 'b', participantId: room.boris.id }), T0);
    // Both claimed (the next frame tells the gate): a newcomer finds the room full.
    receivePhoneMessage(room.doc, gate, frame('0a000000-0000-4000-8000-000000000001', { type: 'hello', id: 'a2' }), T0 + 1);
    receivePhoneMessage(room.doc, gate, frame('0b000000-0000-4000-8000-000000000002', { type: 'hello', id: 'b2' }), T0 + 1);
    expect(receivePhoneMessage(room.doc, gate, frame('0c000000-0000-4000-8000-000000000003', { type: 'hello', id: 'c' }), T0 + 2)).toMatchObject({ type: 'refused', code: 'roomFull' });
  });

  it('1,000 commands in a second from one phone: refused after its burst, and the other phones are not slowed', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const gate = createPhoneGate();
    const frame = (device: string, command: Record<string, unknown>) => JSON.stringify({ v: 1, device, command });
    const flooder = 'f100d000-0000-4000-8000-000000000001';
    const others = ['0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003'];
    receivePhoneMessage(room.doc, gate, frame(flooder, { type: 'claim', id: 'f0', participantId: room.boris.id }), T0);
    others.forEach((device, index) => receivePhoneMessage(room.doc, gate, frame(device, { type: 'claim', id: 'o0', participantId: [room.anna.id, room.chris.id][index] }), T0));
    const replies: Array<PhoneReply | null> = [];
    let othersRefused = 0;
    for (let index = 0; index < 1000; index += 1) {
      const now = T0 + index; // a thousand within one second
      replies.push(receivePhoneMessage(room.doc, gate, frame(flooder, { type: 'addCard', id: `f${index + 1}`, boardId: PLENARY_BOARD_ID, text: `Flut ${index}` }), now));
      if (index % 100 === 0) {
        for (const device of others) {
          const reply = receivePhoneMessage(room.doc, gate, frame(device, { type: 'addCard', id: `o${index + 1}`, boardId: PLENARY_BOARD_ID, text: `Ruhig ${index}` }), now);
          if (reply?.type !== 'ok') othersRefused += 1;
        }
      }
    }
    const done = replies.filter((reply) => reply?.type === 'ok').length;
    const limited = replies.filter((reply) => reply?.type === 'refused' && reply.code === 'rateLimited').length;
    // The burst (one token went to the claim) and what refills within the second.
    expect(done).toBeLessThanOrEqual(PHONE_RATE.burst - 1 + PHONE_RATE.perSecond);
    expect(done + limited).toBe(1000);
    expect(othersRefused).toBe(0);
    const texts = cardsSnapshot(room.doc).map((card) => card.text);
    expect(texts.filter((text) => text.startsWith('Ruhig'))).toHaveLength(20);
    expect(texts.filter((text) => text.startsWith('Flut'))).toHaveLength(done);
  });
});
