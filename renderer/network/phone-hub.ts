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

export interface PhoneHubOptions {
  doc: WorkshopDoc;
  /** The room (the workshop id): the phone key's salt, and what `down` names. */
  room: string;
  /** The join secret. */
  secret: string;
  /** The laptop's clock (ms): stamps cards and views. */
  now?: () => number;
  viewIntervalMs?: number;
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
  onMessage: (message: unknown) => void;
  onDisconnect: () => void;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function startPhoneHub(options: PhoneHubOptions): PhoneHub {
  const { doc, room, secret } = options;
  const now = options.now ?? (() => Date.now());
  const interval = options.viewIntervalMs ?? PHONE_VIEW_INTERVAL_MS;
  const gate = createPhoneGate();
  const own = createOwnCardCache();
  const attached = new Map<SignalingSocket, Attached>();
  const key: Promise<RelayKey> = derivePhoneKey(secret, room);
  let destroyed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPush = -Infinity;
  let pushing = false;
  let pushAgain = false;

  const sendDown = (socket: SignalingSocket, to: string[], data: string) => {
    if (destroyed || !socket.connected) return;
    for (let start = 0; start < to.length; start += PHONE_DOWN_MAX_TARGETS) {
      const request: PhoneDownRequest = { type: PHONE_MESSAGE.down, room, to: to.slice(start, start + PHONE_DOWN_MAX_TARGETS), data };
      socket.send(request);
    }
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
      for (const { socket, to, down } of groups.values()) sendDown(socket, to, await seal(down));
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
    }, Math.max(0, lastPush + interval - now()));
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
    const entry = target.phones.get(id) ?? { device: null, shown: null };
    target.phones.set(id, entry);
    const message = parsePhoneMessage(text);
    if (message.ok && entry.device?.deviceId !== message.value.device) {
      // A phone that says who it is for the first time (or as another device) gets its view.
      entry.device = phoneFromDevice(message.value.device);
      entry.shown = null;
    }
    const reply = receivePhoneMessage(doc, gate, text, now());
    if (reply) sendDown(target.socket, [id], await seal(reply));
    if (entry.shown === null) schedulePush();
  };

  const stopDocument = onWorkshopUpdate(doc, () => schedulePush());

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
        onMessage: (raw) => {
          const message = toPhoneHost.safeParse(raw);
          if (!message.success) return;
          if (message.data.type === PHONE_MESSAGE.presence) {
            if (message.data.present) target.phones.set(message.data.phone, target.phones.get(message.data.phone) ?? { device: null, shown: null });
            else target.phones.delete(message.data.phone);
            return;
          }
          void receive(target, message.data.phone, message.data.data).catch(() => undefined);
        },
        // The server forgets the connection's phones with it; it tells a new connection who is there.
        onDisconnect: () => target.phones.clear(),
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
