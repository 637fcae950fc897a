import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type PeerEvent = Record<string, unknown> & { event: string };

export interface PeerStartOptions {
  /** The script to run, relative to the project root; default the Plenum laptop. */
  script?: string;
  /** How long to wait for its `ready` event. */
  readyTimeoutMs?: number;
}

/** Every child started by any PeerProcess of this process: killed when this process exits, whatever happens. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A laptop in its own process (by default tests/sync/peers/plenum-peer.ts), driven line by line.
 * Events are kept in order so a test can wait for the first one that matches.
 */
export class PeerProcess {
  readonly events: PeerEvent[] = [];
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  private readonly waiters: Array<{ match: (event: PeerEvent) => boolean; resolve: (event: PeerEvent) => void }> = [];
  private stderr = '';
  private ended = false;
  /** How it ended: "code 1", or "signal SIGSEGV" for a crash inside a native module. */
  private endedBy = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    if (!child.stdout) throw new Error('peer process without stdout');
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.ended = true;
        this.endedBy = signal ? `signal ${signal}` : `code ${code}`;
        running.delete(child);
        resolve(code);
      });
    });
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
    // Writing to a peer that died must fail its test with a message, not crash the runner.
    child.stdin?.on('error', () => undefined);
  }

  static async start(name: string, args: string[], options: PeerStartOptions = {}): Promise<PeerProcess> {
    const script = options.script ?? 'tests/sync/peers/plenum-peer.ts';
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--name', name, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const peer = new PeerProcess(child, name);
    try {
      await peer.next((event) => event.event === 'ready', options.readyTimeoutMs ?? 20_000);
    } catch (error) {
      await peer.stop();
      throw error;
    }
    return peer;
  }

  /**
   * Whether it died of a crash inside a native module (wrtc's WebRTC): node-webrtc segfaults now
   * and then when connections close under load (node-webrtc issues #391, #576), a fault of the
   * test's Node stand-in for a browser, not of Plenum.
   */
  get crashedNatively(): boolean {
    return /^signal SIG(SEGV|ABRT|BUS|ILL)$/.test(this.endedBy);
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return !this.ended;
  }

  /** The last lines the process wrote to stderr. */
  get errorOutput(): string {
    return this.stderr.slice(-2000);
  }

  send(command: Record<string, unknown>): void {
    if (this.ended) throw new Error(`${this.name} has exited (${this.endedBy}); stderr: ${this.errorOutput}`);
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
        reject(new Error(`${this.name}: no matching event within ${timeoutMs} ms${this.ended ? ` (the process has exited, ${this.endedBy})` : ''}; stderr: ${this.errorOutput}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Sends a command and waits for the first event of type `reply` after it. */
  async request(command: Record<string, unknown>, reply: string, timeoutMs = 15_000): Promise<PeerEvent> {
    const answer = this.next((event) => event.event === reply, timeoutMs);
    this.send(command);
    return answer;
  }

  /** Waits until this peer holds a card with `text`. */
  seesCard(text: string, timeoutMs = 15_000): Promise<PeerEvent> {
    return this.next((event) => event.event === 'card-seen' && event.text === text, timeoutMs, true);
  }

  async snapshot(): Promise<unknown> {
    return (await this.request({ cmd: 'snapshot' }, 'snapshot')).snapshot;
  }

  async status(): Promise<PeerEvent> {
    const reply = this.next((event) => event.event === 'status' && 'presence' in event);
    this.send({ cmd: 'status' });
    return reply;
  }

  /** Events `uncaught` the process reported (errors nobody caught; see plenum-peer.ts). */
  uncaught(): PeerEvent[] {
    return this.events.filter((event) => event.event === 'uncaught');
  }

  /** Asks the process to quit; kills it if it has not exited within `graceMs`. Resolves once it is gone. */
  async stop(graceMs = 2000): Promise<void> {
    if (this.ended) return;
    try {
      this.send({ cmd: 'quit' });
      this.child.stdin?.end();
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Ends the process at once (a laptop whose battery died). */
  async kill(): Promise<void> {
    if (this.ended) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
