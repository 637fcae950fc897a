import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  addCard,
  addParticipant,
  agendaSnapshot,
  createWorkshopDoc,
  initFromTemplate,
  initWorkshop,
  moveAgendaItem,
  nextItem,
  PLENARY_BOARD_ID,
  startRun,
  updateMeta,
  workshopSnapshot,
} from '../../shared/model';

describe('initFromTemplate', () => {
  it('copies the plan with fresh ids and leaves cards and participants behind', () => {
    const source = createWorkshopDoc();
    initWorkshop(source, { id: 'old', title: 'Spring', language: 'uk', date: '2025-04-01', venue: 'Library', room: 'Hall', now: 1 });
    addAgendaItem(source, { title: 'Welcome', durationMin: 10, notes: 'coffee\nfirst' });
    addAgendaItem(source, { title: 'Tables', durationMin: 45 });
    addAgendaItem(source, { title: 'Plenary', durationMin: 30 });
    moveAgendaItem(source, agendaSnapshot(source)[2]?.id ?? '', 1);
    addCard(source, { boardId: PLENARY_BOARD_ID, text: 'an idea from spring' });
    addParticipant(source, { name: 'Ada', organisation: '', stakeholderGroup: '', email: '' });

    const target = createWorkshopDoc();
    initFromTemplate(source, target, { id: 'new', title: ' Autumn ', now: 2 });
    const copy = workshopSnapshot(target);
    const original = agendaSnapshot(source);

    expect(copy.meta).toMatchObject({ id: 'new', title: 'Autumn', language: 'uk', venue: 'Library', room: 'Hall', createdAt: 2 });
    expect(copy.agenda.map(({ title, durationMin, notes }) => ({ title, durationMin, notes }))).toEqual(
      original.map(({ title, durationMin, notes }) => ({ title, durationMin, notes })),
    );
    const oldIds = new Set(original.map((item) => item.id));
    expect(copy.agenda.every((item) => !oldIds.has(item.id))).toBe(true);
    expect(new Set(copy.agenda.map((item) => item.id)).size).toBe(3);
    expect(copy.cards).toEqual([]);
    expect(copy.participants).toEqual([]);
    expect(copy.boards.map((board) => board.id)).toEqual([PLENARY_BOARD_ID]);
  });

  it('gives the new workshop its own date, never the template\'s', () => {
    const source = createWorkshopDoc();
    initWorkshop(source, { id: 'old', title: 'Spring', language: 'de', date: '2025-04-01' });
    const dated = createWorkshopDoc();
    initFromTemplate(source, dated, { id: 'new', title: 'Autumn', date: '2025-10-01' });
    const undated = createWorkshopDoc();
    initFromTemplate(source, undated, { id: 'new2', title: 'Winter' });
    expect(workshopSnapshot(dated).meta.date).toBe('2025-10-01');
    expect(workshopSnapshot(undated).meta.date).toBe('');
  });

  it('carries kinds, speakers, tasks, start time and time available, but no actual times or run', () => {
    const source = createWorkshopDoc();
    initWorkshop(source, { id: 'old', title: 'Spring', language: 'de' });
    updateMeta(source, { startTime: '09:00', availableMin: 300 });
    addAgendaItem(source, { title: 'Input', durationMin: 20, kind: 'input', speaker: 'Stadtarchitekt' });
    addAgendaItem(source, { title: 'Tische', durationMin: 45, kind: 'groupWork', task: 'Drei Hürden' });
    startRun(source, 1000);
    nextItem(source, 2000);

    const target = createWorkshopDoc();
    initFromTemplate(source, target, { id: 'new', title: 'Autumn', now: 3 });
    const copy = workshopSnapshot(target);
    expect(copy.meta).toMatchObject({ startTime: '09:00', availableMin: 300 });
    expect(copy.agenda.map(({ kind, speaker, task, actualStart, actualEnd }) => ({ kind, speaker, task, actualStart, actualEnd }))).toEqual([
      { kind: 'input', speaker: 'Stadtarchitekt', task: '', actualStart: 0, actualEnd: 0 },
      { kind: 'groupWork', speaker: '', task: 'Drei Hürden', actualStart: 0, actualEnd: 0 },
    ]);
    expect(copy.run.status).toBe('idle');
  });
});
