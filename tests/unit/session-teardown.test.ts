import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createWorkshopDoc, encodeWorkshopState } from '../../shared/model';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { startPeerSync, type PeerSync } from '../../renderer/network/peer-sync';
import { openWorkshopSession } from '../../renderer/session/workshop-session';
import type { ConnectionRow } from '../../renderer/storage/plenum-db';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { BrowserLikeWebSocket } from '../sync/peers/browser-websocket';

/*
 * A connection that is torn down leaves nothing behind on the signaling server, and "work
 * offline" cuts it there after any sequence of open and close. Real y-webrtc providers and
 * this project's signaling server on loopback; no WebRTC peer is needed for that (none connects).
 */

// Node 20 has no global WebSocket; y-webrtc looks it up when it connects (as tests/sync/peers do).
const globals = globalThis as { WebSocket?: unknown };
const hadWebSocket = globals.WebSocket;
beforeAll(() => {
  globals.WebSocket ??= BrowserLikeWebSocket;
});
afterAll(() => {
  globals.WebSocket = hadWebSocket;
});

let server: SignalingServer;
const started: PeerSync[] = [];

beforeEach(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  for (const sync of started.splice(0)) sync.destroy();
  await server.close();
});

async function start(room: string): Promise<PeerSync> {
  const sync = await startPeerSync({
    doc: new Y.Doc(),
    room,
    secret: 'K7QF2MXD9PAW',
    signaling: [`ws://127.0.0.1:${server.port}`],
    identity: { name: 'Tisch 1', role: 'table', tableId: null },
  });
  started.push(sync);
  return sync;
}

describe('tearing a connection down', () => {
  it('going offline after the workshop was closed and opened again closes the socket to the server', async () => {
    const room = `teardown-${crypto.randomUUID()}`;
    const first = await start(room);
    await vi.waitFor(() => expect(first.status().servers).toBe(1), { timeout: 10_000 });
    first.destroy();
    const second = await start(room);
    await vi.waitFor(() => expect(second.status().servers).toBe(1), { timeout: 10_000 });
    // The room topic and the relay topic, from one socket: the closed connection is not there any more.
    await vi.waitFor(() => expect(server.stats()).toMatchObject({ connections: 1, topics: 2 }), { timeout: 10_000 });

    second.disconnect();
    expect(second.status().state).toBe('offline');
    await vi.waitFor(() => expect(server.stats()).toMatchObject({ connections: 0, topics: 0 }), { timeout: 10_000 });

    second.connect();
    await vi.waitFor(() => expect(second.status().servers).toBe(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(server.stats()).toMatchObject({ connections: 1, topics: 2 }), { timeout: 10_000 });
  });

  it('a destroyed connection leaves the server', async () => {
    const sync = await start(`teardown-${crypto.randomUUID()}`);
    await vi.waitFor(() => expect(server.stats()).toMatchObject({ connections: 1, topics: 2 }), { timeout: 10_000 });
    sync.destroy();
    await vi.waitFor(() => expect(server.stats()).toMatchObject({ connections: 0, topics: 0 }), { timeout: 10_000 });
  });
});

describe('a connection controller that is no longer wanted', () => {
  it('never connects when it was aborted before it reached the network (React StrictMode mounts twice)', async () => {
    const row: ConnectionRow = { workshopId: 'w1', role: 'table', secret: 'K7QF2MXD9PAW', signaling: ['ws://127.0.0.1:1'], name: 'Tisch 1', tableId: null, updatedAt: 0 };
    // The session reads the connection record when it opens, and owns the connection from then on.
    const store = await WorkshopStore.open(`teardown-${crypto.randomUUID()}`);
    await store.createJoinedWorkshop({ id: 'w1', title: '', date: '', createdAt: 0, updatedAt: 0 }, encodeWorkshopState(createWorkshopDoc()), row);
    const startSync = vi.fn(startPeerSync);
    const abort = new AbortController();
    const pending = openWorkshopSession(store, 'w1', { network: { start: startSync, signal: abort.signal } });
    abort.abort();
    const session = await pending;
    const controller = session.connection;
    if (!controller) throw new Error('opened without its connection');
    expect(startSync).not.toHaveBeenCalled();
    expect(controller.state().sync).toBeNull();
    controller.destroy();
    await session.close();
  });
});

describe('a workshop session opened with the network', () => {
  const row: ConnectionRow = { workshopId: 'w2', role: 'table', secret: 'K7QF2MXD9PAW', signaling: ['ws://127.0.0.1:1'], name: 'Tisch 1', tableId: null, updatedAt: 0 };

  async function joinedStore(): Promise<WorkshopStore> {
    const store = await WorkshopStore.open(`teardown-${crypto.randomUUID()}`);
    await store.createJoinedWorkshop({ id: 'w2', title: '', date: '', createdAt: 0, updatedAt: 0 }, encodeWorkshopState(createWorkshopDoc()), row);
    return store;
  }

  it('starts its connection with the record it read when it opened, once, and stops it when it closes', async () => {
    const store = await joinedStore();
    const destroy = vi.fn();
    const fake = { subscribe: () => () => undefined, destroy } as unknown as PeerSync;
    const startSync = vi.fn(async () => fake);
    const read = vi.spyOn(store, 'getConnection');
    const session = await openWorkshopSession(store, 'w2', { network: { start: startSync } });
    const connection = session.connection;
    if (!connection) throw new Error('opened without its connection');
    await connection.started;
    expect(startSync).toHaveBeenCalledTimes(1);
    expect(startSync).toHaveBeenCalledWith(expect.objectContaining({ room: 'w2', secret: row.secret, signaling: row.signaling, host: false }));
    expect(connection.state()).toMatchObject({ row, sync: fake, error: null });
    expect(read).toHaveBeenCalledTimes(1);
    expect(destroy).not.toHaveBeenCalled();
    await session.close();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('starts the network only once the saver listens: what arrives the moment it connects is saved', async () => {
    const store = await joinedStore();
    const fake = { subscribe: () => () => undefined, destroy: () => undefined } as unknown as PeerSync;
    // A peer's update applied as peer sync starts, before it even resolves.
    const startSync = vi.fn(async ({ doc }: { doc: Y.Doc }) => {
      doc.getMap('meta').set('title', 'Vom Nachbarn');
      return fake;
    });
    const before = await store.countUpdates('w2');
    const session = await openWorkshopSession(store, 'w2', { network: { start: startSync } });
    await session.connection?.started;
    await session.saver.flush();
    expect(startSync).toHaveBeenCalledTimes(1);
    expect(await store.countUpdates('w2')).toBe(before + 1);
    await session.close();
  });

  it('stays off the network when opened without it', async () => {
    const store = await joinedStore();
    const session = await openWorkshopSession(store, 'w2');
    expect(session.connection).toBeNull();
    await session.close();
  });
});
