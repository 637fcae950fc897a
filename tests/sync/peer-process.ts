import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { nodeArgsFor } from '../support/peer-bundles';

export type PeerEvent = Record<string, unknown> & { event: string };

export interface PeerStartOptions {
  /** The script to run, relative to the project root; default the Plenum laptop. */
  script?: string;
  /** How long to wait for its `ready` event. */
  readyTimeoutMs?: number;
  /**
   * Native crashes the laptop is restarted from its store after (only the Plenum laptop has one);
   * default 3. A crash beyond them, or any other end, ends the laptop.
   */
  restarts?: number;
}

const PLENUM_PEER = 'tests/sync/peers/plenum-peer.ts';

/**
 * PLENUM_NATIVE_CRASH_MS=n: each Plenum laptop's first process is sent SIGSEGV at a random moment
 * within n ms after it is ready, to see a test through the crash it must survive, e.g.
 * PLENUM_NATIVE_CRASH_MS=20000 npx vitest run tests/sync/multi-peer.test.ts
 */
const crashWithinMs = Number(process.env.PLENUM_NATIVE_CRASH_MS ?? 0);

/**
 * How node-webrtc dies: it segfaults now and then when connections close under load
 * (node-webrtc issues #391, #576, open), a fault of the test's Node stand-in for a browser, not of
 * Plenum. An exit code, SIGKILL or SIGTERM is never taken for one.
 */
export const isNativeCrash = (signal: NodeJS.Signals | null): boolean => signal !== null && /^SIG(SEGV|ABRT|BUS|ILL)$/.test(signal);

/** Every child started by any PeerProcess of this process: killed when this process exits, whatever happens. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A laptop in its own process (by default tests/sync/peers/plenum-peer.ts), driven line by line.
 * Events are kept in order so a test can wait for the first one that matches.
 *
 * A Plenum laptop keeps its workshop in a store file of its own (peers/store.ts), as the app keeps
 * it in IndexedDB. When its process dies of a native crash inside wrtc, it is started again on that
 * store, offline if it was offline, and every command it had not answered is sent again (a change
 * it had already made answers with the reply it saved, a random-edit run carries on where it
 * stopped): the laptop carries on, as the product promises after a crash, and the test goes on to
 * check what it checks. Any other end of the process fails the laptop's pending waits at once.
 */
export class PeerProcess {
  readonly events: PeerEvent[] = [];
  /** Resolves with the exit code (null when killed by a signal) once the laptop is gone for good. */
  readonly exited: Promise<number | null>;
  /** The native crashes it was restarted after, e.g. "signal SIGSEGV after 4 s". */
  readonly crashes: string[] = [];
  private readonly waiters: Array<{
    match: (event: PeerEvent) => boolean;
    resolve: (event: PeerEvent) => void;
    reject: (error: Error) => void;
    /** Stops the clock while the laptop restarts, or (again) starts it with the full time. */
    clock: (running: boolean) => void;
  }> = [];
  private resolveExited: (code: number | null) => void = () => undefined;
  private child: ChildProcess | null = null;
  private stderr = '';
  private ended = false;
  private stopping = false;
  /** Whether the current process has said `ready` (commands wait until then). */
  private ready = false;
  private startedAt = Date.now();
  /** How it ended: "code 1", or "signal SIGSEGV" for a crash inside a native module. */
  private endedBy = '';
  /** Commands sent and not yet answered, by request id: sent again to a restarted process. */
  private readonly inflight = new Map<number, Record<string, unknown>>();
  private nextRid = 1;
  private offline = false;
  /** Between a native crash and the restarted process's `ready`. */
  private restarting = false;
  private downSince: number | null = null;
  private downTotal = 0;

  private constructor(
    readonly name: string,
    private readonly script: string,
    private readonly args: readonly string[],
    private readonly storeDir: string | null,
    private readonly options: PeerStartOptions,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
  }

  static async start(name: string, args: string[], options: PeerStartOptions = {}): Promise<PeerProcess> {
    const script = options.script ?? PLENUM_PEER;
    const storeDir = script === PLENUM_PEER ? mkdtempSync(path.join(tmpdir(), 'plenum-peer-')) : null;
    const peer = new PeerProcess(name, script, args, storeDir, options);
    try {
      await peer.spawn();
    } catch (error) {
      await peer.stop();
      throw error;
    }
    return peer;
  }

  /** Starts the process (again) and waits for its `ready`; then sends what the last one left unanswered. */
  private async spawn(): Promise<void> {
    const args = [
      ...nodeArgsFor(this.script),
      '--name',
      this.name,
      ...this.args,
      ...(this.storeDir ? ['--store', path.join(this.storeDir, 'store.jsonl')] : []),
      ...(this.offline ? ['--start-offline'] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout) throw new Error('peer process without stdout');
    this.child = child;
    this.ready = false;
    this.startedAt = Date.now();
    running.add(child);
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (child !== this.child) return;
      let event: PeerEvent;
      try {
        event = JSON.parse(line) as PeerEvent;
      } catch {
        return;
      }
      this.receive(event);
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Writing to a peer that died must fail its test with a message, not crash the runner.
    child.stdin?.on('error', () => undefined);
    const restart = this.restarting;
    this.restarting = false;
    const ready = this.next((event) => event.event === 'ready', this.options.readyTimeoutMs ?? 20_000);
    this.restarting = restart;
    await ready;
    this.ready = true;
    if (this.restarting) {
      this.restarting = false;
      this.downTotal += Date.now() - (this.downSince ?? Date.now());
      this.downSince = null;
      for (const waiter of this.waiters) waiter.clock(true);
    }
    for (const [rid, command] of this.inflight) this.write({ ...command, rid });
    if (crashWithinMs > 0 && this.storeDir && this.crashes.length === 0) {
      setTimeout(() => {
        if (child === this.child && !this.stopping && child.pid !== undefined) process.kill(child.pid, 'SIGSEGV');
      }, Math.random() * crashWithinMs).unref();
    }
  }

  private receive(event: PeerEvent): void {
    if (typeof event.rid === 'number') this.inflight.delete(event.rid);
    this.events.push(event);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    running.delete(child);
    if (child !== this.child) return;
    this.endedBy = signal ? `signal ${signal}` : `code ${code}`;
    const restarts = this.options.restarts ?? 3;
    if (isNativeCrash(signal) && !this.stopping && this.storeDir && this.crashes.length < restarts) {
      this.crashes.push(`${this.endedBy} after ${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`);
      // The time a restart takes (starting Node and tsx, joining the room: seconds on a busy
      // machine) is no time the laptop failed to answer in.
      this.restarting = true;
      this.downSince = Date.now();
      for (const waiter of this.waiters) waiter.clock(false);
      console.warn(`${this.name}: the process died of ${signal} (a native crash, node-webrtc's known one); restarted from its store, ${this.inflight.size} commands sent again`);
      this.restart(restarts);
      return;
    }
    this.finish(code);
  }

  /** Starts the process again; one that does not get ready in time (a swamped machine) is replaced, within the same budget. */
  private restart(budget: number): void {
    this.spawn().catch((error: unknown) => {
      const stuck = this.child;
      this.stderr += `\nrestart failed: ${error instanceof Error ? error.message : String(error)}`;
      // Its exit is no news: this.child no longer points at it.
      this.child = null;
      stuck?.kill('SIGKILL');
      if (this.stopping || this.crashes.length >= budget) {
        this.endedBy = `a restart that never got ready (${this.endedBy})`;
        this.finish(null);
        return;
      }
      this.crashes.push('restart not ready in time');
      this.restart(budget);
    });
  }

  private finish(code: number | null): void {
    if (this.ended) return;
    this.ended = true;
    if (this.storeDir) rmSync(this.storeDir, { recursive: true, force: true });
    if (!this.stopping) {
      // Nobody will answer: fail whoever waits now rather than at their time-out.
      const failure = new Error(`${this.name} has exited (${this.endedBy}); stderr: ${this.errorOutput}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(failure);
    }
    this.resolveExited(code);
  }

  /** How long the laptop has been away restarting after native crashes, all told. */
  get downtimeMs(): number {
    return this.downTotal + (this.downSince === null ? 0 : Date.now() - this.downSince);
  }

  /** The current process's id (a test may crash it on purpose). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Whether it died of a crash inside a native module (wrtc's WebRTC) at least once, restarted or
   * not: see isNativeCrash.
   */
  get crashedNatively(): boolean {
    return this.crashes.length > 0 || /^signal SIG(SEGV|ABRT|BUS|ILL)$/.test(this.endedBy);
  }

  /** Whether the laptop is still running (or being restarted after a native crash). */
  get alive(): boolean {
    return !this.ended;
  }

  /** The last lines the process wrote to stderr. */
  get errorOutput(): string {
    return this.stderr.slice(-2000);
  }

  private write(command: Record<string, unknown>): void {
    this.child?.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  send(command: Record<string, unknown>): void {
    if (this.ended) throw new Error(`${this.name} has exited (${this.endedBy}); stderr: ${this.errorOutput}`);
    if (command.cmd === 'disconnect') this.offline = true;
    if (command.cmd === 'connect') this.offline = false;
    if (this.script !== PLENUM_PEER) {
      this.write(command);
      return;
    }
    const rid = this.nextRid;
    this.nextRid += 1;
    if (command.cmd !== 'quit') this.inflight.set(rid, command);
    // While a crashed laptop restarts, its commands wait for the new process.
    if (this.ready) this.write({ ...command, rid });
  }

  /** The first event from now on (or already received, if `past`) that `match` accepts. */
  next(match: (event: PeerEvent) => boolean, timeoutMs = 15_000, past = false): Promise<PeerEvent> {
    if (past) {
      const found = this.events.find(match);
      if (found) return Promise.resolve(found);
    }
    if (this.ended) return Promise.reject(new Error(`${this.name} has exited (${this.endedBy}); stderr: ${this.errorOutput}`));
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = {
        match,
        resolve: (event: PeerEvent) => (clearTimeout(timer), resolve(event)),
        reject: (error: Error) => (clearTimeout(timer), reject(error)),
        clock: (running: boolean) => {
          clearTimeout(timer);
          if (!running) return;
          timer = setTimeout(() => {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            reject(new Error(`${this.name}: no matching event within ${timeoutMs} ms${this.ended ? ` (the process has exited, ${this.endedBy})` : ''}; stderr: ${this.errorOutput}`));
          }, timeoutMs);
        },
      };
      // A wait that began while the laptop restarts starts its clock once the laptop is back.
      waiter.clock(this.ready || !this.restarting);
      this.waiters.push(waiter);
    });
  }
  /** Sends a command and waits for the first event of type `reply` after it. */
  async request(command: Record<string, unknown>, reply: string, timeoutMs = 15_000): Promise<PeerEvent> {
    const answer = this.next((event) => event.event === reply, timeoutMs);
    try {
      this.send(command);
    } catch (error) {
      // Nobody will wait for the answer now: its failure must not go unhandled.
      answer.catch(() => undefined);
      throw error;
    }
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
    try {
      this.send({ cmd: 'status' });
    } catch (error) {
      reply.catch(() => undefined);
      throw error;
    }
    return reply;
  }

  /** Events `uncaught` the process reported (errors nobody caught; see plenum-peer.ts). */
  uncaught(): PeerEvent[] {
    return this.events.filter((event) => event.event === 'uncaught');
  }

  /** Asks the process to quit; kills it if it has not exited within `graceMs`. Resolves once it is gone. */
  async stop(graceMs = 2000): Promise<void> {
    if (this.ended) return;
    this.stopping = true;
    const child = this.child;
    try {
      this.write({ cmd: 'quit' });
      child?.stdin?.end();
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Ends the process at once (a laptop whose battery died); it is not restarted. */
  async kill(): Promise<void> {
    if (this.ended) return;
    this.stopping = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }
}
