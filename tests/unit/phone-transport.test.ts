import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { openPhoneLink } from '../../participant/link/phone-link';
import { loadOutbox } from '../../participant/link/phone-storage';
import { PHONE_VIEW_INTERVAL_MS, startPhoneHub, type PhoneHub } from '../../renderer/network/phone-hub';
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

  it('phones shown the same view share one sealed message; a phone whose view did not change gets none', async () => {
    const room = await startRoom();
    const sent: Received[] = [];
    const send = room.host.send.bind(room.host);
    room.host.send = (message: object) => {
      sent.push(message as Received);
      send(message);
    };
    // Not named yet: both see the same plenary, the same roster.
    const first = openPhone(room.url);
    const second = openPhone(room.url);
    await waitFor(() => first.link.view !== null && second.link.view !== null, 'both views');
    // A change both see alike: one push, one message for both.
    room.fixture.closePlenary();
    await waitFor(() => first.link.view?.board === null && second.link.view?.board === null, 'the board closed on both');
    const views = () => sent.filter((message) => message.type === 'plenum-phone-down' && (message.to as string[]).length === 2);
    await waitFor(() => views().length > 0, 'one message for both');
    const before = sent.length;
    // A change only one of them sees (Dana has not agreed to be named: the roster stays): the other is sent nothing.
    const dana = await answerTo(first, first.link.send({ type: 'claimName', name: 'Dana' }));
    expect(dana.ok).toBe(true);
    await waitFor(() => second.link.view?.roster.length !== undefined && first.link.view?.me?.name === 'Dana', 'Dana named');
    const after = sent.slice(before).filter((message) => message.type === 'plenum-phone-down');
    // Dana's answer and Dana's view; nothing for the other phone.
    expect(after.map((message) => (message.to as string[]).length)).toEqual([1, 1]);
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

  it('a command whose answer got lost on a live connection is sent again, and done once', async () => {
    const room = await startRoom();
    const sockets = phoneSockets();
    const answers: CommandAnswer[] = [];
    const link = openPhoneLink({ secret: SECRET, url: room.url, connect: sockets.factory, storage: memoryStore(), wake: () => () => undefined, resendMs: 200 });
    cleanups.push(() => link.close());
    link.subscribe((answer) => {
      if (answer) answers.push(answer);
    });
    await waitFor(() => link.state.kind === 'online', 'online');
    link.send({ type: 'claimName', name: 'Dana' });
    await waitFor(() => link.view?.me?.name === 'Dana', 'named');
    sockets.muted = true;
    const id = link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Verloren?' });
    // Until the laptop's answer was dropped on the way.
    const key = await derivePhoneKey(SECRET, ROOM);
    const answered = async () => {
      for (const raw of sockets.dropped) {
        const message = JSON.parse(raw) as Received;
        const plain = await openRelayMessage(key, fromBase64(String(message.data)) ?? new Uint8Array());
        if (plain && new TextDecoder().decode(plain).includes(id)) return true;
      }
      return false;
    };
    let lost = false;
    await waitFor(() => {
      void answered().then((found) => (lost ||= found));
      return lost;
    }, 'the answer dropped');
    sockets.muted = false;
    await waitFor(() => answers.some((answer) => answer.id === id), 'the answer to the resend');
    expect(link.pending).toEqual([]);
    expect(sockets.opened()).toBe(1);
    expect(cardsSnapshot(room.fixture.doc)).toHaveLength(1);
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

  it('a server that restarts is no wrong code to a phone that was in the room: it waits, keeps what it holds, and sends it once the laptop is back', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    const port = room.server.port;
    room.host.close();
    await room.server.close();
    // The moderator's app restarts: a new server on the same port, the laptop not registered yet.
    const restarted = await startSignalingServer({ host: '127.0.0.1', port });
    cleanups.push(() => restarted.close());
    const id = dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Nach dem Neustart' });
    await waitFor(() => restarted.stats().phoneJoinsRefused > 0, 'the phone asked the new server', 15_000);
    expect(dana.link.state.kind).not.toBe('wrongCode');
    expect(dana.link.view).not.toBeNull();
    await room.rehost();
    await expect(answerTo(dana, id)).resolves.toMatchObject({ ok: true });
    expect(dana.states).not.toContain('wrongCode');
    expect(cardsSnapshot(room.fixture.doc).map((card) => card.text)).toEqual(['Nach dem Neustart']);
  });

  it('a phone of a host the server does not admit yet (another code held the room) waits, and is online once the host takes the room over', async () => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0, limits: { roomLapseMs: 50 } });
    cleanups.push(() => server.close());
    const url = `ws://127.0.0.1:${server.port}`;
    // The laptop that shared first, with another code (this one hosts from a backup of the same workshop).
    const first = await SignalingTestClient.connect(url);
    first.send({ type: 'plenum-host', room: ROOM, verifier: await joinVerifier('ZZZZ0EFGH1JK') });
    await expect(first.next(ofType('plenum-host-result'))).resolves.toMatchObject({ ok: true });
    const fixture = phoneRoomFixture();
    fixture.openPlenary();
    const hub = startPhoneHub({ doc: fixture.doc, room: ROOM, secret: SECRET });
    cleanups.push(() => hub.destroy());
    const host = await registerHost(url, hub);
    let admitted = false;
    host.on('message', (message?: unknown) => {
      if ((message as Received | undefined)?.type === 'plenum-host-result') admitted = (message as Received).ok === true;
    });

    const dana = openPhone(url);
    await waitFor(() => dana.link.state.kind === 'waitingForHost', 'waiting for the host');
    first.close();
    await first.closed;
    // The laptop asks again while refused (renderer/network/host-registration.ts), here every 100 ms.
    const verifier = await joinVerifier(SECRET);
    const asking = setInterval(() => host.send({ type: 'plenum-host', room: ROOM, verifier }), 100);
    cleanups.push(() => clearInterval(asking));
    await waitFor(() => admitted, 'the room taken over');
    clearInterval(asking);
    await waitFor(() => dana.link.state.kind === 'online', 'the phone in the room', 15_000);
    // It said all along that it waits for the moderator's laptop: never a wrong code, nor a lost connection.
    expect(dana.states).toEqual(['connecting', 'waitingForHost', 'online']);
  });

  it('a phone in the room whose code another code replaced is told its code is wrong, not to wait', async () => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0, limits: { roomLapseMs: 50 } });
    cleanups.push(() => server.close());
    const url = `ws://127.0.0.1:${server.port}`;
    const fixture = phoneRoomFixture();
    fixture.openPlenary();
    const hub = startPhoneHub({ doc: fixture.doc, room: ROOM, secret: SECRET });
    cleanups.push(() => hub.destroy());
    const host = await registerHost(url, hub);
    const dana = openPhone(url);
    await waitFor(() => dana.link.state.kind === 'online', 'online');
    // The moderator's laptop fails; a spare laptop hosts the workshop from its backup, with a new code.
    host.close();
    const spare = await SignalingTestClient.connect(url);
    cleanups.push(() => spare.close());
    const verifier = await joinVerifier('ZZZZ0EFGH1JK');
    let admitted = false;
    const asking = setInterval(() => spare.send({ type: 'plenum-host', room: ROOM, verifier }), 100);
    cleanups.push(() => clearInterval(asking));
    spare.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Received;
      if (message.type === 'plenum-host-result' && message.ok === true) admitted = true;
    });
    await waitFor(() => admitted, 'the spare laptop took the room over');
    clearInterval(asking);
    await waitFor(() => dana.link.state.kind === 'wrongCode', 'told to scan the new code', 15_000);
  });

  it('a view that arrives late does not set the countdown back: the clock offset is the largest reading since joining', async () => {
    const room = await startRoom();
    const dana = await namedPhone(room, 'Dana');
    await waitFor(() => dana.link.view !== null, 'a first view');
    const offset = dana.link.clockOffsetMs;
    // A view held back on its way for 400 ms (sealing, pacing, a slow Wi-Fi), then handed over.
    dana.sockets.muted = true;
    dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Später gezeigt' });
    await waitFor(() => dana.sockets.dropped.length >= 2, 'the answer and the new view held back');
    await new Promise((resolve) => setTimeout(resolve, 400));
    dana.sockets.muted = false;
    for (const frame of dana.sockets.dropped.splice(0)) dana.sockets.deliver(frame);
    await waitFor(() => cardTexts(dana).includes('Später gezeigt'), 'the late view shown');
    // Read from the late view alone, the laptop's clock would seem 400 ms behind.
    expect(dana.link.clockOffsetMs).toBeGreaterThan(offset - 150);
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

describe("the phone's link", () => {
  it('close() leaves nothing behind: no reconnect, no listener, no wake-up watch', async () => {
    const room = await startRoom();
    const sockets = phoneSockets();
    let watching = 0;
    const link = openPhoneLink({
      secret: SECRET,
      url: room.url,
      connect: sockets.factory,
      storage: memoryStore(),
      backoff: { firstMs: 5, maxMs: 10 },
      wake: () => {
        watching += 1;
        return () => (watching -= 1);
      },
    });
    let calls = 0;
    link.subscribe(() => (calls += 1));
    await waitFor(() => link.state.kind === 'online', 'online');
    link.close();
    link.close();
    expect(watching).toBe(0);
    const seen = calls;
    await waitFor(() => room.server.stats().phones === 0, 'the server forgot the phone');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sockets.opened()).toBe(1);
    expect(calls).toBe(seen);
  });

  it('says the versions differ when the laptop sends what this page cannot read, keeps the last view, and is back once a message reads', async () => {
    const room = await startRoom();
    const anna = await namedPhone(room, 'Anna Müller');
    // No view of the laptop's on its way (it sends one only after a change) that would read again at once.
    let quietRounds = 0;
    while (quietRounds < 4) {
      const view = anna.link.view;
      await new Promise((resolve) => setTimeout(resolve, 2 * PHONE_VIEW_INTERVAL_MS));
      quietRounds = anna.link.view === view ? quietRounds + 1 : 0;
    }
    const shown = anna.link.view;
    const key = await derivePhoneKey(SECRET, ROOM);
    const frame = async (value: unknown) =>
      JSON.stringify({ type: 'plenum-phone-msg', data: toBase64(await sealRelayMessage(key, new TextEncoder().encode(JSON.stringify(value)))) });

    // A newer laptop's view, with a field this page does not know (a venue server serving an older page).
    anna.sockets.deliver(await frame({ v: 1, type: 'view', view: { ...shown, seatsLeft: 3 } }));
    expect(anna.link.state.kind).toBe('online');
    await waitFor(() => anna.link.state.kind === 'versionMismatch', 'the page says the versions differ');
    expect(anna.link.view).toEqual(shown);
    // The server's word that the laptop is there does not hide it.
    anna.sockets.deliver(JSON.stringify({ type: 'plenum-phone-status', host: true }));
    expect(anna.link.state.kind).toBe('versionMismatch');

    // A message of this page's protocol reads again: the page is online.
    await expect(answerTo(anna, anna.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Trotzdem da' }))).resolves.toMatchObject({ ok: true });
    await waitFor(() => anna.link.state.kind === 'online', 'online again');

    // A message of another protocol version (the laptop's next view, due any moment, may read again at once).
    await waitFor(() => cardTexts(anna).includes('Trotzdem da'), 'the view with the card');
    const seen = anna.states.length;
    anna.sockets.deliver(await frame({ v: 2, type: 'ok', id: 'x1', result: {} }));
    await waitFor(() => anna.states.slice(seen).includes('versionMismatch'), 'the versions differ again');
  });

  it('works on a page without crypto.subtle or randomUUID (http://<LAN address>): joins, claims, adds a card', async () => {
    const room = await startRoom();
    const platform = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    if (!platform) throw new Error('no crypto here');
    const real = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: <T extends ArrayBufferView>(array: T): T => real.getRandomValues(array) }, configurable: true });
    try {
      const dana = await namedPhone(room, 'Dana');
      await expect(answerTo(dana, dana.link.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Ohne WebCrypto' }))).resolves.toMatchObject({ ok: true });
      expect(dana.storage.values.get('plenum.phone.device')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', platform);
    }
    expect(cardsSnapshot(room.fixture.doc).map((card) => card.text)).toEqual(['Ohne WebCrypto']);
  });

  it('finds out by itself when the network went without a word (nothing closes), and is back once it carries again', async () => {
    const room = await startRoom();
    const sockets = phoneSockets();
    const link = openPhoneLink({ secret: SECRET, url: room.url, connect: sockets.factory, storage: memoryStore(), wake: () => () => undefined, backoff: { firstMs: 20, maxMs: 200 }, heartbeatMs: 200, pingTimeoutMs: 300 });
    cleanups.push(() => link.close());
    await waitFor(() => link.state.kind === 'online', 'online');
    // Nothing arrives any more, and no close says so: a phone out of the Wi-Fi's reach.
    sockets.muted = true;
    const silentAt = Date.now();
    await waitFor(() => link.state.kind !== 'online', 'no longer online', 3000);
    expect(Date.now() - silentAt).toBeLessThan(2000);
    sockets.muted = false;
    await waitFor(() => link.state.kind === 'online', 'online again', 5000);
  });

  it('reconnects at once when the phone wakes up, and keeps only well-formed commands from storage', async () => {
    const room = await startRoom();
    const storage = memoryStore();
    const verifier = await joinVerifier(SECRET);
    storage.setItem(`plenum.phone.outbox.${verifier.slice(0, 16)}`, JSON.stringify([{ id: 'x', command: { type: 'closeVote' }, at: 1 }, 'junk', { id: 'ok-1', command: { type: 'hello' }, at: 2 }]));
    storage.setItem('plenum.phone.device', '../not an id');
    expect(loadOutbox(storage, `plenum.phone.outbox.${verifier.slice(0, 16)}`)).toEqual([{ id: 'ok-1', command: { type: 'hello' }, at: 2 }]);
    const sockets = phoneSockets();
    let wake: () => void = () => undefined;
    const link = openPhoneLink({
      secret: SECRET,
      url: room.url,
      connect: sockets.factory,
      storage,
      // Slow enough that only the wake-up can explain a quick reconnect.
      backoff: { firstMs: 60_000, maxMs: 60_000 },
      wake: (listener) => {
        wake = listener;
        return () => undefined;
      },
    });
    cleanups.push(() => link.close());
    await waitFor(() => link.state.kind === 'online' && link.pending.length === 0, 'online, the stored hello answered');
    expect(storage.getItem('plenum.phone.device')).toMatch(/^[0-9a-f-]{36}$/);
    sockets.cut();
    await waitFor(() => link.state.kind === 'lost', 'lost');
    wake();
    await waitFor(() => link.state.kind === 'online', 'online again after the wake-up', 3000);
    expect(sockets.opened()).toBe(2);
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
    // One connection is one phone: new device ids on it would each be a new person with a roster entry.
    for (let index = 0; index < 5; index += 1) {
      up(await seal({ v: 1, device: `2222222${index}-2222-4333-8444-555555555555`, command: { type: 'claimName', id: `r${index}`, name: `Mallory ${index}` } }));
    }
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
    expect(after.participants.filter((person) => person.name.startsWith('Mallory '))).toEqual([]);
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
