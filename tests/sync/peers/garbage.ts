import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { toBase64 } from '../../../shared/base64';
import { deriveRelayKey, sealRelayMessage } from '../../../shared/protocol/relay-crypto';
import { relayTopic } from '../../../shared/protocol/room';

/**
 * A broken (or hostile) laptop on the signaling server: it opens a connection of its own and sends
 * what no honest laptop sends (`GarbageKind`):
 *
 *  - `server`: malformed messages to the server: not JSON, binary frames, unknown types, wrong
 *    field types, JSON nested too deep;
 *  - `relay-outsider`: garbage on the room's relay topic from someone without the join secret:
 *    not base64, random bytes, too short to hold an IV, `data` that is not a string, `from` or
 *    `to` that is not a string, a 2 MB blob;
 *  - `relay-insider`: garbage on the relay topic from a laptop that knows the join secret:
 *    correctly sealed with the room key, but the plain bytes are no valid relay message (unknown
 *    kind, truncated sync steps, an update that is not a Yjs update, broken awareness, nothing);
 *  - `room`: undecryptable garbage on the room topic itself, where y-webrtc listens (not base64,
 *    random bytes, bytes framed like y-webrtc's AES-GCM envelope, `data` that is not a string).
 *
 * Resolves with the number of messages sent, once the server has answered a ping after the last
 * one (so all of them have been handled).
 */
export const GARBAGE_KINDS = ['server', 'relay-outsider', 'relay-insider', 'room'] as const;
export type GarbageKind = (typeof GARBAGE_KINDS)[number];

export interface GarbageOptions {
  url: string;
  room: string;
  secret: string;
  /** Which kinds to send; all by default. */
  kinds?: readonly GarbageKind[];
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 64 KiB at a time.
  for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(length, at + 65_536)));
  return bytes;
}

function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** y-webrtc's envelope (`'AES-GCM'`, iv, cipher) around bytes that are no ciphertext of the room key. */
function fakeWebrtcEnvelope(): Uint8Array {
  return bytes((encoder) => {
    encoding.writeVarString(encoder, 'AES-GCM');
    encoding.writeVarUint8Array(encoder, randomBytes(12));
    encoding.writeVarUint8Array(encoder, randomBytes(80));
  });
}

/** Plain relay messages that are not what relay.ts writes: sealed with the right key by an insider. */
function malformedRelayPlaintexts(): Uint8Array[] {
  return [
    new Uint8Array(0),
    randomBytes(40),
    bytes((encoder) => encoding.writeVarUint(encoder, 7)),
    // sync, step 1 without a state vector
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
    }),
    // sync, step 2 / update with bytes that are no Yjs update
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, randomBytes(64));
    }),
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, Uint8Array.of(5, 200, 1, 9, 9, 9));
    }),
    // sync with an unknown step
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 99);
    }),
    // awareness that is not an awareness update
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, randomBytes(30));
    }),
    bytes((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, bytes((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 12345);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, '{not json');
      }));
    }),
  ];
}

export async function sendGarbage(options: GarbageOptions): Promise<number> {
  const { room } = options;
  const topic = relayTopic(room);
  const kinds = new Set(options.kinds ?? GARBAGE_KINDS);
  const key = await deriveRelayKey(options.secret, room);
  const socket = new WebSocket(options.url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let count = 0;
  const raw = (data: string | Uint8Array) => {
    socket.send(data, { binary: typeof data !== 'string' });
    count += 1;
  };
  const json = (message: unknown) => raw(JSON.stringify(message));
  const relay = (fields: Record<string, unknown>) => json({ type: 'publish', topic, from: 'garbage-peer', ...fields });

  json({ type: 'subscribe', topics: [room, topic] });
  if (kinds.has('server')) {
    raw('{"type":"publish","topic":');
    raw('not json at all');
    raw(Uint8Array.of(0, 1, 2, 3, 255));
    json({ type: 'no-such-type', topic });
    json([1, 2, 3]);
    json(null);
    json({ type: 'subscribe', topics: 'not-a-list' });
    json({ type: 'publish' });
    json({ type: 'publish', topic: 42, data: 'x' });
    raw(`${'['.repeat(5000)}${']'.repeat(5000)}`);
  }
  if (kinds.has('relay-outsider')) {
    relay({ data: '!!! not base64 !!!' });
    relay({ data: toBase64(randomBytes(64)) });
    relay({ data: toBase64(randomBytes(5)) });
    relay({ data: 12345 });
    relay({ data: { nested: true } });
    relay({ from: 7, data: toBase64(randomBytes(64)) });
    relay({ to: 42, data: toBase64(randomBytes(64)) });
    json({ type: 'publish', topic, data: toBase64(randomBytes(64)) });
    relay({ data: toBase64(randomBytes(2 * 1024 * 1024)) });
  }
  if (kinds.has('relay-insider')) {
    for (const plain of malformedRelayPlaintexts()) relay({ data: toBase64(await sealRelayMessage(key, plain)) });
  }
  if (kinds.has('room')) {
    json({ type: 'publish', topic: room, data: '!!! not base64 !!!' });
    json({ type: 'publish', topic: room, data: toBase64(randomBytes(64)) });
    json({ type: 'publish', topic: room, data: toBase64(fakeWebrtcEnvelope()) });
    json({ type: 'publish', topic: room, data: 42 });
    json({ type: 'publish', topic: room });
  }

  json({ type: 'ping' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no pong from the signaling server')), 10_000);
    socket.on('message', (data: Buffer) => {
      if (data.toString().includes('"pong"')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  socket.close();
  // Not counting the subscribe and the ping.
  return count - 2;
}
