import { describe, expect, it } from 'vitest';
import { dropSignalingRepeats, type EmittingSocket } from '../../renderer/network/signaling-repeats';

/** A stand-in signaling socket: what its listeners were given. */
function socket() {
  const heard: Array<[string, unknown]> = [];
  const made: EmittingSocket & { heard: typeof heard } = {
    heard,
    emit(name, args) {
      heard.push([name, args[0]]);
    },
  };
  return made;
}

const publish = (data: string, topic = 'room') => ({ type: 'publish', topic, data });

describe("the room's y-webrtc messages heard through several sockets of one server", () => {
  it('reach the listeners once, from whichever socket brings them first', () => {
    const repeats = dropSignalingRepeats('room');
    const lan = socket();
    const loopback = socket();
    repeats.attach(lan);
    repeats.attach(loopback);
    loopback.emit('message', [publish('sealed-answer'), loopback]);
    lan.emit('message', [publish('sealed-answer'), lan]);
    lan.emit('message', [publish('sealed-candidate'), lan]);
    loopback.emit('message', [publish('sealed-candidate'), loopback]);
    expect(loopback.heard.map(([, message]) => message)).toEqual([publish('sealed-answer')]);
    expect(lan.heard.map(([, message]) => message)).toEqual([publish('sealed-candidate')]);
  });

  it('leave other topics (the relay, another room), other messages and other events alone', () => {
    const repeats = dropSignalingRepeats('room');
    const one = socket();
    repeats.attach(one);
    repeats.attach(one);
    for (let time = 0; time < 2; time += 1) {
      one.emit('message', [publish('relay-frame', 'room#relay'), one]);
      one.emit('message', [{ type: 'pong' }, one]);
      one.emit('connect', []);
    }
    expect(one.heard).toEqual([
      ['message', publish('relay-frame', 'room#relay')],
      ['message', { type: 'pong' }],
      ['connect', undefined],
      ['message', publish('relay-frame', 'room#relay')],
      ['message', { type: 'pong' }],
      ['connect', undefined],
    ]);
  });

  it('are remembered up to a bound: the oldest is forgotten first', () => {
    const repeats = dropSignalingRepeats('room', 3);
    const one = socket();
    repeats.attach(one);
    for (const data of ['a', 'b', 'c', 'd', 'b', 'a']) one.emit('message', [publish(data), one]);
    // 'a' was forgotten when 'd' came; 'b' was still remembered.
    expect(one.heard.map(([, message]) => (message as { data: string }).data)).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
