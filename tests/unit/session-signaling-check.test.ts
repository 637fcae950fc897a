import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../shared/base64';
import { isSignalingMessage, openSignaling } from '../../renderer/network/signaling-check';
import { dropSignalingRepeats, type EmittingSocket } from '../../renderer/network/signaling-repeats';

/*
 * y-webrtc acts on the room's signaling messages without a check: one sealed with another key (a
 * table still on the code the moderator replaced) rejected its promise unhandled (OperationError,
 * once per message), and garbage threw in its handler. These messages are now dropped before it
 * hears them, in the order the socket brought the rest. Sealed with y-webrtc's own crypto module.
 */

interface YwebrtcCrypto {
  deriveKey(secret: string, roomName: string): Promise<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array>;
}
// y-webrtc's package exports only its entry; its crypto module is what it seals and opens with.
const ycrypto = (await import('../../node_modules/y-webrtc/src/crypto.js' as string)) as YwebrtcCrypto;

const key = await ycrypto.deriveKey('abcd-efgh-jkmn', 'room');
const otherKey = await ycrypto.deriveKey('wxyz-wxyz-wxyz', 'room');
const seal = async (message: unknown, with_ = key) => toBase64(await ycrypto.encryptJson(message, with_));

const announce = { type: 'announce', from: 'peer-a' };
const offer = { type: 'signal', from: 'peer-a', to: 'peer-b', token: 0.5, signal: { type: 'offer', sdp: 'v=0' } };

describe("what y-webrtc is given of the room's signaling", () => {
  it('an announce or a signal sealed with the room key passes, opened: its kind and sender', async () => {
    expect(await openSignaling(await seal(announce), key)).toEqual({ type: 'announce', from: 'peer-a' });
    expect(await openSignaling(await seal(offer), key)).toEqual({ type: 'signal', from: 'peer-a' });
    expect(await openSignaling(await seal(announce, otherKey), key)).toBeNull();
    expect(await openSignaling(await seal(announce), key)).not.toBeNull();
    expect(await openSignaling(await seal(offer), key)).not.toBeNull();
  });

  it('a message sealed with another key, garbage, or another shape does not', async () => {
    expect(await openSignaling(await seal(announce, otherKey), key)).toBeNull();
    expect(await openSignaling('not base64 at all!', key)).toBeNull();
    expect(await openSignaling(toBase64(Uint8Array.of(1, 2, 3)), key)).toBeNull();
    const notAesGcm = encoding.createEncoder();
    encoding.writeVarString(notAesGcm, 'ROT13');
    expect(await openSignaling(toBase64(encoding.toUint8Array(notAesGcm)), key)).toBeNull();
    for (const shape of [null, 42, [], { type: 'announce' }, { type: 'signal', from: 'a', to: 'b' }, { type: 'signal', from: 'a', to: 'b', signal: 'offer' }, { type: 'signal', from: 'a', to: 7, signal: {} }, { type: 'hello', from: 'a' }]) {
      expect(isSignalingMessage(shape), JSON.stringify(shape)).toBe(false);
      expect(await openSignaling(await seal(shape), key)).toBeNull();
    }
  });

  it('the socket drops what does not open and keeps the order of everything else', async () => {
    const heard: Array<[string, unknown]> = [];
    const socket: EmittingSocket = {
      emit(name, args) {
        heard.push([name, args[0]]);
      },
    };
    dropSignalingRepeats('room', undefined, async (sealed) => (await openSignaling(sealed, key)) !== null).attach(socket);
    const publish = (data: string, topic = 'room') => ({ type: 'publish', topic, data });
    const first = await seal(announce);
    const wrong = await seal(offer, otherKey);
    const last = await seal(offer);
    socket.emit('message', [publish(first), socket]);
    socket.emit('message', [publish(wrong), socket]);
    socket.emit('message', [{ type: 'pong' }, socket]);
    socket.emit('message', [publish('relay-frame', 'room#relay'), socket]);
    socket.emit('message', [publish(last), socket]);
    socket.emit('disconnect', []);
    await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(5);
    expect(heard).toEqual([
      ['message', publish(first)],
      ['message', { type: 'pong' }],
      ['message', publish('relay-frame', 'room#relay')],
      ['message', publish(last)],
      ['disconnect', undefined],
    ]);
  });
});
