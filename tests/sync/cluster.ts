import { newJoinSecret } from '../../shared/protocol/join-secret';
import type { PeerEvent, PeerProcess } from './peer-process';
import type { FuzzLog } from './peers/fuzz';

/**
 * Helpers for tests with many Plenum laptops, each in its own process (peer-process.ts): start a
 * room, let everyone edit at random, wait until every laptop holds the same workshop and, if not,
 * say precisely how they differ. Every message carries the run's seed (see `runSeed`).
 */

/** The run's seed: PLENUM_SEED if set (to replay a failure), a fresh one otherwise. */
export function runSeed(): number {
  const fromEnv = process.env.PLENUM_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`PLENUM_SEED must be a non-negative integer, not "${fromEnv}"`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** What every assertion message starts with: the seed and how to replay it. */
export const seedNote = (seed: number, file: string): string => `[seed ${seed}; replay: PLENUM_SEED=${seed} npx vitest run ${file}]`;

export interface Room {
  url: string;
  room: string;
  secret: string;
}

export function newRoom(url: string): Room {
  // A workshop id is a UUID; a fresh secret per room, because the server lets one verifier name one room only.
  return { url, room: crypto.randomUUID(), secret: newJoinSecret() };
}

export const roomArgs = (room: Room): string[] => ['--signaling', room.url, '--room', room.room, '--secret', room.secret];

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Digest {
  hash: string;
  cards: number;
  agenda: number;
  boards: number;
}

export async function digest(peer: PeerProcess, timeoutMs = 10_000): Promise<Digest> {
  const event = await peer.request({ cmd: 'digest' }, 'digest', timeoutMs);
  return { hash: String(event.hash), cards: Number(event.cards), agenda: Number(event.agenda), boards: Number(event.boards) };
}

export interface Status {
  state: string;
  servers: number;
  directPeers: number;
  relayPeers: number;
  path: string;
}

export async function status(peer: PeerProcess): Promise<{ status: Status; presence: number; names: string[] }> {
  const event = await peer.status();
  return { status: event.status as Status, presence: Number(event.presence), names: (event.names as string[] | undefined) ?? [] };
}

/**
 * Polls every laptop's direct links until each has one to every other, or `withinMs` passed since
 * `since`; logs and returns the links per laptop.
 */
export async function directMeshWithin(peers: readonly PeerProcess[], since: number, withinMs: number, label: string): Promise<number[]> {
  const others = peers.length - 1;
  const links = async () => Promise.all(peers.map(async (peer) => (await status(peer)).status.directPeers));
  let counts = await links();
  while (counts.some((count) => count < others) && Date.now() - since < withinMs) {
    await sleep(250);
    counts = await links();
  }
  console.log(`${label}: direct links per laptop ${counts.join(',')} after ${((Date.now() - since) / 1000).toFixed(1)} s`);
  return counts;
}

/** Runs `fuzz` on every peer at once and resolves with each one's log (same order as `peers`). */
export async function fuzzAll(peers: readonly PeerProcess[], tag: string, seedFor: (peer: PeerProcess) => number, ops: number, timeoutMs: number): Promise<FuzzLog[]> {
  const done = peers.map((peer) => peer.next((event) => event.event === 'fuzz-done' && event.tag === tag, timeoutMs));
  for (const peer of peers) peer.send({ cmd: 'fuzz', tag, seed: seedFor(peer), ops, minDelayMs: 2, maxDelayMs: 25 });
  const events = await Promise.all(done);
  return events.map((event: PeerEvent) => event.log as FuzzLog);
}

/**
 * Fuzz operations that threw because a neighbour's `order` was missing while an out-of-order
 * update was pending: a known bug (tests/sync/out-of-order.test.ts), counted but not failed on.
 * Everything else that threw is returned as unexpected.
 */
export function fuzzErrors(logs: readonly FuzzLog[]): { unexpected: FuzzLog['errors']; pendingOrder: number } {
  const all = logs.flatMap((log) => log.errors);
  const isPendingOrder = (error: FuzzLog['errors'][number]) =>
    (error.op === 'move-agenda' || error.op === 'add-agenda') && /charCodeAt|invalid order key/.test(error.message) && JSON.stringify(error.context).includes('"order":""');
  return { unexpected: all.filter((error) => !isPendingOrder(error)), pendingOrder: all.filter(isPendingOrder).length };
}

interface CardView {
  id: string;
  boardId: string;
  text: string;
  order: string;
}
interface ItemView {
  id: string;
  title: string;
  order: string;
}
interface SnapshotView {
  meta: unknown;
  boards: ItemView[];
  cards: CardView[];
  agenda: ItemView[];
}

const short = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * How the peers' workshops differ, for a failure message: per peer, the cards and agenda items it
 * lacks or has in excess compared with the union, the cards whose text or order differs from the
 * first peer's, and whether meta, boards or the agenda order differ.
 */
export async function diffSummary(peers: readonly PeerProcess[]): Promise<string> {
  const snapshots = await Promise.all(peers.map(async (peer) => (await peer.snapshot()) as SnapshotView));
  const reference = snapshots[0];
  if (!reference) return 'no peers';
  const allCards = new Map<string, CardView>();
  const allItems = new Map<string, ItemView>();
  for (const snapshot of snapshots) {
    for (const card of snapshot.cards) allCards.set(card.id, card);
    for (const item of snapshot.agenda) allItems.set(item.id, item);
  }
  const lines = [`union: ${allCards.size} cards, ${allItems.size} agenda items`];
  snapshots.forEach((snapshot, index) => {
    const name = peers[index]?.name ?? `#${index}`;
    const cards = new Map(snapshot.cards.map((card) => [card.id, card]));
    const missing = [...allCards.values()].filter((card) => !cards.has(card.id));
    const missingItems = [...allItems.keys()].filter((id) => !snapshot.agenda.some((item) => item.id === id));
    const differing = reference.cards.filter((card) => {
      const mine = cards.get(card.id);
      return mine !== undefined && (mine.text !== card.text || mine.order !== card.order || mine.boardId !== card.boardId);
    });
    const agendaOrder = snapshot.agenda.map((item) => item.id).join() === reference.agenda.map((item) => item.id).join();
    const parts = [
      `${name}: ${snapshot.cards.length} cards, ${snapshot.agenda.length} agenda items`,
      missing.length ? `lacks ${missing.length} cards (${missing.slice(0, 3).map((card) => short(card.text)).join(', ')})` : '',
      missingItems.length ? `lacks ${missingItems.length} agenda items` : '',
      differing.length ? `${differing.length} cards differ from ${peers[0]?.name ?? 'the first'} (${differing.slice(0, 2).map((card) => short(card.text)).join(', ')})` : '',
      agendaOrder ? '' : 'agenda order differs',
      JSON.stringify(snapshot.meta) === JSON.stringify(reference.meta) ? '' : 'meta differs',
      JSON.stringify(snapshot.boards) === JSON.stringify(reference.boards) ? '' : 'boards differ',
    ];
    lines.push(parts.filter(Boolean).join('; '));
  });
  return lines.join('\n');
}

/**
 * Polls every peer's digest until all are equal; resolves with the time it took, or rejects after
 * `timeoutMs` with a diff summary. Time a laptop spent restarting after a native crash
 * (peer-process.ts) does not count: the room cannot converge while a laptop is starting again.
 */
export async function converge(peers: readonly PeerProcess[], timeoutMs: number, note: string): Promise<number> {
  const started = Date.now();
  const away = () => Math.max(0, ...peers.map((peer) => peer.downtimeMs));
  const awayBefore = away();
  let last: Digest[] = [];
  while (Date.now() - started - (away() - awayBefore) < timeoutMs) {
    last = await Promise.all(peers.map((peer) => digest(peer)));
    if (last.every((entry) => entry.hash === last[0]?.hash)) return Date.now() - started;
    await sleep(250);
  }
  const counts = last.map((entry, index) => `${peers[index]?.name}=${entry.cards}c/${entry.agenda}a/${entry.hash.slice(0, 8)}`).join(' ');
  throw new Error(`${note} the peers did not converge within ${timeoutMs} ms: ${counts}\n${await diffSummary(peers)}`);
}

/** Stops every peer (quit, then SIGKILL after a grace period); never throws. */
export async function stopAll(peers: readonly PeerProcess[]): Promise<void> {
  await Promise.all(peers.map((peer) => peer.stop().catch(() => undefined)));
}
