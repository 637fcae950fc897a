import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type PeerEvent = Record<string, unknown> & { event: string };

/**
 * A Plenum laptop in its own process (tests/sync/peers/plenum-peer.ts), driven line by line.
 * Events are kept in order so a test can wait for the first one that matches.
 */
export class PeerProcess {
  readonly events: PeerEvent[] = [];
  private readonly waiters: Array<{ match: (event: PeerEvent) => boolean; resolve: (event: PeerEvent) => void }> = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcess, readonly name: string) {
    if (!child.stdout) throw new Error('peer process without stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: PeerEvent;
      try {
        event = JSON.parse(line) as PeerEvent;
      } catch {
        return;
      }
      this.events.push(event);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(event)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static async start(name: string, args: string[]): Promise<PeerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/sync/peers/plenum-peer.ts', '--name', name, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const peer = new PeerProcess(child, name);
    await peer.next((event) => event.event === 'ready', 20_000);
    return peer;
  }

  send(command: Record<string, unknown>): void {
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  /** The first event from now on (or already received, if `past`) that `match` accepts. */
  next(match: (event: PeerEvent) => boolean, timeoutMs = 15_000, past = false): Promise<PeerEvent> {
    if (past) {
      const found = this.events.find(match);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (event: PeerEvent) => (clearTimeout(timer), resolve(event)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.name}: no matching event within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits until this peer holds a card with `text`. */
  seesCard(text: string, timeoutMs = 15_000): Promise<PeerEvent> {
    return this.next((event) => event.event === 'card-seen' && event.text === text, timeoutMs, true);
  }

  async snapshot(): Promise<unknown> {
    const reply = this.next((event) => event.event === 'snapshot');
    this.send({ cmd: 'snapshot' });
    return (await reply).snapshot;
  }

  async status(): Promise<PeerEvent> {
    const reply = this.next((event) => event.event === 'status' && 'presence' in event);
    this.send({ cmd: 'status' });
    return reply;
  }

  stop(): void {
    this.send({ cmd: 'quit' });
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }
}
