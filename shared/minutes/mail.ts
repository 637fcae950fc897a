import { toBase64 } from '../base64';
import type { Participant } from '../model';
import type { Minutes } from './model';

/*
 * The mail that sends the minutes, written while the room may be offline: either a mailto: link
 * (the mail program opens with the recipients in BCC; the file is attached by hand) or an .eml
 * draft (RFC 5322 + MIME) with the minutes attached, which mail programs open as a new message.
 * Recipients go in BCC: participants must not learn each other's addresses from the minutes' mail.
 */

/** Deliberately loose: the address was typed or imported by the organiser; the mail program has the last word. */
const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

/** Addresses of participants who consented, valid and without duplicates (case-insensitive), in roster order. */
export function mailRecipients(participants: readonly Participant[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const person of participants) {
    const address = person.email.trim();
    if (!person.consent || !EMAIL.test(address) || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push(address);
  }
  return out;
}

export interface MailDraft {
  subject: string;
  body: string;
  bcc: string[];
}

/** Subject and text of the mail in the minutes' language. */
export function mailDraft(minutes: Minutes, recipients: readonly string[]): MailDraft {
  return { subject: minutes.texts.mailSubject(minutes.title), body: minutes.texts.mailBody(minutes.title, minutes.dateText), bcc: [...recipients] };
}

/** A mailto: URL (RFC 6068) with the recipients in BCC. */
export function mailtoUrl(draft: MailDraft): string {
  const fields = [
    draft.bcc.length > 0 ? `bcc=${draft.bcc.map(encodeURIComponent).join(',')}` : '',
    `subject=${encodeURIComponent(draft.subject)}`,
    `body=${encodeURIComponent(draft.body.replace(/\r?\n/g, '\r\n'))}`,
  ].filter(Boolean);
  return `mailto:?${fields.join('&')}`;
}

const encoder = new TextEncoder();

/** Base64 in lines of 76 characters (RFC 2045). */
const base64Lines = (bytes: Uint8Array) => (toBase64(bytes).match(/.{1,76}/g) ?? []).join('\r\n');

/** Printable ASCII only: a header value that needs no encoding. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * `value` as RFC 2047 encoded words (base64, UTF-8), each at most 64 characters: on a folded
 * line of its own after a header's name or a parameter's `name="`, none grows past 78.
 */
function encodedWords(value: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 39 bytes of UTF-8 are 52 characters of base64: with "=?UTF-8?B?" and "?=" a word is 64, and
    // the first line with "Subject: " stays under 78.
    if (encoder.encode(chunk + char).length > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${toBase64(encoder.encode(word))}?=`);
}

/** A header value as RFC 2047 encoded words when it is not plain ASCII; each word stays under 76 characters. */
export function encodeHeader(value: string): string {
  if (PLAIN.test(value)) return value;
  return encodedWords(value).join('\r\n ');
}

/** A list of addresses folded after commas, so no header line grows past 78 characters. */
function addressList(name: string, addresses: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  addresses.forEach((address, index) => {
    const piece = ` ${address}${index < addresses.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join('\r\n');
}

/** RFC 5322 date in UTC: "Wed, 06 Dec 2023 17:00:00 +0000". */
export function mailDate(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

export interface MailAttachment {
  fileName: string;
  mimeType: string;
  data: string | Uint8Array;
}

/**
 * The attachment's name, as the parameters of its Content-Type (`name`) and Content-Disposition
 * (`filename`), folded so that no line grows past 78 characters. A plain ASCII name that fits is
 * written as it is. Any other goes whole into every parameter a mail program may read it from:
 * `filename` and `name` as RFC 2047 words (Outlook, Apple Mail, Gmail and Thunderbird decode them;
 * Outlook writes them itself), and `filename*` in RFC 2231 continuations (the standard's way).
 * A readable ASCII stand-in in `filename` next to `filename*` would not be a fallback: RFC 2231 does
 * not say which of the two wins, and parsers that take the plain one (postal-mime does) showed it
 * instead of the name; it was cut at 50 characters, mid-word and without the date.
 */
function attachmentName(fileName: string): { type: string; disposition: string } {
  const quotable = PLAIN.test(fileName) && !/["\\]/.test(fileName);
  // ' filename="…"' is the longer of the two lines.
  if (quotable && ` filename="${fileName}"`.length <= 78) return { type: `name="${fileName}"`, disposition: `filename="${fileName}"` };
  const words = `"${encodedWords(fileName).join('\r\n ')}"`;
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  // Chunks of at most 48 characters (' filename*0*=UTF-8\'\'…;' then stays under 78) that end
  // before a '%XX' escape would be split.
  const chunks: string[] = [];
  for (const unit of exact.match(/%[0-9A-F]{2}|[^%]/g) ?? []) {
    const last = chunks.length - 1;
    if (last >= 0 && (chunks[last] ?? '').length + unit.length <= 48) chunks[last] += unit;
    else chunks.push(unit);
  }
  const continued = chunks.map((chunk, index) => `filename*${index}*=${index === 0 ? "UTF-8''" : ''}${chunk}`);
  return { type: `name=${words}`, disposition: [`filename=${words}`, ...continued].join(';\r\n ') };
}

/**
 * A draft mail as an .eml file: the text in the minutes' language, the recipients in BCC, the
 * files attached. `X-Unsent: 1` makes Outlook open it as a message to send, not a received one.
 */
export function buildEml(draft: MailDraft, attachments: readonly MailAttachment[], options: { date: number; messageId: string }): string {
  const boundary = `plenum-${options.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}-boundary`;
  const headers = [
    'MIME-Version: 1.0',
    `Date: ${mailDate(options.date)}`,
    `Message-ID: <${options.messageId}@plenum.invalid>`,
    `Subject: ${encodeHeader(draft.subject)}`,
    'To: undisclosed-recipients:;',
    ...(draft.bcc.length > 0 ? [addressList('Bcc', draft.bcc)] : []),
    'X-Unsent: 1',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    [
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(encoder.encode(draft.body.replace(/\r?\n/g, '\r\n'))),
    ].join('\r\n'),
    ...attachments.map((file) =>
      [
        `--${boundary}`,
        `Content-Type: ${file.mimeType};\r\n ${attachmentName(file.fileName).type}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment;\r\n ${attachmentName(file.fileName).disposition}`,
        '',
        base64Lines(typeof file.data === 'string' ? encoder.encode(file.data) : file.data),
      ].join('\r\n'),
    ),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${parts.join('\r\n')}\r\n--${boundary}--\r\n`;
}
