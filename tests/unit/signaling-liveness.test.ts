import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEAD_MS, QUIET_MS, watchSignalingLiveness } from '../../renderer/network/signaling-liveness';
import type { SignalingSocket } from '../../renderer/network/relay-wire';

/** lib0's WebsocketClient as far as the watch uses it: its own close handler marks it disconnected and opens a new WebSocket. */
function lib0Client() {
  const listeners = { connect: new Set<() => void>(), disconnect: new Set<() => void>(), message: new Set<(message: unknown) => void>() };
  const sent: object[] = [];
  const sockets: Array<{ closed: boolean; onclose: unknown; onerror: unknown; onmessage: unknown; onopen: unknown; close(): void }> = [];
  const client = {
    connected: true,
    ws: null as (typeof sockets)[number] | null,
    send: (message: object) => sent.push(message),
    on: (event: keyof typeof listeners, listener: never) => listeners[event].add(listener),
    off: (event: keyof typeof listeners, listener: never) => listeners[event].delete(listener),
  };
  const open = () => {
    const ws = {
      closed: false,
      onclose: null as unknown,
      onerror: null as unknown,
      onmessage: null as unknown,
      onopen: null as unknown,
      close() {
        this.closed = true;
      },
    };
    // As lib0: a close handler that clears whatever WebSocket is current, says so, and reconnects.
    ws.onclose = () => {
      if (client.ws === null) return;
      client.ws = null;
      client.connected = false;
      listeners.disconnect.forEach((listener) => listener());
    };
    sockets.push(ws);
    client.ws = ws;
    client.connected = true;
    listeners.connect.forEach((listener) => listener());
  };
  open();
  const hear = (message: unknown) => listeners.message.forEach((listener) => listener(message));
  const disconnects = () => sockets.filter((ws) => ws.closed).length;
  return { socket: client as unknown as SignalingSocket, client, sent, sockets, open, hear, disconnects };
}

describe('signaling liveness', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings a quiet server, and gives up one that stays silent: disconnected at once, not after lib0’s 30 s and the close handshake', () => {
    const lib0 = lib0Client();
    const watch = watchSignalingLiveness(() => Date.now());
    watch.attach(lib0.socket);

    vi.advanceTimersByTime(QUIET_MS + 1000);
    expect(lib0.sent).toEqual([{ type: 'ping' }]);
    vi.advanceTimersByTime(DEAD_MS - QUIET_MS - 1000);
    expect(lib0.client.connected).toBe(false);
    expect(lib0.disconnects()).toBe(1);
    const [old] = lib0.sockets;
    // The old WebSocket's late close event cannot touch the next connection: its handlers are gone.
    expect(old?.onclose).toBeNull();
    watch.destroy();
  });

  it('leaves a server that answers alone, however quiet the room', () => {
    const lib0 = lib0Client();
    const watch = watchSignalingLiveness(() => Date.now());
    watch.attach(lib0.socket);
    for (let second = 0; second < 120; second++) {
      vi.advanceTimersByTime(1000);
      // The server answers each ping (and only that).
      if (lib0.sent.length > 0) {
        lib0.sent.length = 0;
        lib0.hear({ type: 'pong' });
      }
    }
    expect(lib0.client.connected).toBe(true);
    expect(lib0.disconnects()).toBe(0);
    watch.destroy();
  });

  it('watches the new connection after a reconnect, and nothing after destroy', () => {
    const lib0 = lib0Client();
    const watch = watchSignalingLiveness(() => Date.now());
    watch.attach(lib0.socket);
    vi.advanceTimersByTime(DEAD_MS + 1000);
    expect(lib0.disconnects()).toBe(1);
    // While disconnected nothing is counted; lib0 reconnects after a moment.
    vi.advanceTimersByTime(5000);
    lib0.open();
    vi.advanceTimersByTime(DEAD_MS - 2000);
    expect(lib0.disconnects()).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(lib0.disconnects()).toBe(2);
    lib0.open();
    watch.destroy();
    vi.advanceTimersByTime(10 * DEAD_MS);
    expect(lib0.disconnects()).toBe(2);
  });
});
