import { z } from 'zod';
import { fromBase64, toBase64 } from '../../shared/base64';
import { newId } from '../../shared/model';
import type { CommandAnswer, PendingCommand, PhoneCommandInput, PhoneLink, PhoneLinkState } from '../../shared/phone/client';
import { phoneDownSchema } from '../../shared/phone/down';
import { PHONE_PROTOCOL_VERSION, phoneCommandSchema, type PhoneCommand, type PhoneMessage, type PhoneView } from '../../shared/phone/protocol';
import { joinVerifier } from '../../shared/protocol/join-secret';
import { PHONE_MESSAGE, toPhone, type PhoneJoinRequest, type PhoneUpRequest } from '../../shared/protocol/phone-wire';
import { derivePhoneKey, openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import { loadOutbox, saveOutbox, storedDeviceId, type KeyValueStore } from './phone-storage';

export type { KeyValueStore } from './phone-storage';

/*
 * The phone's link to the room (PhoneLink, shared/phone/client.ts), over the host's signaling
 * server (shared/protocol/phone-wire.ts): one WebSocket, joined with the code's verifier, frames
 * sealed with the room's phone key. The secret never leaves the page; the server sees the
 * verifier and ciphertext.
 *
 * What a person typed is never lost: every command waits in an outbox (in localStorage, so a
 * reload keeps it) until the laptop answered it, and is sent again after each reconnect and each
 * time the moderator's laptop comes back. Resends are safe: the laptop finds a resent card or dot
 * by its command id (shared/phone/protocol.ts, "Sent twice").
 *
 * Phones sleep: the link reconnects with backoff by itself, and at once when the phone wakes up
 * (`online`, the page becoming visible), checking a connection that looks open with a ping first;
 * an open connection is also pinged every HEARTBEAT_MS, for a network that went without a word.
 *
 * Everything platform-bound is injected (socket, storage, clock, wake-up events), so the link runs
 * in Node tests with the `ws` package.
 */

/** The link's side of a WebSocket: what it calls. */
export interface LinkSocket {
  send(data: string): void;
  close(): void;
}

/** What a socket reports to the link. */
export interface LinkSocketEvents {
  open(): void;
  /** A text frame. */
  message(data: string): void;
  /** Closed or failed; called once. */
  close(): void;
}

export type SocketFactory = (url: string, events: LinkSocketEvents) => LinkSocket;

export interface PhoneLinkOptions {
  /** The join secret, from the page's fragment. */
  secret: string;
  /** The server's WebSocket address; default: the page's own host (`ws(s)://location.host/`). */
  url?: string;
  /** Opens a WebSocket; default: the browser's. */
  connect?: SocketFactory;
  /** Where the device id and the outbox are kept; default: localStorage (in memory where there is none). */
  storage?: KeyValueStore;
  now?: () => number;
  /** Calls `listener` when the phone may have woken up; returns what stops it. Default: `online` and `visibilitychange`. */
  wake?: (listener: () => void) => () => void;
  /** Reconnect delays: the first, and the longest (ms). */
  backoff?: { firstMs: number; maxMs: number };
  /** How long a ping may take before a connection that looks open is given up (ms). */
  pingTimeoutMs?: number;
  /** How often an open connection is checked with a ping while nothing else says it is gone (ms). */
  heartbeatMs?: number;
  /** A command unanswered this long on a live connection is sent again (ms). */
  resendMs?: number;
}

/**
 * A network that goes away without a word (Wi-Fi out of reach, a router that drops the phone)
 * leaves the WebSocket looking open: no close comes, and the phone showed "online" with a card
 * "being sent" for as long as it lasted (QA). A ping this often finds out within seconds.
 */
const HEARTBEAT_MS = 10_000;

/** After a refusal for a rate limit or a full room: not sooner than this. */
const REFUSED_RETRY_MS = 3000;
/** A command the laptop refused for its rate is sent again after this. */
const RATE_RETRY_MS = 1500;
/** A command unanswered this long on a live connection is sent again (a frame dropped on the way). */
const UNANSWERED_RESEND_MS = 5000;

function pageUrl(): string {
  const { protocol, host } = globalThis.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/`;
}

const browserSocket: SocketFactory = (url, events) => {
  const socket = new WebSocket(url);
  let closed = false;
  const closeOnce = () => {
    if (closed) return;
    closed = true;
    events.close();
  };
  socket.onopen = () => events.open();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') events.message(event.data);
  };
  socket.onclose = closeOnce;
  socket.onerror = closeOnce;
  return { send: (data) => socket.send(data), close: () => socket.close() };
};

const browserWake = (listener: () => void): (() => void) => {
  if (typeof window === 'undefined') return () => undefined;
  const onVisible = () => {
    if (document.visibilityState === 'visible') listener();
  };
  window.addEventListener('online', listener);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', listener);
    document.removeEventListener('visibilitychange', onVisible);
  };
};

function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

function defaultStorage(): KeyValueStore {
  try {
    // Reading localStorage throws where storage is blocked (some private modes).
    if (typeof localStorage !== 'undefined' && localStorage !== null) return localStorage;
  } catch {
    // Falls through to memory.
  }
  return memoryStore();
}

const pongSchema = z.object({ type: z.literal('pong') });
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function openPhoneLink(options: PhoneLinkOptions): PhoneLink {
  const { secret } = options;
  const url = options.url ?? pageUrl();
  const connect = options.connect ?? browserSocket;
  const storage = options.storage ?? defaultStorage();
  const now = options.now ?? (() => Date.now());
  const backoff = options.backoff ?? { firstMs: 500, maxMs: 15_000 };
  const pingTimeoutMs = options.pingTimeoutMs ?? 3000;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const resendMs = options.resendMs ?? UNANSWERED_RESEND_MS;
  const device = storedDeviceId(storage, newId);
  const listeners = new Set<(answer?: CommandAnswer) => void>();
  const keys = new Map<string, Promise<RelayKey>>();

  let state: PhoneLinkState = { kind: 'connecting' };
  let view: PhoneView | null = null;
  let clockOffsetMs = 0;
  /** The largest clock offset read from a view on this connection; null before the first. */
  let bestOffset: number | null = null;
  let pending: PendingCommand[] = [];
  let closed = false;
  /** The outbox's storage key, once the verifier is known (it keeps one room's outbox from another's). */
  let outboxKey: string | null = null;

  /** The current connection; events of an older one are ignored. */
  let socket: LinkSocket | null = null;
  let generation = 0;
  let joined: { room: string; key: Promise<RelayKey> } | null = null;
  /** This link has been in the room once: a later wrong-code answer is a restarted server, not a wrong code. */
  let wasInRoom = false;
  let hostPresent = false;
  /**
   * The laptop's last message (sealed with the room's key, so it is the laptop's) was not of this
   * page's protocol: a venue server serving an older or newer page than the moderator's Plenum.
   * Waiting would look like a hang; the page says the versions differ until a message reads again.
   */
  let unreadable = false;
  const inRoom = (): PhoneLinkState => (unreadable ? { kind: 'versionMismatch' } : { kind: 'online' });
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setTimeout> | null = null;
  let rateTimer: ReturnType<typeof setTimeout> | null = null;
  let resendTimer: ReturnType<typeof setTimeout> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  /** When the current connection was opened (the phone's clock). */
  let openedAt = 0;
  /** When each pending command was last sent (the phone's clock). */
  const lastSent = new Map<string, number>();

  const notify = (answer?: CommandAnswer) => {
    for (const listener of [...listeners]) listener(answer);
  };
  const setState = (next: PhoneLinkState) => {
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    notify();
  };
  const persist = () => {
    if (outboxKey) saveOutbox(storage, outboxKey, pending);
  };

  const verifier = joinVerifier(secret);
  verifier.then(
    (value) => {
      outboxKey = `plenum.phone.outbox.${value.slice(0, 16)}`;
      const stored = loadOutbox(storage, outboxKey).filter((entry) => !pending.some((own) => own.id === entry.id));
      if (stored.length === 0) return;
      pending = [...stored, ...pending];
      persist();
      notify();
      flush();
    },
    () => {
      // Not a join code at all: no server can take it.
      halt();
      setState({ kind: 'wrongCode' });
    },
  );

  const keyFor = (room: string): Promise<RelayKey> => {
    let key = keys.get(room);
    if (!key) keys.set(room, (key = derivePhoneKey(secret, room)));
    return key;
  };

  const sendRaw = (message: PhoneJoinRequest | PhoneUpRequest | { type: 'ping' }) => socket?.send(JSON.stringify(message));

  /** Seals and sends one command, if the room and its host are there; it stays pending either way until answered. */
  const sendCommand = async (command: PhoneCommand) => {
    const target = joined;
    const current = socket;
    if (!target || !current || !hostPresent) return;
    const message: PhoneMessage = { v: PHONE_PROTOCOL_VERSION, device, command };
    const sealed = await sealRelayMessage(await target.key, utf8.encode(JSON.stringify(message)));
    if (socket !== current || joined !== target || closed) return;
    sendRaw({ type: PHONE_MESSAGE.up, data: toBase64(sealed) });
  };

  /** Says hello and sends everything unanswered: after every join and every return of the host. */
  const sendPending = (entry: PendingCommand) => {
    lastSent.set(entry.id, now());
    void sendCommand({ ...entry.command, id: entry.id } as PhoneCommand).catch(() => undefined);
  };

  /** While commands wait for an answer on a live connection, the old ones go again now and then. */
  const watchUnanswered = () => {
    if (resendTimer || closed || pending.length === 0) return;
    resendTimer = setTimeout(() => {
      resendTimer = null;
      if (closed) return;
      if (joined && hostPresent) for (const entry of pending) if (now() - (lastSent.get(entry.id) ?? 0) >= resendMs) sendPending(entry);
      watchUnanswered();
    }, resendMs);
  };

  const flush = () => {
    if (!joined || !hostPresent) return;
    void sendCommand({ type: 'hello', id: newId() }).catch(() => undefined);
    for (const entry of pending) sendPending(entry);
    watchUnanswered();
  };

  const stopTimer = (timer: ReturnType<typeof setTimeout> | null) => {
    if (timer) clearTimeout(timer);
    return null;
  };

  let wakeStopped = false;
  let stopWake: () => void = () => undefined;
  /** For good: no socket, timer or listener of the platform is left (React StrictMode closes and opens again). */
  const halt = () => {
    closed = true;
    generation += 1;
    retryTimer = stopTimer(retryTimer);
    pingTimer = stopTimer(pingTimer);
    rateTimer = stopTimer(rateTimer);
    resendTimer = stopTimer(resendTimer);
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    if (!wakeStopped) stopWake();
    wakeStopped = true;
    socket?.close();
    socket = null;
    joined = null;
  };

  /** The server refused this connection's join for now: the link closed it and asks again after REFUSED_RETRY_MS. */
  let askingLater = false;
  const scheduleReconnect = (minimumMs = 0) => {
    if (closed || retryTimer) return;
    const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** attempt) * (0.5 + Math.random() * 0.5);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, Math.max(minimumMs, delay));
  };

  const lost = () => {
    socket = null;
    joined = null;
    hostPresent = false;
    pingTimer = stopTimer(pingTimer);
    const askLater = askingLater || state.kind === 'refused';
    askingLater = false;
    if (closed) return;
    // A connection this link closed after a refusal is no lost connection: the page keeps saying why it waits.
    if (!askLater) setState(state.kind === 'lost' ? state : { kind: 'lost', since: now() });
    scheduleReconnect(askLater ? REFUSED_RETRY_MS : 0);
  };

  const onDown = async (data: string, key: Promise<RelayKey>) => {
    const sealed = fromBase64(data);
    const plain = sealed && (await openRelayMessage(await key, sealed));
    if (!plain || closed) return;
    let json: unknown;
    try {
      json = JSON.parse(fromUtf8.decode(plain));
    } catch {
      return;
    }
    const down = phoneDownSchema.safeParse(json);
    if (!down.success) {
      console.warn('Plenum: a message of the moderator’s laptop this page cannot read (another version?)', down.error.issues.slice(0, 3));
      unreadable = true;
      if (state.kind === 'online') setState(inRoom());
      return;
    }
    const message = down.data;
    if (unreadable) {
      unreadable = false;
      if (state.kind === 'versionMismatch') setState(inRoom());
    }
    if (message.type === 'view') {
      view = message.view;
      // A view is stamped when the laptop made it and arrives later (sealing, pacing, the network):
      // each reading is the offset less that delay, so the largest since joining is the truest.
      const reading = message.view.at - now();
      clockOffsetMs = bestOffset === null ? reading : Math.max(bestOffset, reading);
      bestOffset = clockOffsetMs;
      notify();
      return;
    }
    const entry = pending.find((candidate) => candidate.id === message.id);
    if (message.type === 'refused' && message.code === 'rateLimited' && entry) {
      // Not refused, only early: the laptop takes it in a moment.
      rateTimer ??= setTimeout(() => {
        rateTimer = null;
        flush();
      }, RATE_RETRY_MS);
      return;
    }
    if (entry) {
      pending = pending.filter((candidate) => candidate !== entry);
      lastSent.delete(entry.id);
      persist();
    }
    const answer: CommandAnswer =
      message.type === 'ok'
        ? { id: message.id, ok: true, ...message.result }
        : { id: message.id, ok: false, refusal: message.params ? { code: message.code, params: message.params } : { code: message.code } };
    notify(answer);
  };

  const onMessage = (text: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    if (pongSchema.safeParse(json).success) {
      pingTimer = stopTimer(pingTimer);
      return;
    }
    const parsed = toPhone.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case PHONE_MESSAGE.joined:
        if (!message.ok) {
          // Once in the room, a wrong code means the server restarted and the moderator's laptop
          // has not registered the room again yet: wait for it, keeping the view and the outbox.
          // A code another code replaced is wrong even for a phone that was in the room: it needs the new QR code.
          if ((message.reason === 'wrong-code' && !wasInRoom) || message.reason === 'code-replaced') {
            halt();
            setState({ kind: 'wrongCode' });
            return;
          }
          // A host that the server does not admit yet (its room still held under another code) is waited for too.
          if (message.reason === 'wrong-code' || message.reason === 'host-waiting') {
            setState({ kind: 'waitingForHost' });
            askingLater = true;
            socket?.close();
            return;
          }
          setState({ kind: 'refused', reason: message.reason });
          askingLater = true;
          socket?.close();
          return;
        }
        attempt = 0;
        wasInRoom = true;
        // Each connection reads the laptop's clock afresh (the laptop may have restarted, or be another).
        bestOffset = null;
        joined = { room: message.room, key: keyFor(message.room) };
        hostPresent = message.host;
        setState(message.host ? inRoom() : { kind: 'waitingForHost' });
        flush();
        return;
      case PHONE_MESSAGE.status:
        if (!joined) return;
        hostPresent = message.host;
        setState(message.host ? inRoom() : { kind: 'waitingForHost' });
        flush();
        return;
      case PHONE_MESSAGE.message:
        if (joined) void onDown(message.data, joined.key).catch(() => undefined);
        return;
    }
  };

  function open() {
    if (closed) return;
    retryTimer = stopTimer(retryTimer);
    openedAt = now();
    const mine = (generation += 1);
    const current = (fn: () => void) => () => {
      if (mine === generation && !closed) fn();
    };
    const events: LinkSocketEvents = {
      open: current(() => {
        void verifier.then(
          (value) => {
            if (mine === generation && !closed) sendRaw({ type: PHONE_MESSAGE.join, verifier: value });
          },
          () => undefined,
        );
      }),
      message: (data) => {
        if (mine === generation && !closed) onMessage(data);
      },
      close: current(lost),
    };
    try {
      socket = connect(url, events);
    } catch {
      socket = null;
      lost();
    }
  }

  /** The phone woke up: reconnect now if the link waits to, or check that an open connection still carries. */
  const onWake = () => {
    if (closed) return;
    if (!socket) {
      attempt = 0;
      open();
      return;
    }
    checkCarries();
  };
  /** Gives up a connection that looks open but carries nothing, and opens a new one at once. */
  const reopen = (given: LinkSocket) => {
    generation += 1;
    given.close();
    attempt = 0;
    lost();
    retryTimer = stopTimer(retryTimer);
    open();
  };
  /** Pings an open connection; one that does not answer within pingTimeoutMs is given up and opened again. */
  const checkCarries = () => {
    if (closed || !socket || !joined || pingTimer) return;
    sendRaw({ type: 'ping' });
    const checked = socket;
    pingTimer = setTimeout(() => {
      pingTimer = null;
      // Looks open, carries nothing: the phone slept through its end, or the network went.
      if (socket === checked) reopen(checked);
    }, pingTimeoutMs);
  };
  /**
   * Every heartbeat: an open connection is pinged; one still without the server's answer to its
   * join after a heartbeat (the answer lost on a network that went silent, or a connect that hangs)
   * is opened again. A refusal closes its connection, so this never asks again after one.
   */
  const onHeartbeat = () => {
    if (closed || !socket) return;
    if (joined) checkCarries();
    else if (now() - openedAt >= heartbeatMs) reopen(socket);
  };
  stopWake = (options.wake ?? browserWake)(onWake);
  heartbeat = setInterval(onHeartbeat, heartbeatMs);

  open();

  return {
    get state() {
      return state;
    },
    get view() {
      return view;
    },
    get pending() {
      return pending;
    },
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    send(input: PhoneCommandInput) {
      const id = newId();
      const command = { ...input, id } as PhoneCommand;
      // A screen's command that is not one of the protocol (a bug) is not kept to be resent forever.
      if (!phoneCommandSchema.safeParse(command).success) throw new TypeError(`not a phone command: ${input.type}`);
      const entry = { id, command: input, at: now() };
      pending = [...pending, entry];
      persist();
      notify();
      if (joined && hostPresent) sendPending(entry);
      watchUnanswered();
      return id;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      halt();
      listeners.clear();
    },
  };
}
