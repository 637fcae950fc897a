import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildMinutes, renderActionsCsv, renderActionsIcs, renderHtml, renderMarkdown } from '../../shared/minutes';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * An action item owned by someone who did not consent to be named: every export says "a
 * participant" and their organisation (shared/minutes/model.ts, Privacy). The calendar's
 * summary said only "a participant", which tells the day view nothing.
 */

function unnamedOwnerMinutes(language: 'de' | 'en' | 'uk') {
  const snapshot = seedDaySnapshot();
  const person = snapshot.participants.find((participant) => !participant.consent && participant.organisation);
  const action = snapshot.actions[0];
  if (!person || !action) throw new Error('the seed day has a participant without consent, with an organisation, and an action item');
  const actions = [{ ...action, ownerId: person.id, ownerOrganisation: '', due: '2024-02-29', status: 'open' as const }];
  return { person, minutes: buildMinutes({ ...snapshot, actions }, { language, now: Date.UTC(2023, 11, 7, 9) }) };
}

describe('an action item whose owner did not consent to be named', () => {
  it.each(['de', 'en', 'uk'] as const)('shows their organisation in the calendar entry, as in the other exports, and never their name (%s)', (language) => {
    const { person, minutes } = unnamedOwnerMinutes(language);
    const owner = minutes.texts.notNamedOwner;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(renderActionsIcs(minutes))).getFirstSubcomponent('vevent') ?? undefined);
    const title = minutes.actions[0]?.title ?? '';
    expect(event.summary).toBe(`${title} – ${owner} (${person.organisation})`);
    expect(event.description).toContain(person.organisation);
    for (const text of [renderActionsIcs(minutes), renderMarkdown(minutes), renderHtml(minutes), renderActionsCsv(minutes)]) {
      expect(text).not.toContain(person.name);
    }
    // What the other exports say of the same owner.
    expect(renderActionsCsv(minutes)).toContain(person.organisation);
    expect(renderMarkdown(minutes)).toContain(`| ${owner} | ${person.organisation} |`);
  });

  it('a named owner keeps their name in the summary, with their organisation as in the other exports', () => {
    const minutes = buildMinutes(seedDaySnapshot(), { language: 'de', now: Date.UTC(2023, 11, 7, 9) });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(renderActionsIcs(minutes))).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.summary).toBe(`${minutes.actions[0]?.title ?? ''} – Anna Becker (Stadtwerke Leipzig)`);
  });
});
