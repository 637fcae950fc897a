import { fromBase64, toBase64 } from '../../shared/base64';
import { decodeRelayFrame, encodeRelayFrame, relayBinaryAccepted } from '../../shared/protocol/relay-frame';
import { PLENUM_MESSAGE } from '../../shared/protocol/signaling';

/**
 * How relay messages travel on a signaling socket: as binary frames (shared/protocol/relay-frame.ts)
 * where the server said it forwards them, else as the JSON publish every server and laptop reads.
 * Each new WebSocket of a signaling socket offers frames once; until the server's yes has come,
 * and with an older server that never answers, everything goes as JSON.
 */

/** The browser WebSocket under lib0's WebsocketClient (y-webrtc's signaling connection), as far as frames need it. */
export interface RawSignalingSocket {
  readonly readyState: number;
  binaryType: string;
  send(data: Uint8Array<ArrayBuffer>): void;
}

/** The part of lib0's WebsocketClient (y-webrtc's signaling connection) the relay uses. */
export interface SignalingSocket {
  connected: boolean;
  /** lib0's current WebSocket (a new one after each reconnect); absent where there is none to send frames on. */
  ws?: RawSignalingSocket | null;
  send(message: object): void;
  on(event: 'connect' | 'disconnect', listener: () => void): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  off(event: 'connect' | 'disconnect', listener: () => void): void;
  off(event: 'message', listener: (message: unknown) => void): void;
}

/** A relay message as it arrived; `payload` is the sealed bytes, as base64 text when it came as JSON. */
export interface Envelope {
  from: string;
  to?: string;
  payload: string | Uint8Array;
  /** On a greeting: the id its sender said hello with, so the host knows the workshop is on its way. */
  hello?: string;
}

const OPEN = 1;
/** Sockets whose server said yes to frames, by the WebSocket it said it on. */
const accepting = new WeakSet<RawSignalingSocket>();
/** Sockets offered frames already (one offer per WebSocket). */
const offered = new WeakSet<RawSignalingSocket>();
/** Signaling sockets watched for the server's answer. */
const watched = new WeakSet<SignalingSocket>();

/**
 * Offers frames on the socket's current WebSocket and on each after a reconnect; safe to call
 * again (the relay and the hello before the key both do).
 */
export function offerFrames(socket: SignalingSocket): void {
  if (!watched.has(socket)) {
    watched.add(socket);
    socket.on('connect', () => offerFrames(socket));
    socket.on('message', (message) => {
      if (socket.ws && relayBinaryAccepted.safeParse(message).success) accepting.add(socket.ws);
    });
  }
  const raw = socket.ws;
  if (!socket.connected || !raw || offered.has(raw)) return;
  offered.add(raw);
  // Frames arrive as ArrayBuffer, read at once (a Blob would need a read of its own).
  raw.binaryType = 'arraybuffer';
  socket.send({ type: PLENUM_MESSAGE.relayBinary });
}

/** base64 of sealed bytes, once per bytes: the same sealed workshop goes to several laptops or sockets. */
const base64Cache = new WeakMap<Uint8Array, string>();
function base64Of(bytes: Uint8Array): string {
  let text = base64Cache.get(bytes);
  if (text === undefined) {
    text = toBase64(bytes);
    base64Cache.set(bytes, text);
  }
  return text;
}

export interface RelayHeader {
  topic: string;
  from: string;
  to?: string;
  hello?: string;
}

/** Sends one relay message on the socket, as a frame where its server takes them; whether it went (false: not connected). */
export function sendRelay(socket: SignalingSocket, header: RelayHeader, sealed: Uint8Array): boolean {
  if (!socket.connected) return false;
  const raw = socket.ws;
  if (raw && accepting.has(raw) && raw.readyState === OPEN) {
    raw.send(encodeRelayFrame(header, sealed));
    return true;
  }
  const { topic, from, to, hello } = header;
  socket.send({ type: 'publish', topic, from, ...(to ? { to } : {}), ...(hello ? { hello } : {}), data: base64Of(sealed) });
  return true;
}

/** A relay message on `topic` from what a socket received (JSON publish or frame); null for anything else. */
export function readEnvelope(message: unknown, topic: string): Envelope | null {
  if (message instanceof ArrayBuffer || message instanceof Uint8Array) {
    const frame = decodeRelayFrame(message instanceof ArrayBuffer ? new Uint8Array(message) : message);
    if (!frame || frame.header.topic !== topic) return null;
    const { from, to, hello } = frame.header;
    return { from, ...(to !== undefined ? { to } : {}), ...(hello !== undefined ? { hello } : {}), payload: frame.payload };
  }
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type !== 'publish' || m.topic !== topic || typeof m.from !== 'string' || typeof m.data !== 'string') return null;
  if (m.to !== undefined && typeof m.to !== 'string') return null;
  return { from: m.from, ...(typeof m.to === 'string' ? { to: m.to } : {}), payload: m.data, ...(typeof m.hello === 'string' ? { hello: m.hello } : {}) };
}

/** The sealed bytes of an envelope; null when its base64 is not valid. */
export function sealedBytes(envelope: Envelope): Uint8Array | null {
  return typeof envelope.payload === 'string' ? fromBase64(envelope.payload) : envelope.payload;
}

/** Roughly how many sealed bytes an envelope carries (base64 is 4 characters per 3 bytes). */
export function sealedSize(envelope: Envelope): number {
  return typeof envelope.payload === 'string' ? Math.floor((envelope.payload.length * 3) / 4) : envelope.payload.length;
}

/** Whether two envelopes carry the same sealed bytes (one as text, the other as a frame: taken for different). */
export function samePayload(a: Envelope, b: Envelope): boolean {
  const [x, y] = [a.payload, b.payload];
  if (typeof x === 'string' || typeof y === 'string') return x === y;
  if (x.length !== y.length) return false;
  for (let index = 0; index < x.length; index += 1) if (x[index] !== y[index]) return false;
  return true;
}
