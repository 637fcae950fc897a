import ICAL from 'ical.js';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  buildEml,
  buildMinutes,
  csvCell,
  encodeHeader,
  foldLine,
  mailDraft,
  mailRecipients,
  mailtoUrl,
  MINUTES_TEXTS,
  minutesFileName,
  renderActionsCsv,
  renderActionsIcs,
  renderHtml,
  renderMarkdown,
} from '../../shared/minutes';
import { renderDocx } from '../../shared/minutes/docx';
import { seedDayMinutes, seedDaySnapshot } from '../support/seed-day';

const snapshot = seedDaySnapshot();

function defined<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing in the fixture');
  return value;
}
const hidden = snapshot.participants.filter((person) => !person.consent).map((person) => person.name);
const named = snapshot.participants.filter((person) => person.consent).map((person) => person.name);

describe('the minutes name only people who consented', () => {
  it.each(['de', 'en', 'uk'] as const)('in every text format (%s)', async (language) => {
    const minutes = seedDayMinutes(language);
    const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(minutes)) })).value;
    for (const text of [renderMarkdown(minutes), renderHtml(minutes), renderActionsCsv(minutes), renderActionsIcs(minutes), docx]) {
      for (const name of hidden) expect(text).not.toContain(name);
    }
    expect(hidden.length).toBeGreaterThan(0);
    const { present, absent } = minutes.participants;
    expect(present.unnamed + absent.unnamed).toBe(hidden.length);
    expect([...present.named, ...absent.named].map((person) => person.name).sort()).toEqual([...named].sort());
  });
});

describe('the DOCX minutes', () => {
  it('open again and hold the event, agenda, groups, ranking, tables and action items', async () => {
    const minutes = seedDayMinutes('de');
    const bytes = await renderDocx(minutes);
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    for (const expected of [
      'Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft',
      '6. Dezember 2023',
      'Helix Hub, Invalidenstraße, Berlin',
      'geplant: 14:00–14:15 (15 Min.) · tatsächlich: 14:02–14:17 (15 Min.)',
      'Kommunale Partnerschaften',
      'Gruppe: Kommunale Partnerschaften — 5 Punkte',
      'Tisch: Kriegsrisikoversicherung',
      'Workshop Kriegsrisikoversicherung: Versicherer und Verbände einladen',
      'und 2 weitere Personen, die nicht namentlich genannt werden möchten',
      'Entschuldigt (2): Stefan Richter (KfW Entwicklungsbank) und eine weitere Person, die nicht namentlich genannt werden möchte',
      'Moderation: Julia Wagner',
      'Nächste Schritte',
      'Folgetermin: 20. März 2024',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('in Ukrainian keep the Cyrillic text', async () => {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(seedDayMinutes('uk'))) })).value;
    expect(text).toContain('Протокол: Themenkreis');
    expect(text).toContain('Наступні кроки');
  });
});

describe('the action items as ICS', () => {
  const minutes = seedDayMinutes('de');
  const ics = renderActionsIcs(minutes);

  it('parse with ical.js into one all-day event per due date, with stable UIDs and a DTSTAMP', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    // Finished items stay out of the calendar; the owner is named in the summary.
    const withDue = minutes.actions.filter((action) => action.due && action.status !== 'done');
    const who = (action: (typeof withDue)[number]) => (action.owner && action.organisation ? `${action.owner} (${action.organisation})` : action.owner || action.organisation);
    expect(events.map((event) => event.summary)).toEqual(withDue.map((action) => (who(action) ? `${action.title} – ${who(action)}` : action.title)));
    for (const [index, event] of events.entries()) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(withDue[index]?.due);
      expect(event.endDate.toICALString()).not.toBe(event.startDate.toICALString());
      expect(event.uid).toBe(`${withDue[index]?.id}@seed-day.plenum`);
      expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2023-12-07T09:00:00Z');
    }
    expect(events[0]?.description).toContain('Verantwortlich: Anna Becker\nOrganisation: Stadtwerke Leipzig');
  });

  it('use CRLF, fold long lines at 75 octets without splitting a character, and escape , ; \\ and newlines', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const folded = foldLine(`SUMMARY:${'Ä'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'Ä'.repeat(60)}`);
    const tricky = { ...snapshot, actions: [{ ...defined(snapshot.actions[0]), title: 'a,b;c\\d\nzweite Zeile', due: '2024-02-29' }] };
    const event = new ICAL.Event(defined(new ICAL.Component(ICAL.parse(renderActionsIcs(buildMinutes(tricky, { language: 'de', now: 0 })))).getFirstSubcomponent('vevent')));
    const trickyAction = defined(buildMinutes(tricky, { language: 'de', now: 0 }).actions[0]);
    expect(event.summary).toBe(`a,b;c\\d\nzweite Zeile – ${trickyAction.owner} (${trickyAction.organisation})`);
  });
});

describe('the action items as CSV', () => {
  it('start with a BOM, end lines with CRLF, use the separator of the language and quote what needs it', () => {
    const de = renderActionsCsv(seedDayMinutes('de'));
    expect(de.startsWith('\uFEFFNr.;Was;Wer;Organisation;Bis wann;Status;Aus\r\n')).toBe(true);
    expect(de).toContain('1;Konzept und Termine der Webinar-Serie abstimmen;Anna Becker;Stadtwerke Leipzig;2024-01-19;In Arbeit;Tisch: Webinar-Serie\r\n');
    const en = renderActionsCsv(seedDayMinutes('en'));
    expect(en.split('\r\n')[0]).toBe('\uFEFFNo.,What,Who,Organisation,By when,Status,From');
    expect(en).toContain('"Table: Webinar-Serie"'.replace(/"/g, '') );
    expect(csvCell('say "hi"; bye', ';')).toBe('"say ""hi""; bye"');
    expect(csvCell('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('zwei\nZeilen', ',')).toBe('"zwei\nZeilen"');
  });
});

describe('the mail with the minutes', () => {
  const minutes = seedDayMinutes('de');
  const recipients = mailRecipients(snapshot.participants);

  it('goes to every consenting participant with an address, once, in BCC', () => {
    expect(recipients).toHaveLength(named.length);
    const twice = mailRecipients([...snapshot.participants, { ...defined(snapshot.participants.find((p) => p.consent)), id: 'x', email: defined(recipients[0]).toUpperCase() }]);
    expect(twice).toEqual(recipients);
    const url = mailtoUrl(mailDraft(minutes, recipients));
    expect(url.startsWith('mailto:?bcc=')).toBe(true);
    expect(decodeURIComponent(/bcc=([^&]*)/.exec(url)?.[1] ?? '').split(',')).toEqual(recipients);
    expect(decodeURIComponent(/subject=([^&]*)/.exec(url)?.[1] ?? '')).toBe('Protokoll: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
  });

  it('says thanks in each language in sentences that end once ("2023 р." ends the Ukrainian one)', () => {
    expect(mailDraft(seedDayMinutes('uk'), recipients).body).toContain('6 грудня 2023 р. У вкладенні');
    expect(mailDraft(seedDayMinutes('de'), recipients).body).toContain('6. Dezember 2023. Im Anhang');
    for (const language of ['de', 'en', 'uk'] as const) expect(mailDraft(seedDayMinutes(language), recipients).body).not.toMatch(/[^.]\.\.[^.]/);
  });

  it('as .eml: MIME multipart with the minutes attached, UTF-8 subject encoded, no line over 78 characters', () => {
    const minutes = seedDayMinutes('uk');
    const html = renderHtml(minutes);
    const eml = buildEml(mailDraft(minutes, recipients), [{ fileName: minutesFileName(minutes, 'html'), mimeType: 'text/html;charset=utf-8', data: html }], { date: minutes.generatedAt, messageId: 'm1' });
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^MIME-Version: 1\.0\r\n/);
    expect(head).toContain('Date: Thu, 07 Dec 2023 09:00:00 +0000');
    expect(head).toContain('To: undisclosed-recipients:;');
    expect(head).toMatch(/Content-Type: multipart\/mixed; boundary="([^"]+)"/);
    const subject = /Subject: ((?:.|\r\n )+)/.exec(head ?? '')?.[1] ?? '';
    const decoded = subject
      .split('\r\n ')
      .map((word) => Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(word)?.[1] ?? '', 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('Протокол: Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft');
    const bcc = /Bcc:((?:.|\r\n )+)/.exec(head ?? '')?.[1]?.replace(/\r\n /g, ' ') ?? '';
    expect(bcc.split(',').map((address) => address.trim())).toEqual(recipients);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const body = rest.join('\r\n\r\n');
    const disposition = /Content-Disposition: attachment;((?:\r\n .*)+)\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(body);
    const params = (disposition?.[1] ?? '').replace(/\r\n /g, ' ');
    const fileName = 'Протокол-Themenkreis-Nachhaltiger-Wiederaufbau-der-Wirtschaft-2023-12-06.html';
    // The whole name in the plain parameter too (RFC 2047 words), and in RFC 2231 continuations.
    const words = (/filename="([^"]*)"/.exec(params)?.[1] ?? '').split(' ');
    expect(words.map((word) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '', 'base64').toString('utf8')).join('')).toBe(fileName);
    const exact = [...params.matchAll(/filename\*(\d+)\*=([^;\s]+)/g)].map((match) => match[2] ?? '').join('');
    expect(decodeURIComponent(exact.replace(/^UTF-8''/, ''))).toBe(fileName);
    expect(Buffer.from((disposition?.[2] ?? '').replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(html);
    expect(eml.trimEnd().endsWith('--')).toBe(true);
  });

  it('encodes non-ASCII headers as RFC 2047 words that decode to the original', () => {
    const subject = 'Протокол: Відновлення України — Wiederaufbau, Straße & Ärger '.repeat(3);
    const encoded = encodeHeader(subject);
    expect(encoded.split('\r\n ').every((word) => word.length <= 75 && /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/.test(word))).toBe(true);
    expect(encoded.split('\r\n ').map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(subject);
  });
});

describe('the minutes texts', () => {
  it('exist in German, English and Ukrainian with the same words, none empty', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'function' ? 'fn' : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, child]) => [key, shape(child)])) : typeof value;
    const [de, en, uk] = (['de', 'en', 'uk'] as const).map((language) => shape(MINUTES_TEXTS[language]));
    expect(en).toEqual(de);
    expect(uk).toEqual(de);
    for (const texts of Object.values(MINUTES_TEXTS)) {
      const values = (value: unknown): string[] =>
        typeof value === 'string'
          ? [value]
          : typeof value === 'function'
            ? [1, 2, 5, 21].map((n) => String((value as (...args: unknown[]) => unknown)(n, n)))
            : Object.values(value as object).flatMap(values);
      for (const text of values(texts)) expect(text.trim()).not.toBe('');
    }
  });

  it('count people with the plural forms of each language', () => {
    expect(MINUTES_TEXTS.de.notNamedMore(1)).toContain('eine weitere Person,');
    expect([1, 2, 5, 21].map((n) => MINUTES_TEXTS.uk.notNamedOnly(n).split(',')[0])).toEqual(['1 особа', '2 особи', '5 осіб', '21 особа']);
    expect(MINUTES_TEXTS.en.dots(1)).toBe('1 dot');
    expect([1, 2, 5, 21].map((n) => MINUTES_TEXTS.uk.dots(n))).toEqual(['1 бал', '2 бали', '5 балів', '21 бал']);
  });
});

describe('text typed at the tables', () => {
  it('cannot inject markup into Markdown or HTML', () => {
    const evil = { ...snapshot, cards: snapshot.cards.map((card, index) => (index === 0 ? { ...card, text: '<script>alert(1)</script>\n# Überschrift *fett*' } : card)) };
    const minutes = buildMinutes(evil, { language: 'de', timeZone: 'UTC', now: 0 });
    expect(renderHtml(minutes)).not.toContain('<script>');
    expect(renderHtml(minutes)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br># Überschrift *fett*');
    expect(renderMarkdown(minutes)).toContain('\\<script\\>alert(1)\\</script\\>  \n  \\# Überschrift \\*fett\\*');
  });
});
