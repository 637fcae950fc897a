import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { PeerProcess } from './peer-process';

let server: SignalingServer;
const peers: PeerProcess[] = [];
const url = () => `ws://127.0.0.1:${server.port}`;

beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.stop()));
  await server.close();
});

async function start(name: string, room: string, extra: string[] = []): Promise<PeerProcess> {
  const peer = await PeerProcess.start(name, ['--signaling', url(), '--room', room, '--secret', 'K7QF2MXD9PAW', ...extra]);
  peers.push(peer);
  return peer;
}

describe('peer sync between laptops in separate processes', () => {
  it('a joining laptop receives the workshop and cards flow both ways over WebRTC', async () => {
    const host = await start('moderator', 'room-direct', ['--host', '--seed-title', 'Plenum']);
    host.send({ cmd: 'card', text: 'from the moderator' });
    const table = await start('table', 'room-direct');
    await table.seesCard('from the moderator');
    table.send({ cmd: 'card', text: 'from the table' });
    await host.seesCard('from the table');
    await expect.poll(async () => ((await table.status()).status as { directPeers: number }).directPeers, { timeout: 15_000 }).toBe(1);
    expect(await table.snapshot()).toEqual(await host.snapshot());
  }, 60_000);

  it('when WebRTC cannot connect, the relay through the host carries everything, encrypted', async () => {
    const host = await start('moderator', 'room-relay', ['--host', '--seed-title', 'Relay', '--block-webrtc']);
    host.send({ cmd: 'card', text: 'before the table came' });
    const table = await start('table', 'room-relay', ['--block-webrtc']);
    await table.seesCard('before the table came');
    table.send({ cmd: 'card', text: 'through the relay' });
    await host.seesCard('through the relay');
    const status = (await table.status()).status as { path: string; directPeers: number };
    expect(status.directPeers).toBe(0);
    expect(status.path).toBe('relay');
    expect(await table.snapshot()).toEqual(await host.snapshot());
  }, 60_000);
});
