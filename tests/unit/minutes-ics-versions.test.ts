import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildMinutes, icsSequence, renderActionsIcs } from '../../shared/minutes';
import { createUndoHistory, restoreBackup, updateActionItem, workshopSnapshot, type WorkshopSnapshot } from '../../shared/model';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * A recipient imports the calendar file of the minutes, then the file of corrected minutes: the
 * entries must be updated, not doubled, and a finished item must not sit in the calendar.
 */

const calendarOf = (snapshot: WorkshopSnapshot) =>
  new ICAL.Component(ICAL.parse(renderActionsIcs(buildMinutes(snapshot, { language: 'de', timeZone: 'Europe/Berlin', now: Date.UTC(2023, 11, 7, 9) }))));

const PROPERTIES = ['uid', 'status', 'sequence', 'last-modified', 'dtstamp'] as const;

describe('the action items in a calendar', () => {
  const snapshot = seedDaySnapshot();

  it('leave finished items out and give every entry UID, STATUS, SEQUENCE and LAST-MODIFIED', () => {
    const done = snapshot.actions.filter((action) => action.status === 'done' && action.due);
    expect(done.length).toBeGreaterThan(0);
    const components = [...calendarOf(snapshot).getAllSubcomponents('vevent'), ...calendarOf(snapshot).getAllSubcomponents('vtodo')];
    expect(components).toHaveLength(snapshot.actions.filter((action) => action.status !== 'done' && action.due).length);
    const uids = components.map((component) => String(component.getFirstPropertyValue('uid')));
    for (const action of done) expect(uids.join(' ')).not.toContain(action.id);
    for (const component of components) {
      for (const property of PROPERTIES) expect(component.hasProperty(property), property).toBe(true);
      expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
  });

  it('name the owner and their organisation in the summary', () => {
    const summaries = calendarOf(snapshot)
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component).summary);
    expect(summaries).toContain('Konzept und Termine der Webinar-Serie abstimmen – Anna Becker (Stadtwerke Leipzig)');
  });

  it('count up SEQUENCE when an item changes, and say when in LAST-MODIFIED', () => {
    const doc = restoreBackup(snapshot);
    const [first] = workshopSnapshot(doc).actions.filter((action) => action.status !== 'done' && action.due);
    if (!first) throw new Error('no open action with a due date');
    const before = calendarOf(workshopSnapshot(doc)).getAllSubcomponents('vevent').find((component) => String(component.getFirstPropertyValue('uid')).startsWith(first.id));
    const later = first.updatedAt + 3 * 86_400_000;
    expect(updateActionItem(doc, first.id, { due: '2024-04-30' }, later).ok).toBe(true);
    const after = calendarOf(workshopSnapshot(doc)).getAllSubcomponents('vevent').find((component) => String(component.getFirstPropertyValue('uid')).startsWith(first.id));
    doc.destroy();
    expect(after?.getFirstPropertyValue('uid')).toBe(before?.getFirstPropertyValue('uid'));
    expect(Number(after?.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before?.getFirstPropertyValue('sequence')));
    expect(String(after?.getFirstPropertyValue('last-modified'))).toBe(new Date(later).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('derive SEQUENCE from the seconds between creation and the export (or a later change)', () => {
    expect(icsSequence({ createdAt: 1_000, updatedAt: 1_000 }, 1_000)).toBe(0);
    expect(icsSequence({ createdAt: 1_000, updatedAt: 62_500 }, 2_000)).toBe(61);
    expect(icsSequence({ createdAt: 1_000, updatedAt: 2_000 }, 62_500)).toBe(61);
    // A clock that went back on another laptop never makes it negative.
    expect(icsSequence({ createdAt: 5_000, updatedAt: 1_000 }, 1_000)).toBe(0);
  });

  it('give a later export after an undo a higher SEQUENCE, so the calendar takes the old due date back', () => {
    const doc = restoreBackup(snapshot);
    const undo = createUndoHistory(doc);
    const [first] = workshopSnapshot(doc).actions.filter((action) => action.status !== 'done' && action.due);
    if (!first) throw new Error('no open action with a due date');
    const exportAt = (now: number) =>
      new ICAL.Component(ICAL.parse(renderActionsIcs(buildMinutes(workshopSnapshot(doc), { language: 'de', timeZone: 'Europe/Berlin', now }))))
        .getAllSubcomponents('vevent')
        .find((component) => String(component.getFirstPropertyValue('uid')).startsWith(first.id));
    const changedAt = first.updatedAt + 86_400_000;
    expect(updateActionItem(doc, first.id, { due: '2024-04-30' }, changedAt).ok).toBe(true);
    const changed = exportAt(changedAt + 60_000);
    expect(undo.undo()).toBe(true);
    const undone = exportAt(changedAt + 120_000);
    doc.destroy();
    expect(String(undone?.getFirstPropertyValue('dtstart'))).toBe(first.due);
    expect(Number(undone?.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(changed?.getFirstPropertyValue('sequence')));
  });
});
