import { describe, expect, it } from 'vitest';
import { createWorkshopDoc, participantsSnapshot, type Participant, type ParticipantInput, type WorkshopDoc } from '../../shared/model';
import { workshopCommands } from '../../shared/roles/commands';
import { authorLabels } from '../../renderer/features/board/AuthorPicker';

/** What a table laptop's "+ Name" does: the command its author picker calls. */
function tableAdds(doc: WorkshopDoc) {
  const commands = workshopCommands(doc, { role: () => 'table', seat: () => ({ tableId: null, plenaryOpen: false }) });
  return (name: string, extra: Partial<ParticipantInput> = {}) => {
    const result = commands.roster.addAuthor({ name, organisation: '', stakeholderGroup: '', email: '', tableId: '', ...extra });
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };
}

describe('a name added at a table ("+ Name")', () => {
  it('picks the person already on the roster (the import rule: same name and organisation, case and spaces aside) instead of adding them again', () => {
    const doc = createWorkshopDoc();
    const add = tableAdds(doc);
    const first = add('Anna Schmidt');
    expect(add('  anna  schmidt ').id).toBe(first.id);
    expect(participantsSnapshot(doc)).toHaveLength(1);
  });

  it('adds someone of the same name from another organisation, and picks by email when one is given', () => {
    const doc = createWorkshopDoc();
    const add = tableAdds(doc);
    add('Anna Schmidt', { organisation: 'Stadt' });
    add('Anna Schmidt');
    expect(participantsSnapshot(doc)).toHaveLength(2);
    const byMail = add('A. Schmidt', { email: 'Anna@Example.org' });
    expect(add('Anna S.', { email: 'anna@example.org' }).id).toBe(byMail.id);
    expect(participantsSnapshot(doc)).toHaveLength(3);
  });
});

describe('the author picker’s names', () => {
  const person = (id: string, name: string, organisation = '', stakeholderGroup = ''): Participant => ({
    id, name, organisation, stakeholderGroup, email: '', consent: false, attended: false, tableId: '', fixedToTable: false,
  });

  it('shows the organisation, else the stakeholder group, beside names that read the same, and nothing beside the others', () => {
    const people = [person('a', 'Anna Schmidt', 'Stadt'), person('b', 'anna schmidt', '', 'g1'), person('c', 'Anna Schmidt'), person('d', 'Olena')];
    const labels = authorLabels(people, (one) => one.name, (key) => (key === 'g1' ? 'Wirtschaft' : '?'));
    expect([...labels.values()]).toEqual(['Anna Schmidt · Stadt', 'anna schmidt · Wirtschaft', 'Anna Schmidt', 'Olena']);
  });
});
