import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { openPhoneLink } from '../../participant/link/phone-link';
import { startPhoneHub, type PhoneHub } from '../../renderer/network/phone-hub';
import { fromBase64, toBase64 } from '../../shared/base64';
import { cardsSnapshot, LIMITS, openVoteRound, PLENARY_BOARD_ID, voteRoundsSnapshot, workshopSnapshot } from '../../shared/model';
import type { CommandAnswer, PhoneLink } from '../../shared/phone';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { derivePhoneKey, openRelayMessage, sealRelayMessage } from '../../shared/protocol/relay-crypto';
import { memoryStore, NodeSignalingSocket, phoneSockets, waitFor, type PhoneSockets } from '../support/phone-net';
import { phoneRoomFixture } from '../support/phone-room';
import { SignalingTestClient, ofType, type Received } from '../sync/peers/signaling-client';

// Phones end to end below the screens: the phone's link, the real signaling server and the
// moderator laptop's hub on a real workshop document (shared/model), all over loopback.

const SECRET = 'ABCD0EFGH1JK';
const ROOM = '5b0c7a52-3d0e-4f4f-9b1e-2a8f9c3d4e5f';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Room {
  server: SignalingServer;
  url: string;
  fixture: ReturnType<typeof phoneRoomFixture>;
  hub: PhoneHub;
  host: NodeSignalingSocket;
  /** Connects the moderator laptop again (a new signaling connection, as after a drop). */
  rehost(): Promise<NodeSignalingSocket>;
}

async function registerHost(url: string, hub: PhoneHub): Promise<NodeSignalingSocket> {
  const verifier = await joinVerifier(SECRET);
  const socket = new NodeSignalingSocket(url);
  let registered = false;
  socket.on('message', (message?: unknown) => {
    if ((message as Received | undefined)?.type === 'plenum-host-result') registered = true;
  });
  socket.on('connect', () => socket.send({ type: 'plenum-host', room: ROOM, verifier }));
  hub.attach(socket);
  await waitFor(() => registered, 'the host registered');
  cleanups.push(() => socket.close());
  return socket;
}

async function startRoom(): Promise<Room> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => server.close());
  const url = `ws://127.0.0.1:${server.port}`;
  const fixture = phoneRoomFixture();
  fixture.openPlenary();
  const hub = startPhoneHub({ doc: fixture.doc, room: ROOM, secret: SECRET });
  cleanups.push(() => hub.destroy());
  const host = await registerHost(url, hub);
  return {
    server,
    url,
    fixture,
    hub,
    host,
    rehost: () => registerHost(url, hub),
  };
}

interface TestPhone {
  link: PhoneLink;
  sockets: PhoneSockets;
  answers: CommandAnswer[];
  /** Every state the link went through, in order. */
  states: string[];
  storage: ReturnType<typeof memoryStore>;
}

function openPhone(url: string, options: { secret?: string; storage?: ReturnType<typeof memoryStore> } = {}): TestPhone {
  const sockets = phoneSockets();
  const storage = options.storage ?? memoryStore();
  const link = openPhoneLink({ secret: options.secret ?? SECRET, url, connect: sockets.factory, storage, wake: () => () => undefined, backoff: { firstMs: 20, maxMs: 200 } });
  const answers: CommandAnswer[] = [];
  const states: string[] = [link.state.kind];
  link.subscribe((answer) => {
    if (answer) answers.push(answer);
    if (states.at(-1) !== link.state.kind) states.push(link.state.kind);
  });
  cleanups.push(() => link.close());
  return { link, sockets, answers, states, storage };
}

/** Resolves with the laptop's answer to command `id`. */
async function answerTo(phone: TestPhone, id: string): Promise<CommandAnswer> {
  await waitFor(() => phone.answers.some((answer) => answer.id === id), `the answer to ${id}`);
  const answer = phone.answers.find((candidate) => candidate.id === id);
  if (!answer) throw new Error('unreachable');
  return answer;
}

async function namedPhone(room: Room, name: string): Promise<TestPhone> {
  const phone = openPhone(room.url);
  await waitFor(() => phone.link.state.kind === 'online', `${name}'s phone online`);
  const claim = await answerTo(phone, phone.link.send({ type: 'claimName', name }));
  expect(claim.ok).toBe(true);
  await waitFor(() => phone.link.view?.me?.name === name, `${name}'s view`);
  return phone;
}

const cardTexts = (phone: TestPhone) => phone.link.view?.board?.cards.map((card) => card.text) ?? [];

describe('phones in the room, end to end', () => {
  it('a phone joins, claims a name and adds a card: it is in the document and in every phone view', async () => {
    const room = await startRoom();
    const [anna, dana, emil] = await Promise.all([namedPhone(room, 'Anna Müller'), namedPhone(room, 'Dana'), namedPhone(room, 'Emil')]);
    expect(anna.link.view?.me?.participantId).toBe(room.fixture.anna.id);
    const added = await answerTo(dana, dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Mehr Bänke im Park' }));
    expect(added).toMatchObject({ ok: true });
    expect(cardsSnapshot(room.fixture.doc).map((card) => card.text)).toEqual(['Mehr Bänke im Park']);
    for (const phone of [anna, dana, emil]) await waitFor(() => cardTexts(phone).includes('Mehr Bänke im Park'), 'the card in every view');
    expect(dana.link.view?.board?.cards[0]?.mine).toBe(true);
    expect(anna.link.view?.board?.cards[0]?.mine).toBe(false);
    expect(dana.link.pending).toEqual([]);
    expect(room.hub.phones()).toBe(3);
  });

  it('a wrong code is refused as wrongCode, and so is text that is no code', async () => {
    const room = await startRoom();
    const wrong = openPhone(room.url, { secret: 'ZZZZ0EFGH1JK' });
    const junk = openPhone(room.url, { secret: 'not a code' });
    await waitFor(() => wrong.link.state.kind === 'wrongCode' && junk.link.state.kind === 'wrongCode', 'both refused');
    expect(room.server.stats().phones).toBe(0);
  });

  it("a phone's frames never reach another phone: no frame, no device id, nothing of its commands", async () => {
    const room = await startRoom();
    const verifier = await joinVerifier(SECRET);
    const key = await derivePhoneKey(SECRET, ROOM);
    // The second phone is a raw connection that records every byte it is sent.
    const listener = await SignalingTestClient.connect(room.url);
    cleanups.push(() => listener.close());
    listener.send({ type: 'plenum-phone-join', verifier });
    await listener.next(ofType('plenum-phone-joined', { ok: true }));
    const anna = await namedPhone(room, 'Anna Müller');
    const device = anna.storage.values.get('plenum.phone.device') ?? '';
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    await answerTo(anna, anna.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Geheim?' }));
    await listener.roundTrip();
    const opened = await Promise.all(
      listener.received.filter((message) => message.type === 'plenum-phone-msg').map(async (message) => {
        const plain = await openRelayMessage(key, fromBase64(String(message.data)) ?? new Uint8Array());
        return plain ? new TextDecoder().decode(plain) : '';
      }),
    );
    const everything = JSON.stringify(listener.received) + opened.join('');
    expect(listener.received.some((message) => message.type === 'plenum-phone-from')).toBe(false);
    expect(everything).not.toContain(device);
    // What it was sent it could open (it holds the key): no reply to anybody's command, views at most.
    for (const text of opened) expect(JSON.parse(text)).toMatchObject({ type: 'view' });
  });

  it('a phone whose connection drops with an unanswered card sends it again, and the card exists once', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    dana.sockets.muted = true;
    const id = dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Noch einmal?' });
    await waitFor(() => cardsSnapshot(room.fixture.doc).length === 1, 'the card in the document');
    expect(dana.link.pending.map((entry) => entry.id)).toEqual([id]);
    expect(dana.storage.values.get([...dana.storage.values.keys()].find((name) => name.startsWith('plenum.phone.outbox.')) ?? '')).toContain('Noch einmal?');
    dana.sockets.cut();
    dana.sockets.muted = false;
    await expect(answerTo(dana, id)).resolves.toMatchObject({ ok: true });
    expect(dana.states).toEqual(['connecting', 'online', 'lost', 'online']);
    expect(dana.sockets.opened()).toBe(2);
    expect(dana.link.pending).toEqual([]);
    expect(cardsSnapshot(room.fixture.doc)).toHaveLength(1);
    await waitFor(() => cardTexts(dana).length === 1, 'the view');
  });

  it('a reload keeps who the phone is and sends what was left in its outbox', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    const storage = dana.storage;
    dana.sockets.muted = true;
    dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Nach dem Neuladen' });
    await waitFor(() => cardsSnapshot(room.fixture.doc).length === 1, 'the card in the document');
    dana.link.close();
    const again = openPhone(room.url, { storage });
    await waitFor(() => again.link.view?.me?.name === 'Dana' && again.link.pending.length === 0, 'the same person, outbox answered');
    expect(cardsSnapshot(room.fixture.doc)).toHaveLength(1);
    expect(again.link.view?.board?.cards[0]).toMatchObject({ text: 'Nach dem Neuladen', mine: true });
  });

  it('phones wait while the host laptop is away, and are online again when it is back', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    room.host.close();
    await waitFor(() => dana.link.state.kind === 'waitingForHost', 'waiting for the host');
    const id = dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Während der Pause' });
    await room.rehost();
    await waitFor(() => dana.link.state.kind === 'online', 'online again');
    await expect(answerTo(dana, id)).resolves.toMatchObject({ ok: true });
    expect(cardsSnapshot(room.fixture.doc).map((card) => card.text)).toEqual(['Während der Pause']);
  });

  it('the hub leaves nothing behind when it stops', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    expect(room.host.listenerCount()).toBeGreaterThan(1);
    room.hub.destroy();
    // Only the registration's own listeners (this test's) stay.
    expect(room.host.listenerCount()).toBe(2);
    const heard = room.host.received.length;
    const id = dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Niemand hört' });
    // The frame reaches the laptop's socket; no hub takes it up any more.
    await waitFor(() => room.host.received.slice(heard).some((message) => (message as Received).type === 'plenum-phone-from'), 'the frame at the laptop');
    await new Promise((resolve) => setImmediate(resolve));
    expect(dana.answers.some((answer) => answer.id === id)).toBe(false);
    expect(cardsSnapshot(room.fixture.doc)).toHaveLength(0);
  });
});

describe('hostile phones', () => {
  it('junk, forged downs, oversized frames, floods and forbidden commands change nothing, and the others keep working', async () => {
    const room = await startRoom();
    const anna = await namedPhone(room, 'Anna Müller');
    const annaCard = await answerTo(anna, anna.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Annas Karte' }));
    const cardId = annaCard.ok ? annaCard.cardId : undefined;
    expect(cardId).toBeDefined();
    room.fixture.must(openVoteRound(room.fixture.doc, { boardId: PLENARY_BOARD_ID, budget: 3, allowStacking: false, now: Date.now() }));
    const before = JSON.stringify(workshopSnapshot(room.fixture.doc));

    const verifier = await joinVerifier(SECRET);
    const key = await derivePhoneKey(SECRET, ROOM);
    const seal = async (value: unknown) => toBase64(await sealRelayMessage(key, new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))));
    const hostile = async () => {
      const client = await SignalingTestClient.connect(room.url);
      cleanups.push(() => client.close());
      client.send({ type: 'plenum-phone-join', verifier });
      await client.next(ofType('plenum-phone-joined', { ok: true }));
      return client;
    };
    const mallory = await hostile();
    const device = '11111111-2222-4333-8444-555555555555';
    const up = (data: string) => mallory.send({ type: 'plenum-phone-up', data });
    // Claims a name (so the commands below are judged on what they ask, not refused for an unknown person).
    up(await seal({ v: 1, device, command: { type: 'claimName', id: 'm1', name: 'Mallory' } }));
    await waitFor(() => JSON.stringify(workshopSnapshot(room.fixture.doc)).includes('Mallory'), 'Mallory in the roster');
    const withMallory = JSON.stringify(workshopSnapshot(room.fixture.doc));
    up('not base64 at all ***');
    up(toBase64(new Uint8Array(64)));
    up(await seal('{"v":1, broken json'));
    up(await seal({ v: 1, device, command: { type: 'deleteOwnCard', id: 'm2', cardId } }));
    up(await seal({ v: 1, device, command: { type: 'editOwnCard', id: 'm3', cardId, text: 'übernommen' } }));
    up(await seal({ v: 1, device, command: { type: 'closeVote', id: 'm4', roundId: voteRoundsSnapshot(room.fixture.doc)[0]?.id } }));
    up(await seal({ v: 1, device, command: { type: 'addCard', id: 'm5', boardId: PLENARY_BOARD_ID, text: 'x'.repeat(LIMITS.cardTextMax + 1) } }));
    mallory.send({ type: 'plenum-phone-down', room: ROOM, to: ['aaaaaaaaaaaa'], data: 'Zm9yZ2Vk' });
    await mallory.roundTrip();

    // A thousand frames a second from a second hostile phone, and one over the size limit from a third.
    const flood = await hostile();
    const frame = await seal({ v: 1, device: 'ffffffff-2222-4333-8444-555555555555', command: { type: 'hello', id: 'f' } });
    const flooding = setInterval(() => {
      for (let index = 0; index < 100; index += 1) flood.send({ type: 'plenum-phone-up', data: frame });
    }, 100);
    cleanups.push(() => clearInterval(flooding));
    await waitFor(() => room.server.stats().phoneFramesDropped > 200, 'the flood under way');
    const huge = await hostile();
    huge.sendRaw(JSON.stringify({ type: 'plenum-phone-up', data: 'A'.repeat(400_000) }));
    await expect(huge.closed).resolves.toBe(1009);

    // Meanwhile an honest phone's card goes through promptly.
    const dana = await namedPhone(room, 'Dana');
    const started = Date.now();
    await expect(answerTo(dana, dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Trotzdem da' }))).resolves.toMatchObject({ ok: true });
    const tookMs = Date.now() - started;
    clearInterval(flooding);
    expect(tookMs).toBeLessThan(1000);

    const after = workshopSnapshot(room.fixture.doc);
    expect(after.cards.map((card) => card.text).sort()).toEqual(['Annas Karte', 'Trotzdem da']);
    expect(after.voteRounds.map((round) => round.state)).toEqual(['open']);
    // Nothing of Mallory's but her name; the honest phone's name and card are the only other changes.
    expect(withMallory.length).toBeGreaterThan(before.length);
    expect(after.participants.filter((person) => person.name === 'Mallory')).toHaveLength(1);
    // Mallory was answered with refusals only, never sent anybody else's frame.
    const replies = await Promise.all(
      mallory.received.filter((message) => message.type === 'plenum-phone-msg').map(async (message) => {
        const plain = await openRelayMessage(key, fromBase64(String(message.data)) ?? new Uint8Array());
        return plain ? (JSON.parse(new TextDecoder().decode(plain)) as Received) : null;
      }),
    );
    const codes = Object.fromEntries(replies.filter((reply) => reply && reply.type !== 'view').map((reply) => [String(reply?.id), reply?.type === 'ok' ? 'ok' : String(reply?.code)]));
    expect(codes).toEqual({ m1: 'ok', m2: 'notYourCard', m3: 'notYourCard', m4: 'malformed', m5: 'tooLong' });
    // The flood reached the laptop as its bucket allows (40 at once, 10 a second), the rest stopped at the server.
    expect(room.server.stats().phoneFramesUp).toBeLessThan(150);
  });
});
