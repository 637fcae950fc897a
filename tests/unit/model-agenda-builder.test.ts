import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  agendaFit,
  agendaSchedule,
  agendaSnapshot,
  agendaTemplateOf,
  applyAgendaTemplate,
  metaSnapshot,
  parseAgendaTemplate,
  startMinuteOfDay,
  updateAgendaItem,
  updateMeta,
  type AgendaItem,
} from '../../shared/model';
import { newWorkshop } from '../support/workshop';

function item(durationMin: number, id = `i${durationMin}`): AgendaItem {
  return { id, title: id, kind: 'plenary', durationMin, speaker: '', notes: '', task: '', summary: '', decisions: '', actualStart: 0, actualEnd: 0, ranMs: 0, order: 'a0' };
}

describe('agenda item details', () => {
  it('keeps kind, speaker, notes and task given when adding and editing', () => {
    const doc = newWorkshop();
    const added = addAgendaItem(doc, { title: 'Kleingruppen', durationMin: 45, kind: 'groupWork', task: 'Drei Hürden sammeln' });
    if (!added.ok) throw new Error(added.error.code);
    const updated = updateAgendaItem(doc, added.value.id, { speaker: ' Stadtarchitektin ', notes: 'Karten\nvorbereiten', kind: 'input' });
    expect(updated.ok).toBe(true);
    expect(agendaSnapshot(doc)[0]).toMatchObject({ kind: 'input', speaker: 'Stadtarchitektin', notes: 'Karten\nvorbereiten', task: 'Drei Hürden sammeln' });
  });

  it('refuses an unknown kind and changes nothing of that edit', () => {
    const doc = newWorkshop();
    const added = addAgendaItem(doc, { title: 'A', durationMin: 5 });
    if (!added.ok) throw new Error(added.error.code);
    const result = updateAgendaItem(doc, added.value.id, { kind: 'lunch', title: 'B' });
    expect(result.ok ? null : result.error.code).toBe('kind.invalid');
    expect(agendaSnapshot(doc)[0]).toMatchObject({ title: 'A', kind: 'plenary' });
    expect(addAgendaItem(doc, { title: 'C', durationMin: 5, kind: 'party' }).ok).toBe(false);
  });

  it('refuses a task longer than the notes limit', () => {
    const doc = newWorkshop();
    const result = addAgendaItem(doc, { title: 'A', durationMin: 5, task: 'x'.repeat(20_001) });
    expect(result.ok ? null : result.error.code).toBe('text.tooLong');
    expect(agendaSnapshot(doc)).toEqual([]);
  });
});

describe('start time and time available', () => {
  it('stores a start time, padding 9:30 to 09:30, and refuses 24:00 or text', () => {
    const doc = newWorkshop();
    expect(updateMeta(doc, { startTime: '9:30', availableMin: '240' }).ok).toBe(true);
    expect(metaSnapshot(doc)).toMatchObject({ startTime: '09:30', availableMin: 240 });
    for (const bad of ['24:00', '9.30', 'morgens', '12:60']) {
      const result = updateMeta(doc, { startTime: bad });
      expect(result.ok ? null : result.error.code).toBe('time.invalid');
    }
    expect(updateMeta(doc, { availableMin: '-5' }).ok).toBe(false);
    expect(updateMeta(doc, { startTime: '', availableMin: '' }).ok).toBe(true);
    expect(metaSnapshot(doc)).toMatchObject({ startTime: '', availableMin: 0 });
  });

  it('reads a damaged start time or time available as not set', () => {
    const doc = newWorkshop();
    doc.getMap('meta').set('startTime', '25:99');
    doc.getMap('meta').set('availableMin', -3);
    expect(metaSnapshot(doc)).toMatchObject({ startTime: '', availableMin: 0 });
  });

  it('computes start times back to back from the workshop start', () => {
    const schedule = agendaSchedule([item(15, 'a'), item(45, 'b'), item(0, 'c'), item(30, 'd')], startMinuteOfDay('09:30'));
    expect(schedule.map(({ startMin, endMin }) => [startMin, endMin])).toEqual([
      [570, 585],
      [585, 630],
      [630, 630],
      [630, 660],
    ]);
  });

  it('gives no start times when the workshop has no start', () => {
    expect(agendaSchedule([item(15)], startMinuteOfDay(''))).toEqual([]);
  });

  it('says by how much the plan exceeds the time available, or how much is spare', () => {
    expect(agendaFit([item(90), item(45)], 120)).toEqual({ plannedMin: 135, availableMin: 120, overByMin: 15, spareMin: 0 });
    expect(agendaFit([item(90)], 120)).toEqual({ plannedMin: 90, availableMin: 120, overByMin: 0, spareMin: 30 });
    expect(agendaFit([item(90)], 0)).toEqual({ plannedMin: 90, availableMin: 0, overByMin: 0, spareMin: 0 });
  });
});

describe('agenda templates as files', () => {
  it('round-trips an agenda through JSON into another workshop, with every field of the plan', () => {
    const source = newWorkshop();
    updateMeta(source, { startTime: '10:00', availableMin: 180 });
    addAgendaItem(source, { title: 'Begrüßung', durationMin: 10, kind: 'input', speaker: 'Moderation' });
    addAgendaItem(source, { title: 'Kleingruppen', durationMin: 45, kind: 'groupWork', task: 'Hürden sammeln', notes: 'Stifte' });
    const text = JSON.stringify(agendaTemplateOf(source));
    const parsed = parseAgendaTemplate(text);
    if (!parsed.ok) throw new Error(parsed.error.code);

    const target = newWorkshop();
    addAgendaItem(target, { title: 'Already there', durationMin: 5 });
    expect(applyAgendaTemplate(target, parsed.value)).toEqual({ ok: true, value: 2 });
    const plan = ({ title, kind, durationMin, speaker, notes, task }: AgendaItem) => ({ title, kind, durationMin, speaker, notes, task });
    expect(agendaSnapshot(target).map(plan)).toEqual([plan({ ...item(5), title: 'Already there' }), ...agendaSnapshot(source).map(plan)]);
    expect(metaSnapshot(target)).toMatchObject({ startTime: '10:00', availableMin: 180 });
  });

  it('keeps the start time a workshop already has', () => {
    const source = newWorkshop();
    updateMeta(source, { startTime: '10:00' });
    const target = newWorkshop();
    updateMeta(target, { startTime: '08:00' });
    applyAgendaTemplate(target, agendaTemplateOf(source));
    expect(metaSnapshot(target).startTime).toBe('08:00');
  });

  it('refuses anything but a whole valid template, and says when it is from a newer Plenum', () => {
    const valid = agendaTemplateOf(newWorkshop());
    const cases: Array<[string, string]> = [
      ['not json', 'template.invalid'],
      ['{"format":"something-else"}', 'template.invalid'],
      [JSON.stringify({ ...valid, items: [{ title: 'x', kind: 'input', durationMin: -1, speaker: '', notes: '', task: '' }] }), 'template.invalid'],
      [JSON.stringify({ ...valid, items: [{ title: ' ', kind: 'input', durationMin: 1, speaker: '', notes: '', task: '' }] }), 'template.invalid'],
      [JSON.stringify({ ...valid, startTime: '26:00' }), 'template.invalid'],
      [JSON.stringify({ ...valid, version: 2 }), 'template.newer'],
      ['null', 'template.invalid'],
    ];
    for (const [text, code] of cases) {
      const result = parseAgendaTemplate(text);
      expect(result.ok ? 'ok' : result.error.code, text).toBe(code);
    }
  });
});
