import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { openPhoneLink } from '../../participant/link/phone-link';
import type { CommandAnswer } from '../../shared/phone';
import { memoryStore, phoneSockets, waitFor } from '../support/phone-net';
import { PeerProcess } from './peer-process';

// The moderator laptop's peer sync (a Node process, as in the other sync tests) takes phones: the
// phone hub runs where the room is registered, on y-webrtc's own signaling connection.

let server: SignalingServer;
const peers: PeerProcess[] = [];
const SECRET = 'K7QF2MXD9PAW';

beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.stop()));
  await server.close();
});

describe('phones reach the moderator laptop that registered the room', () => {
  it('a phone joins, claims a name and is shown the workshop; a table laptop takes no phones', async () => {
    const url = `ws://127.0.0.1:${server.port}`;
    const host = await PeerProcess.start('moderator', ['--signaling', url, '--room', 'room-phones', '--secret', SECRET, '--host', '--seed-title', 'Plenum']);
    peers.push(host);
    const table = await PeerProcess.start('table', ['--signaling', url, '--room', 'room-phones', '--secret', SECRET]);
    peers.push(table);
    const sockets = phoneSockets();
    const link = openPhoneLink({ secret: SECRET, url, connect: sockets.factory, storage: memoryStore(), wake: () => () => undefined });
    const answers: CommandAnswer[] = [];
    link.subscribe((answer) => {
      if (answer) answers.push(answer);
    });
    try {
      await waitFor(() => link.state.kind === 'online', 'the phone online', 20_000);
      const id = link.send({ type: 'claimName', name: 'Dana' });
      await waitFor(() => answers.some((answer) => answer.id === id), 'the answer', 20_000);
      expect(answers.find((answer) => answer.id === id)).toMatchObject({ ok: true });
      await waitFor(() => link.view?.me?.name === 'Dana', 'the view', 20_000);
      expect(link.view?.workshop.title).toBe('Plenum');
      expect(server.stats()).toMatchObject({ phones: 1 });
      // One answer, from the host: the table laptop did not answer too.
      expect(answers.filter((answer) => answer.id === id)).toHaveLength(1);
    } finally {
      link.close();
    }
  });
});
