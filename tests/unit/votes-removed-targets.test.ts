import { describe, expect, it } from 'vitest';
import {
  addCard,
  addParticipant,
  cardById,
  castVote,
  closeVoteRound,
  dissolveGroup,
  dotsLeft,
  dotsOnRemoved,
  groupCards,
  groupsSnapshot,
  cardsSnapshot,
  layoutBoard,
  openVoteRound,
  PLENARY_BOARD_ID,
  rankVotes,
  removeCard,
  restoreCard,
  voteRoundsSnapshot,
  votesSnapshot,
  voteTargetIds,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import mammoth from 'mammoth';
import { buildMinutes, renderHtml, renderMarkdown } from '../../shared/minutes';
import { renderDocx } from '../../shared/minutes/docx';
import { phoneRoomFixture, T0 } from '../support/phone-room';
import { newWorkshop } from '../support/workshop';

const DEVICE_1 = '0f1e2d3c-4b5a-4969-8877-665544332211';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const person = (doc: WorkshopDoc, name: string) => must(addParticipant(doc, { name, organisation: '', stakeholderGroup: '', email: '' })).id;
const cardOn = (doc: WorkshopDoc, text: string) => must(addCard(doc, { boardId: PLENARY_BOARD_ID, text })).id;

/** The board's targets in its order, as the results, the projector and the minutes read them. */
function boardOrder(doc: WorkshopDoc): string[] {
  const layout = layoutBoard(PLENARY_BOARD_ID, groupsSnapshot(doc), cardsSnapshot(doc));
  return [...layout.groups.flatMap(({ group, cards }) => [group.id, ...cards.map((card) => card.id)]), ...layout.loose.map((card) => card.id)];
}

const targetsOf = (doc: WorkshopDoc) => voteTargetIds(cardsSnapshot(doc), groupsSnapshot(doc));
const roundOf = (doc: WorkshopDoc, id: string) => voteRoundsSnapshot(doc).find((round) => round.id === id) ?? null;

/** QA's steps: A dots its idea and group "Energie", B dots A's idea. */
function qaRoom() {
  const doc = newWorkshop();
  const ada = person(doc, 'Ada');
  const ben = person(doc, 'Ben');
  const idea = cardOn(doc, 'Idee von Ada');
  const sun = cardOn(doc, 'Sonne');
  const energy = must(groupCards(doc, { cardIds: [sun, cardOn(doc, 'Wind')], title: 'Energie' })).id;
  const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3, now: 10 }));
  must(castVote(doc, { roundId: round.id, voterId: ada, targetId: idea, now: 11 }));
  must(castVote(doc, { roundId: round.id, voterId: ada, targetId: energy, now: 12 }));
  must(castVote(doc, { roundId: round.id, voterId: ben, targetId: idea, now: 13 }));
  return { doc, ada, ben, idea, sun, energy, roundId: round.id };
}

describe('dots on a deleted card or a dissolved group', () => {
  it('while the round is open are given back, and come back with the card when its delete is undone', () => {
    const { doc, ada, ben, idea, sun, energy, roundId } = qaRoom();
    const deleted = cardById(doc, idea);
    must(removeCard(doc, idea));
    const round = roundOf(doc, roundId);
    if (!round || !deleted) throw new Error('setup');
    expect(dotsLeft(round, votesSnapshot(doc), ada, targetsOf(doc))).toBe(2);
    expect(dotsLeft(round, votesSnapshot(doc), ben, targetsOf(doc))).toBe(3);
    expect(rankVotes(round, votesSnapshot(doc), boardOrder(doc))).toEqual([{ targetId: energy, dots: 1, rank: 1 }]);
    // Ada can spend the dot she got back.
    must(castVote(doc, { roundId, voterId: ada, targetId: sun, now: 14 }));
    expect(dotsLeft(round, votesSnapshot(doc), ada, targetsOf(doc))).toBe(1);

    restoreCard(doc, deleted);
    // Ada's three dots by time are the idea's, Energie's and the new one: all count again.
    expect(dotsLeft(round, votesSnapshot(doc), ada, targetsOf(doc))).toBe(0);
    expect(rankVotes(round, votesSnapshot(doc), boardOrder(doc))[0]).toEqual({ targetId: idea, dots: 2, rank: 1 });
  });

  it('a phone counts what is left without the deleted card and shows no dot on it', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const idea = cardOn(room.doc, 'Annas Idee');
    const energy = room.must(groupCards(room.doc, { cardIds: [cardOn(room.doc, 'Sonne'), cardOn(room.doc, 'Wind')], title: 'Energie' })).id;
    const round = room.must(openVoteRound(room.doc, { boardId: PLENARY_BOARD_ID, budget: 3, now: T0 }));
    const anna = room.phone(DEVICE_1);
    anna.send({ type: 'claim', participantId: room.anna.id });
    anna.send({ type: 'vote', roundId: round.id, targetId: idea });
    const kept = anna.send({ type: 'vote', roundId: round.id, targetId: energy });
    must(castVote(room.doc, { roundId: round.id, voterId: room.chris.id, targetId: idea }));
    must(removeCard(room.doc, idea));
    expect(anna.view().round).toMatchObject({ left: 2, mine: [{ id: kept.ok ? kept.value.voteId : '', targetId: energy }], totals: [{ targetId: energy, dots: 1 }] });
  });

  it('the minutes rank from 1, never show a nameless row, and say where the other dots went', () => {
    const { doc, idea, roundId } = qaRoom();
    must(removeCard(doc, idea));
    must(closeVoteRound(doc, roundId, 20));
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0, timeZone: 'UTC' });
    const [result] = minutes.further.plenary?.rounds ?? [];
    expect(result?.ranking).toEqual([{ rank: 1, dots: 1, label: 'Energie', isGroup: true }]);
    const markdown = renderMarkdown(minutes);
    expect(markdown).toContain('2 Personen haben abgestimmt');
    expect(markdown).toContain('- **1.** Gruppe: Energie — 1 Punkt');
    expect(markdown).toContain('- *2 Punkte auf gelöschten Karten oder aufgelösten Gruppen*');
    expect(markdown).not.toContain('**2.**');
  });

  it('a group dissolved after its round closed is no longer ranked, and the rest move up', () => {
    const { doc, idea, energy, roundId } = qaRoom();
    must(closeVoteRound(doc, roundId, 20));
    must(dissolveGroup(doc, energy));
    const round = roundOf(doc, roundId);
    if (!round) throw new Error('setup');
    expect(rankVotes(round, votesSnapshot(doc), boardOrder(doc))).toEqual([{ targetId: idea, dots: 2, rank: 1 }]);
  });

  it('a closed round says how many of its dots lie on deleted cards or dissolved groups, in every format and language', async () => {
    const { doc, energy, roundId } = qaRoom();
    must(closeVoteRound(doc, roundId, 20));
    must(dissolveGroup(doc, energy));
    const round = roundOf(doc, roundId);
    if (!round) throw new Error('setup');
    expect(dotsOnRemoved(round, votesSnapshot(doc), targetsOf(doc))).toBe(1);
    const lines = { de: '1 Punkt auf gelöschten Karten oder aufgelösten Gruppen', en: '1 dot on deleted cards or dissolved groups', uk: '1 бал на видалених картках чи розформованих групах' };
    for (const language of ['de', 'en', 'uk'] as const) {
      const minutes = buildMinutes(workshopSnapshot(doc), { language, now: 0, timeZone: 'UTC' });
      expect(minutes.further.plenary?.rounds[0]).toMatchObject({ removed: 1, ranking: [{ rank: 1, dots: 2, label: 'Idee von Ada', isGroup: false }] });
      const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(minutes)) })).value;
      for (const text of [renderMarkdown(minutes), renderHtml(minutes), docx]) expect(text).toContain(lines[language]);
    }
  });

  it('an open round says nothing of dots on a deleted card: they are the voters’ again', () => {
    const { doc, idea } = qaRoom();
    must(removeCard(doc, idea));
    const [result] = buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0, timeZone: 'UTC' }).further.plenary?.rounds ?? [];
    expect(result).toMatchObject({ open: true, removed: 0 });
  });
});
