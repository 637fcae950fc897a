import { describe, expect, it } from 'vitest';
import { buildMinutes, mdEscape, renderActionsCsv, renderHtml, renderMarkdown } from '../../shared/minutes';
import { addAgendaItem, addCard, addParticipant, addTable, openVoteRound, PLENARY_BOARD_ID, workshopSnapshot, type WorkshopSnapshot } from '../../shared/model';
import { SEED_DAY_V1_PATH, seedDayMinutes, seedDaySnapshot } from '../support/seed-day';
import { newWorkshop } from '../support/workshop';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the header of the minutes, as a Protokoll has it', () => {
  it('names date, time, venue, room, moderation, minute-taker, present, excused and distribution before the agenda', () => {
    const md = renderMarkdown(seedDayMinutes('de'));
    const head = md.slice(0, md.indexOf('## Agenda'));
    for (const line of [
      '- **Datum:** 6. Dezember 2023',
      '- **Zeit:** 14:02–16:57 Uhr (Zeitzone Europe/Berlin)',
      '- **Ort:** Helix Hub, Invalidenstraße, Berlin',
      '- **Raum:** Ikigai',
      '- **Moderation:** Julia Wagner (Plattform Wiederaufbau Ukraine)',
      '- **Protokollführung:** Tobias Krüger (Sekretariat der Plattform)',
      '- **Anwesend (11):** Anna Becker (Stadtwerke Leipzig), ',
      '- **Entschuldigt (2):** Stefan Richter (KfW Entwicklungsbank) und eine weitere Person, die nicht namentlich genannt werden möchte',
      '- **Verteiler:** Teilnehmende des Themenkreises',
    ]) {
      expect(head).toContain(line);
    }
    // The note on how the minutes were made is a footer, not part of the header.
    expect(head).not.toContain('Erstellt mit Plenum');
    expect(md.trimEnd().endsWith('*Erstellt mit Plenum am 7. Dezember 2023*')).toBe(true);
  });

  it('takes the planned times when none were recorded, and says nothing when neither is known', () => {
    const snapshot = seedDaySnapshot();
    const unrun = { ...snapshot, agenda: snapshot.agenda.map((item) => ({ ...item, actualStart: 0, actualEnd: 0 })) };
    // 14:00 plus the 165 planned minutes.
    expect(buildMinutes(unrun, { language: 'de', now: 0 }).timeText).toBe('14:00–16:45 Uhr');
    expect(buildMinutes({ ...unrun, meta: { ...unrun.meta, startTime: '' } }, { language: 'de', now: 0 }).timeText).toBe('');
  });

  it('shows clock times in the workshop\'s zone unless told another one (--tz)', () => {
    const snapshot = seedDaySnapshot();
    expect(buildMinutes(snapshot, { language: 'de', now: 0 }).agenda[0]?.actual).toBe('14:02–14:17 (15 Min.)');
    expect(buildMinutes(snapshot, { language: 'de', now: 0, timeZone: 'Asia/Tokyo' }).agenda[0]?.actual).toBe('22:02–22:17 (15 Min.)');
  });

  it('of a workshop that names no time zone, says its actual times are in the zone shown and the workshop names none', () => {
    // The earlier seed day's file has no zone: planned 14:00 as the agenda has it, actual times in New York's clock.
    const snapshot = seedDaySnapshot(SEED_DAY_V1_PATH);
    expect(snapshot.meta.timeZone).toBe('');
    const minutes = buildMinutes(snapshot, { language: 'de', now: 0, timeZone: 'America/New_York' });
    expect(minutes.zoneNamed).toBe(false);
    expect(renderMarkdown(minutes)).toContain('Uhr (tatsächliche Zeiten in Zeitzone America/New_York; der Workshop nennt keine)');
    expect(renderMarkdown(buildMinutes(snapshot, { language: 'uk', now: 0, timeZone: 'America/New_York' }))).toContain('(фактичний час у часовому поясі America/New_York; воркшоп його не вказує)');
    expect(renderHtml(minutes)).toContain('tatsächliche Zeiten in Zeitzone America/New_York; der Workshop nennt keine');
    expect(buildMinutes(seedDaySnapshot(), { language: 'de', now: 0 }).zoneNamed).toBe(true);
  });

  it('is written in the minutes\' language, whatever the UI speaks', () => {
    expect(renderHtml(seedDayMinutes('uk'))).toContain('<html lang="uk">');
    expect(renderHtml(seedDayMinutes('en'))).toContain('<html lang="en">');
  });
});

describe('attendance in the minutes', () => {
  it('lists present and absent apart, counting in each those who did not consent to be named', () => {
    const snapshot = seedDaySnapshot();
    const { present, absent } = buildMinutes(snapshot, { language: 'de', now: 0 }).participants;
    const people = (attended: boolean, consent: boolean) => snapshot.participants.filter((person) => person.attended === attended && person.consent === consent);
    expect(present.named.map((person) => person.name).sort()).toEqual(people(true, true).map((person) => person.name).sort());
    expect(present.unnamed).toBe(people(true, false).length);
    expect(absent.named.map((person) => person.name)).toEqual(people(false, true).map((person) => person.name));
    expect(absent.unnamed).toBe(people(false, false).length);
    // The fixture has each kind, so the test can tell them apart.
    expect([present.unnamed, absent.named.length, absent.unnamed].every((n) => n > 0)).toBe(true);
  });

  it('lists everyone as present when nobody was marked (attendance not taken)', () => {
    const doc = newWorkshop();
    must(addParticipant(doc, { name: 'A', organisation: '', stakeholderGroup: '', email: '', consent: true }));
    must(addParticipant(doc, { name: 'B', organisation: '', stakeholderGroup: '', email: '', consent: false }));
    const minutes = buildMinutes(workshopSnapshot(doc), { language: 'en', now: 0 });
    expect(minutes.participants).toMatchObject({ attendanceTaken: false, present: { named: [{ name: 'A' }], unnamed: 1 }, absent: { named: [], unnamed: 0 } });
    expect(renderMarkdown(minutes)).toContain('- **Present (2):** A and 1 more person who asked not to be named');
    expect(renderMarkdown(minutes)).not.toContain('Apologies');
  });
});

describe('results under their agenda items', () => {
  const minutes = seedDayMinutes('de');
  const md = renderMarkdown(minutes);
  const item = (title: string) => {
    const found = minutes.agenda.find((entry) => entry.title.startsWith(title));
    if (!found) throw new Error(title);
    return found;
  };

  it('puts the plenary cards and votes under the item that ran when they were written', () => {
    expect(item('Austausch').results?.groups.map((group) => group.title)).toEqual(['Energie', 'Finanzierung und Risiko', 'Kommunale Partnerschaften']);
    expect(item('Austausch').results?.rounds[0]?.ranking[0]?.label).toBe('Kommunale Partnerschaften');
    expect(item('Nächste Schritte').results?.loose.map((card) => card.text)).toEqual(['Erfahrungen in der geschlossenen LinkedIn-Gruppe teilen']);
    expect(item('Begrüßung').results).toBeNull();
  });

  it('puts the tables under the small-group item and links the report-back to them', () => {
    expect(item('Kleingruppenarbeit').tables.map((table) => table.name)).toEqual(['Webinar-Serie', 'Kriegsrisikoversicherung', 'Kommunen und Wirtschaft']);
    expect(item('Kleingruppenarbeit').tables[1]?.board.rounds).toHaveLength(1);
    expect(item('Vorstellung').shown).toEqual({ tables: ['Webinar-Serie', 'Kriegsrisikoversicherung', 'Kommunen und Wirtschaft'], resultsAt: 5 });
    expect(md).toContain('Im Plenum vorgestellt: Webinar-Serie, Kriegsrisikoversicherung, Kommunen und Wirtschaft — die Ergebnisse stehen unter TOP 5.');
  });

  it('leaves nothing hanging after the agenda and lists every card once', () => {
    expect(minutes.further).toEqual({ plenary: null, tables: [] });
    const afterAgenda = md.slice(md.indexOf('## Maßnahmen'));
    expect(afterAgenda).not.toContain('Tisch:');
    const snapshot = seedDaySnapshot();
    // As list items (a ranking names a card again, as "- **1.** …").
    for (const card of snapshot.cards) expect(count(md, `\n- ${mdEscape(card.text.split('\n')[0] ?? '')}`), card.text).toBe(1);
  });

  it('keeps what no item can take under "further results": cards outside the items, tables without a small-group item, empty groups', () => {
    const doc = newWorkshop();
    const item = must(addAgendaItem(doc, { title: 'Diskussion', kind: 'plenary', durationMin: 30 }));
    const table = must(addTable(doc, { name: 'Tisch A' }));
    must(addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'währenddessen', now: 2_000_000 }));
    must(addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'danach', now: 9_000_000 }));
    must(addCard(doc, { boardId: table.id, text: 'am Tisch', now: 2_000_000 }));
    must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3, now: 2_500_000 }));
    const snapshot: WorkshopSnapshot = workshopSnapshot(doc);
    const ran = { ...snapshot, agenda: snapshot.agenda.map((entry) => (entry.id === item.id ? { ...entry, actualStart: 1_000_000, actualEnd: 3_000_000 } : entry)) };
    const minutes = buildMinutes(ran, { language: 'de', now: 0, timeZone: 'UTC' });
    expect(minutes.agenda[0]?.results?.loose.map((card) => card.text)).toEqual(['währenddessen']);
    expect(minutes.agenda[0]?.results?.rounds).toHaveLength(1);
    expect(minutes.further.plenary?.loose.map((card) => card.text)).toEqual(['danach']);
    expect(minutes.further.tables.map((entry) => entry.board.loose.map((card) => card.text))).toEqual([['am Tisch']]);
    const md = renderMarkdown(minutes);
    expect(md).toContain('## Weitere Ergebnisse');
    expect(md.indexOf('danach')).toBeGreaterThan(md.indexOf('## Weitere Ergebnisse'));
  });
});

describe('minutes made while the day still runs', () => {
  it('give the day a start and no end yet (they read "17:51–17:51" when the item before had just ended)', () => {
    const snapshot = seedDaySnapshot();
    const last = snapshot.agenda.at(-1);
    if (!last) throw new Error('the seed day has an agenda');
    const running = { ...snapshot, agenda: [...snapshot.agenda.slice(0, -1), { ...last, actualEnd: 0 }] };
    expect(renderMarkdown(buildMinutes(running, { language: 'de' }))).toContain('- **Zeit:** seit 14:02 Uhr (läuft noch) (Zeitzone Europe/Berlin)');
    expect(renderMarkdown(buildMinutes(running, { language: 'uk' }))).toContain('з 14:02 (триває)');
  });
});

describe('summary, decisions and next steps', () => {
  it('stand in the minutes: per item, and the workshop\'s next steps and follow-up date', () => {
    const md = renderMarkdown(seedDayMinutes('de'));
    expect(md).toContain('**Zusammenfassung:**\n\nNach einem intensiven Austausch');
    expect(md).toContain('**Beschlüsse:**\n\n- Die Kleingruppen arbeiten an den drei Schwerpunkten');
    expect(md).toContain('## Nächste Schritte\n\n- Die Tische arbeiten ihre Vorhaben bis Mitte Januar aus');
    expect(md).toContain('**Folgetermin:** 20. März 2024');
  });
});

describe('text the minutes are made of', () => {
  it('lose the controls and bidi overrides a peer or an old backup wrote, in every format', async () => {
    const snapshot = seedDaySnapshot();
    const [card, ...cards] = snapshot.cards;
    const [person, ...people] = snapshot.participants;
    if (!card || !person) throw new Error('the seed day has no card or person');
    const minutes = buildMinutes(
      {
        ...snapshot,
        cards: [{ ...card, text: 'evil\u202e — Kaffee\u0000 am\u0007 Markt\u001b' }, ...cards],
        participants: [{ ...person, name: 'Be\u202ernd\u2066 Müller' }, ...people],
      },
      { language: 'de' },
    );
    // eslint-disable-next-line no-control-regex -- the control characters are what it looks for
    const hidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
    for (const [format, text] of [['md', renderMarkdown(minutes)], ['html', renderHtml(minutes)], ['csv', renderActionsCsv(minutes)]] as const) {
      expect(hidden.test(text), format).toBe(false);
    }
    expect(renderMarkdown(minutes)).toContain('evil — Kaffee am Markt');
    expect(renderMarkdown(minutes)).toContain('Bernd Müller');
  });

  it('list decisions and next steps once each, without the bullet the writer typed', () => {
    const snapshot = seedDaySnapshot();
    const [item, ...agenda] = snapshot.agenda;
    if (!item) throw new Error('the seed day has no agenda item');
    const minutes = buildMinutes(
      { ...snapshot, agenda: [{ ...item, decisions: '- Erster Beschluss\n• Punkt A\n* Punkt B\n– Punkt C\n1. Eins\n-3 °C reicht' }, ...agenda], meta: { ...snapshot.meta, nextSteps: '- Einladen\n•Ohne Abstand' } },
      { language: 'de' },
    );
    expect(minutes.agenda[0]?.decisions).toEqual(['Erster Beschluss', 'Punkt A', 'Punkt B', 'Punkt C', '1. Eins', '-3 °C reicht']);
    expect(minutes.nextSteps).toEqual(['Einladen', '•Ohne Abstand']);
  });
});

describe('the action items (Maßnahmen)', () => {
  it('are numbered with what, who, organisation, by when and status, and listed once', () => {
    const minutes = seedDayMinutes('de');
    const md = renderMarkdown(minutes);
    expect(md).toContain('| Nr. | Was | Wer | Organisation | Bis wann | Status |');
    expect(md).toContain('| 1 | Konzept und Termine der Webinar-Serie abstimmen | Anna Becker | Stadtwerke Leipzig | 19.01.2024 | In Arbeit |');
    expect(md).toContain('| 6 | Ausführliche Dokumentation an die Teilnehmenden verschicken | – | Sekretariat der Plattform | 13.12.2023 | Erledigt |');
    for (const action of minutes.actions) expect(count(md, action.title.replace(/\*/g, '\\*')), action.title).toBe(1);
    expect(renderActionsCsv(minutes)).toContain('\r\n4;Praxisbeispiele kommunaler Partnerschaften sammeln;eine teilnehmende Person;Stadt Lwiw;2024-01-31;Offen;Tisch: Kommunen und Wirtschaft\r\n');
  });
});
