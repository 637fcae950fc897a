import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { FIRST_WAIT_MS, JITTER } from '../../renderer/network/stuck-connections';
import { converge, directMeshWithin, newRoom, roomArgs, sleep, status, stopAll } from './cluster';
import { uncaughtBesidesRestarts } from './faults-known';
import { PeerProcess } from './peer-process';

/*
 * The moderator's app hosts on every LAN address of the laptop and on 127.0.0.1
 * (electron/services/hosting.ts), and its own laptop connects through all of them: one signaling
 * server, several sockets. The server sends each message to every socket subscribed to the room,
 * so the moderator hears every offer and answer of a table once per address. An answer taken a
 * second time fails in state "stable" and closes the connection (fresh-answer.ts drops repeats).
 * Tests elsewhere give every laptop one address; a venue's moderator has two or more.
 */

const TABLES = 3;
/** The earliest moment the stuck-connection watch closes a connection to try again. */
const BEFORE_ANY_RETRY_MS = FIRST_WAIT_MS * (1 - JITTER);

let server: SignalingServer | undefined;
let peers: PeerProcess[] = [];

afterEach(async () => {
  await stopAll(peers);
  peers = [];
  await server?.close();
});

describe('a moderator whose laptop reaches its own server at several addresses', () => {
  it('connects directly to every table, and stays connected', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room = newRoom(`ws://127.0.0.1:${server.port}`);
    // Three addresses of the same server, as y-webrtc tells them apart: by their text.
    const addresses = [room.url, `${room.url}/`, `${room.url}/?lan=2`];
    const moderatorArgs = [...roomArgs(room), ...addresses.slice(1).flatMap((address) => ['--signaling', address])];
    peers.push(await PeerProcess.start('moderator', [...moderatorArgs, '--host', '--seed-title', 'Mehrere Adressen'], { readyTimeoutMs: 60_000 }));
    // One table after the other: this is about the repeats, not about glare.
    for (let index = 1; index <= TABLES; index += 1) peers.push(await PeerProcess.start(`table-${index}`, roomArgs(room), { readyTimeoutMs: 60_000 }));

    const fullMesh = Array.from({ length: TABLES + 1 }, () => TABLES);
    const meshAfter = (since: number, when: string) => directMeshWithin(peers, since, BEFORE_ANY_RETRY_MS, `several addresses, ${when}`);
    expect(await meshAfter(Date.now(), 'joined'), 'direct links per laptop, before any retry').toEqual(fullMesh);
    // Each table's laptop loses the Wi-Fi and comes back, one after the other: new connections, each
    // offer and answer heard by the moderator once per address again.
    for (const [index, table] of peers.slice(1).entries()) {
      await table.request({ cmd: 'disconnect' }, 'disconnected');
      await sleep(1000);
      const back = Date.now();
      await table.request({ cmd: 'connect' }, 'connected');
      expect(await meshAfter(back, `table ${index + 1} back`), 'direct links per laptop, before any retry').toEqual(fullMesh);
    }

    // All tables back online at the same instant: glare, with every message heard once per address.
    const tables = peers.slice(1);
    await Promise.all(tables.map((table) => table.request({ cmd: 'disconnect' }, 'disconnected')));
    await vi.waitFor(async () => expect((await status(peers[0] as PeerProcess)).status.directPeers, 'the moderator has let the tables go').toBe(0), { timeout: 20_000, interval: 250 });
    const together = Date.now();
    await Promise.all(tables.map((table) => table.request({ cmd: 'connect' }, 'connected')));
    expect(await meshAfter(together, 'tables back together'), 'direct links per laptop, before any retry').toEqual(fullMesh);

    // Held: a connection closed by a repeated answer comes back only on a retry.
    const held = Date.now();
    while (Date.now() - held < 3000) {
      await sleep(500);
      expect(await Promise.all(peers.map(async (peer) => (await status(peer)).status.directPeers)), 'direct links per laptop, a while later').toEqual(fullMesh);
    }
    await converge(peers, 20_000, 'several addresses');
    for (const peer of peers) expect(uncaughtBesidesRestarts(peer, peers), `${peer.name}: uncaught errors`).toEqual([]);
  }, 120_000);
});
