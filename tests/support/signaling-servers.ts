import { afterEach } from 'vitest';
import type { ClientOptions } from 'ws';
import { startSignalingServer, type SignalingLimits, type SignalingServer, type SignalingServerOptions } from '../../electron/services/signaling-server';
import { SignalingTestClient } from '../sync/peers/signaling-client';

/*
 * The real signaling server on 127.0.0.1, port 0, and raw clients to it, for unit tests. Every
 * server and client a test opens is closed after that test (clients first), so that a failing
 * test leaves no port or socket behind for the next.
 */

export interface SignalingServers {
  /** Starts a server with these limits (and the file's options, a log say). */
  start(limits?: Partial<SignalingLimits>): Promise<SignalingServer>;
  /** Opens a raw client to `server`; rejects with the HTTP status when the server refuses it. */
  connect(server: SignalingServer, options?: ClientOptions): Promise<SignalingTestClient>;
}

/** Call once at the top of a test file: it registers the file's clean-up. */
export function signalingServers(options: Omit<SignalingServerOptions, 'host' | 'port' | 'limits'> = {}): SignalingServers {
  const servers: SignalingServer[] = [];
  const clients: SignalingTestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return {
    async start(limits = {}) {
      const server = await startSignalingServer({ ...options, host: '127.0.0.1', port: 0, limits });
      servers.push(server);
      return server;
    },
    async connect(server, clientOptions = {}) {
      const client = await SignalingTestClient.connect(`ws://127.0.0.1:${server.port}`, clientOptions);
      clients.push(client);
      return client;
    },
  };
}
