import { onWorkshopUpdate, workshopSnapshot, type WorkshopDoc } from '../../shared/model';
import { fromBase64, toBase64 } from '../../shared/base64';
import {
  createOwnCardCache,
  createPhoneGate,
  parsePhoneMessage,
  phoneFromDevice,
  phoneRoom,
  phoneView,
  receivePhoneMessage,
  viewMessage,
  type Phone,
  type PhoneDown,
} from '../../shared/phone';
import { PHONE_DOWN_MAX_TARGETS, PHONE_MESSAGE, toPhoneHost, type PhoneDownRequest } from '../../shared/protocol/phone-wire';
import { derivePhoneKey, openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import type { SignalingSocket } from './relay';

/*
 * The moderator laptop's side of phones (shared/protocol/phone-wire.ts, shared/phone/protocol.ts):
 * it hears the room's phones through the signaling server it registered the room with, opens
 * their frames with the room's phone key, lets shared/phone apply each command to the workshop
 * document and answers it, and keeps every phone's view up to date.
 *
 * Views. After a change of the document, at most once per `viewIntervalMs`, every phone whose
 * view changed gets it (compared as JSON without the clock stamp); phones shown the same view
 * share one sealed message. Runs on every document change but reads the document once per push
 * (one snapshot for all phones), so a burst of sixty cards costs a push, not sixty.
 *
 * Plain TypeScript without the DOM: the same hub runs in Node for tests and the bench.
 */

/** Shortest time between two pushes of views: a burst of changes becomes one push. */
export const PHONE_VIEW_INTERVAL_MS = 60;

/**
 * What the pushes may send on average (bytes a second): the signaling server reads at most 2 MiB a
 * second from one address and pauses it beyond (electron/services/signaling-limits.ts), which
 * would hold up this laptop's own signaling too. A push of many large views waits accordingly
 * before the next: sixty phones of a 2,000-card board (about 250 KiB each) are a push every ten
 * seconds, sixty phones of a 50-card board a few a second.
 */
export const PHONE_VIEW_BYTES_PER_SECOND = 1536 * 1024;

export interface PhoneHubOptions {
  doc: WorkshopDoc;
  /** The room (the workshop id): the phone key's salt, and what `down` names. */
  room: string;
  /** The join secret. */
  secret: string;
  /** The laptop's clock (ms): stamps cards and views. */
  now?: () => number;
  viewIntervalMs?: number;
  /** Average bytes a second the views may take (PHONE_VIEW_BYTES_PER_SECOND). */
  viewBytesPerSecond?: number;
}

export interface PhoneHub {
  /** Listens for phones on a signaling socket (one the room was registered on); again for the same socket does nothing. */
  attach(socket: SignalingSocket): void;
  /** Forgets sockets y-webrtc has replaced. */
  keepOnly(current: readonly SignalingSocket[]): void;
  /** Phones present on the attached sockets. */
  phones(): number;
  /** Stops for good: no listener, timer or pending send is left. */
  destroy(): void;
}

interface PhoneEntry {
  /** The device it said it is, in its last frame that could be read; null before. */
  device: Phone | null;
  /** The last view it was sent, as JSON without `at`. */
  shown: string | null;
}

interface Attached {
  socket: SignalingSocket;
  phones: Map<string, PhoneEntry>;
  /** Phones the server said left: a frame of theirs still being opened is dropped, not taken for a new phone. */
  gone: Set<string>;
  onMessage: (message: unknown) => void;
  onDisconnect: () => void;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function startPhoneHub(options: PhoneHubOptions): PhoneHub {
  const { doc, room, secret } = options;
  const now = options.now ?? (() => Date.now());
  const interval = options.viewIntervalMs ?? PHONE_VIEW_INTERVAL_MS;
  const bytesPerSecond = options.viewBytesPerSecond ?? PHONE_VIEW_BYTES_PER_SECOND;
  /** The pause the last push asks for before the next, by what it sent. */
  let pause = interval;
  const gate = createPhoneGate();
  const own = createOwnCardCache();
  const attached = new Map<SignalingSocket, Attached>();
  const key: Promise<RelayKey> = derivePhoneKey(secret, room);
  let destroyed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPush = -Infinity;
  let pushing = false;
  let pushAgain = false;

  const sendDown = (socket: SignalingSocket, to: string[], data: string): number => {
    if (destroyed || !socket.connected) return 0;
    for (let start = 0; start < to.length; start += PHONE_DOWN_MAX_TARGETS) {
      const request: PhoneDownRequest = { type: PHONE_MESSAGE.down, room, to: to.slice(start, start + PHONE_DOWN_MAX_TARGETS), data };
      socket.send(request);
    }
    return data.length * Math.ceil(to.length / PHONE_DOWN_MAX_TARGETS);
  };
  const seal = async (down: PhoneDown): Promise<string> => toBase64(await sealRelayMessage(await key, utf8.encode(JSON.stringify(down))));

  /** Sends every phone whose view changed its view: one snapshot, one sealed message per distinct view. */
  const push = async () => {
    if (pushing) {
      pushAgain = true;
      return;
    }
    pushing = true;
    lastPush = now();
    try {
      const at = now();
      const snapshot = workshopSnapshot(doc);
      const phoneState = phoneRoom(doc);
      const groups = new Map<string, { socket: SignalingSocket; to: string[]; down: PhoneDown }>();
      for (const { socket, phones } of attached.values()) {
        for (const [id, entry] of phones) {
          if (!entry.device) continue;
          const view = phoneView(snapshot, phoneState, entry.device, at, own);
          const shown = JSON.stringify({ ...view, at: 0 });
          if (shown === entry.shown) continue;
          entry.shown = shown;
          const group = groups.get(shown);
          if (group && group.socket === socket) group.to.push(id);
          else groups.set(group ? `${shown}\n${id}` : shown, { socket, to: [id], down: viewMessage(view) });
        }
      }
      own.keepOnly(new Set([...attached.values()].flatMap(({ phones }) => [...phones.values()].flatMap((entry) => (entry.device ? [entry.device.deviceKey] : [])))));
      let sent = 0;
      for (const { socket, to, down } of groups.values()) sent += sendDown(socket, to, await seal(down));
      pause = Math.max(interval, (sent / bytesPerSecond) * 1000);
    } finally {
      pushing = false;
    }
    if (pushAgain && !destroyed) {
      pushAgain = false;
      schedulePush();
    }
  };

  function schedulePush() {
    if (destroyed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void push();
    }, Math.max(0, lastPush + pause - now()));
  }

  /** One frame from phone `id`: open it, apply it, answer it. Frames that do not open are dropped unanswered. */
  const receive = async (target: Attached, id: string, data: string) => {
    const sealed = fromBase64(data);
    const plain = sealed && (await openRelayMessage(await key, sealed));
    if (!plain || destroyed) return;
    let text: string;
    try {
      text = fromUtf8.decode(plain);
    } catch {
      return;
    }
    if (target.gone.has(id)) return;
    const entry = target.phones.get(id) ?? { device: null, shown: null };
    target.phones.set(id, entry);
    const message = parsePhoneMessage(text);
    if (message.ok) {
      // One connection is one phone: the first device id it names is its own. A connection that
      // names another (a script cycling ids) is dropped: each new id would be a new person with a
      // fresh rate bucket, a roster entry and a cache of its own.
      if (entry.device && entry.device.deviceId !== message.value.device) return;
      // A phone that says who it is for the first time, or says hello again (it reconnected, or
      // misses its view), gets its view.
      if (!entry.device || message.value.command.type === 'hello') entry.shown = null;
      entry.device ??= phoneFromDevice(message.value.device);
    }
    const reply = receivePhoneMessage(doc, gate, text, now());
    if (reply) sendDown(target.socket, [id], await seal(reply));
    if (entry.shown === null) schedulePush();
  };

  /** Whether some phone said who it is: only those get views. */
  const anyViewer = () => [...attached.values()].some(({ phones }) => [...phones.values()].some((entry) => entry.device !== null));
  // Without a phone a push reads the whole workshop for nobody, 0–60 ms after each edit of the
  // room, on the moderator's laptop, while the card is still on its way to the others. A phone
  // that arrives gets its view when it says hello (receive, above).
  const stopDocument = onWorkshopUpdate(doc, () => {
    if (anyViewer()) schedulePush();
  });

  const keepOnly = (current: readonly SignalingSocket[]) => {
    for (const [socket, target] of attached) {
      if (current.includes(socket)) continue;
      socket.off('message', target.onMessage);
      socket.off('disconnect', target.onDisconnect);
      attached.delete(socket);
    }
  };

  return {
    attach(socket) {
      if (destroyed || attached.has(socket)) return;
      const target: Attached = {
        socket,
        phones: new Map(),
        gone: new Set(),
        onMessage: (raw) => {
          const message = toPhoneHost.safeParse(raw);
          if (!message.success) return;
          if (message.data.type === PHONE_MESSAGE.presence) {
            if (message.data.present) target.phones.set(message.data.phone, target.phones.get(message.data.phone) ?? { device: null, shown: null });
            else {
              target.phones.delete(message.data.phone);
              // Connection ids are never reused; the set is cleared with the connection.
              if (target.gone.size < 10_000) target.gone.add(message.data.phone);
            }
            return;
          }
          void receive(target, message.data.phone, message.data.data).catch(() => undefined);
        },
        // The server forgets the connection's phones with it; it tells a new connection who is there.
        onDisconnect: () => {
          target.phones.clear();
          target.gone.clear();
        },
      };
      socket.on('message', target.onMessage);
      socket.on('disconnect', target.onDisconnect);
      attached.set(socket, target);
    },
    keepOnly,
    phones: () => [...attached.values()].reduce((sum, target) => sum + target.phones.size, 0),
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      stopDocument();
      keepOnly([]);
    },
  };
}
