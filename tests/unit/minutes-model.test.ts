import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActionItem, addCard, addParticipant, addTable, castVote, openVoteRound, PLENARY_BOARD_ID, ROOT, showTableInPlenary, updateMeta, workshopSnapshot } from '../../shared/model';
import { buildMinutes, RANKING_TOP, renderMarkdown } from '../../shared/minutes';
import { newWorkshop } from '../support/workshop';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('the minutes model', () => {
  it('ranks the top places of a vote and counts the rest', () => {
    const doc = newWorkshop();
    const cards = Array.from({ length: 15 }, (_, index) => must(addCard(doc, { boardId: PLENARY_BOARD_ID, text: `Idee ${index + 1}` })));
    const people = Array.from({ length: 15 }, (_, index) => must(addParticipant(doc, { name: `P${index}`, organisation: '', stakeholderGroup: '', email: '' })));
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 15 }));
    // Card i gets i + 1 dots: every card a place of its own.
    cards.forEach((card, index) => people.slice(0, index + 1).forEach((person, at) => castVote(doc, { roundId: round.id, voterId: person.id, targetId: card.id, now: index * 100 + at })));
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'en', now: 0, timeZone: 'UTC' });
    const [result] = minutes.further.plenary?.rounds ?? [];
    expect(result?.ranking.map((entry) => entry.rank)).toEqual(Array.from({ length: RANKING_TOP }, (_, index) => index + 1));
    expect(result?.ranking[0]).toMatchObject({ label: 'Idee 15', dots: 15 });
    expect(result?.more).toBe(5);
    expect(renderMarkdown(minutes)).toContain('- *and 5 more cards or groups with fewer dots*');
  });

  it('keeps the results of an open round that hides them out of the minutes', () => {
    const doc = newWorkshop();
    const card = must(addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'geheim' }));
    const person = must(addParticipant(doc, { name: 'A', organisation: '', stakeholderGroup: '', email: '' }));
    const round = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 1, hideResults: true }));
    must(castVote(doc, { roundId: round.id, voterId: person.id, targetId: card.id }));
    const [result] = buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0 }).further.plenary?.rounds ?? [];
    expect(result).toMatchObject({ open: true, ranking: [], more: 0 });
  });

  it('names an owner without consent as "a participant" with the organisation, and no author without consent', () => {
    const doc = newWorkshop();
    const shy = must(addParticipant(doc, { name: 'Nicht Nennen', organisation: 'Stadt X', stakeholderGroup: 'municipality', email: 'n@x.de', consent: false }));
    must(addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'Karte', authorId: shy.id }));
    must(addActionItem(doc, { title: 'Tun', ownerId: shy.id, due: '2024-01-01' }));
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0 });
    expect(minutes.further.plenary?.loose[0]?.author).toBeNull();
    expect(minutes.actions[0]).toMatchObject({ owner: 'eine teilnehmende Person', organisation: 'Stadt X' });
    expect(JSON.stringify(minutes)).not.toContain('Nicht Nennen');
  });

  it('names a table and a person a peer wrote blank by the screen\'s placeholder', () => {
    const doc = newWorkshop();
    const table = must(addTable(doc, { name: 'Tisch 1' }));
    const person = must(addParticipant(doc, { name: 'Ada', organisation: '', stakeholderGroup: '', email: '', consent: true, attended: true, tableId: table.id }));
    must(addCard(doc, { boardId: table.id, text: 'Karte', authorId: person.id }));
    must(addActionItem(doc, { title: 'Tun', ownerId: person.id, boardId: table.id }));
    must(showTableInPlenary(doc, table.id));
    // What this laptop's forms refuse, a peer's document can hold.
    doc.transact(() => {
      (doc.getMap(ROOT.boards).get(table.id) as Y.Map<unknown>).set('title', '\u200b');
      (doc.getMap(ROOT.participants).get(person.id) as Y.Map<unknown>).set('name', ' ');
    });
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'en', now: 0, timeZone: 'UTC' });
    expect(minutes.actions[0]).toMatchObject({ owner: 'Person without a name', source: 'Table: Table without a name 1' });
    const markdown = renderMarkdown(minutes);
    expect(markdown).toContain('Table: Table without a name 1');
    expect(markdown).toContain('Person without a name');
    expect(markdown).not.toContain('\u200b');
    const de = renderMarkdown(buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0, timeZone: 'UTC' }));
    expect(de).toContain('Tisch ohne Namen 1');
    expect(de).toContain('Person ohne Namen');
  });

  it('tells two tables a peer left without a name apart by their number among such tables, in the tables\' order', () => {
    const doc = newWorkshop();
    const [first, named, second] = ['Eins', 'Wasser', 'Drei'].map((name) => must(addTable(doc, { name })));
    if (!first || !named || !second) throw new Error('three tables');
    for (const table of [first, named, second]) must(addActionItem(doc, { title: `Aufgabe ${table.title}`, boardId: table.id }));
    doc.transact(() => {
      for (const table of [first, second]) (doc.getMap(ROOT.boards).get(table.id) as Y.Map<unknown>).set('title', '');
    });
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'de', now: 0, timeZone: 'UTC' });
    expect(minutes.actions.map((action) => action.source)).toEqual(['Tisch: Tisch ohne Namen 1', 'Tisch: Wasser', 'Tisch: Tisch ohne Namen 2']);
    const markdown = renderMarkdown(minutes);
    expect(markdown).toContain('Tisch: Tisch ohne Namen 1');
    expect(markdown).toContain('Tisch: Tisch ohne Namen 2');
    // A table added later and left blank too takes the next number; the others keep theirs.
    const fourth = must(addTable(doc, { name: 'Vier' }));
    must(addActionItem(doc, { title: 'Aufgabe Vier', boardId: fourth.id }));
    (doc.getMap(ROOT.boards).get(fourth.id) as Y.Map<unknown>).set('title', ' ');
    const uk = buildMinutes(workshopSnapshot(doc), { language: 'uk', now: 0, timeZone: 'UTC' });
    expect(uk.actions.map((action) => action.source)).toEqual(['Стіл: Стіл без назви 1', 'Стіл: Wasser', 'Стіл: Стіл без назви 2', 'Стіл: Стіл без назви 3']);
  });

  it('plans clock times from the day\'s start time, and durations only without one', () => {
    const doc = newWorkshop();
    const snapshot = workshopSnapshot(doc);
    const agenda = [
      { ...baseItem, id: 'a', title: 'Eins', durationMin: 20, order: 'a0' },
      { ...baseItem, id: 'b', title: 'Zwei', durationMin: 45, order: 'a1' },
    ];
    const without = buildMinutes({ ...snapshot, agenda }, { language: 'de', now: 0 });
    expect(without.agenda.map((item) => item.planned)).toEqual(['20 Min.', '45 Min.']);
    must(updateMeta(doc, { startTime: '09:30' }));
    const withStart = buildMinutes({ ...workshopSnapshot(doc), agenda }, { language: 'en', now: 0 });
    expect(withStart.agenda.map((item) => item.planned)).toEqual(['09:30–09:50 (20 min)', '09:50–10:35 (45 min)']);
    expect(withStart.agenda[0]?.actual).toBe('not recorded');
  });
});

const baseItem = { kind: 'plenary' as const, speaker: '', notes: '', task: '', summary: '', decisions: '', actualStart: 0, actualEnd: 0, ranMs: 0 };
