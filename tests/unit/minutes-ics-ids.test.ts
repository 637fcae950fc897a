import ICAL from 'ical.js';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildMinutes, icsText, icsUidPart, renderActionsIcs } from '../../shared/minutes';
import { createWorkshopDoc, syncDocs, workshopSnapshot } from '../../shared/model';
import { restoreBackup } from '../../shared/model';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * An id with a line break in it once went into the calendar file as it was and added events of
 * its own. Ids are checked where they enter (a backup: tests/unit/backup-integrity.test.ts; the
 * document: here), and the calendar escapes whatever it writes.
 */

const INJECTION = '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nDTSTART;VALUE=DATE:20240101\r\nSUMMARY:Eingeschleust\r\nEND:VEVENT\r\nBEGIN:VEVENT';

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const minutesOf = (snapshot: ReturnType<typeof seedDaySnapshot>) => buildMinutes(snapshot, { language: 'de', timeZone: 'Europe/Berlin', now: 0 });

describe('ids in the calendar file', () => {
  const snapshot = seedDaySnapshot();
  // Finished items are not in the calendar.
  const withDue = snapshot.actions.filter((action) => action.due && action.status !== 'done').length;

  it('a peer that writes an action item under an id with line breaks adds no event', () => {
    const doc = restoreBackup(snapshot);
    const peer = createWorkshopDoc();
    syncDocs(doc, peer);
    // What another laptop can put into the document: any key, any fields.
    peer.transact(() => {
      const item = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ title: 'Von fremder Hand', due: '2024-03-01', status: 'open', ownerId: null, ownerOrganisation: '', boardId: null, sourceCardId: null, createdAt: 1, order: 'a0' })) item.set(key, value);
      peer.getMap('actions').set(`x${INJECTION}`, item);
      peer.getMap('meta').set('id', `seed-day${INJECTION}`);
    });
    syncDocs(doc, peer);
    const read = workshopSnapshot(doc);
    expect(read.actions).toHaveLength(snapshot.actions.length);
    expect(read.meta.id).toBe('');
    const parsed = events(renderActionsIcs(minutesOf(read)));
    expect(parsed).toHaveLength(withDue);
    expect(parsed.map((event) => event.summary)).not.toContain('Eingeschleust');
  });

  it('are escaped when written, so even an id that got past every check cannot add an event', () => {
    const [first, ...rest] = snapshot.actions;
    if (!first) throw new Error('no action');
    const broken = { ...snapshot, meta: { ...snapshot.meta, id: `w;1,${INJECTION}` }, actions: [{ ...first, id: `a${INJECTION}`, due: '2024-01-19' }, ...rest] };
    const ics = renderActionsIcs(minutesOf(broken));
    const parsed = events(ics);
    expect(parsed).toHaveLength(withDue);
    expect(parsed.map((event) => event.summary)).not.toContain('Eingeschleust');
    expect(parsed[0]?.uid).toBe(`${icsUidPart(`a${INJECTION}`)}@${icsUidPart(`w;1,${INJECTION}`)}.plenum`);
    expect(parsed[0]?.uid).not.toMatch(/[\r\n;,]/);
    // An id of the app's own format stays as it is: importing the file again updates the same events.
    expect(icsUidPart('fb048a6f-8570-43f7-9d0f-7ac60967d600')).toBe('fb048a6f-8570-43f7-9d0f-7ac60967d600');
    expect(icsUidPart('\uD800x')).toBe('%EF%BF%BDx');
  });

  it('text values lose the control characters TEXT may not hold, and keep tabs and line breaks', () => {
    expect(icsText('a\tb\u0000c\u001bd\u007fe\r\nf')).toBe('a\tbcde\\nf');
    const [first, ...rest] = snapshot.actions;
    if (!first) throw new Error('no action');
    const ics = renderActionsIcs(minutesOf({ ...snapshot, actions: [{ ...first, title: `Titel${INJECTION}\u0000`, due: '2024-01-19' }, ...rest] }));
    const parsed = events(ics);
    expect(parsed).toHaveLength(withDue);
    const owner = minutesOf(snapshot).actions[0];
    expect(parsed[0]?.summary).toBe(`Titel${INJECTION.replace(/\r\n/g, '\n')} – ${owner?.owner ?? ''} (${owner?.organisation ?? ''})`);
  });
});
