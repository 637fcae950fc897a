import { WebSocket } from 'ws';
import type { KeyValueStore, LinkSocketEvents, SocketFactory } from '../../participant/link/phone-link';
import type { SignalingSocket } from '../../renderer/network/relay';
import type { RawSignalingSocket } from '../../renderer/network/relay-wire';

/*
 * Phones and a host laptop in Node, for tests and the bench: the link's socket over the `ws`
 * package (with switches to mute or cut one phone's connection), a signaling socket like lib0's
 * (what y-webrtc gives the hub in the app), storage in memory, and waiting for a condition.
 */

/** A phone's sockets, as the tests steer them. */
export interface PhoneSockets {
  factory: SocketFactory;
  /** Drops what arrives for this phone while true (its answers get lost on the way). */
  muted: boolean;
  /** What was dropped while muted. */
  dropped: string[];
  /** Cuts the phone's current connection, as a Wi-Fi that drops does. */
  cut(): void;
  /** Connections opened so far. */
  opened(): number;
  /** Hands the phone a frame now, as if it arrived on its current connection (one held back while muted, say). */
  deliver(data: string): void;
}

export function phoneSockets(): PhoneSockets {
  let current: WebSocket | null = null;
  let currentEvents: LinkSocketEvents | null = null;
  let count = 0;
  const sockets: PhoneSockets = {
    muted: false,
    dropped: [],
    factory: (url: string, events: LinkSocketEvents) => {
      const ws = new WebSocket(url);
      current = ws;
      currentEvents = events;
      count += 1;
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        events.close();
      };
      ws.on('open', () => events.open());
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        if (sockets.muted) sockets.dropped.push(data.toString());
        else events.message(data.toString());
      });
      ws.on('close', close);
      ws.on('error', close);
      return {
        send: (data) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(data);
        },
        close: () => ws.terminate(),
      };
    },
    cut: () => current?.terminate(),
    opened: () => count,
    deliver: (data) => currentEvents?.message(data),
  };
  return sockets;
}

export function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

type Listener = (message?: unknown) => void;

/**
 * A signaling connection as lib0's WebsocketClient offers it to y-webrtc and Plenum's relay: JSON in and out, connect
 * events. With `frames`, also its WebSocket (`ws`), on which the relay sends binary frames, and binary messages
 * come as bytes, as lib0 passes them on.
 */
export class NodeSignalingSocket implements SignalingSocket {
  connected = false;
  readonly received: unknown[] = [];
  private readonly listeners = { connect: new Set<Listener>(), disconnect: new Set<Listener>(), message: new Set<Listener>() };
  private connection: WebSocket;

  constructor(
    readonly url: string,
    private readonly frames = false,
  ) {
    this.connection = this.open();
  }

  /** One per WebSocket, as lib0's `ws` is: the relay remembers the server's answer by it. */
  private raw: RawSignalingSocket | null = null;

  get ws(): RawSignalingSocket | null {
    if (!this.frames) return null;
    const connection = this.connection;
    this.raw ??= {
      get readyState() {
        return connection.readyState;
      },
      binaryType: 'arraybuffer',
      send: (data) => connection.send(data),
    };
    return this.raw;
  }

  private open(): WebSocket {
    const ws = new WebSocket(this.url);
    ws.on('open', () => {
      this.connected = true;
      this.listeners.connect.forEach((listener) => listener());
    });
    ws.on('message', (data, isBinary) => {
      const message: unknown = isBinary ? new Uint8Array(data as Buffer) : JSON.parse(data.toString());
      this.received.push(message);
      this.listeners.message.forEach((listener) => listener(message));
    });
    ws.on('close', () => {
      if (!this.connected) return;
      this.connected = false;
      this.listeners.disconnect.forEach((listener) => listener());
    });
    ws.on('error', () => undefined);
    return ws;
  }

  send(message: object): void {
    if (this.connected) this.connection.send(JSON.stringify(message));
  }

  on(event: 'connect' | 'disconnect' | 'message', listener: Listener): void {
    this.listeners[event].add(listener);
  }

  off(event: 'connect' | 'disconnect' | 'message', listener: Listener): void {
    this.listeners[event].delete(listener);
  }

  /** Closes the connection (the laptop left); `reopen` connects again, as lib0 does after a drop. */
  close(): void {
    this.connection.terminate();
  }

  reopen(): void {
    this.connection = this.open();
    this.raw = null;
  }

  /** Listeners still registered: a stopped hub leaves none. */
  listenerCount(): number {
    return this.listeners.connect.size + this.listeners.disconnect.size + this.listeners.message.size;
  }
}

/** Resolves once `condition` holds, checking every few milliseconds; rejects after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
