import { describe, expect, it } from 'vitest';
import {
  checkSchema,
  createWorkshopDoc,
  initWorkshop,
  LIMITS,
  metaSnapshot,
  placeText,
  PLENARY_BOARD_ID,
  SCHEMA_VERSION,
  STAKEHOLDER_GROUPS,
  updateMeta,
  workshopSnapshot,
  type Language,
  type WorkshopDoc,
} from '../../shared/model';

function newWorkshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'w1', title: 'Town hall', language: 'en', date: '2025-03-14', venue: 'Rathaus', room: 'Saal 2', now: 1000 });
  return doc;
}

describe('initWorkshop', () => {
  it('keeps the time zone it is given and refuses one no runtime knows', () => {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w1', title: 'Town hall', language: 'de', timeZone: 'Europe/Kyiv', now: 1234 });
    expect(workshopSnapshot(doc).meta.timeZone).toBe('Europe/Kyiv');
    expect(updateMeta(doc, { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'timeZone.invalid' } });
    expect(updateMeta(doc, { timeZone: 'America/New_York', moderator: 'Dr. A. Beispiel', followUpDate: '2024-01-31' }).ok).toBe(true);
    expect(workshopSnapshot(doc).meta).toMatchObject({ timeZone: 'America/New_York', moderator: 'Dr. A. Beispiel', followUpDate: '2024-01-31' });
  });

  it('writes the meta fields, the schema version and an empty plan', () => {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w1', title: '  Town hall  ', language: 'uk', now: 1234 });
    expect(workshopSnapshot(doc)).toEqual({
      meta: {
        id: 'w1',
        schemaVersion: SCHEMA_VERSION,
        title: 'Town hall',
        date: '',
        venue: '',
        room: '',
        language: 'uk',
        createdAt: 1234,
        startTime: '',
        availableMin: 0,
        // The creating computer's zone (vitest runs in whatever zone the machine has).
        timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
        moderator: '',
        minuteTaker: '',
        distribution: '',
        nextSteps: '',
        followUpDate: '',
      },
      agenda: [],
      boards: [{ id: PLENARY_BOARD_ID, kind: 'plenary', title: '', topic: '', order: expect.any(String), locked: false }],
      cards: [],
      participants: [],
      reportBack: [],
      groups: [],
      voteRounds: [],
      votes: [],
      actions: [],
      parkingLot: [],
      stakeholderGroups: STAKEHOLDER_GROUPS.map((key) => ({ key, label: '', builtin: true })),
      run: {
        status: 'idle',
        currentId: '',
        itemStartedAt: 0,
        pausedAt: 0,
        signalAt: 0,
        signalItemId: '',
        projectorView: 'agenda',
        projectorBoardId: '',
        projectorRoundId: '',
      },
    });
  });

  it('keeps the given date, venue and room', () => {
    expect(metaSnapshot(newWorkshop())).toMatchObject({ date: '2025-03-14', venue: 'Rathaus', room: 'Saal 2', language: 'en' });
  });

  it('falls back to German for a language Plenum does not speak', () => {
    const doc = createWorkshopDoc();
    initWorkshop(doc, { id: 'w1', title: 'T', language: 'fr' as Language });
    expect(metaSnapshot(doc).language).toBe('de');
  });

  it('creates the plenary board only once when called again', () => {
    const doc = newWorkshop();
    initWorkshop(doc, { id: 'w1', title: 'Again', language: 'de' });
    expect(workshopSnapshot(doc).boards.map((board) => board.id)).toEqual([PLENARY_BOARD_ID]);
  });
});

describe('updateMeta', () => {
  it.each([
    ['title', { title: '  Renamed  ' }, { title: 'Renamed' }],
    ['date', { date: '2026-01-02' }, { date: '2026-01-02' }],
    ['date cleared', { date: '' }, { date: '' }],
    ['venue', { venue: ' Bürgerhaus ' }, { venue: 'Bürgerhaus' }],
    ['room', { room: 'Room 101' }, { room: 'Room 101' }],
    ['language', { language: 'de' }, { language: 'de' }],
  ])('changes the %s and returns the new meta', (_label, patch, expected) => {
    const doc = newWorkshop();
    const result = updateMeta(doc, patch);
    expect(result).toEqual({ ok: true, value: { ...metaSnapshot(newWorkshop()), ...expected } });
    expect(metaSnapshot(doc)).toMatchObject(expected);
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title.empty'],
    ['an impossible date', { date: '2025-02-30' }, 'date.invalid'],
    ['an unknown language', { language: 'xx' }, 'language.invalid'],
    ['a valid title with an invalid date', { title: 'Fine', date: 'soon' }, 'date.invalid'],
    ['a valid venue with an unknown language', { venue: 'Elsewhere', language: 'fr' }, 'language.invalid'],
    ['a venue longer than a short text', { venue: 'x'.repeat(LIMITS.shortTextMax + 1), room: 'Saal 3' }, 'text.tooLong'],
    ['a room longer than a short text', { venue: 'Rathaus', room: 'x'.repeat(LIMITS.shortTextMax + 1) }, 'text.tooLong'],
  ])('refuses %s and changes nothing', (_label, patch, code) => {
    const doc = newWorkshop();
    const before = metaSnapshot(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const result = updateMeta(doc, patch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(metaSnapshot(doc)).toEqual(before);
    expect(updates).toHaveLength(0);
  });
});

describe('the place a peer wrote', () => {
  it.each([
    ['a number', 42],
    ['an object', { venue: 'Rathaus' }],
    ['null', null],
    ['a text longer than any form lets through', 'x'.repeat(LIMITS.shortTextMax + 1)],
  ])('reads %s as not set', (_label, junk) => {
    const doc = newWorkshop();
    doc.getMap('meta').set('venue', junk);
    doc.getMap('meta').set('room', junk);
    expect(metaSnapshot(doc)).toMatchObject({ venue: '', room: '' });
    expect(placeText(metaSnapshot(doc))).toBe('');
  });

  it('reads a short text as it is, trimmed', () => {
    const doc = newWorkshop();
    doc.getMap('meta').set('venue', '  Bürgerhaus ');
    expect(placeText(metaSnapshot(doc))).toBe('Bürgerhaus, Saal 2');
  });
});

describe('placeText', () => {
  it.each([
    [{ venue: 'Rathaus', room: 'Saal 2' }, 'Rathaus, Saal 2'],
    [{ venue: 'Rathaus', room: '' }, 'Rathaus'],
    [{ venue: '', room: 'Saal 2' }, 'Saal 2'],
    [{ venue: '', room: '' }, ''],
  ])('puts %o in one line', (place, expected) => {
    expect(placeText(place)).toBe(expected);
  });
});

describe('checkSchema', () => {
  it('accepts a document of the current version', () => {
    expect(checkSchema(newWorkshop())).toEqual({ ok: true, value: SCHEMA_VERSION });
  });

  it('reports a document without a version as schema.missing', () => {
    expect(checkSchema(createWorkshopDoc())).toEqual({ ok: false, error: { code: 'schema.missing' } });
  });

  it('refuses a document written by a newer Plenum with both versions as params', () => {
    const doc = newWorkshop();
    // The test plays a newer Plenum that wrote its own version number.
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(checkSchema(doc)).toEqual({
      ok: false,
      error: { code: 'schema.newer', params: { version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } },
    });
  });

  it('refuses a version below 1 as schema.older', () => {
    const doc = newWorkshop();
    doc.getMap('meta').set('schemaVersion', 0);
    expect(checkSchema(doc)).toMatchObject({ ok: false, error: { code: 'schema.older' } });
  });
});
