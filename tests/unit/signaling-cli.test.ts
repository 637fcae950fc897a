import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSignalArgs } from '../../electron/services/signal-cli';
import { SignalingTestClient } from '../sync/peers/signaling-client';

// `npm run signal` runs electron/services/signal-cli.ts with tsx; here the same file under `node --import tsx`,
// so that signals reach the server process itself rather than npm.

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../electron/services/signal-cli.ts', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  const waitFor = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match);
      };
      const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} in ${JSON.stringify(output())}`)), timeoutMs);
      child.stdout.on('data', check);
      check();
    });
  return { child, exited, output, waitFor };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run signal', () => {
  it.each<[string[], string]>([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535 (got "abc")'],
    [['--port', '65536'], '--port must be a whole number from 0 to 65535 (got "65536")'],
    [['--port', '-1'], "Option '--port' argument is ambiguous"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--colour', 'blue'], "Unknown option '--colour'"],
    [['4444'], "Unexpected argument '4444'"],
    [['--host', 'a b'], '--host must be an IP address or a host name (got "a b")'],
    [['--max-connections-per-address', '0'], '--max-connections-per-address must be at least 1 (got "0")'],
  ])('refuses %j, saying why', (args, message) => {
    const result = parseSignalArgs(args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('reads good arguments, with defaults', () => {
    expect(parseSignalArgs([])).toEqual({ ok: true, args: { port: 4444, host: '0.0.0.0' } });
    expect(parseSignalArgs(['--port', '5000', '--host', '192.168.1.5', '--max-connections-per-address', '300'])).toEqual({
      ok: true,
      args: { port: 5000, host: '192.168.1.5', 'max-connections-per-address': 300 },
    });
    expect(parseSignalArgs(['-h'])).toEqual({ ok: true, help: true });
  });

  it('exits with code 2 and the usage on bad arguments', async () => {
    const cliRun = run(['--port', 'abc']);
    await expect(cliRun.exited).resolves.toBe(2);
    expect(cliRun.output().stderr).toContain('signal: --port must be a whole number');
    expect(cliRun.output().stderr).toContain('Usage: npm run signal');
  });

  it('serves on the given host and port, prints where to connect, and stops cleanly on SIGTERM', async () => {
    const cliRun = run(['--host', '127.0.0.1', '--port', '0']);
    const [, port] = await cliRun.waitFor(/ws:\/\/127\.0\.0\.1:(\d+)/);
    const response = await fetch(`http://127.0.0.1:${port}/plenum`);
    await expect(response.json()).resolves.toEqual({ app: 'plenum-signaling', version: 1 });

    const client = await SignalingTestClient.connect(`ws://127.0.0.1:${port}`);
    await client.roundTrip();
    cliRun.child.kill('SIGTERM');
    await expect(cliRun.exited).resolves.toBe(0);
    await client.closed;
    expect(cliRun.output().stdout).toContain('SIGTERM: stopping (1 connections open)');
  });

  it('serves a built participant page at /p/ and prints where phones open it; without one it says how to build it', async () => {
    const page = await mkdtemp(path.join(os.tmpdir(), 'plenum-cli-page-'));
    try {
      await writeFile(path.join(page, 'index.html'), '<!doctype html><title>Plenum</title>');
      const served = run(['--host', '127.0.0.1', '--port', '0', '--participant-page', page]);
      const [, port] = await served.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/p\//);
      const response = await fetch(`http://127.0.0.1:${port}/p/`);
      expect(response.status).toBe(200);
      await expect(response.text()).resolves.toContain('<title>Plenum</title>');
      served.child.kill('SIGTERM');
      await expect(served.exited).resolves.toBe(0);

      const unbuilt = run(['--host', '127.0.0.1', '--port', '0', '--participant-page', path.join(page, 'missing')]);
      const [, other] = await unbuilt.waitFor(/ws:\/\/127\.0\.0\.1:(\d+)/);
      await unbuilt.waitFor(/not built .*npm run build/);
      expect((await fetch(`http://127.0.0.1:${other}/p/`)).status).toBe(404);
      unbuilt.child.kill('SIGTERM');
      await expect(unbuilt.exited).resolves.toBe(0);
    } finally {
      await rm(page, { recursive: true, force: true });
    }
  });
});
