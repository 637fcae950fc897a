import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGNALING_INFO, type SignalingLogEvent } from '../../electron/services/signaling-server';
import { ofType, type SignalingTestClient } from '../sync/peers/signaling-client';
import { signalingServers } from '../support/signaling-servers';

// Plenum's extensions to the y-webrtc protocol: host registration, the join check, GET /plenum, and quiet logs.

let logged: SignalingLogEvent[] = [];
// Registered first, so it runs last (after hooks run in reverse): what the servers log as they close is not kept.
afterEach(() => {
  logged = [];
});
const { start: startServer, connect } = signalingServers({ log: (event) => logged.push(event) });

const VERIFIER_A = 'a'.repeat(43);
const VERIFIER_B = 'b'.repeat(43);

async function host(client: SignalingTestClient, room: string, verifier: string) {
  client.send({ type: 'plenum-host', room, verifier });
  return client.next(ofType('plenum-host-result'));
}

async function joinCheck(client: SignalingTestClient, verifier: string) {
  client.send({ type: 'plenum-join-check', verifier });
  return client.next(ofType('plenum-join-result'));
}

describe('host registration', () => {
  it('the first registration of a room wins; the same verifier may register again, another is refused', async () => {
    const server = await startServer();
    const [moderator, successor, squatter] = await Promise.all([connect(server), connect(server), connect(server)]);
    await expect(host(moderator, 'workshop-1', VERIFIER_A)).resolves.toEqual({ type: 'plenum-host-result', ok: true });
    await expect(host(successor, 'workshop-1', VERIFIER_A)).resolves.toEqual({ type: 'plenum-host-result', ok: true });
    await expect(host(squatter, 'workshop-1', VERIFIER_B)).resolves.toEqual({ type: 'plenum-host-result', ok: false, reason: 'room-taken' });
    expect(server.stats().registeredRooms).toBe(1);
  });

  it('refuses a second room under a verifier that already names a room', async () => {
    const server = await startServer();
    const moderator = await connect(server);
    await host(moderator, 'workshop-1', VERIFIER_A);
    await expect(host(moderator, 'workshop-2', VERIFIER_A)).resolves.toEqual({ type: 'plenum-host-result', ok: false, reason: 'verifier-in-use' });
  });

  it('caps the number of registered rooms', async () => {
    const server = await startServer({ maxRegisteredRooms: 2 });
    const moderator = await connect(server);
    await host(moderator, 'w1', '1'.repeat(16));
    await host(moderator, 'w2', '2'.repeat(16));
    await expect(host(moderator, 'w3', '3'.repeat(16))).resolves.toMatchObject({ ok: false, reason: 'too-many-rooms' });
  });

  it('caps the rooms one address may register', async () => {
    const server = await startServer({ maxRoomsPerAddress: 2 });
    const moderator = await connect(server);
    await host(moderator, 'w1', '1'.repeat(16));
    await host(moderator, 'w2', '2'.repeat(16));
    await expect(host(moderator, 'w3', '3'.repeat(16))).resolves.toMatchObject({ ok: false, reason: 'too-many-rooms' });
    // Renewing a room it holds is still fine.
    await expect(host(moderator, 'w1', '1'.repeat(16))).resolves.toMatchObject({ ok: true });
  });

  it('keeps a registration after its host disconnects', async () => {
    const server = await startServer();
    const moderator = await connect(server);
    await host(moderator, 'workshop-1', VERIFIER_A);
    moderator.close();
    await moderator.closed;
    const table = await connect(server);
    await expect(joinCheck(table, VERIFIER_A)).resolves.toEqual({ type: 'plenum-join-result', ok: true, room: 'workshop-1' });
  });
});

describe('a room after its host left', () => {
  // Waits may retry registrations and checks: each costs a verifier check.
  const retrying = { verifierChecksPerWindow: 10_000 };

  it('stays its first code’s within the lapse: another code is refused, the first laptop gets it back', async () => {
    const server = await startServer();
    const [moderator, second] = await Promise.all([connect(server), connect(server)]);
    await host(moderator, 'workshop-1', VERIFIER_A);
    moderator.close();
    await moderator.closed;
    await expect(host(second, 'workshop-1', VERIFIER_B)).resolves.toMatchObject({ ok: false, reason: 'room-taken' });
    const back = await connect(server);
    await expect(host(back, 'workshop-1', VERIFIER_A)).resolves.toEqual({ type: 'plenum-host-result', ok: true });
    await expect(host(second, 'workshop-1', VERIFIER_B)).resolves.toMatchObject({ ok: false, reason: 'room-taken' });
  });

  it('is taken over by another code once its last laptop has been gone for the lapse; tables and phones of the new code wait until then', async () => {
    const server = await startServer({ ...retrying, roomLapseMs: 50 });
    const [moderator, successor, table, phone, oldPhone] = await Promise.all([connect(server), connect(server), connect(server), connect(server), connect(server)]);
    await host(moderator, 'workshop-1', VERIFIER_A);
    oldPhone.send({ type: 'plenum-phone-join', verifier: VERIFIER_A });
    await expect(oldPhone.next(ofType('plenum-phone-joined'))).resolves.toMatchObject({ ok: true, room: 'workshop-1' });
    await expect(host(successor, 'workshop-1', VERIFIER_B)).resolves.toMatchObject({ ok: false, reason: 'room-taken' });
    // The right code of a host the server does not admit yet: not "wrong code".
    await expect(joinCheck(table, VERIFIER_B)).resolves.toEqual({ type: 'plenum-join-result', ok: false, reason: 'host-waiting' });
    phone.send({ type: 'plenum-phone-join', verifier: VERIFIER_B });
    await expect(phone.next(ofType('plenum-phone-joined'))).resolves.toEqual({ type: 'plenum-phone-joined', ok: false, reason: 'host-waiting' });
    // A holder still connected keeps it, however long.
    await new Promise((resolve) => setTimeout(resolve, 120));
    await expect(host(successor, 'workshop-1', VERIFIER_B)).resolves.toMatchObject({ ok: false, reason: 'room-taken' });

    moderator.close();
    await moderator.closed;
    await vi.waitFor(async () => expect(await host(successor, 'workshop-1', VERIFIER_B)).toMatchObject({ ok: true }), { timeout: 10_000 });
    await expect(joinCheck(table, VERIFIER_B)).resolves.toEqual({ type: 'plenum-join-result', ok: true, room: 'workshop-1' });
    // The first code is no wrong code either: it was replaced, and its phones were closed (they could not read the new host).
    await expect(joinCheck(table, VERIFIER_A)).resolves.toEqual({ type: 'plenum-join-result', ok: false, reason: 'code-replaced' });
    await oldPhone.closed;
    const again = await connect(server);
    again.send({ type: 'plenum-phone-join', verifier: VERIFIER_A });
    await expect(again.next(ofType('plenum-phone-joined'))).resolves.toEqual({ type: 'plenum-phone-joined', ok: false, reason: 'code-replaced' });
    // Now the first code is the one refused while the new holder is connected.
    const back = await connect(server);
    await expect(host(back, 'workshop-1', VERIFIER_A)).resolves.toMatchObject({ ok: false, reason: 'room-taken' });
    expect(server.stats().registeredRooms).toBe(1);
  });

  it('a refused host that left is no longer waited for: its code is wrong again', async () => {
    const server = await startServer(retrying);
    const [moderator, successor, table] = await Promise.all([connect(server), connect(server), connect(server)]);
    await host(moderator, 'workshop-1', VERIFIER_A);
    await host(successor, 'workshop-1', VERIFIER_B);
    await expect(joinCheck(table, VERIFIER_B)).resolves.toMatchObject({ ok: false, reason: 'host-waiting' });
    successor.close();
    await successor.closed;
    await vi.waitFor(async () => expect(await joinCheck(table, VERIFIER_B)).toEqual({ type: 'plenum-join-result', ok: false }), { timeout: 10_000 });
  });

  it('a room whose laptops are gone past the lapse gives way when the caps are reached, the longest gone first', async () => {
    const server = await startServer({ ...retrying, roomLapseMs: 50, maxRegisteredRooms: 3, maxRoomsPerAddress: 2 });
    const [earlier, table] = await Promise.all([connect(server), connect(server)]);
    await host(earlier, 'w1', '1'.repeat(16));
    earlier.close();
    await earlier.closed;
    const later = await connect(server);
    await host(later, 'w2', '2'.repeat(16));
    // The address's cap: w2's laptop is connected, w1's is gone.
    await vi.waitFor(async () => expect(await host(later, 'w3', '3'.repeat(16))).toMatchObject({ ok: true }), { timeout: 10_000 });
    await expect(joinCheck(table, '1'.repeat(16))).resolves.toMatchObject({ ok: false });
    await expect(joinCheck(table, '2'.repeat(16))).resolves.toMatchObject({ ok: true, room: 'w2' });
    // While their laptops are connected, rooms are kept and the cap refuses.
    await expect(host(later, 'w4', '4'.repeat(16))).resolves.toMatchObject({ ok: false, reason: 'too-many-rooms' });
    expect(server.stats().registeredRooms).toBe(2);
  });
});

describe('join check', () => {
  it('names the room of a registered verifier, and refuses an unknown one at once', async () => {
    const server = await startServer();
    const [moderator, table] = await Promise.all([connect(server), connect(server)]);
    await host(moderator, 'workshop-1', VERIFIER_A);
    await expect(joinCheck(table, VERIFIER_A)).resolves.toEqual({ type: 'plenum-join-result', ok: true, room: 'workshop-1' });
    const before = table.received.length;
    const refused = joinCheck(table, VERIFIER_B);
    await table.roundTrip();
    // Not held back: the refusal came before the answer to a ping sent after the check.
    expect(table.received.slice(before).map((message) => message.type)).toEqual(['plenum-join-result', 'pong']);
    await expect(refused).resolves.toEqual({ type: 'plenum-join-result', ok: false });
  });

  it('answers at most 10 checks per address per window, host registrations included, then recovers', async () => {
    const server = await startServer({ verifierWindowMs: 400 });
    const [first, second] = await Promise.all([connect(server), connect(server)]);
    await host(first, 'workshop-1', VERIFIER_A);
    for (let i = 0; i < 8; i++) await expect(joinCheck(first, `guess-${i}`.padEnd(16, '0'))).resolves.toMatchObject({ ok: false });
    await expect(joinCheck(second, VERIFIER_A)).resolves.toMatchObject({ ok: true });

    // The limit is per address, not per connection: the second connection shares the budget.
    await expect(joinCheck(second, VERIFIER_A)).resolves.toEqual({ type: 'plenum-join-result', ok: false, reason: 'rate-limited' });
    await expect(host(first, 'workshop-1', VERIFIER_A)).resolves.toEqual({ type: 'plenum-host-result', ok: false, reason: 'rate-limited' });
    await expect(joinCheck(first, VERIFIER_A)).resolves.toMatchObject({ ok: false, reason: 'rate-limited' });
    // Logged once per address and run of refusals, not once per guess or per connection.
    expect(logged.filter((entry) => entry.event === 'rate-limited')).toEqual([
      { event: 'rate-limited', address: '127.0.0.1', reason: 'verifier-checks' },
    ]);

    await new Promise((resolve) => setTimeout(resolve, 450));
    await expect(joinCheck(second, VERIFIER_A)).resolves.toMatchObject({ ok: true, room: 'workshop-1' });
  });

  it('does not answer a malformed check, so it costs nothing from the budget', async () => {
    const server = await startServer({ verifierChecksPerWindow: 1 });
    const table = await connect(server);
    table.send({ type: 'plenum-join-check', verifier: 'too-short' });
    table.send({ type: 'plenum-join-check', verifier: 'x'.repeat(129) });
    await table.roundTrip();
    expect(table.pending).toEqual([]);
    await expect(joinCheck(table, VERIFIER_A)).resolves.toEqual({ type: 'plenum-join-result', ok: false });
  });
});

describe('HTTP', () => {
  it('answers GET /plenum with what the server is, readable from any origin', async () => {
    const server = await startServer();
    const response = await fetch(`http://127.0.0.1:${server.port}/plenum`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await expect(response.json()).resolves.toEqual({ app: 'plenum-signaling', version: 1 });
    expect(SIGNALING_INFO).toEqual({ app: 'plenum-signaling', version: 1 });
  });

  it('answers 404 on other paths and 405 on other methods', async () => {
    const server = await startServer();
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/plenum/x`)).status).toBe(404);
    expect((await fetch(`${base}/plenum`, { method: 'POST', body: '{}' })).status).toBe(405);
    const query = await fetch(`${base}/plenum?probe=1`);
    expect(query.status).toBe(200);
    await query.arrayBuffer();
  });
});

describe('logs', () => {
  it('hold counts, addresses and reasons, never contents, room names or verifiers', async () => {
    const server = await startServer({ maxPayloadBytes: 4096, maxTopicsPerConnection: 1, maxConnectionsPerAddress: 3 });
    const [moderator, table, big] = await Promise.all([connect(server), connect(server), connect(server)]);
    await expect(connect(server)).rejects.toThrow('429');
    moderator.send({ type: 'subscribe', topics: ['secret-room-name', 'second-secret-room'] });
    await host(moderator, 'secret-room-name', VERIFIER_A);
    await host(table, 'secret-room-name', VERIFIER_B);
    await joinCheck(table, VERIFIER_A);
    table.send({ type: 'publish', topic: 'secret-room-name', data: 'secret-card-text' });
    table.sendRaw('{"type":"publish","topic":"secret-room-name","data":"secret-in-garbage"');
    big.send({ type: 'publish', topic: 'secret-room-name', data: `secret-${'x'.repeat(5000)}` });
    await big.closed;
    await table.roundTrip();
    await server.close();

    const text = JSON.stringify(logged);
    expect(logged.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['listening', 'refused', 'topics-refused', 'host-registration', 'disconnected', 'closed']),
    );
    expect(text).not.toMatch(/secret|aaaa|bbbb/);
  });
});
