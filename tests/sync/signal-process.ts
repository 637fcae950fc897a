import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Where a process's output goes, line by line, with its source. */
export interface LineSink {
  add(source: string, text: string): void;
}

/**
 * `npm run signal` (electron/services/signal-cli.ts) in its own process on 127.0.0.1, as a venue
 * machine runs it: a test can read what it prints, and kill it as a power cut would.
 */
export class SignalProcess {
  /** Resolves once the process has ended, however. */
  readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Starts the server on `port` (0: a free one) and resolves once it listens. */
  static async start(log: LineSink, port = 0): Promise<SignalProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/services/signal-cli.ts', '--host', '127.0.0.1', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => log.add('signal stderr', chunk.toString()));
    const listening = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the signaling server did not start within 20 s')), 20_000);
      if (!child.stdout) return reject(new Error('the signaling server has no stdout'));
      createInterface({ input: child.stdout }).on('line', (line) => {
        log.add('signal', line);
        const match = /listening on [^\s]+:(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the signaling server exited with ${code}`));
      });
    });
    try {
      return new SignalProcess(child, await listening);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** Ends the process at once, without closing a single connection: the machine lost power. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks the process to stop (Ctrl+C); kills it if it has not stopped within 3 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}
