import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { converge, digest, fuzzAll, fuzzErrors, newRoom, roomArgs, runSeed, seedNote, sleep, status, stopAll, type Room } from './cluster';
import { strayAnswers, uncaughtBesidesRestarts } from './faults-known';
import { PeerProcess } from './peer-process';
import type { FuzzLog } from './peers/fuzz';
import { deriveSeed, pick, seededRandom } from '../support/prng';

/*
 * Nine laptops, each in its own process with the project's peer sync over @roamhq/wrtc, on the
 * project's signaling server: the moderator (host; creates the workshop, three tables and an
 * agenda) and eight tables that join empty. Everyone edits at random at the same time (cards on
 * the plenary and the tables: add, edit, delete; agenda: add, rename, move); two tables are cut off
 * (sync.disconnect()) while everyone keeps editing, the cut-off ones too; they reconnect while the
 * others are still editing; then every laptop must hold the identical workshopSnapshot, and
 * nothing anybody wrote may be missing (nor anything deleted come back).
 *
 * Every random choice comes from one seed (PLENUM_SEED to replay); see tests/sync/peers/fuzz.ts
 * for what a replay repeats. Sized for a loaded 2-core machine: 9 × 24 edits take ≈ 1 s per
 * phase; starting nine wrtc processes is the bulk of the time.
 */

const FILE = 'tests/sync/multi-peer.test.ts';
const SEED = runSeed();
const NOTE = seedNote(SEED, FILE);
const TABLES = 8;
/** Edits per laptop: before the cut, while two are cut off, and right after they reconnect. */
const OPS = { before: 24, cut: 24, after: 8 } as const;
const CONVERGE_MS = 20_000;

let server: SignalingServer;
let room: Room;
let moderator: PeerProcess;
let tables: PeerProcess[] = [];
const everyone = () => [moderator, ...tables];
const seeded = { cards: new Set<string>(), agenda: new Set<string>() };

/** The laptop's own seed for one phase, from the run's seed. */
const seedFor = (phase: string) => (peer: PeerProcess) => deriveSeed(SEED, phase, peer.name);

async function startTable(name: string, extra: string[] = []): Promise<PeerProcess> {
  return PeerProcess.start(name, [...roomArgs(room), ...extra], { readyTimeoutMs: 60_000 });
}

beforeAll(async () => {
  console.log(`multi-peer: ${NOTE}`);
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  room = newRoom(`ws://127.0.0.1:${server.port}`);
  moderator = await PeerProcess.start('moderator', [...roomArgs(room), '--host', '--seed-title', 'Bürgerwerkstatt Energie'], { readyTimeoutMs: 60_000 });
  for (const name of ['Energieberatung', 'Webinar series on energy efficiency', 'Workshop on war-risk insurance']) {
    const table = await moderator.request({ cmd: 'table', name }, 'table-added');
    expect(table.ok, NOTE).toBe(true);
  }
  for (const title of ['Begrüßung', 'Arbeit an den Tischen', 'Berichte']) {
    const item = await moderator.request({ cmd: 'agenda', title }, 'agenda-added');
    seeded.agenda.add(String(item.id));
  }
  const card = await moderator.request({ cmd: 'card', text: 'Willkommen!\nBitte schreibt eure Ideen auf.' }, 'added');
  seeded.cards.add(String(card.id));
  // All tables join at once, as when the moderator shows the code to the room.
  const started = await Promise.allSettled(Array.from({ length: TABLES }, (_, index) => startTable(`table-${index + 1}`)));
  tables = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 120_000);

afterAll(async () => {
  await stopAll(tables);
  if (moderator) await moderator.stop();
  await server?.close();
});

/** Everything the fuzz logs say was written, checked against one converged snapshot. */
function checkNothingLost(logs: readonly FuzzLog[], snapshot: { cards: Array<{ id: string; text: string; boardId: string }>; agenda: Array<{ id: string }> }): void {
  const removed = new Set(logs.flatMap((log) => log.removed));
  const written = new Map<string, Set<string>>();
  const boardOf = new Map<string, string>();
  for (const log of logs) {
    for (const { id, text, board } of log.added) {
      written.set(id, new Set([text]));
      boardOf.set(id, board);
    }
  }
  for (const log of logs) for (const { id, text } of log.edited) written.get(id)?.add(text);
  const cards = new Map(snapshot.cards.map((card) => [card.id, card]));
  const lost = [...written.keys()].filter((id) => !removed.has(id) && !cards.has(id));
  const resurrected = [...removed].filter((id) => cards.has(id));
  const unknown = [...cards.keys()].filter((id) => !written.has(id) && !seeded.cards.has(id));
  const wrongText = [...cards.values()].filter((card) => written.has(card.id) && !written.get(card.id)?.has(card.text));
  const wrongBoard = [...cards.values()].filter((card) => boardOf.has(card.id) && boardOf.get(card.id) !== card.boardId);
  expect({ lost, resurrected, unknown, wrongText: wrongText.map((card) => card.text), wrongBoard: wrongBoard.map((card) => card.id) }, `${NOTE} nothing lost`).toEqual({
    lost: [],
    resurrected: [],
    unknown: [],
    wrongText: [],
    wrongBoard: [],
  });
  const agenda = new Set(snapshot.agenda.map((item) => item.id));
  const agendaLost = [...logs.flatMap((log) => log.agendaAdded), ...seeded.agenda].filter((id) => !agenda.has(id));
  expect(agendaLost, `${NOTE} agenda items lost`).toEqual([]);
  expect(agenda.size, `${NOTE} agenda items`).toBe(seeded.agenda.size + logs.reduce((sum, log) => sum + log.agendaAdded.length, 0));
}

describe('nine laptops with peer sync, each in its own process', () => {
  let cutOff: PeerProcess[] = [];

  it('random concurrent edits from all, two tables cut off and reconnected: identical snapshots, nothing lost', async () => {
    const t0 = Date.now();
    const joined = await converge(everyone(), CONVERGE_MS, `${NOTE} after joining:`);
    const first = await digest(moderator);
    expect(first.boards, `${NOTE} plenary + 3 tables`).toBe(4);
    console.log(`multi-peer: all ${TABLES} tables hold the workshop ${joined} ms after the last started`);

    const before = await fuzzAll(everyone(), 'before', seedFor('before'), OPS.before, 30_000);

    // Two tables, picked by the seed, lose the network; everyone keeps editing, they too.
    const random = seededRandom(deriveSeed(SEED, 'cut'));
    const firstCut = pick(random, TABLES);
    const secondCut = (firstCut + 1 + pick(random, TABLES - 1)) % TABLES;
    cutOff = [firstCut, secondCut].map((index) => tables[index]).filter((peer): peer is PeerProcess => peer !== undefined);
    await Promise.all(cutOff.map((peer) => peer.request({ cmd: 'disconnect' }, 'disconnected')));
    const connected = everyone().filter((peer) => !cutOff.includes(peer));
    const cut = await fuzzAll(everyone(), 'cut', seedFor('cut'), OPS.cut, 30_000);
    await sleep(1000);
    // Really cut off: none of the cards the others added meanwhile reached them.
    const othersAdded = new Set(cut.filter((_, index) => !cutOff.includes(everyone()[index] as PeerProcess)).flatMap((log) => log.added.map((card) => card.id)));
    for (const peer of cutOff) {
      const leaked = peer.events.filter((event) => event.event === 'card-seen' && othersAdded.has(String(event.id)));
      expect(leaked.length, `${NOTE} ${peer.name} received cards while cut off`).toBe(0);
    }
    expect((await status(cutOff[0] as PeerProcess)).status.state, `${NOTE} cut-off status`).toBe('offline');
    await converge(connected, CONVERGE_MS, `${NOTE} the connected laptops, while two are cut off:`);

    // Back on the network while the others are editing again.
    const after = fuzzAll(everyone(), 'after', seedFor('after'), OPS.after, 30_000);
    await Promise.all(cutOff.map((peer) => peer.request({ cmd: 'connect' }, 'connected')));
    const logs = [...before, ...cut, ...(await after)];
    const tookMs = await converge(everyone(), CONVERGE_MS, `${NOTE} after reconnecting ${cutOff.map((peer) => peer.name).join(' and ')}:`);

    const snapshot = (await moderator.snapshot()) as Parameters<typeof checkNothingLost>[1];
    checkNothingLost(logs, snapshot);
    const errors = fuzzErrors(logs);
    expect(errors.unexpected, `${NOTE} operations that threw`).toEqual([]);
    const refused = logs.reduce((sum, log) => sum + log.refused, 0);
    expect(refused, `${NOTE} operations the model refused`).toBe(0);
    // Two tables came back online while the others were connecting (y-webrtc's stray answer may reach them or the others).
    for (const peer of everyone()) expect(uncaughtBesidesRestarts(peer, everyone(), true), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
    const statuses = await Promise.all(everyone().map((peer) => status(peer)));
    for (const [index, entry] of statuses.entries()) {
      expect(entry.status.state, `${NOTE} ${everyone()[index]?.name}`).toBe('connected');
      expect(entry.status.servers, `${NOTE} ${everyone()[index]?.name}`).toBe(1);
    }
    console.log(
      `multi-peer: ${logs.reduce((sum, log) => sum + log.added.length + log.edited.length + log.removed.length + log.agendaAdded.length + log.agendaMoved + log.agendaRenamed, 0)} edits, ` +
        `${snapshot.cards.length} cards and ${snapshot.agenda.length} agenda items at the end; converged ${tookMs} ms after reconnecting; ` +
        `direct links per laptop: ${statuses.map((entry) => entry.status.directPeers).join(',')}; ` +
        `moves that threw on a pending order (known bug, out-of-order.test.ts): ${errors.pendingOrder}; y-webrtc stray answers: ${strayAnswers(everyone())}; test ${Date.now() - t0} ms`,
    );
  }, 90_000);

  // y-webrtc's Room.disconnect() removes this laptop's own awareness state; until e771883
  // peer-sync's connect() did not put it back, so a laptop that was offline once was missing from
  // every presence list (its own included) until the app restarted.
  it('a table that was cut off and reconnected is listed in everyone’s presence again', async () => {
    expect(cutOff.length, NOTE).toBe(2);
    // A laptop restarted after a native crash (peer-process.ts) comes back under a new awareness id;
    // the others forget the old one when it times out (y-protocols: 30 s without renewal).
    const restarted = everyone().some((peer) => peer.crashes.length > 0);
    const deadline = Date.now() + (restarted ? 40_000 : 5000);
    let presence: number[] = [];
    while (Date.now() < deadline) {
      presence = (await Promise.all(everyone().map((peer) => status(peer)))).map((entry) => entry.presence);
      if (presence.every((count) => count === TABLES + 1)) break;
      await sleep(500);
    }
    expect(presence, `${NOTE} presence per laptop`).toEqual(everyone().map(() => TABLES + 1));
  }, 60_000);

  it('a ninth table that can only use the relay (no WebRTC) joins the running room, edits with everyone and converges', async () => {
    const t0 = Date.now();
    // Table 8 leaves; a laptop whose Wi-Fi blocks client-to-client traffic takes its place.
    const leaving = tables.pop();
    await leaving?.stop();
    const blocked = await startTable('table-8-relay-only', ['--block-webrtc']);
    tables.push(blocked);
    await converge(everyone(), CONVERGE_MS, `${NOTE} after the relay-only table joined:`);
    const logs = await fuzzAll(everyone(), 'relay', seedFor('relay'), OPS.before, 30_000);
    expect(fuzzErrors(logs).unexpected, `${NOTE} operations that threw`).toEqual([]);
    const tookMs = await converge(everyone(), CONVERGE_MS, `${NOTE} with a relay-only table:`);
    const snapshot = (await moderator.snapshot()) as { cards: Array<{ id: string }> };
    const cards = new Set(snapshot.cards.map((card) => card.id));
    const removed = new Set(logs.flatMap((log) => log.removed));
    const lost = logs.flatMap((log) => log.added).filter((card) => !removed.has(card.id) && !cards.has(card.id));
    expect(lost, `${NOTE} cards lost`).toEqual([]);
    const own = await status(blocked);
    expect(own.status.directPeers, `${NOTE} the relay-only table has no WebRTC connection`).toBe(0);
    expect(own.status.path, NOTE).toBe('relay');
    expect(own.status.relayPeers, NOTE).toBe(TABLES);
    // A new table joined the running room; earlier tests reconnected two.
    for (const peer of everyone()) expect(uncaughtBesidesRestarts(peer, everyone(), true), `${NOTE} ${peer.name}: uncaught errors`).toEqual([]);
    console.log(`multi-peer relay: converged ${tookMs} ms after the edits; test ${Date.now() - t0} ms`);
  }, 90_000);

  // Was a bug: a laptop greeted back only laptops it had not heard for 35 s, so nobody asked a
  // briefly offline relay-only laptop for what it wrote offline. relay.ts now greets back whenever
  // a greeting shows updates it lacks, and re-greets while some laptop is reachable only there.
  it('the relay-only table cut off for a few seconds: what it wrote offline reaches the others', async () => {
    const blocked = tables.at(-1);
    if (!blocked) throw new Error('no relay-only table');
    await blocked.request({ cmd: 'disconnect' }, 'disconnected');
    const offline = await blocked.request({ cmd: 'card', text: `${NOTE} written offline on the relay-only table` }, 'added');
    expect(offline.ok).toBe(true);
    await sleep(1000);
    await blocked.request({ cmd: 'connect' }, 'connected');
    await sleep(1500);
    await blocked.request({ cmd: 'card', text: 'written after reconnecting' }, 'added');
    await converge(everyone(), 5000, `${NOTE} after the relay-only table reconnected:`);
  }, 30_000);
});
