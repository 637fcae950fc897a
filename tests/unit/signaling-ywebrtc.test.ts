import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { nodeArgsFor } from '../support/peer-bundles';

// Two real y-webrtc providers, each in its own Node process (see tests/sync/peers/ywebrtc-peer.ts for why),
// with @roamhq/wrtc, no ICE servers, a room password, and this project's signaling server on loopback.

const root = fileURLToPath(new URL('../..', import.meta.url));
const peerScript = fileURLToPath(new URL('../sync/peers/ywebrtc-peer.ts', import.meta.url));

type PeerEvent = { event: string; webrtc?: number; entries?: Record<string, string> };

class PeerProcess {
  readonly events: PeerEvent[] = [];
  private listeners: Array<() => void> = [];
  stderr = '';

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as PeerEvent);
      } catch {
        return;
      }
      for (const listener of this.listeners) listener();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  until(match: (event: PeerEvent) => boolean, timeoutMs = 15_000): Promise<PeerEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(match);
        if (!found) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== check);
        const seen = JSON.stringify(this.events.slice(-5));
        reject(new Error(`peer: no matching event within ${timeoutMs} ms; last events ${seen}; stderr: ${this.stderr.slice(-500)}`));
      }, timeoutMs);
      this.listeners.push(check);
      check();
    });
  }

  command(value: unknown): void {
    this.child.stdin.write(`${JSON.stringify(value)}\n`);
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let server: SignalingServer;
const peers: PeerProcess[] = [];

function spawnPeer(room: string, password: string): PeerProcess {
  const child = spawn(
    process.execPath,
    [...nodeArgsFor(peerScript), '--signaling', `ws://127.0.0.1:${server.port}`, '--room', room, '--password', password],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const peer = new PeerProcess(child);
  peers.push(peer);
  return peer;
}

beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  for (const peer of peers) peer.child.kill('SIGKILL');
  await server.close();
});

describe('y-webrtc through this signaling server', () => {
  it('two providers in separate processes sync a Y.Map over WebRTC, both ways', async () => {
    const room = randomUUID();
    const password = randomUUID();
    // The moderator first, as in a workshop: the table then finds it through its own announce. (Two peers that
    // announce at the same instant both open an offer, and y-webrtc's glare handling occasionally stalls; that is
    // y-webrtc's business, not the signaling server's, and would only make this test flaky.)
    const moderator = spawnPeer(room, password);
    await waitFor(() => server.stats().messagesReceived >= 2); // subscribe, announce
    const table = spawnPeer(room, password);
    await table.until((e) => e.event === 'ready');

    const started = performance.now();
    moderator.command({ cmd: 'set', key: 'from-moderator', value: 'Webinar series on energy efficiency' });
    await table.until((e) => e.event === 'map' && e.entries?.['from-moderator'] === 'Webinar series on energy efficiency');
    const firstSyncMs = performance.now() - started;

    table.command({ cmd: 'set', key: 'from-table', value: 'Workshop on war-risk insurance' });
    await moderator.until((e) => e.event === 'map' && e.entries?.['from-table'] === 'Workshop on war-risk insurance');

    // The document travelled over a WebRTC data channel, not through the server (which saw signaling only).
    await expect(moderator.until((e) => e.event === 'peers' && (e.webrtc ?? 0) >= 1)).resolves.toBeTruthy();
    await expect(table.until((e) => e.event === 'peers' && (e.webrtc ?? 0) >= 1)).resolves.toBeTruthy();
    expect(server.stats()).toMatchObject({ connections: 2, topics: 1, messagesIgnored: 0 });
    console.info(`y-webrtc: first entry reached the other process ${firstSyncMs.toFixed(0)} ms after it was written (includes signaling and ICE)`);
  }, 20_000);
});
