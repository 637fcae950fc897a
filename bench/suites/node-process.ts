import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A bench laptop or server in its own Node process (bench/peers/), driven over stdin/stdout, one JSON per line. */
export type ProcessEvent = Record<string, unknown> & { event: string };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every child of this runner: killed when the runner exits, also on an error or Ctrl-C (process.exit). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * BENCH_CPU_PROF=<dir>: every laptop and server process writes a V8 CPU profile (sampled every
 * 250 µs) into <dir> when it quits, to see where a card's time goes (docs/performance.md). Node
 * refuses --cpu-prof in NODE_OPTIONS, hence this.
 */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'] : [];
}

export class NodeProcess {
  private readonly waiters: Array<{ match: (event: ProcessEvent) => boolean; resolve: (event: ProcessEvent) => void }> = [];
  /** Events nobody waited for, newest last; `listen` handlers see every event. */
  private readonly listeners = new Set<(event: ProcessEvent) => void>();
  private stderr = '';
  private ended = false;
  /** How the process ended: a laptop killed by a signal (node-webrtc's segfault) leaves no stderr. */
  private endedHow = '';
  readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    running.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.ended = true;
        this.endedHow = signal ? `killed by ${signal}` : `exit code ${String(code)}`;
        running.delete(child);
        resolve();
      }),
    );
    if (!child.stdout) throw new Error('no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: ProcessEvent;
      try {
        event = JSON.parse(line) as ProcessEvent;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(event);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(event)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    child.stdin?.on('error', () => undefined);
  }

  /** Starts `bench/peers/<script>` with tsx and waits for its first event matching `ready`. */
  static async start(name: string, script: string, args: string[], ready = (event: ProcessEvent) => event.event === 'ready', timeoutMs = 60_000): Promise<{ process: NodeProcess; ready: ProcessEvent }> {
    const child = spawn(process.execPath, [...profileArgs(), '--import', 'tsx', `bench/peers/${script}`, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const started = new NodeProcess(child, name);
    try {
      return { process: started, ready: await started.next(ready, timeoutMs) };
    } catch (error) {
      await started.stop();
      throw error;
    }
  }

  listen(listener: (event: ProcessEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(command: Record<string, unknown>): void {
    if (this.ended) throw new Error(`${this.name} has exited (${this.endedHow}): ${this.stderr.slice(-1500)}`);
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  next(match: (event: ProcessEvent) => boolean, timeoutMs = 15_000): Promise<ProcessEvent> {
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (event: ProcessEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.name}: no matching event within ${timeoutMs} ms${this.ended ? ` (exited: ${this.endedHow})` : ''}; stderr: ${this.stderr.slice(-1500)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async request(command: Record<string, unknown>, reply: string, timeoutMs = 15_000): Promise<ProcessEvent> {
    const answer = this.next((event) => event.event === reply, timeoutMs);
    this.send(command);
    return answer;
  }

  /** Quits (stdin closed), killed after `graceMs`. */
  async stop(graceMs = 2000): Promise<void> {
    if (this.ended) return;
    try {
      this.child.stdin?.write(`${JSON.stringify({ cmd: 'quit' })}\n`);
      this.child.stdin?.end();
    } catch {
      // gone already
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export async function stopAll(processes: readonly NodeProcess[]): Promise<void> {
  await Promise.all(processes.map((entry) => entry.stop().catch(() => undefined)));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The machine's monotonic clock in ms (the clock bench/peers/bench-peer.ts stamps events with). */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * The offset of a laptop's clock from this runner's, NTP-style: over `rounds` readings of it
 * (`read`: one round trip to the laptop), the one with the shortest round trip; the offset is the
 * reading minus the middle of the round trip, accurate to ± half that round trip. With one
 * monotonic clock for the machine it should be 0.
 */
export async function clockOffset(read: () => Promise<number>, rounds = 10): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let round = 0; round < rounds; round += 1) {
    const sent = monotonicMs();
    const reading = await read();
    const received = monotonicMs();
    const half = (received - sent) / 2;
    if (half < best.uncertaintyMs) best = { offsetMs: reading - (sent + half), uncertaintyMs: half };
  }
  return best;
}
