import { WebSocket, type ClientOptions } from 'ws';

// A raw signaling client for tests: sends whatever a test wants (including garbage) and collects what comes back.

export type Received = Record<string, unknown>;

type Waiter = { match: (message: Received) => boolean; resolve: (message: Received) => void };

export class SignalingTestClient {
  /** Every JSON object received, in order. */
  readonly received: Received[] = [];
  /** Every binary message received, in order. */
  readonly binary: Buffer[] = [];
  /** Resolves with the close code once the connection is closed (by either side). */
  readonly closed: Promise<number>;
  /** Received and not yet taken by `next`. */
  private unread: Received[] = [];
  private waiters: Waiter[] = [];

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.binary.push(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer));
        return;
      }
      const value: unknown = JSON.parse(data.toString());
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const message = value as Received;
      this.received.push(message);
      const waiter = this.waiters.find((candidate) => candidate.match(message));
      if (waiter) {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        waiter.resolve(message);
      } else {
        this.unread.push(message);
      }
    });
  }

  /** Opens a connection; rejects with the HTTP status when the server refuses the upgrade. */
  static connect(url: string, options: ClientOptions = {}): Promise<SignalingTestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      ws.once('open', () => resolve(new SignalingTestClient(ws)));
      ws.once('unexpected-response', (_request, response) => {
        reject(new Error(`refused with HTTP ${response.statusCode ?? '?'}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** The first message, already received or still to come, that `match` accepts and no earlier `next` took. */
  next(match: (message: Received) => boolean = () => true, timeoutMs = 2000): Promise<Received> {
    const index = this.unread.findIndex(match);
    if (index >= 0) return Promise.resolve(this.unread.splice(index, 1)[0] as Received);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Messages received and not taken by `next`. */
  get pending(): readonly Received[] {
    return this.unread;
  }

  /** A round trip: once the pong is back, the server has handled every earlier message of this client. */
  async roundTrip(timeoutMs = 2000): Promise<void> {
    this.send({ type: 'ping' });
    await this.next((message) => message.type === 'pong', timeoutMs);
  }

  close(): void {
    this.ws.terminate();
  }
}

export const ofType =
  (type: string, extra: Received = {}) =>
  (message: Received): boolean =>
    message.type === type && Object.entries(extra).every(([key, value]) => message[key] === value);
