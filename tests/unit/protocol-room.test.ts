import { describe, expect, it } from 'vitest';
import { relayTopic, roomName } from '../../shared/protocol/room';

describe('room names', () => {
  it('are the workshop id', () => {
    const id = crypto.randomUUID();
    expect(roomName(id)).toEqual({ ok: true, value: id });
    expect(roomName('w1')).toEqual({ ok: true, value: 'w1' });
  });

  it.each([
    ['', 'empty'],
    ['a'.repeat(101), 'longer than 100'],
    ['w1#relay', "'#' would collide with relay topics"],
    ['w 1', 'a space'],
    ['w1/x', 'a slash'],
    ['wörkshop', 'a letter outside ASCII'],
    ['w1\n', 'a line break'],
  ])('refuses %j (%s)', (id) => {
    expect(roomName(id)).toEqual({ ok: false, error: 'room.invalid' });
  });
});

describe('relay topics', () => {
  it("are the room with '#relay' appended", () => {
    expect(relayTopic('w1')).toBe('w1#relay');
  });

  it('never equal a valid room name', () => {
    expect(roomName(relayTopic('w1')).ok).toBe(false);
  });
});
