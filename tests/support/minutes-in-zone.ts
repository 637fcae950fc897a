/**
 * Prints the seed day's minutes — the model and every text format, the DOCX's document XML — as
 * one JSON object, built by this process in whatever time zone it runs (TZ). Run by
 * tests/unit/minutes-time-zone.test.ts under several zones: `node --import tsx tests/support/minutes-in-zone.ts`.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { buildMinutes, mailDraft, renderActionsCsv, renderHtml, renderMarkdown } from '../../shared/minutes';
import { renderDocx } from '../../shared/minutes/docx';
import { seedDaySnapshot } from './seed-day';

// The process's own offset on the day, in minutes (Date's sign: west of UTC positive).
const out: Record<string, unknown> = { offset: new Date(Date.UTC(2023, 11, 6, 13)).getTimezoneOffset() };
for (const language of ['de', 'en', 'uk'] as const) {
  // No time zone given: the minutes take the workshop's own.
  const minutes = buildMinutes(seedDaySnapshot(), { language, now: Date.UTC(2023, 11, 6, 23, 30) });
  // The words are functions: JSON leaves them out.
  const model = { ...minutes, texts: undefined };
  const docx = unzipSync(await renderDocx(minutes));
  const documentXml = docx['word/document.xml'];
  out[language] = {
    model,
    md: renderMarkdown(minutes),
    html: renderHtml(minutes),
    csv: renderActionsCsv(minutes),
    mail: mailDraft(minutes, []),
    docx: documentXml ? strFromU8(documentXml) : null,
  };
}
process.stdout.write(JSON.stringify(out));
