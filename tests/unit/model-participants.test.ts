import { describe, expect, it } from 'vitest';
import {
  addParticipant,
  LIMITS,
  participantsSnapshot,
  removeParticipant,
  updateParticipant,
  type Participant,
  type WorkshopDoc,
} from '../../shared/model';
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
      error: { code: 'title.empty' },
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
      error: { code: 'title.empty' },
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
