import { describe, expect, it } from 'vitest';
import {
  addCard,
  addParticipant,
  cardsSnapshot,
  closeVoteRound,
  createUndoHistory,
  exportBackup,
  groupCards,
  openVoteRound,
  participantsSnapshot,
  setAttendance,
  phonesSnapshot,
  PLENARY_BOARD_ID,
  removeParticipant,
  setBoardLocked,
  setGroupLocked,
  votesSnapshot,
  workshopSnapshot,
  LIMITS,
} from '../../shared/model';
import { buildMinutes } from '../../shared/minutes';
import { derivedId, deviceKey, writerTag } from '../../shared/phone';
import { phoneRoomFixture, T0 } from '../support/phone-room';

const DEVICE_1 = '0f1e2d3c-4b5a-4969-8877-665544332211';
const DEVICE_2 = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const DEVICE_3 = '12345678-9abc-4def-8123-456789abcdef';

const refusal = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('who a phone is', () => {
  it('claims a roster participant and stays that person after a reload (same device id)', () => {
    const room = phoneRoomFixture();
    const before = room.phone(DEVICE_1);
    expect(before.send({ type: 'hello' })).toEqual({ ok: true, value: {} });
    expect(before.send({ type: 'claim', participantId: room.anna.id })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    // The page reloaded: a new connection, the same device id from localStorage.
    const after = room.phone(DEVICE_1);
    expect(after.send({ type: 'hello' })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    expect(after.view().me).toEqual({ participantId: room.anna.id, name: 'Anna Müller' });
  });

  it('refuses a claim of somebody not in the roster, and every card or dot before a claim', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    expect(refusal(phone.send({ type: 'claim', participantId: 'nobody-here' }))).toBe('notFound');
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Idee' }))).toBe('unknownPerson');
    expect(cardsSnapshot(room.doc)).toHaveLength(0);
  });

  it('a typed name that is in the roster is that person; a new one joins the roster without consent, once per phone', () => {
    const room = phoneRoomFixture();
    const known = room.phone(DEVICE_1);
    expect(known.send({ type: 'claimName', name: '  anna muller ' })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    const count = participantsSnapshot(room.doc).length;
    const stranger = room.phone(DEVICE_2);
    const first = stranger.send({ type: 'claimName', name: 'Dana' });
    expect(first.ok).toBe(true);
    const dana = participantsSnapshot(room.doc).find((person) => person.name === 'Dana');
    // Nobody was marked present: attendance is not taken, and the new person does not start it
    // (the minutes would list everyone else as excused).
    expect(dana).toMatchObject({ consent: false, attended: false, email: '' });
    // A typo fixed renames the phone's own entry; it does not add a second one.
    expect(stranger.send({ type: 'claimName', name: 'Dana K.' })).toEqual({ ok: true, value: { participantId: dana?.id } });
    expect(participantsSnapshot(room.doc)).toHaveLength(count + 1);
    expect(participantsSnapshot(room.doc).find((person) => person.id === dana?.id)?.name).toBe('Dana K.');
    // The minutes count the new person but do not name them.
    const minutes = buildMinutes(workshopSnapshot(room.doc), { language: 'en', timeZone: 'Europe/Berlin', now: T0 });
    expect(JSON.stringify(minutes)).not.toContain('Dana');
    expect(minutes.participants.absent.unnamed).toBe(0);
    expect(refusal(stranger.send({ type: 'claimName', name: '   ' }))).toBe('invalidName');
    // Invisible characters only are no name either: the moderator's author picker would get an empty chip.
    expect(refusal(stranger.send({ type: 'claimName', name: '\u200b' }))).toBe('invalidName');
    expect(refusal(stranger.send({ type: 'claimName', name: '\u202e' }))).toBe('invalidName');
    expect(refusal(stranger.send({ type: 'claimName', name: 'x'.repeat(LIMITS.titleMax + 1) }))).toBe('invalidName');
  });

  it('a new name is marked present where the moderator takes attendance', () => {
    const room = phoneRoomFixture();
    expect(setAttendance(room.doc, [room.anna.id], true).ok).toBe(true);
    expect(room.phone(DEVICE_2).send({ type: 'claimName', name: 'Dana' }).ok).toBe(true);
    expect(participantsSnapshot(room.doc).find((person) => person.name === 'Dana')?.attended).toBe(true);
  });

  it('is nobody once the moderator removed its person from the roster', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.boris.id });
    room.must(removeParticipant(room.doc, room.boris.id));
    expect(phone.send({ type: 'hello' })).toEqual({ ok: true, value: {} });
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Noch da?' }))).toBe('unknownPerson');
    expect(phone.view().me).toBeNull();
    expect(cardsSnapshot(room.doc)).toHaveLength(0);
  });

  it('asks before a second phone becomes a person another phone already is, picked or typed', () => {
    const room = phoneRoomFixture();
    const first = room.phone(DEVICE_1);
    expect(first.send({ type: 'claimName', name: 'Anna Müller' })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    const second = room.phone(DEVICE_2);
    // Two people called Anna would share one dot budget and one list of action items.
    expect(refusal(second.send({ type: 'claimName', name: 'anna müller' }))).toBe('nameTaken');
    expect(refusal(second.send({ type: 'claim', participantId: room.anna.id }))).toBe('nameTaken');
    expect(second.send({ type: 'hello' })).toEqual({ ok: true, value: {} });
    // A new typed name: the second phone's own entry; typed again by the first, it is asked too.
    const dana = second.send({ type: 'claimName', name: 'Dana' });
    if (!dana.ok) throw new Error('Dana not added');
    expect(refusal(first.send({ type: 'claimName', name: 'Dana' }))).toBe('nameTaken');
    // The person's own second device, or this phone after its storage was cleared: says so.
    const again = room.phone(DEVICE_3);
    expect(again.send({ type: 'claim', participantId: room.anna.id, samePerson: true })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    // A phone is never asked about itself (a reload, a second tab).
    expect(first.send({ type: 'claim', participantId: room.anna.id })).toEqual({ ok: true, value: { participantId: room.anna.id } });
    expect(room.phone(DEVICE_1).send({ type: 'claimName', name: 'Anna Müller' }).ok).toBe(true);
  });

  it('refuses a typed name two roster entries share', () => {
    const room = phoneRoomFixture();
    const phone = room.phone(DEVICE_1);
    expect(phone.send({ type: 'claimName', name: 'chris' })).toEqual({ ok: true, value: { participantId: room.chris.id } });
    room.must(addParticipant(room.doc, { name: 'Chris', organisation: 'Andere Org', stakeholderGroup: '', email: '' }));
    const count = participantsSnapshot(room.doc).length;
    expect(refusal(room.phone(DEVICE_2).send({ type: 'claimName', name: 'Chris' }))).toBe('ambiguousName');
    expect(participantsSnapshot(room.doc)).toHaveLength(count);
  });
});

describe('cards from a phone', () => {
  it('adds a card on the plenary only while it is open for capture, named or anonymous', () => {
    const room = phoneRoomFixture();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Zu früh' }))).toBe('boardClosed');
    room.openPlenary();
    const named = phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Mehr Bänke' });
    const anonymous = phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Geheim', anonymous: true });
    expect(named.ok && anonymous.ok).toBe(true);
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: '\u200b' }))).toBe('emptyText');
    const cards = cardsSnapshot(room.doc);
    expect(cards.map((card) => [card.text, card.authorId])).toEqual([
      ['Mehr Bänke', room.anna.id],
      ['Geheim', null],
    ]);
    // Not on another board, even an existing one.
    expect(refusal(phone.send({ type: 'addCard', boardId: room.tableA.id, text: 'Tisch' }))).toBe('boardClosed');
    room.closePlenary();
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Zu spät' }))).toBe('boardClosed');
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: '  ' }))).toBe('boardClosed');
    room.openPlenary();
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: ' \n ' }))).toBe('emptyText');
    expect(cardsSnapshot(room.doc)).toHaveLength(2);
  });

  it('a table phone writes only on its own table during small-group work', () => {
    const room = phoneRoomFixture();
    const annaPhone = room.phone(DEVICE_1);
    annaPhone.send({ type: 'claim', participantId: room.anna.id });
    const chrisPhone = room.phone(DEVICE_2);
    chrisPhone.send({ type: 'claim', participantId: room.chris.id });
    // Before group work the table is closed to phones.
    expect(refusal(annaPhone.send({ type: 'addCard', boardId: room.tableA.id, text: 'Vorher' }))).toBe('boardClosed');
    room.startGroupWork();
    expect(annaPhone.send({ type: 'addCard', boardId: room.tableA.id, text: 'Am Tisch' }).ok).toBe(true);
    expect(refusal(annaPhone.send({ type: 'addCard', boardId: room.tableB.id, text: 'Fremder Tisch' }))).toBe('boardClosed');
    expect(refusal(annaPhone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Plenum' }))).toBe('boardClosed');
    // Chris sits at no table: nothing to write on during group work unless the plenary is open.
    expect(refusal(chrisPhone.send({ type: 'addCard', boardId: room.tableA.id, text: 'Nicht mein Tisch' }))).toBe('boardClosed');
    room.openPlenary();
    expect(chrisPhone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Plenum offen' }).ok).toBe(true);
    expect(cardsSnapshot(room.doc).map((card) => `${card.boardId}: ${card.text}`).sort()).toEqual([`${PLENARY_BOARD_ID}: Plenum offen`, `${room.tableA.id}: Am Tisch`].sort());
  });

  it('edits and deletes only its own cards; another phone claiming the same person cannot', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const first = room.phone(DEVICE_1);
    first.send({ type: 'claim', participantId: room.anna.id });
    const added = first.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Erste Fassung' });
    const anonymous = first.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Anonym', anonymous: true });
    if (!added.ok || !anonymous.ok) throw new Error('not added');
    const cardId = added.value.cardId ?? '';
    const anonymousId = anonymous.value.cardId ?? '';

    // A second phone that says it is Anna too (asked first, and says yes): same person, not the same writer.
    const impostor = room.phone(DEVICE_2);
    expect(impostor.send({ type: 'claim', participantId: room.anna.id, samePerson: true }).ok).toBe(true);
    expect(refusal(impostor.send({ type: 'editOwnCard', cardId, text: 'Übernommen' }))).toBe('notYourCard');
    expect(refusal(impostor.send({ type: 'deleteOwnCard', cardId }))).toBe('notYourCard');
    expect(refusal(impostor.send({ type: 'deleteOwnCard', cardId: anonymousId }))).toBe('notYourCard');
    // A card a laptop wrote for Anna is no phone's.
    const laptopCard = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'Vom Laptop', authorId: room.anna.id }));
    expect(refusal(first.send({ type: 'deleteOwnCard', cardId: laptopCard.id }))).toBe('notYourCard');

    // The writer, after a reload, still may: its anonymous card too.
    const reloaded = room.phone(DEVICE_1);
    expect(reloaded.send({ type: 'editOwnCard', cardId, text: 'Zweite Fassung' }).ok).toBe(true);
    expect(reloaded.send({ type: 'deleteOwnCard', cardId: anonymousId }).ok).toBe(true);
    expect(cardsSnapshot(room.doc).map((card) => card.text)).toEqual(['Zweite Fassung', 'Vom Laptop']);
    expect(refusal(reloaded.send({ type: 'deleteOwnCard', cardId: 'never-was' }))).toBe('notFound');
  });

  it('keeps cards where capture is closed and where the moderator locked the board or group', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    const ids = ['Eins', 'Zwei', 'Drei'].map((text) => {
      const result = phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text });
      return result.ok ? (result.value.cardId ?? '') : '';
    });
    const [one = '', two = '', three = ''] = ids;
    room.must(setBoardLocked(room.doc, PLENARY_BOARD_ID, true));
    expect(refusal(phone.send({ type: 'deleteOwnCard', cardId: one }))).toBe('boardLocked');
    // As on a table laptop, a lock keeps cards in place; writing and rewording go on.
    expect(phone.send({ type: 'editOwnCard', cardId: one, text: 'Eins!' }).ok).toBe(true);
    expect(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Vier' }).ok).toBe(true);
    room.must(setBoardLocked(room.doc, PLENARY_BOARD_ID, false));
    const group = room.must(groupCards(room.doc, { cardIds: [two, three], title: 'Gruppe' }));
    room.must(setGroupLocked(room.doc, group.id, true));
    expect(refusal(phone.send({ type: 'deleteOwnCard', cardId: two }))).toBe('groupLocked');
    room.closePlenary();
    expect(refusal(phone.send({ type: 'editOwnCard', cardId: one, text: 'Nach Schluss' }))).toBe('boardClosed');
    expect(refusal(phone.send({ type: 'deleteOwnCard', cardId: one }))).toBe('boardClosed');
    expect(cardsSnapshot(room.doc).map((card) => card.text)).toEqual(['Eins!', 'Zwei', 'Drei', 'Vier']);
  });

  it('refuses a text over the limit and changes nothing', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    // Past the byte limit but within the character limit: the model's own check, answered as tooLong.
    expect(refusal(phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'я'.repeat(LIMITS.cardTextMaxBytes / 2 + 1) }))).toBe('tooLong');
    expect(cardsSnapshot(room.doc)).toHaveLength(0);
  });

  it('applies a resent add, edit or delete once', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    const first = phone.sendAs('k-1', { type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Einmal' });
    // The answer was lost; the phone reconnects and sends the same command again.
    const again = room.phone(DEVICE_1).sendAs('k-1', { type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Einmal' });
    expect(again).toEqual(first);
    expect(cardsSnapshot(room.doc)).toHaveLength(1);
    const cardId = first.ok ? (first.value.cardId ?? '') : '';
    expect(phone.sendAs('k-2', { type: 'editOwnCard', cardId, text: 'Zweimal' }).ok).toBe(true);
    expect(phone.sendAs('k-2', { type: 'editOwnCard', cardId, text: 'Zweimal' }).ok).toBe(true);
    expect(phone.sendAs('k-3', { type: 'deleteOwnCard', cardId }).ok).toBe(true);
    expect(phone.sendAs('k-3', { type: 'deleteOwnCard', cardId }).ok).toBe(true);
    // The add sent once more after the delete: done long ago, not added again.
    expect(phone.sendAs('k-1', { type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Einmal' }).ok).toBe(true);
    expect(cardsSnapshot(room.doc)).toHaveLength(0);
    // The same command id from another phone is another command.
    const other = room.phone(DEVICE_2);
    other.send({ type: 'claim', participantId: room.boris.id });
    expect(other.sendAs('k-1', { type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Andere' }).ok).toBe(true);
    expect(cardsSnapshot(room.doc)).toHaveLength(1);
  });

  it('stays out of the moderator’s undo, the backup and the minutes', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const undo = createUndoHistory(room.doc);
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    phone.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Vom Handy', anonymous: true });
    expect(undo.canUndo()).toBe(false);
    undo.destroy();
    const key = deviceKey(DEVICE_1);
    const backup = exportBackup(room.doc, T0);
    expect(backup).toContain('Vom Handy');
    expect(backup).not.toContain(key);
    expect(backup).not.toContain(DEVICE_1);
  });

  it('keeps no trace in the document of which phone or person wrote an anonymous card', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    const added = phone.sendAs('c-1', { type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Heikel', anonymous: true });
    const cardId = added.ok ? (added.value.cardId ?? '') : '';
    const { devices, cardWriters } = phonesSnapshot(room.doc);
    const key = deviceKey(DEVICE_1);
    expect(devices.get(key)).toBe(room.anna.id);
    const tag = cardWriters.get(cardId) ?? '';
    // What a reader of the document could try with the keys it sees: none leads from the card to the phone.
    expect(tag).not.toBe(key);
    expect(tag).not.toBe(writerTag(key, cardId));
    expect(cardId).not.toBe(derivedId(key, 'c-1'));
    expect(JSON.stringify(cardsSnapshot(room.doc))).not.toContain(room.anna.id);
    // Only the device id opens it.
    expect(tag).toBe(writerTag(DEVICE_1, cardId));
  });
});

describe('dots from a phone', () => {
  function votingRoom(options: { budget: number; allowStacking?: boolean }) {
    const room = phoneRoomFixture();
    const cardA = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'A' }));
    const cardB = room.must(addCard(room.doc, { boardId: PLENARY_BOARD_ID, text: 'B' }));
    const tableCard = room.must(addCard(room.doc, { boardId: room.tableA.id, text: 'Tisch' }));
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: options.budget, allowStacking: options.allowStacking ?? false, now: T0 }));
    const phone = room.phone(DEVICE_1);
    phone.send({ type: 'claim', participantId: room.anna.id });
    return { ...room, cardA, cardB, tableCard, round, annaPhone: phone };
  }

  it('votes within the budget; over budget and stacking are refused', () => {
    const room = votingRoom({ budget: 2 });
    const vote = (targetId: string) => room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId });
    expect(vote(room.cardA.id).ok).toBe(true);
    expect(refusal(vote(room.cardA.id))).toBe('noStacking');
    expect(vote(room.cardB.id).ok).toBe(true);
    const over = vote(room.cardB.id);
    expect(over).toEqual({ ok: false, error: { code: 'overBudget', params: { budget: 2 } } });
    expect(votesSnapshot(room.doc)).toHaveLength(2);
    // The budget is the person's: a second phone claiming Anna has none left either.
    const second = room.phone(DEVICE_2);
    second.send({ type: 'claim', participantId: room.anna.id, samePerson: true });
    expect(refusal(second.send({ type: 'vote', roundId: room.round.id, targetId: room.cardA.id }))).toBe('overBudget');
    // Another person has their own.
    const boris = room.phone('bbbbbbbb-cccc-4ddd-8eee-ffffffffffff');
    boris.send({ type: 'claim', participantId: room.boris.id });
    expect(boris.send({ type: 'vote', roundId: room.round.id, targetId: room.cardA.id }).ok).toBe(true);
  });

  it('stacks dots where the round allows it', () => {
    const room = votingRoom({ budget: 3, allowStacking: true });
    for (let index = 0; index < 3; index += 1) expect(room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId: room.cardA.id }).ok).toBe(true);
    expect(refusal(room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId: room.cardA.id }))).toBe('overBudget');
  });

  it('takes back only the person’s own dots, and a resent vote or unvote counts once', () => {
    const room = votingRoom({ budget: 2 });
    const cast = room.annaPhone.sendAs('v-1', { type: 'vote', roundId: room.round.id, targetId: room.cardA.id });
    expect(room.phone(DEVICE_1).sendAs('v-1', { type: 'vote', roundId: room.round.id, targetId: room.cardA.id })).toEqual(cast);
    expect(votesSnapshot(room.doc)).toHaveLength(1);
    const voteId = cast.ok ? (cast.value.voteId ?? '') : '';
    const boris = room.phone(DEVICE_2);
    boris.send({ type: 'claim', participantId: room.boris.id });
    expect(refusal(boris.send({ type: 'unvote', voteId }))).toBe('notYourVote');
    expect(room.annaPhone.sendAs('u-1', { type: 'unvote', voteId }).ok).toBe(true);
    expect(room.annaPhone.sendAs('u-1', { type: 'unvote', voteId }).ok).toBe(true);
    expect(votesSnapshot(room.doc)).toHaveLength(0);
  });

  it('votes at its table during small-group work, where a phone of another seat cannot', () => {
    const room = votingRoom({ budget: 1 });
    room.must(closeVoteRound(room.doc, room.round.id, T0));
    const tableRound = room.must(openVoteRound(room.doc, { boardId: room.tableA.id, budget: 1, now: T0 }));
    room.startGroupWork();
    expect(room.annaPhone.send({ type: 'vote', roundId: tableRound.id, targetId: room.tableCard.id }).ok).toBe(true);
    const chris = room.phone(DEVICE_2);
    chris.send({ type: 'claim', participantId: room.chris.id });
    expect(refusal(chris.send({ type: 'vote', roundId: tableRound.id, targetId: room.tableCard.id }))).toBe('roundClosed');
    expect(votesSnapshot(room.doc)).toHaveLength(1);
  });

  it('votes only in the open round it is shown, on that round’s board, and never closes it', () => {
    const room = votingRoom({ budget: 3 });
    expect(refusal(room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId: room.tableCard.id }))).toBe('notFound');
    expect(refusal(room.annaPhone.send({ type: 'vote', roundId: 'another-round', targetId: room.cardA.id }))).toBe('roundClosed');
    const cast = room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId: room.cardA.id });
    room.must(closeVoteRound(room.doc, room.round.id, T0 + 1));
    expect(refusal(room.annaPhone.send({ type: 'vote', roundId: room.round.id, targetId: room.cardB.id }))).toBe('roundClosed');
    expect(refusal(room.annaPhone.send({ type: 'unvote', voteId: cast.ok ? (cast.value.voteId ?? '') : '' }))).toBe('roundClosed');
    expect(votesSnapshot(room.doc)).toHaveLength(1);
  });
});
