import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, agendaSnapshot, moveAgendaItem, ROOT, updateAgendaItem } from '../../shared/model';
import { newWorkshop } from '../support/workshop';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { deriveSeed } from '../support/prng';
import { converge, fuzzAll, fuzzErrors, newRoom, roomArgs, runSeed, seedNote, sleep, status, stopAll } from './cluster';
import { isYWebrtcStrayAnswer } from './faults-known';
import { PeerProcess } from './peer-process';

/*
 * A laptop that holds the join secret but is broken (or hostile) sends garbage straight over its
 * WebRTC data channels, where y-webrtc hands every message to Yjs: bytes that are no message,
 * sync steps and updates that are no Yjs data, broken awareness, and well-formed Yjs updates
 * that write junk into the workshop's maps (numbers and strings where cards belong, cards whose
 * fields have the wrong types, a board that is an array). tests/sync/faults.test.ts covers garbage
 * through the signaling server and the relay; this is the direct path. The honest laptops must
 * keep editing, keep reading their workshop (the snapshot the UI renders), stay connected, and
 * converge with nothing lost.
 */

const FILE = 'tests/sync/faults-webrtc-garbage.test.ts';
const SEED = runSeed();
const NOTE = seedNote(SEED, FILE);

let server: SignalingServer | undefined;
let peers: PeerProcess[] = [];

afterEach(async () => {
  await stopAll(peers);
  peers = [];
  await server?.close();
});

async function untilDirect(peer: PeerProcess, count: number, failure: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await status(peer)).status.directPeers < count) {
    if (Date.now() > deadline) throw new Error(failure);
    await sleep(250);
  }
}

/** An error thrown in Plenum's own code (shared/, renderer/) rather than inside y-webrtc, Yjs or lib0 decoding garbage. */
const inPlenumCode = (event: Record<string, unknown>) => /[/\\](shared|renderer)[/\\]/.test(String(event.stack));

describe('a laptop with the secret sends garbage over WebRTC', () => {
  it('the others ignore it, keep reading and editing their workshop, and converge with nothing lost', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room = newRoom(`ws://127.0.0.1:${server.port}`);
    const host = await PeerProcess.start('moderator', [...roomArgs(room), '--host', '--seed-title', 'Müll im Datenkanal'], { readyTimeoutMs: 60_000 });
    peers.push(host);
    // One after the other, and the broken laptop last, once the honest ones are directly connected:
    // laptops that announce themselves at the same instant can leave a pair without a WebRTC
    // connection until a retry 10 s or more later (y-webrtc's offer glare, docs/performance.md),
    // and this test needs the direct path at once.
    for (const name of ['table-1', 'table-2']) {
      const table = await PeerProcess.start(name, roomArgs(room), { readyTimeoutMs: 60_000 });
      peers.push(table);
      await untilDirect(table, peers.length - 1, `${NOTE} ${name} never connected directly to the laptops before it`);
    }
    const honest = [...peers];
    for (const peer of honest) await untilDirect(peer, honest.length - 1, `${NOTE} ${peer.name} is not directly connected to every honest laptop`);
    const broken = await PeerProcess.start('broken', ['--signaling', room.url, '--room', room.room, '--password', room.secret], {
      script: 'tests/sync/faults-webrtc-garbage-peer.ts',
      readyTimeoutMs: 60_000,
    });
    peers.push(broken);
    const deadline = Date.now() + 30_000;
    while (Number((await broken.request({ cmd: 'connected' }, 'connected')).count) < honest.length) {
      if (Date.now() > deadline) throw new Error(`${NOTE} the broken laptop never connected to every honest one`);
      await sleep(250);
    }
    await converge(honest, 20_000, `${NOTE} after joining:`);

    const editing = fuzzAll(honest, 'during', (peer) => deriveSeed(SEED, 'during', peer.name), 20, 30_000);
    for (let seq = 0; seq < 3; seq += 1) {
      const sent = await broken.request({ cmd: 'garbage', seq }, 'garbage-sent', 10_000);
      expect(Number(sent.peers), `${NOTE} garbage reached every honest laptop`).toBe(honest.length);
      await sleep(200);
    }
    const during = await editing;
    const after = await fuzzAll(honest, 'after', (peer) => deriveSeed(SEED, 'after', peer.name), 10, 30_000);
    await converge(honest, 20_000, `${NOTE} after the garbage:`);

    const logs = [...during, ...after];
    expect(fuzzErrors(logs).unexpected, `${NOTE} operations that threw`).toEqual([]);
    const snapshot = (await host.snapshot()) as { cards: Array<{ id: string; text: unknown; boardId: unknown }>; boards: Array<{ id: string }> };
    const cards = new Set(snapshot.cards.map((card) => card.id));
    const removed = new Set(logs.flatMap((log) => log.removed));
    expect(logs.flatMap((log) => log.added).filter((card) => !removed.has(card.id) && !cards.has(card.id)).map((card) => card.text), `${NOTE} cards lost`).toEqual([]);
    // The junk is read with safe values (a card with fields of the wrong type becomes an empty card on no board) and shown on no board.
    const boards = new Set(snapshot.boards.map((board) => board.id));
    expect(snapshot.cards.filter((card) => typeof card.text !== 'string' || typeof card.boardId !== 'string').map((card) => card.id), `${NOTE} cards with fields of the wrong type`).toEqual([]);
    expect(snapshot.cards.filter((card) => card.id.startsWith('junk-') && boards.has(String(card.boardId))).map((card) => card.id), `${NOTE} junk shown on a board`).toEqual([]);
    expect(snapshot.boards.filter((board) => board.id.startsWith('junk-')).map((board) => board.id), `${NOTE} junk shown as boards`).toEqual([]);

    for (const peer of honest) {
      expect(peer.alive, `${NOTE} ${peer.name} is still running`).toBe(true);
      const errors = peer.uncaught().filter((event) => !isYWebrtcStrayAnswer(event));
      expect(errors.filter(inPlenumCode), `${NOTE} ${peer.name}: errors in Plenum's code`).toEqual([]);
      // The honest laptops are still connected to each other directly.
      expect((await status(peer)).status.directPeers, `${NOTE} ${peer.name} direct links`).toBeGreaterThanOrEqual(honest.length - 1);
    }
    const decodingErrors = honest.reduce((sum, peer) => sum + peer.uncaught().filter((event) => !isYWebrtcStrayAnswer(event)).length, 0);
    console.log(`webrtc garbage: ${decodingErrors} decoding errors inside y-webrtc/Yjs reported on the honest laptops (a browser logs them and goes on); ${NOTE}`);
  }, 120_000);
});

describe('junk in the agenda map', () => {
  // An agenda entry that is no Y.Map (a well-formed update from a broken laptop; a Y.Array has a
  // `get` too) is neither listed nor written to: operations on it answer notFound.
  it('is skipped: the agenda lists only real items, and moving and renaming keep working', () => {
    const doc = newWorkshop();
    const first = addAgendaItem(doc, { title: 'Begrüßung', durationMin: 10 });
    const second = addAgendaItem(doc, { title: 'Tische', durationMin: 60 });
    if (!first.ok || !second.ok) throw new Error('agenda items not added');
    const junk = new Y.Doc();
    junk.getMap(ROOT.agenda).set('junk-item', new Y.Array());
    junk.getMap(ROOT.agenda).set('junk-number', 7);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(junk));

    expect(agendaSnapshot(doc).map((item) => item.id)).toEqual([first.value.id, second.value.id]);
    expect(() => moveAgendaItem(doc, second.value.id, 0)).not.toThrow();
    expect(() => moveAgendaItem(doc, 'junk-item', 0)).not.toThrow();
    expect(() => updateAgendaItem(doc, 'junk-item', { title: 'x' })).not.toThrow();
    expect(agendaSnapshot(doc).map((item) => item.title)).toEqual(['Tische', 'Begrüßung']);
  });
});
