import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../../shared/base64';
import { openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import { MESSAGE_SYNC } from '../../shared/protocol/signaling';
import type { SignalingSocket } from '../../renderer/network/relay';

/*
 * A signaling server in memory for relay tests: a publish reaches every other socket subscribed
 * to its topic, at once (or, with `bigDelayMs`, a big one later: it takes longer to travel and be
 * parsed than a small one sent right after it; with `holdBig`, a big one when the test releases
 * it). It keeps every publish, in the order sent.
 */

export interface Published {
  from: string;
  to?: string;
  data: string;
}

export interface MemoryHub {
  socket(): SignalingSocket;
  /** Every relay message published, in the order the laptops sent them. */
  readonly published: Published[];
  /** Every relay message handed to the sockets subscribed to its topic, in the order handed. */
  readonly delivered: Published[];
  /** With `holdBig`: the big messages held back so far. */
  heldBack(): number;
  /** With `holdBig`: hands the big messages held back to their receivers now. */
  releaseHeld(): void;
}

/** Over this many characters of data a publish counts as big (the whole workshop, not a greeting). */
export const BIG_PUBLISH_CHARS = 10_000;

export function memoryHub(options: { bigDelayMs?: number; holdBig?: boolean } = {}): MemoryHub {
  const published: Published[] = [];
  const delivered: Published[] = [];
  const held: Array<() => void> = [];
  const entries: Array<{ topics: Set<string>; listeners: Set<(message: unknown) => void> }> = [];
  const socket = (): SignalingSocket => {
    const entry = { topics: new Set<string>(), listeners: new Set<(message: unknown) => void>() };
    entries.push(entry);
    return {
      connected: true,
      send(message: object) {
        const m = message as { type: string; topics?: string[]; topic?: string } & Published;
        if (m.type === 'subscribe') m.topics?.forEach((topic) => entry.topics.add(topic));
        if (m.type === 'unsubscribe') m.topics?.forEach((topic) => entry.topics.delete(topic));
        if (m.type !== 'publish') return;
        const relayed = { from: m.from, ...(m.to ? { to: m.to } : {}), data: m.data };
        published.push(relayed);
        const deliver = () => {
          delivered.push(relayed);
          for (const other of entries) if (other !== entry && other.topics.has(m.topic ?? '')) other.listeners.forEach((listener) => listener(message));
        };
        const big = m.data.length > BIG_PUBLISH_CHARS;
        if (big && options.holdBig) held.push(deliver);
        else if (big && options.bigDelayMs !== undefined) setTimeout(deliver, options.bigDelayMs);
        else deliver();
      },
      on(event: string, listener: (message?: unknown) => void) {
        if (event === 'message') entry.listeners.add(listener);
      },
      off(event: string, listener: (message?: unknown) => void) {
        if (event === 'message') entry.listeners.delete(listener);
      },
    } as SignalingSocket;
  };
  return {
    socket,
    published,
    delivered,
    heldBack: () => held.length,
    releaseHeld: () => {
      for (const deliver of held.splice(0)) deliver();
    },
  };
}

/** A workshop document of `cards` cards, each `text` after its number. */
export function cardsWorkshop(cards: number, text = 'Bürgerbeteiligung früh planen'): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('cards');
  for (let index = 0; index < cards; index += 1) map.set(`card-${index}`, `Karte ${index}: ${text}`);
  return doc;
}

/**
 * A greeting (Yjs sync step 1 with `doc`'s state vector) sealed with the relay key, as a laptop
 * publishes it: a relay that opens it answers with a sync step 2 to `from`.
 */
export async function sealedGreeting(key: RelayKey, doc: Y.Doc): Promise<string> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return toBase64(await sealRelayMessage(key, encoding.toUint8Array(encoder)));
}

/**
 * The Yjs payloads of one kind of sync message (`syncProtocol.messageYjsSyncStep2`: answers;
 * `messageYjsUpdate`: edits) that `from` published to `to` (undefined: to the whole room), opened.
 */
export async function syncPayloads(published: readonly Published[], key: RelayKey, sent: { from: string; to?: string; kind: number }): Promise<Uint8Array[]> {
  const payloads: Uint8Array[] = [];
  for (const message of published) {
    if (message.from !== sent.from || message.to !== sent.to) continue;
    const sealed = fromBase64(message.data);
    const plain = sealed && (await openRelayMessage(key, sealed));
    if (!plain) throw new Error('a relay message did not open');
    const decoder = decoding.createDecoder(plain);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== sent.kind) continue;
    payloads.push(decoding.readVarUint8Array(decoder));
  }
  return payloads;
}
