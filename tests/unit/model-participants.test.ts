import { describe, expect, it } from 'vitest';
import {
  addParticipant,
  addParticipants,
  addStakeholderGroup,
  addTable,
  assignTables,
  createUndoHistory,
  createWorkshopDoc,
  encodeWorkshopState,
  LIMITS,
  participantsSnapshot,
  removeParticipant,
  removeStakeholderGroup,
  renameStakeholderGroup,
  restoreParticipant,
  restoreStakeholderGroup,
  STAKEHOLDER_GROUPS,
  stakeholderGroupsSnapshot,
  syncDocs,
  updateParticipant,
  workshopSnapshot,
  type Participant,
  type ParticipantInput,
  type WorkshopDoc,
} from '../../shared/model';
import { restoreBackup } from '../../shared/model';
import { newWorkshop } from '../support/workshop';


function added(doc: WorkshopDoc, name: string, extra: Partial<Omit<Participant, 'id' | 'name'>> = {}): Participant {
  const result = addParticipant(doc, { name, organisation: '', stakeholderGroup: '', email: '', ...extra });
  if (!result.ok) throw new Error(`could not add ${name}: ${result.error.code}`);
  return result.value;
}

describe('adding participants', () => {
  it('stores every field trimmed', () => {
    const doc = newWorkshop();
    const person = added(doc, '  Ada Lovelace ', { organisation: ' Analytical Engines ', stakeholderGroup: 'Science', email: ' ada@example.org ' });
    expect(person).toEqual({
      id: person.id,
      name: 'Ada Lovelace',
      organisation: 'Analytical Engines',
      stakeholderGroup: 'Science',
      email: 'ada@example.org',
      consent: false,
      attended: false,
      tableId: '',
      fixedToTable: false,
    });
    expect(participantsSnapshot(doc)).toEqual([person]);
  });

  it('lists participants by name, as a roster reads', () => {
    const doc = newWorkshop();
    for (const name of ['Zoe', 'anna', 'Björn', 'Anna']) added(doc, name);
    expect(participantsSnapshot(doc).map((p) => p.name)).toEqual(
      ['Zoe', 'anna', 'Björn', 'Anna'].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('refuses a blank name or an over-long field and adds nothing', () => {
    const doc = newWorkshop();
    expect(addParticipant(doc, { name: ' ', organisation: '', stakeholderGroup: '', email: '' })).toMatchObject({
      ok: false,
      error: { code: 'name.empty' },
    });
    expect(
      addParticipant(doc, { name: 'Bob', organisation: 'o'.repeat(LIMITS.shortTextMax + 1), stakeholderGroup: '', email: '' }),
    ).toMatchObject({ ok: false, error: { code: 'text.tooLong' } });
    expect(participantsSnapshot(doc)).toEqual([]);
  });
});

describe('updating participants', () => {
  it('changes only the fields given', () => {
    const doc = newWorkshop();
    const person = added(doc, 'Ada', { organisation: 'Engines', email: 'ada@example.org' });
    expect(updateParticipant(doc, person.id, { organisation: ' Royal Society ' })).toEqual({ ok: true, value: true });
    expect(updateParticipant(doc, person.id, { name: 'Ada L.' })).toEqual({ ok: true, value: true });
    expect(participantsSnapshot(doc)).toEqual([{ ...person, name: 'Ada L.', organisation: 'Royal Society' }]);
  });

  it('refuses a blank name and leaves the participant as it was', () => {
    const doc = newWorkshop();
    const person = added(doc, 'Ada');
    expect(updateParticipant(doc, person.id, { email: 'new@example.org', name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'name.empty' },
    });
    expect(participantsSnapshot(doc)).toEqual([person]);
  });

  it('reports an unknown participant as notFound', () => {
    expect(updateParticipant(newWorkshop(), 'nope', { name: 'X' })).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('removing participants', () => {
  it('removes exactly the participant given, and only once', () => {
    const doc = newWorkshop();
    const ada = added(doc, 'Ada');
    const bob = added(doc, 'Bob');
    expect(removeParticipant(doc, ada.id)).toEqual({ ok: true, value: true });
    expect(participantsSnapshot(doc)).toEqual([bob]);
    expect(removeParticipant(doc, ada.id)).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('adding many participants at once (an import)', () => {
  const input = (name: string, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ name, organisation: '', stakeholderGroup: '', email: '', ...extra });

  it('adds all of them as one undo step', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    const result = addParticipants(doc, [input('Ada', { consent: true }), input('Bob', { stakeholderGroup: 'politics' })]);
    expect(result.ok).toBe(true);
    expect(participantsSnapshot(doc).map((p) => [p.name, p.consent, p.stakeholderGroup])).toEqual([
      ['Ada', true, ''],
      ['Bob', false, 'politics'],
    ]);
    expect(undo.undo()).toBe(true);
    expect(participantsSnapshot(doc)).toEqual([]);
    expect(undo.canUndo()).toBe(false);
  });

  it('adds none when one is invalid, and names that one', () => {
    const doc = newWorkshop();
    const result = addParticipants(doc, [input('Ada'), input('Bob'), input('  ')], ['Wissenschaft']);
    expect(result).toEqual({ ok: false, error: { code: 'name.empty', params: { row: 2 } } });
    expect(participantsSnapshot(doc)).toEqual([]);
    expect(stakeholderGroupsSnapshot(doc).some((group) => group.label === 'Wissenschaft')).toBe(false);
  });
});

describe('seating participants at tables', () => {
  function withTables() {
    const doc = newWorkshop();
    const tables = ['Tisch 1', 'Tisch 2'].map((name) => {
      const table = addTable(doc, { name });
      if (!table.ok) throw new Error(table.error.code);
      return table.value.id;
    });
    return { doc, tables, ada: added(doc, 'Ada'), bob: added(doc, 'Bob') };
  }

  it('applies a whole mix as one undo step', () => {
    const { doc, tables, ada, bob } = withTables();
    const undo = createUndoHistory(doc);
    expect(
      assignTables(doc, [
        { id: ada.id, tableId: tables[0] as string, fixedToTable: true },
        { id: bob.id, tableId: tables[1] as string, fixedToTable: false },
      ]),
    ).toEqual({ ok: true, value: true });
    expect(participantsSnapshot(doc).map((p) => [p.tableId, p.fixedToTable])).toEqual([
      [tables[0], true],
      [tables[1], false],
    ]);
    undo.undo();
    expect(participantsSnapshot(doc).map((p) => p.tableId)).toEqual(['', '']);
  });

  it('refuses a table that does not exist (or is the plenary) and seats nobody', () => {
    const { doc, tables, ada, bob } = withTables();
    const result = assignTables(doc, [
      { id: ada.id, tableId: tables[0] as string, fixedToTable: false },
      { id: bob.id, tableId: 'plenary', fixedToTable: false },
    ]);
    expect(result).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(participantsSnapshot(doc).map((p) => p.tableId)).toEqual(['', '']);
    expect(updateParticipant(doc, ada.id, { tableId: 'nope' })).toEqual({ ok: false, error: { code: 'notFound' } });
  });
});

describe('restoring a deleted participant', () => {
  it('brings them back with the same id and fields', () => {
    const doc = newWorkshop();
    const ada = added(doc, 'Ada', { consent: true, email: 'ada@example.org' });
    removeParticipant(doc, ada.id);
    restoreParticipant(doc, ada);
    expect(participantsSnapshot(doc)).toEqual([ada]);
  });
});

describe("the workshop's stakeholder groups", () => {
  it('are the six built-in ones until the workshop changes them', () => {
    expect(stakeholderGroupsSnapshot(newWorkshop()).map((g) => g.key)).toEqual([...STAKEHOLDER_GROUPS]);
  });

  it('take added groups at the end and refuse a name twice', () => {
    const doc = newWorkshop();
    const science = addStakeholderGroup(doc, ' Wissenschaft ');
    expect(science).toMatchObject({ ok: true, value: { label: 'Wissenschaft', builtin: false } });
    addStakeholderGroup(doc, 'Kirche');
    expect(stakeholderGroupsSnapshot(doc).slice(-2).map((g) => g.label)).toEqual(['Wissenschaft', 'Kirche']);
    expect(addStakeholderGroup(doc, 'wissenschaft')).toEqual({ ok: false, error: { code: 'stakeholder.duplicate', params: { name: 'wissenschaft' } } });
    expect(addStakeholderGroup(doc, '')).toMatchObject({ ok: false, error: { code: 'title.empty' } });
  });

  it('rename built-in groups, and an empty name gives back the translated one', () => {
    const doc = newWorkshop();
    expect(renameStakeholderGroup(doc, 'company', 'Wirtschaft')).toEqual({ ok: true, value: true });
    expect(stakeholderGroupsSnapshot(doc)[0]).toEqual({ key: 'company', label: 'Wirtschaft', builtin: true });
    renameStakeholderGroup(doc, 'company', '');
    expect(stakeholderGroupsSnapshot(doc)[0]).toEqual({ key: 'company', label: '', builtin: true });
    // Invisible characters only are as empty as nothing: the translated name again, not a refusal.
    renameStakeholderGroup(doc, 'company', 'Wirtschaft');
    expect(renameStakeholderGroup(doc, 'company', '\u200b\u202e')).toEqual({ ok: true, value: true });
    expect(stakeholderGroupsSnapshot(doc)[0]).toEqual({ key: 'company', label: '', builtin: true });
    expect(renameStakeholderGroup(doc, 'nope', 'X')).toEqual({ ok: false, error: { code: 'notFound' } });
  });

  it('removing one clears it from its participants in the same undo step; restoring puts both back', () => {
    const doc = newWorkshop();
    const ada = added(doc, 'Ada', { stakeholderGroup: 'politics' });
    const bob = added(doc, 'Bob', { stakeholderGroup: 'company' });
    const undo = createUndoHistory(doc);
    const removed = removeStakeholderGroup(doc, 'politics');
    expect(removed).toEqual({ ok: true, value: { entry: { key: 'politics', label: '', builtin: true }, memberIds: [ada.id] } });
    expect(stakeholderGroupsSnapshot(doc).map((g) => g.key)).not.toContain('politics');
    expect(participantsSnapshot(doc).map((p) => p.stakeholderGroup)).toEqual(['', 'company']);
    undo.undo();
    expect(stakeholderGroupsSnapshot(doc).map((g) => g.key)).toContain('politics');
    expect(participantsSnapshot(doc).map((p) => p.stakeholderGroup)).toEqual(['politics', 'company']);
    removeStakeholderGroup(doc, 'politics');
    restoreStakeholderGroup(doc, 'politics', [ada.id]);
    expect(participantsSnapshot(doc).map((p) => p.stakeholderGroup)).toEqual(['politics', 'company']);
    expect(bob.stakeholderGroup).toBe('company');
  });
});

describe('two laptops editing the roster at once', () => {
  function pair() {
    const a = newWorkshop();
    const b = createWorkshopDoc();
    syncDocs(a, b);
    return { a, b };
  }

  it('a group removed on one laptop while renamed on the other stays removed', () => {
    const { a, b } = pair();
    removeStakeholderGroup(a, 'politics');
    renameStakeholderGroup(b, 'politics', 'Politik & Verwaltung');
    syncDocs(a, b);
    expect(stakeholderGroupsSnapshot(a)).toEqual(stakeholderGroupsSnapshot(b));
    expect(stakeholderGroupsSnapshot(a).map((g) => g.key)).not.toContain('politics');
  });

  it('two imports at the same time keep every participant and both new groups', () => {
    const { a, b } = pair();
    const person = (name: string, stakeholderGroup: string): ParticipantInput => ({ name, organisation: '', stakeholderGroup, email: '' });
    addParticipants(a, [person('Ada', 'Wissenschaft')], ['Wissenschaft']);
    addParticipants(b, [person('Bob', 'Kirche')], ['Kirche']);
    syncDocs(a, b);
    expect(participantsSnapshot(a)).toEqual(participantsSnapshot(b));
    const groups = stakeholderGroupsSnapshot(a);
    expect(groups.filter((g) => !g.builtin).map((g) => g.label).sort()).toEqual(['Kirche', 'Wissenschaft']);
    const keyOf = (label: string) => groups.find((g) => g.label === label)?.key;
    expect(participantsSnapshot(a).map((p) => [p.name, p.stakeholderGroup])).toEqual([
      ['Ada', keyOf('Wissenschaft')],
      ['Bob', keyOf('Kirche')],
    ]);
  });

  it('a laptop that joins reads the built-in groups without writing them', () => {
    const { b } = pair();
    const before = encodeWorkshopState(b);
    expect(stakeholderGroupsSnapshot(b).map((g) => g.key)).toEqual([...STAKEHOLDER_GROUPS]);
    expect(encodeWorkshopState(b)).toEqual(before);
  });
});

describe('a backup of the stakeholder-group list', () => {
  it('restores renamed, removed and added groups in their order, and who is in them', () => {
    const doc = newWorkshop();
    renameStakeholderGroup(doc, 'company', 'Wirtschaft');
    removeStakeholderGroup(doc, 'other');
    const science = addStakeholderGroup(doc, 'Wissenschaft');
    addStakeholderGroup(doc, 'Kirche');
    if (!science.ok) throw new Error(science.error.code);
    added(doc, 'Ada', { stakeholderGroup: science.value.key });
    const copy = restoreBackup(workshopSnapshot(doc));
    expect(stakeholderGroupsSnapshot(copy)).toEqual(stakeholderGroupsSnapshot(doc));
    expect(participantsSnapshot(copy)[0]?.stakeholderGroup).toBe(science.value.key);
    // The restored list goes on working: a group added after the restore comes last.
    addStakeholderGroup(copy, 'Medien');
    expect(stakeholderGroupsSnapshot(copy).slice(-3).map((g) => g.label)).toEqual(['Wissenschaft', 'Kirche', 'Medien']);
  });
});
