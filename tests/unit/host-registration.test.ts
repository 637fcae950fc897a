import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_RETRY_MS, hostRegistration } from '../../renderer/network/host-registration';
import type { SignalingSocket } from '../../renderer/network/relay-wire';
import type { HostRefusal } from '../../shared/protocol/signaling';

/** A signaling connection that records what the laptop sent and lets the test answer as the server. */
function fakeSocket() {
  const listeners = { connect: new Set<() => void>(), disconnect: new Set<() => void>(), message: new Set<(message: unknown) => void>() };
  const sent: object[] = [];
  const socket = {
    connected: true,
    send: (message: object) => sent.push(message),
    on: (event: keyof typeof listeners, listener: never) => listeners[event].add(listener),
    off: (event: keyof typeof listeners, listener: never) => listeners[event].delete(listener),
  } as unknown as SignalingSocket;
  const answer = (message: unknown) => listeners.message.forEach((listener) => listener(message));
  return { socket, sent, answer };
}

const refused = (reason: HostRefusal) => ({ type: 'plenum-host-result', ok: false, reason });

describe('host registration', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each<HostRefusal>(['room-taken', 'verifier-in-use', 'too-many-rooms', 'rate-limited'])(
    'asks again while refused (%s): the server gives a room way once its laptops are gone, and then this laptop has it',
    (reason) => {
      const { socket, sent, answer } = fakeSocket();
      const reported: HostRefusal[][] = [];
      const registration = hostRegistration('workshop-1', 'v'.repeat(43), (refusals) => reported.push(refusals));
      registration.attach(socket);
      expect(sent).toEqual([{ type: 'plenum-host', room: 'workshop-1', verifier: 'v'.repeat(43) }]);

      answer(refused(reason));
      expect(reported.at(-1)).toEqual([reason]);
      vi.advanceTimersByTime(HOST_RETRY_MS - 1);
      expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(sent).toHaveLength(2);
      answer(refused(reason));
      vi.advanceTimersByTime(HOST_RETRY_MS);
      expect(sent).toHaveLength(3);

      answer({ type: 'plenum-host-result', ok: true });
      expect(reported.at(-1)).toEqual([]);
      vi.advanceTimersByTime(10 * HOST_RETRY_MS);
      expect(sent).toHaveLength(3);
      registration.stop();
    },
  );

  it('stops asking when stopped', () => {
    const { socket, sent, answer } = fakeSocket();
    const registration = hostRegistration('workshop-1', 'v'.repeat(43), () => {});
    registration.attach(socket);
    answer(refused('room-taken'));
    registration.stop();
    vi.advanceTimersByTime(10 * HOST_RETRY_MS);
    expect(sent).toHaveLength(1);
  });
});
