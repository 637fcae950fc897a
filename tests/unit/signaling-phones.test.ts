import { describe, expect, it } from 'vitest';
import type { SignalingServer } from '../../electron/services/signaling-server';
import { PHONE_FRAME_MAX_BYTES, PHONE_UP_RATE } from '../../electron/services/signaling-phones';
import { ofType, type Received, type SignalingTestClient } from '../sync/peers/signaling-client';
import { signalingServers } from '../support/signaling-servers';

// The server's side of phones (shared/protocol/phone-wire.ts): who joins, who gets which frame, and what a phone may not do.

const { start: startServer, connect } = signalingServers();

const ROOM = 'workshop-1';
const VERIFIER = 'v'.repeat(43);

async function host(server: SignalingServer, room = ROOM, verifier = VERIFIER): Promise<SignalingTestClient> {
  const client = await connect(server);
  client.send({ type: 'plenum-host', room, verifier });
  await client.next(ofType('plenum-host-result', { ok: true }));
  return client;
}

async function phone(server: SignalingServer, verifier = VERIFIER): Promise<{ client: SignalingTestClient; joined: Received }> {
  const client = await connect(server);
  client.send({ type: 'plenum-phone-join', verifier });
  return { client, joined: await client.next(ofType('plenum-phone-joined')) };
}

/** The connection id the host was told of for the next phone that joins. */
async function presentPhone(moderator: SignalingTestClient): Promise<string> {
  const presence = await moderator.next(ofType('plenum-phone-presence', { present: true }));
  return String(presence.phone);
}

describe('phones join', () => {
  it('answers the room and whether its host is there; a wrong code is refused', async () => {
    const server = await startServer();
    const early = await phone(server);
    expect(early.joined).toEqual({ type: 'plenum-phone-joined', ok: false, reason: 'wrong-code' });
    const moderator = await host(server);
    const { joined } = await phone(server);
    expect(joined).toEqual({ type: 'plenum-phone-joined', ok: true, room: ROOM, host: true });
    await presentPhone(moderator);
    expect(server.stats()).toMatchObject({ phones: 1, phoneJoinsRefused: 1 });
  });

  it('takes 60 phones behind one address within a second, while wrong codes from it are still limited', async () => {
    const server = await startServer();
    const moderator = await host(server);
    const started = performance.now();
    const crowd = await Promise.all(Array.from({ length: 60 }, () => phone(server)));
    expect(crowd.every(({ joined }) => joined.ok === true)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
    for (let index = 0; index < 60; index += 1) await presentPhone(moderator);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, index) => phone(server, `guess-${index}`.padEnd(43, 'x'))));
    const reasons = guesses.map(({ joined }) => joined.reason);
    // Ten checks per window and address; the moderator's registration (same address here) took one, the 60 joins none.
    expect(reasons.filter((reason) => reason === 'wrong-code')).toHaveLength(9);
    expect(reasons.filter((reason) => reason === 'rate-limited')).toHaveLength(3);
    // Past the limit the address is refused whatever it sends, or the limit would not stop guessing (the link retries).
    expect((await phone(server)).joined).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('refuses phones past the room limit', async () => {
    const server = await startServer({ maxPhonesPerRoom: 2 });
    await host(server);
    await phone(server);
    await phone(server);
    expect((await phone(server)).joined).toEqual({ type: 'plenum-phone-joined', ok: false, reason: 'room-full' });
  });
});

describe("a phone's frames", () => {
  it('go to the host connection alone, with the phone connection id; nobody else sees them', async () => {
    const server = await startServer();
    const moderator = await host(server);
    const table = await connect(server);
    table.send({ type: 'subscribe', topics: [ROOM] });
    await table.roundTrip();
    const first = await phone(server);
    const firstId = await presentPhone(moderator);
    const second = await phone(server);
    const secondId = await presentPhone(moderator);
    expect(firstId).not.toBe(secondId);

    first.client.send({ type: 'plenum-phone-up', data: 'c2VhbGVk' });
    await expect(moderator.next(ofType('plenum-phone-from'))).resolves.toEqual({ type: 'plenum-phone-from', phone: firstId, data: 'c2VhbGVk' });
    await Promise.all([second.client.roundTrip(), table.roundTrip(), first.client.roundTrip()]);
    for (const other of [second.client, table, first.client]) expect(other.received.some((message) => message.type === 'plenum-phone-from' || JSON.stringify(message).includes('c2VhbGVk'))).toBe(false);
    expect(server.stats()).toMatchObject({ phoneFramesUp: 1 });
  });

  it("a down is taken from the room's host connection only, and reaches only the phones it names in that room", async () => {
    const server = await startServer();
    const moderator = await host(server);
    const otherHost = await host(server, 'workshop-2', 'w'.repeat(43));
    const first = await phone(server);
    const firstId = await presentPhone(moderator);
    const second = await phone(server);
    const secondId = await presentPhone(moderator);
    const elsewhere = await phone(server, 'w'.repeat(43));
    const elsewhereId = await presentPhone(otherHost);

    // A phone, a laptop of the room (not its host) and another room's host try to speak for the host.
    first.client.send({ type: 'plenum-phone-down', room: ROOM, to: [secondId], data: 'forged' });
    const bystander = await connect(server);
    bystander.send({ type: 'plenum-phone-down', room: ROOM, to: [secondId], data: 'forged' });
    otherHost.send({ type: 'plenum-phone-down', room: ROOM, to: [secondId], data: 'forged' });
    // The host cannot reach another room's phone either.
    moderator.send({ type: 'plenum-phone-down', room: ROOM, to: [elsewhereId, firstId], data: 'real' });
    await expect(first.client.next(ofType('plenum-phone-msg'))).resolves.toEqual({ type: 'plenum-phone-msg', data: 'real' });
    await Promise.all([second.client.roundTrip(), elsewhere.client.roundTrip(), bystander.roundTrip(), otherHost.roundTrip()]);
    expect(second.client.received.some((message) => message.type === 'plenum-phone-msg')).toBe(false);
    expect(elsewhere.client.received.some((message) => message.type === 'plenum-phone-msg')).toBe(false);
    expect(server.stats()).toMatchObject({ phoneFramesDown: 1 });
  });

  it("the host's downs have a bucket of their own: a view to every phone after each change is not cut at the laptops' rate", async () => {
    const server = await startServer({ messageBurst: 50, messagesPerSecond: 10 });
    const moderator = await host(server);
    const { client } = await phone(server);
    const id = await presentPhone(moderator);
    for (let index = 0; index < 300; index += 1) moderator.send({ type: 'plenum-phone-down', room: ROOM, to: [id], data: `v${index}` });
    await client.next(ofType('plenum-phone-msg', { data: 'v299' }), 5000);
    expect(client.received.filter((message) => message.type === 'plenum-phone-msg')).toHaveLength(300);
    // Anything else from the host beyond its rate is still dropped.
    for (let index = 0; index < 100; index += 1) moderator.send({ type: 'subscribe', topics: [`t${index}`] });
    await client.roundTrip();
    expect(server.stats().messagesRateLimited).toBeGreaterThan(0);
  });

  it('a phone may not subscribe, publish or host once it is one', async () => {
    const server = await startServer();
    const moderator = await host(server);
    const table = await connect(server);
    table.send({ type: 'subscribe', topics: [ROOM] });
    await table.roundTrip();
    const { client } = await phone(server);
    await presentPhone(moderator);
    client.send({ type: 'subscribe', topics: [ROOM] });
    client.send({ type: 'publish', topic: ROOM, data: 'from a phone' });
    client.send({ type: 'plenum-host', room: ROOM, verifier: VERIFIER });
    await client.roundTrip();
    table.send({ type: 'publish', topic: ROOM, data: 'from the table' });
    await expect(table.next(ofType('publish', { data: 'from the table' }))).resolves.toMatchObject({ clients: 1 });
    await table.roundTrip();
    expect(table.received.some((message) => message.data === 'from a phone')).toBe(false);
    expect(client.received.some((message) => message.type === 'publish' || message.type === 'plenum-host-result')).toBe(false);
    // The moderator is still the room's host: the phone's frames reach it.
    client.send({ type: 'plenum-phone-up', data: 'still-yours' });
    await expect(moderator.next(ofType('plenum-phone-from'))).resolves.toMatchObject({ data: 'still-yours' });
  });

  it('cuts off a phone that sends a frame over its limit', async () => {
    const server = await startServer();
    await host(server);
    const { client } = await phone(server);
    client.sendRaw(JSON.stringify({ type: 'plenum-phone-up', data: 'x'.repeat(PHONE_FRAME_MAX_BYTES) }));
    await expect(client.closed).resolves.toBe(1009);
  });

  it('passes a flooding phone on at its rate only; the other phones get through', async () => {
    const server = await startServer();
    const moderator = await host(server);
    const flood = await phone(server);
    await presentPhone(moderator);
    const honest = await phone(server);
    const honestId = await presentPhone(moderator);
    for (let index = 0; index < 1000; index += 1) flood.client.send({ type: 'plenum-phone-up', data: `f${index}` });
    honest.client.send({ type: 'plenum-phone-up', data: 'honest' });
    await expect(moderator.next(ofType('plenum-phone-from', { phone: honestId }), 5000)).resolves.toMatchObject({ data: 'honest' });
    await flood.client.roundTrip(5000).catch(() => undefined);
    const relayed = moderator.received.filter((message) => message.type === 'plenum-phone-from' && message.phone !== honestId).length;
    expect(relayed).toBeLessThanOrEqual(PHONE_UP_RATE.burst + 20);
    expect(server.stats().phoneFramesDropped).toBeGreaterThan(900);
  });
});

describe('presence and status', () => {
  it('tells the host who comes and goes, a new host every phone present, and phones whether a host is there', async () => {
    const server = await startServer();
    const moderator = await host(server);
    const first = await phone(server);
    const firstId = await presentPhone(moderator);
    const second = await phone(server);
    const secondId = await presentPhone(moderator);
    second.client.close();
    await expect(moderator.next(ofType('plenum-phone-presence', { present: false }))).resolves.toMatchObject({ phone: secondId });

    moderator.close();
    await expect(first.client.next(ofType('plenum-phone-status'))).resolves.toEqual({ type: 'plenum-phone-status', host: false });
    const successor = await host(server);
    await expect(successor.next(ofType('plenum-phone-presence'))).resolves.toEqual({ type: 'plenum-phone-presence', phone: firstId, present: true });
    await expect(first.client.next(ofType('plenum-phone-status'))).resolves.toEqual({ type: 'plenum-phone-status', host: true });
    await successor.roundTrip();
    expect(successor.received.filter((message) => message.type === 'plenum-phone-presence')).toHaveLength(1);
  });

  it('the earliest registration is the host: a later connection with the code takes no phone frames while it is open; when it closes, the next takes over and the phones say hello again', async () => {
    const server = await startServer();
    const moderator = await host(server);
    // Anyone holding the code can register the room: a second connection of a phone or a table laptop.
    const intruder = await host(server);
    const { client } = await phone(server);
    await presentPhone(moderator);
    client.send({ type: 'plenum-phone-up', data: 'to-moderator' });
    await expect(moderator.next(ofType('plenum-phone-from'))).resolves.toMatchObject({ data: 'to-moderator' });
    await intruder.roundTrip();
    expect(intruder.received.filter((message) => message.type === 'plenum-phone-from' || message.type === 'plenum-phone-presence')).toEqual([]);
    // Not even by registering again.
    intruder.send({ type: 'plenum-host', room: ROOM, verifier: VERIFIER });
    client.send({ type: 'plenum-phone-up', data: 'still-to-moderator' });
    await expect(moderator.next(ofType('plenum-phone-from'))).resolves.toMatchObject({ data: 'still-to-moderator' });
    await intruder.roundTrip();
    expect(intruder.received.some((message) => message.type === 'plenum-phone-from')).toBe(false);
    moderator.close();
    await presentPhone(intruder);
    await expect(client.next(ofType('plenum-phone-status'))).resolves.toEqual({ type: 'plenum-phone-status', host: true });
    client.send({ type: 'plenum-phone-up', data: 'to-next' });
    await expect(intruder.next(ofType('plenum-phone-from'))).resolves.toMatchObject({ data: 'to-next' });
  });
});
