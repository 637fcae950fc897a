import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { newRoom, roomArgs, stopAll, type Room } from './cluster';
import { uncaughtBesidesRestarts } from './faults-known';
import { PeerProcess } from './peer-process';

/*
 * docs/session-format.md promises that a program with plain `yjs` can read and write a workshop
 * without breaking the Plenum laptops that share it. Here that program is
 * tests/sync/peers/vanilla-workshop-peer.ts (yjs + y-webrtc + fractional-indexing, no project
 * code) in its own process: it joins a room hosted by a Plenum laptop with room = workshop id and
 * password = join secret, reads the title and the plenary cards, and writes cards exactly as the
 * page's example does. The Plenum laptop must show them.
 */

let server: SignalingServer;
let room: Room;
let host: PeerProcess;
let vanilla: PeerProcess;
let tableId = '';
const TITLE = 'Bürgerwerkstatt Spielplatz';
const PLENARY_TEXTS = ['Mehr Schatten', 'Bänke für Eltern\nund Großeltern', 'Тінь і лавки'];

interface CardView {
  id: string;
  boardId: string;
  text: string;
  order: string;
  createdAt: number;
  updatedAt: number;
}

beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  room = newRoom(`ws://127.0.0.1:${server.port}`);
  host = await PeerProcess.start('moderator', [...roomArgs(room), '--host', '--seed-title', TITLE], { readyTimeoutMs: 60_000 });
  for (const text of PLENARY_TEXTS) expect((await host.request({ cmd: 'card', text }, 'added')).ok).toBe(true);
  const table = await host.request({ cmd: 'table', name: 'Tisch Spielgeräte', topic: 'Was fehlt?' }, 'table-added');
  tableId = String(table.id);
  expect((await host.request({ cmd: 'card', text: 'Schaukel', board: tableId }, 'added')).ok).toBe(true);
  vanilla = await PeerProcess.start('vanilla', ['--signaling', room.url, '--room', room.room, '--password', room.secret], {
    script: 'tests/sync/peers/vanilla-workshop-peer.ts',
    readyTimeoutMs: 60_000,
  });
}, 120_000);

afterAll(async () => {
  await stopAll([vanilla, host].filter((peer): peer is PeerProcess => peer !== undefined));
  await server?.close();
});

describe('a vanilla y-webrtc client that follows docs/session-format.md', () => {
  it('joins with room = workshop id and password = join secret, and reads the title and the plenary cards in Plenum’s order', async () => {
    await vanilla.next((event) => event.event === 'arrived', 20_000, true);
    const workshop = await vanilla.request({ cmd: 'read' }, 'workshop');
    expect(workshop.schemaVersion).toBe(1);
    expect(workshop.id).toBe(room.room);
    expect(workshop.title).toBe(TITLE);
    const hostSnapshot = (await host.snapshot()) as { cards: CardView[] };
    const plenary = hostSnapshot.cards.filter((card) => card.boardId === 'plenary');
    expect((workshop.plenary as CardView[]).map((card) => card.text)).toEqual(PLENARY_TEXTS);
    expect((workshop.plenary as CardView[]).map((card) => card.id)).toEqual(plenary.map((card) => card.id));
    expect(workshop.boards).toEqual(expect.arrayContaining([{ id: 'plenary', kind: 'plenary', title: '' }, { id: tableId, kind: 'table', title: 'Tisch Spielgeräte' }]));
  }, 30_000);

  it('writes cards as the page says (plenary and a table); the Plenum laptop shows them with the right text, board and order', async () => {
    const started = Date.now();
    const plenaryText = 'Trinkbrunnen\n  am Eingang – питна вода ';
    const added = await vanilla.request({ cmd: 'add-card', board: 'plenary', text: plenaryText }, 'card-added');
    const tableText = 'Rutsche für Kleine';
    const addedToTable = await vanilla.request({ cmd: 'add-card', board: tableId, text: tableText }, 'card-added');
    await host.seesCard(plenaryText, 15_000);
    await host.seesCard(tableText, 15_000);
    const { cards } = (await host.snapshot()) as { cards: CardView[] };
    const card = cards.find((entry) => entry.id === added.id);
    expect(card).toMatchObject({ boardId: 'plenary', text: plenaryText });
    expect(card?.createdAt).toBeGreaterThanOrEqual(started - 60_000);
    expect(card?.updatedAt).toBe(card?.createdAt);
    // Appended: last of its board in Plenum's order.
    expect(cards.filter((entry) => entry.boardId === 'plenary').at(-1)?.id).toBe(added.id);
    expect(cards.filter((entry) => entry.boardId === tableId).map((entry) => entry.text)).toEqual(['Schaukel', tableText]);
    expect(cards.find((entry) => entry.id === addedToTable.id)?.boardId).toBe(tableId);
    // A card to a board that does not exist is refused, as the page's addCard does.
    expect((await vanilla.request({ cmd: 'add-card', board: 'no-such-board', text: 'x' }, 'refused')).message).toMatch(/no board/);
  }, 30_000);

  it('and reads what the Plenum laptop writes afterwards', async () => {
    expect((await host.request({ cmd: 'card', text: 'Nach dem Beitritt geschrieben' }, 'added')).ok).toBe(true);
    await expect
      .poll(async () => ((await vanilla.request({ cmd: 'read' }, 'workshop')).plenary as CardView[]).map((card) => card.text).at(-1), { timeout: 15_000 })
      .toBe('Nach dem Beitritt geschrieben');
    expect(uncaughtBesidesRestarts(host, [host])).toEqual([]);
  }, 30_000);
});

describe('a vanilla y-webrtc client and a large workshop', () => {
  // y-webrtc sends the whole sync step 2 as one data-channel message, and data channels carry at
  // most 256 KiB per message (libwebrtc and Chromium): a workshop of 2,000 cards of ≈ 200
  // characters (≈ 900 KiB) never reached a vanilla client — the send failed, the connection
  // dropped, reconnected and failed again. A Plenum laptop now sends it in parts, each a valid Yjs
  // update (renderer/network/split-sync.ts), which plain y-webrtc applies.
  it('receives a workshop of 2,000 cards, sent in parts a data channel carries', async () => {
    const large = newRoom(room.url);
    const peers: PeerProcess[] = [];
    try {
      peers.push(await PeerProcess.start('large-host', [...roomArgs(large), '--host', '--seed-title', 'Groß', '--seed-cards', '2000'], { readyTimeoutMs: 60_000 }));
      const client = await PeerProcess.start('large-vanilla', ['--signaling', large.url, '--room', large.room, '--password', large.secret], {
        script: 'tests/sync/peers/vanilla-workshop-peer.ts',
        readyTimeoutMs: 60_000,
      });
      peers.push(client);
      await client.next((event) => event.event === 'arrived', 8000, true);
      // Arrived is the meta and the plenary board: the cards may still be on their way, in parts.
      const deadline = Date.now() + 10_000;
      let cards = 0;
      while (cards < 2000 && Date.now() < deadline) {
        const workshop = await client.request({ cmd: 'read' }, 'workshop');
        cards = Array.isArray(workshop.plenary) ? workshop.plenary.length : 0;
        if (cards < 2000) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(cards).toBe(2000);
    } finally {
      await stopAll(peers);
    }
  }, 60_000);
});
