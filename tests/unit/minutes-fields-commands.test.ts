import { describe, expect, it } from 'vitest';
import { agendaSnapshot, createUndoHistory, metaSnapshot, participantsSnapshot, type WorkshopDoc } from '../../shared/model';
import { workshopCommands, type WorkshopCommands } from '../../shared/roles/commands';
import type { Role } from '../../shared/roles/permissions';
import { newWorkshop } from '../support/workshop';

function commandsAs(doc: WorkshopDoc, role: Role): WorkshopCommands {
  return workshopCommands(doc, { role: () => role, seat: () => ({ tableId: null, plenaryOpen: true }) });
}

function withItem(): { doc: WorkshopDoc; itemId: string } {
  const doc = newWorkshop();
  const added = commandsAs(doc, 'moderator').agenda.add({ title: 'Begrüßung', durationMin: 15 });
  if (!added.ok) throw new Error(added.error.code);
  return { doc, itemId: added.value.id };
}

function withPeople(doc: WorkshopDoc, names: readonly string[]): string[] {
  return names.map((name) => {
    const added = commandsAs(doc, 'moderator').roster.add({ name, organisation: '', stakeholderGroup: '', email: '' });
    if (!added.ok) throw new Error(added.error.code);
    return added.value.id;
  });
}

describe('the minutes fields are the moderator’s', () => {
  it('lets a table laptop set none of them, and changes nothing when it tries', () => {
    const { doc, itemId } = withItem();
    const ids = withPeople(doc, ['Anna']);
    const before = { meta: metaSnapshot(doc), agenda: agendaSnapshot(doc), people: participantsSnapshot(doc) };
    const table = commandsAs(doc, 'table');
    const refusals = [
      table.workshop.timeZone('Asia/Tokyo'),
      table.workshop.minutes({ moderator: 'Mallory', minuteTaker: 'Mallory', distribution: 'alle', nextSteps: 'x', followUpDate: '2027-01-15' }),
      table.agenda.update(itemId, { summary: 'anders', decisions: 'nichts' }),
      table.roster.attendance(ids, true),
    ];
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: 'role.forbidden' } });
    expect({ meta: metaSnapshot(doc), agenda: agendaSnapshot(doc), people: participantsSnapshot(doc) }).toEqual(before);
  });

  it('lets the moderator set them, checked as the model checks them', () => {
    const { doc, itemId } = withItem();
    const moderator = commandsAs(doc, 'moderator');
    expect(moderator.workshop.timeZone('Europe/Berlin').ok).toBe(true);
    expect(moderator.workshop.timeZone('Mars/Olympus_Mons')).toMatchObject({ ok: false, error: { code: 'timeZone.invalid' } });
    expect(moderator.workshop.minutes({ moderator: 'Anna Schmidt', minuteTaker: 'Jonas Weber', distribution: 'alle Teilnehmenden', nextSteps: 'Treffen\nim Januar', followUpDate: '2027-01-15' }).ok).toBe(true);
    expect(moderator.workshop.minutes({ followUpDate: '2027-02-30' }).ok).toBe(false);
    expect(moderator.agenda.update(itemId, { summary: 'Alle begrüßt.', decisions: 'Protokoll an alle\nNächstes Treffen im Januar' }).ok).toBe(true);

    expect(metaSnapshot(doc)).toMatchObject({ timeZone: 'Europe/Berlin', moderator: 'Anna Schmidt', minuteTaker: 'Jonas Weber', distribution: 'alle Teilnehmenden', nextSteps: 'Treffen\nim Januar', followUpDate: '2027-01-15' });
    expect(agendaSnapshot(doc)[0]).toMatchObject({ summary: 'Alle begrüßt.', decisions: 'Protokoll an alle\nNächstes Treffen im Januar' });
  });

  it('sets only the minutes’ own fields through the minutes command', () => {
    const doc = newWorkshop();
    const { title, timeZone } = metaSnapshot(doc);
    const patch = { moderator: 'Anna', title: 'Umbenannt', timeZone: timeZone === 'Asia/Tokyo' ? 'Europe/Berlin' : 'Asia/Tokyo' } as Parameters<WorkshopCommands['workshop']['minutes']>[0];
    expect(commandsAs(doc, 'moderator').workshop.minutes(patch).ok).toBe(true);
    expect(metaSnapshot(doc)).toMatchObject({ moderator: 'Anna', title });
    expect(metaSnapshot(doc).timeZone).toBe(timeZone);
  });
});

describe('undo of the minutes fields', () => {
  it('takes back the time zone, a minutes field and an item’s summary one step at a time', () => {
    const { doc, itemId } = withItem();
    const moderator = commandsAs(doc, 'moderator');
    const zone = metaSnapshot(doc).timeZone;
    const undo = createUndoHistory(doc);
    moderator.workshop.timeZone(zone === 'Asia/Tokyo' ? 'Europe/Berlin' : 'Asia/Tokyo');
    moderator.workshop.minutes({ moderator: 'Anna Schmidt' });
    moderator.agenda.update(itemId, { summary: 'Alle begrüßt.', decisions: 'Protokoll an alle' });

    expect(undo.undo()).toBe(true);
    expect(agendaSnapshot(doc)[0]).toMatchObject({ summary: '', decisions: '' });
    expect(metaSnapshot(doc).moderator).toBe('Anna Schmidt');
    expect(undo.undo()).toBe(true);
    expect(metaSnapshot(doc).moderator).toBe('');
    expect(undo.undo()).toBe(true);
    expect(metaSnapshot(doc).timeZone).toBe(zone);
    expect(undo.redo()).toBe(true);
    expect(metaSnapshot(doc).timeZone).not.toBe(zone);
  });
});

describe('attendance', () => {
  it('marks several people present in one undo step and skips who is gone', () => {
    const doc = newWorkshop();
    const ids = withPeople(doc, ['Anna', 'Bohdan', 'Chiara']);
    const moderator = commandsAs(doc, 'moderator');
    moderator.roster.update(ids[0] ?? '', { attended: true });
    const undo = createUndoHistory(doc);

    const result = moderator.roster.attendance([...ids, 'gone'], true);
    expect(result).toEqual({ ok: true, value: 2 });
    expect(participantsSnapshot(doc).map((person) => person.attended)).toEqual([true, true, true]);
    expect(undo.undo()).toBe(true);
    expect(participantsSnapshot(doc).map((person) => person.attended)).toEqual([true, false, false]);
    expect(undo.canUndo()).toBe(false);
  });
});
