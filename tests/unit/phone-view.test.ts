import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addCard,
  assignTables,
  closeVoteRound,
  applyWorkshopUpdates,
  createWorkshopDoc,
  groupCards,
  openVoteRound,
  PLENARY_BOARD_ID,
  restoreBackup,
  ROOT,
  setPlenaryOpen,
  shownTableNames,
  tablesSnapshot,
  updateMeta,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import {
  applyPhoneCommand,
  createOwnCardCache,
  deviceKey,
  PHONE_TEXT_SHOWN,
  PHONE_VIEW_CARD_BYTES,
  phoneFromDevice,
  phoneRoom,
  phoneView,
  phoneViewSchema,
  type PhoneCommand,
  writerTag,
} from '../../shared/phone';
import { buildWorkshop } from '../../bench/fixtures/workshop';
import { ITEM_KEYS, junkValue, writeJunk } from '../support/junk';
import { phoneRoomFixture, T0 } from '../support/phone-room';
import { deriveSeed, pick, seededRandom } from '../support/prng';
import { seedDaySnapshot } from '../support/seed-day';

const DEVICE_1 = '0f1e2d3c-4b5a-4969-8877-665544332211';
const DEVICE_2 = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('what a phone is shown', () => {
  it('shows the workshop, the running item with its timestamps, its board, its round and its own action items', () => {
    const room = phoneRoomFixture();
    room.must(updateMeta(room.doc, { title: 'Ortsentwicklung' }));
    room.openPlenary();
    const anna = room.phone(DEVICE_1);
    anna.send({ type: 'claim', participantId: room.anna.id });
    const own = anna.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Annas Idee' });
    const anonymous = anna.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Ohne Namen', anonymous: true });
    const borisCard = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'Boris schreibt', authorId: room.boris.id }));
    const chrisCard = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'Chris schreibt', authorId: room.chris.id }));
    const group = room.must(groupCards(room.doc, { cardIds: [borisCard.id, chrisCard.id], title: 'Andere' }));
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: 3, hideResults: true, now: T0 }));
    const dot = anna.send({ type: 'vote', roundId: round.id, targetId: chrisCard.id });
    room.must(addActionItem(room.doc, { title: 'Bänke bestellen', ownerId: room.anna.id, due: '2026-12-24' }));
    room.must(addActionItem(room.doc, { title: 'Nicht Annas', ownerId: room.boris.id }));
    const annaPlenary = anna.view();
    expect(annaPlenary.board?.cards.filter((card) => card.mine).map((card) => card.id)).toEqual([own.ok && own.value.cardId, anonymous.ok && anonymous.value.cardId]);
    expect(annaPlenary.round).toEqual({ id: round.id, budget: 3, allowStacking: false, left: 2, mine: [{ id: dot.ok && dot.value.voteId, targetId: chrisCard.id }], totals: null });
    expect(annaPlenary.actions).toEqual([{ id: expect.any(String), title: 'Bänke bestellen', due: '2026-12-24', status: 'open' }]);
    room.startGroupWork();
    // Anna sits at table A: during group work her phone is at her table; Chris (no table) stays on the open plenary.
    const annaView = anna.view(T0 + 90_000);
    expect(annaView.board?.id).toBe(room.tableA.id);
    expect(annaView.board?.writable).toBe(true);

    const chris = room.phone(DEVICE_2);
    chris.send({ type: 'claim', participantId: room.chris.id });
    const view = chris.view(T0 + 90_000);
    expect(phoneViewSchema.parse(view)).toEqual(view);
    expect(view.workshop).toEqual({ title: 'Ortsentwicklung', language: 'de' });
    expect(view.me).toEqual({ participantId: room.chris.id, name: 'Chris' });
    // Offered to pick from: those who agreed to be named (Boris types his name).
    expect(view.roster).toEqual([
      { participantId: room.anna.id, name: 'Anna Müller' },
      { participantId: room.chris.id, name: 'Chris' },
    ]);
    expect(view.at).toBe(T0 + 90_000);
    expect(view.run).toEqual({
      status: 'running',
      itemStartedAt: T0 + 60_000,
      pausedAt: 0,
      signalled: false,
      item: { id: room.groupItem.id, title: 'Kleingruppen', kind: 'groupWork', task: 'Was braucht der Ort?', durationMin: 30 },
    });
    expect(view.board).toMatchObject({ id: PLENARY_BOARD_ID, kind: 'plenary', writable: true, locked: false, omitted: 0, groups: [{ id: group.id, title: 'Andere', locked: false }] });
    const cards = Object.fromEntries((view.board?.cards ?? []).map((card) => [card.text, card]));
    // Named only with consent (Anna yes, Boris no), never on an anonymous card; "mine" is the phone's own writing.
    expect(cards['Annas Idee']).toMatchObject({ author: 'Anna Müller', mine: false, groupId: null });
    expect(cards['Ohne Namen']).toMatchObject({ author: null, mine: false });
    expect(cards['Boris schreibt']).toMatchObject({ author: null, groupId: group.id });
    expect(cards['Chris schreibt']).toMatchObject({ author: 'Chris', groupId: group.id, mine: false });
    // Hidden results stay hidden; Chris has all dots, Anna's are not his.
    expect(view.round).toEqual({ id: round.id, budget: 3, allowStacking: false, left: 3, mine: [], totals: null });
    expect(view.actions).toEqual([]);

  });

  it('names nobody the minutes would not name, and shows no device key, e-mail or organisation', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const anna = room.phone(DEVICE_1);
    anna.send({ type: 'claim', participantId: room.anna.id });
    anna.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Anonym gemeint', anonymous: true });
    const boris = room.phone(DEVICE_2);
    boris.send({ type: 'claim', participantId: room.boris.id });
    boris.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Von Boris' });
    for (const phone of [anna, boris]) {
      const text = JSON.stringify(phone.view());
      expect(text).not.toContain(deviceKey(DEVICE_1));
      expect(text).not.toContain(deviceKey(DEVICE_2));
      expect(text).not.toContain(DEVICE_1);
      expect(text).not.toContain('@example.org');
      expect(text).not.toContain('Org');
    }
    // Boris did not consent: not even his own phone's board names him to the room (the board is the same for all).
    expect(boris.view().board?.cards.find((card) => card.text === 'Von Boris')).toMatchObject({ author: null, mine: true });
    expect(anna.view().board?.cards.find((card) => card.text === 'Anonym gemeint')).toMatchObject({ author: null, mine: true });
    expect(boris.view().board?.cards.find((card) => card.text === 'Anonym gemeint')).toMatchObject({ author: null, mine: false });
  });

  it('gives a name a peer wrote blank as \'\' (the phone shows its placeholder), not as invisible text', () => {
    const room = phoneRoomFixture();
    room.startGroupWork();
    const anna = room.phone(DEVICE_1);
    room.must(anna.send({ type: 'claim', participantId: room.anna.id }));
    room.must(anna.send({ type: 'addCard', boardId: room.tableA.id, text: 'Von Anna' }));
    // What this laptop's forms refuse, a peer's document can hold.
    room.doc.transact(() => {
      (room.doc.getMap(ROOT.participants).get(room.anna.id) as Y.Map<unknown>).set('name', '\u200b');
      (room.doc.getMap(ROOT.boards).get(room.tableA.id) as Y.Map<unknown>).set('title', ' \u200b ');
    });
    const view = anna.view();
    expect(view.me?.name).toBe('');
    expect(view.roster.find((entry) => entry.participantId === room.anna.id)?.name).toBe('');
    expect(view.board?.title).toBe('');
    expect(view.board?.cards.find((card) => card.text === 'Von Anna')?.author).toBe('');
  });

  it('numbers a table a peer left without a name as the laptops do, so phone and wall name it alike', () => {
    const room = phoneRoomFixture();
    room.must(assignTables(room.doc, [{ id: room.anna.id, tableId: room.tableB.id, fixedToTable: false }]));
    room.startGroupWork();
    const anna = room.phone(DEVICE_1);
    room.must(anna.send({ type: 'claim', participantId: room.anna.id }));
    expect(anna.view().board).not.toHaveProperty('unnamedNumber');
    room.doc.transact(() => {
      for (const table of [room.tableA, room.tableB]) (room.doc.getMap(ROOT.boards).get(table.id) as Y.Map<unknown>).set('title', '');
    });
    const view = anna.view();
    expect(phoneViewSchema.parse(view)).toEqual(view);
    // Table B is the second blank table: the moderator's app calls it "Tisch ohne Namen 2".
    expect(view.board).toMatchObject({ id: room.tableB.id, title: '', unnamedNumber: 2 });
    const names = shownTableNames(tablesSnapshot(room.doc), (number) => `Tisch ohne Namen ${number}`);
    expect(names.get(room.tableB.id)).toBe(`Tisch ohne Namen ${view.board?.unnamedNumber}`);
  });

  it('shows a round’s totals unless hidden, and the person’s own dots and what is left', () => {
    const room = phoneRoomFixture();
    const card = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'A' }));
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: 2, allowStacking: true, now: T0 }));
    const anna = room.phone(DEVICE_1);
    anna.send({ type: 'claim', participantId: room.anna.id });
    // No capture, but an open round: the board is shown to vote on, not to write on.
    expect(anna.view().board).toMatchObject({ id: PLENARY_BOARD_ID, writable: false });
    const first = anna.send({ type: 'vote', roundId: round.id, targetId: card.id });
    const boris = room.phone(DEVICE_2);
    boris.send({ type: 'claim', participantId: room.boris.id });
    boris.send({ type: 'vote', roundId: round.id, targetId: card.id });
    expect(anna.view().round).toEqual({
      id: round.id,
      budget: 2,
      allowStacking: true,
      left: 1,
      mine: [{ id: first.ok ? first.value.voteId : '', targetId: card.id }],
      totals: [{ targetId: card.id, dots: 2 }],
    });
  });

  it('cuts a long card for the view and says so', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'x'.repeat(PHONE_TEXT_SHOWN + 1) }));
    const [card] = room.phone(DEVICE_1).view().board?.cards ?? [];
    expect(card?.text).toHaveLength(PHONE_TEXT_SHOWN);
    expect(card?.cut).toBe(true);
  });
});

describe('the result of a vote on a phone', () => {
  it("shows the ranking of the vote that ended last on the plenary or the person's table, for an hour, while no round is open for it", () => {
    const room = phoneRoomFixture();
    const cards = ['Radweg', 'Bus', 'Bahn', 'Tram'].map((text) => room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text })));
    const [radweg, bus, bahn, tram] = cards;
    if (!radweg || !bus || !bahn || !tram) throw new Error('setup');
    const group = room.must(groupCards(room.doc, { cardIds: [bahn.id, tram.id], title: 'Schiene' }));
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: 3, allowStacking: true, now: T0 }));
    const anna = room.phone('0f1e2d3c-4b5a-4969-8877-665544332211');
    const chris = room.phone('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    anna.send({ type: 'claim', participantId: room.anna.id });
    chris.send({ type: 'claim', participantId: room.chris.id });
    for (const target of [group.id, group.id, radweg.id]) expect(anna.send({ type: 'vote', roundId: round.id, targetId: target }).ok).toBe(true);
    for (const target of [group.id, bus.id]) expect(chris.send({ type: 'vote', roundId: round.id, targetId: target }).ok).toBe(true);
    // While the round is open, the phone votes; no result yet.
    expect(anna.view().results).toBeNull();

    room.must(closeVoteRound(room.doc, round.id, T0 + 1000));
    const results = anna.view(T0 + 2000).results;
    expect(results).toEqual({
      roundId: round.id,
      board: { kind: 'plenary', title: expect.any(String) as string },
      ranked: [
        { rank: 1, label: 'Schiene', group: true, dots: 3 },
        { rank: 2, label: 'Radweg', group: false, dots: 1 },
        { rank: 2, label: 'Bus', group: false, dots: 1 },
      ],
      more: 0,
    });
    expect(phoneViewSchema.safeParse(anna.view(T0 + 2000)).success).toBe(true);
    // Every phone of the room sees it (it is the wall's), not only those who voted; an hour later it is gone.
    expect(room.phone('12345678-9abc-4def-8123-456789abcdef').view(T0 + 2000).results?.roundId).toBe(round.id);
    expect(anna.view(T0 + 1000 + 60 * 60 * 1000 + 1).results).toBeNull();

    // A vote at table A: Anna (seated there) sees it as the last one; Chris (unseated) still the plenary's.
    room.must(addCard(room.doc, { boardId: room.tableA.id, text: 'Tischidee' }));
    const tableRound = room.must(openVoteRound(room.doc, { boardId: room.tableA.id, budget: 1, now: T0 + 3000 }));
    room.must(closeVoteRound(room.doc, tableRound.id, T0 + 4000));
    expect(anna.view(T0 + 5000).results).toMatchObject({ roundId: tableRound.id, board: { kind: 'table', title: 'Tisch A' }, ranked: [] });
    expect(chris.view(T0 + 5000).results?.roundId).toBe(round.id);
  });

  it('shows the top ten of a long ranking and counts the rest', () => {
    const room = phoneRoomFixture();
    const cards = Array.from({ length: 14 }, (_, index) => room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: `Idee ${index + 1}` })));
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: 14, now: T0 }));
    const anna = room.phone('0f1e2d3c-4b5a-4969-8877-665544332211');
    anna.send({ type: 'claim', participantId: room.anna.id });
    for (const card of cards) expect(anna.send({ type: 'vote', roundId: round.id, targetId: card.id }).ok).toBe(true);
    room.must(closeVoteRound(room.doc, round.id, T0 + 1000));
    const results = anna.view(T0 + 2000).results;
    expect(results?.ranked).toHaveLength(10);
    expect(results?.more).toBe(4);
  });
});

describe('which cards are a phone’s', () => {
  it('answers from the writer tag, also when the cache saw another tag for the card before', () => {
    const cache = createOwnCardCache();
    const phone = phoneFromDevice(DEVICE_1);
    expect(cache.isMine(phone, 'card-1', 'f'.repeat(32))).toBe(false);
    expect(cache.isMine(phone, 'card-1', writerTag(DEVICE_1, 'card-1'))).toBe(true);
    expect(cache.isMine(phoneFromDevice(DEVICE_2), 'card-1', writerTag(DEVICE_1, 'card-1'))).toBe(false);
  });
});

describe('the size of a view', () => {
  it('keeps a 2,000-card board under its budget: the phone’s own cards and the newest of the others', () => {
    const seeded = buildWorkshop({ cards: 2000, logCards: 0, laptops: 1, seed: 20250614 });
    const doc = createWorkshopDoc();
    applyWorkshopUpdates(doc, [seeded.fullState]);
    setPlenaryOpen(doc, true);
    const phone = phoneFromDevice(DEVICE_1);
    // The phone's own card is the oldest of the board: still shown.
    const snapshot = workshopSnapshot(doc);
    const oldest = [...snapshot.cards].sort((a, b) => a.createdAt - b.createdAt)[0];
    if (!oldest) throw new Error('no cards');
    const people = addParticipantFor(doc);
    applyPhoneCommand(doc, phone, { type: 'claim', id: 'c1', participantId: people }, T0);
    const mine = applyPhoneCommand(doc, phone, { type: 'addCard', id: 'c2', boardId: PLENARY_BOARD_ID, text: 'Meins' }, oldest.createdAt - 1);
    const cache = createOwnCardCache();
    const started = performance.now();
    const view = phoneView(workshopSnapshot(doc), phoneRoom(doc), phone, T0, cache);
    const firstMs = performance.now() - started;
    const snapshotAgain = workshopSnapshot(doc);
    const roomAgain = phoneRoom(doc);
    const again = performance.now();
    expect(phoneView(snapshotAgain, roomAgain, phone, T0, cache)).toEqual(view);
    console.info(`phone view of 2,001 cards: first ${firstMs.toFixed(1)} ms, again with the cache ${(performance.now() - again).toFixed(1)} ms`);
    const unbounded = bytes(workshopSnapshot(doc).cards.map((card) => ({ id: card.id, text: card.text, cut: false, groupId: null, mine: false, author: null })));
    const size = bytes(view);
    console.info(`phone view of 2,001 cards: all cards ${Math.round(unbounded / 1024)} KiB, view ${Math.round(size / 1024)} KiB, ${view.board?.cards.length} cards shown, ${view.board?.omitted} left out`);
    expect(unbounded).toBeGreaterThan(PHONE_VIEW_CARD_BYTES);
    expect(size).toBeLessThan(PHONE_VIEW_CARD_BYTES + 8 * 1024);
    expect(view.board?.omitted).toBeGreaterThan(0);
    expect((view.board?.cards.length ?? 0) + (view.board?.omitted ?? 0)).toBe(2001);
    expect(view.board?.cards.find((card) => card.mine)?.id).toBe(mine.ok ? mine.value.cardId : 'missing');
    // The newest card of the others is there, the oldest is not.
    const newest = [...snapshot.cards].sort((a, b) => b.createdAt - a.createdAt)[0];
    const shown = new Set(view.board?.cards.map((card) => card.id));
    expect(shown.has(newest?.id ?? '')).toBe(true);
    expect(shown.has(oldest.id)).toBe(false);
    // Shown in board order.
    const order = snapshot.cards.map((card) => card.id).filter((id) => shown.has(id));
    expect(view.board?.cards.map((card) => card.id).filter((id) => id !== (mine.ok ? mine.value.cardId : ''))).toEqual(order);
  }, 60_000);
});

function addParticipantFor(doc: WorkshopDoc): string {
  const result = applyPhoneCommand(doc, phoneFromDevice(DEVICE_1), { type: 'claimName', id: 'c0', name: 'Dana' }, T0);
  if (!result.ok || !result.value.participantId) throw new Error('no participant');
  return result.value.participantId;
}

describe('junk in the document', () => {
  it('never makes a view the phone would refuse, nor a command throw (seeded)', () => {
    const SEED = 20_261_205;
    const base = seedDaySnapshot();
    for (let run = 0; run < 60; run += 1) {
      const random = seededRandom(deriveSeed(SEED, 'phone', run));
      const source = restoreBackup(base);
      setPlenaryOpen(source, true);
      const phone = phoneFromDevice(`device-${run}-0000000000`);
      const firstPerson = workshopSnapshot(source).participants[0]?.id ?? 'nobody';
      applyPhoneCommand(source, phone, { type: 'claim', id: 'c0', participantId: firstPerson }, T0);
      const added = applyPhoneCommand(source, phone, { type: 'addCard', id: 'c1', boardId: PLENARY_BOARD_ID, text: 'Vor dem Unsinn' }, T0);
      const round = openVoteRound(source, { boardId: PLENARY_BOARD_ID, budget: 5, allowStacking: true, now: T0 });
      if (round.ok) for (const card of workshopSnapshot(source).cards.slice(0, 4)) applyPhoneCommand(source, phone, { type: 'vote', id: `v-${card.id}`, roundId: round.value.id, targetId: card.id }, T0);
      writeJunk(source, random);
      // Junk where the phone looks: in the fields of the items its view is made of.
      for (const root of [ROOT.cards, ROOT.groups, ROOT.votes, ROOT.voteRounds, ROOT.participants, ROOT.agenda, ROOT.actions, ROOT.boards]) {
        source.getMap<unknown>(root).forEach((item) => {
          if (!(item instanceof Y.Map) || random() < 0.6) return;
          const keys = ITEM_KEYS[root] ?? [];
          item.set(keys[pick(random, keys.length)] ?? 'title', junkValue(random));
        });
      }
      source.getMap<unknown>(ROOT.meta).set(['title', 'language'][pick(random, 2)] ?? 'title', junkValue(random));
      // Junk in the phones map too: a broken peer's keys and values.
      const phones = source.getMap<unknown>(ROOT.phones);
      for (let index = 0; index < 5; index += 1) {
        const key = [`device:${deviceKey(`device-${run}-0000000000`)}`, `card:${added.ok ? added.value.cardId : 'x'}`, 'device:', 'card:__proto__', `created:${'f'.repeat(32)}`][pick(random, 5)] ?? 'x';
        phones.set(key, random() < 0.3 ? new Y.Map() : junkValue(random));
      }
      const doc = createWorkshopDoc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
      const context = `phone junk run ${run}`;
      try {
        const view = phoneView(workshopSnapshot(doc), phoneRoom(doc), phone, T0);
        const checked = phoneViewSchema.safeParse(view);
        if (!checked.success) throw new Error(JSON.stringify(checked.error.issues.slice(0, 3)));
        const target = view.board?.cards[0]?.id ?? 'none';
        const commands: PhoneCommand[] = [
          { type: 'hello', id: 'j1' },
          { type: 'addCard', id: 'j2', boardId: view.board?.id ?? PLENARY_BOARD_ID, text: 'Nach dem Unsinn' },
          { type: 'editOwnCard', id: 'j3', cardId: added.ok ? (added.value.cardId ?? 'x') : 'x', text: 'Neu' },
          { type: 'vote', id: 'j4', roundId: view.round?.id ?? 'none', targetId: target },
          { type: 'unvote', id: 'j5', voteId: view.round?.mine[0]?.id ?? 'none' },
          { type: 'deleteOwnCard', id: 'j6', cardId: added.ok ? (added.value.cardId ?? 'x') : 'x' },
          { type: 'claimName', id: 'j7', name: 'Neu im Raum' },
        ];
        for (const command of commands) applyPhoneCommand(doc, phone, command, T0);
      } catch (error) {
        throw new Error(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
      }
    }
  }, 120_000);
});
