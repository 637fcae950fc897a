import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildEml, mailDraft, minutesFileName } from '../../shared/minutes';
import { seedDayMinutes } from '../support/seed-day';

/*
 * The attachment's name in the .eml draft, read by a real MIME parser (postal-mime, as mail
 * services built on it read it). QA: the plain `filename="…"` was cut at 50 characters, in the
 * middle of a word and without the date, and a parser that takes the plain parameter over the
 * RFC 2231 one (postal-mime does; RFC 2231 says nothing of which wins) showed that stump.
 */

const minutes = seedDayMinutes('uk');
const draft = mailDraft(minutes, ['a@example.org']);

async function attachmentNames(fileNames: readonly string[]): Promise<{ names: (string | null)[]; eml: string; contents: string[] }> {
  const files = fileNames.map((fileName, index) => ({ fileName, mimeType: 'text/html; charset=UTF-8', data: `<p>${index}</p>` }));
  const eml = buildEml(draft, files, { date: Date.UTC(2023, 11, 7), messageId: 'm1' });
  const email = await PostalMime.parse(eml);
  const decoder = new TextDecoder();
  return {
    eml,
    names: email.attachments.map((attachment) => attachment.filename),
    contents: email.attachments.map((attachment) => (typeof attachment.content === 'string' ? attachment.content : decoder.decode(attachment.content))),
  };
}

describe('the .eml attachment names', () => {
  const names = [
    // The seed day in Ukrainian: Cyrillic and Latin, 80 characters.
    minutesFileName(minutes, 'html'),
    'Протокол-Відновлення-економіки-України-робоча-зустріч-громад-і-бізнесу-2024-03-20.html',
    'Protokoll-Plattform-Wiederaufbau-Ukraine-Themenkreis-Nachhaltiger-Wiederaufbau-der-Wirtschaft-2023-12-06.docx',
    'Protokoll-Straße-Größe-Übergabe-2024-01-19.md',
    'minutes-2024-01-19.html',
  ];

  it('reach the parser whole, whatever their length and script, with the content intact', async () => {
    const { names: parsed, contents, eml } = await attachmentNames(names);
    expect(parsed).toEqual(names);
    expect(contents).toEqual(names.map((_, index) => `<p>${index}</p>`));
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('say the name in every parameter a mail program may read: filename (RFC 2047), filename* (RFC 2231) and the type\'s name', async () => {
    const { eml } = await attachmentNames([names[1] ?? '']);
    const part = eml.split('--plenum-m1-boundary').at(-2) ?? '';
    const unfolded = part.replace(/\r\n[ \t]/g, ' ');
    const param = (header: string, name: string) => new RegExp(`^${header}:.*;\\s*${name}=("[^"]*"|[^;\\s]*)`, 'mi').exec(unfolded)?.[1] ?? '';
    const words = (value: string) =>
      value
        .replace(/^"|"$/g, '')
        .split(/\s+/)
        .map((word) => Buffer.from(/^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word)?.[1] ?? 'invalid!', 'base64').toString('utf8'))
        .join('');
    expect(words(param('Content-Disposition', 'filename'))).toBe(names[1]);
    expect(words(param('Content-Type', 'name'))).toBe(names[1]);
    const continued = [...unfolded.matchAll(/filename\*(\d+)\*=([^;\s]+)/g)].map((match) => match[2] ?? '').join('');
    expect(decodeURIComponent(continued.replace(/^UTF-8''/, ''))).toBe(names[1]);
  });

  it('a name in plain ASCII that fits on its line stays plain', async () => {
    const { eml } = await attachmentNames(['minutes-2024-01-19.html']);
    expect(eml).toContain('filename="minutes-2024-01-19.html"');
    expect(eml).not.toContain('=?UTF-8?B?bWludXRlcy');
  });
});
