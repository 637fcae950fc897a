import { contentColumnWidths, type TableType } from './column-widths';
import { linkAddresses } from './links';
import { headerFields, peopleText, type AgendaEntry, type BoardResult, type CardEntry, type Minutes, type TableResult } from './model';

/*
 * HTML minutes: one self-contained file (no script, no external resource: it is mailed and
 * opened offline) with a print stylesheet for A4, so the same page is the preview in the app,
 * what the web app prints to PDF, and a file people can open in any browser. The desktop app and
 * the CLI draw their PDF from the minutes model instead (electron/services/minutes-pdf.ts), in
 * the same layout.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Escaped text whose line breaks stay line breaks and whose web addresses are links. */
const lines = (text: string) => linkAddresses(htmlEscape(text.trim())).replace(/\r?\n/g, '<br>');

const MINUTES_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: Inter, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d232b; margin: 0 auto; max-width: 180mm; padding: 12mm 0; background: #fff; overflow-wrap: anywhere; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 20pt; margin: 0 0 2mm; line-height: 1.2; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #2b5fab; color: #1f467f; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h5 { font-size: 10pt; margin: 3mm 0 1mm; color: #3a4350; break-after: avoid; }
p { margin: 0 0 2mm; }
.generated { color: #5b6573; font-size: 8.5pt; margin-top: 8mm; border-top: 0.2mm solid #c9d0d9; padding-top: 2mm; }
.number { text-align: right; width: 8mm; }
dl.event { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
dl.event dt { font-weight: 600; }
dl.event { margin-bottom: 4mm; }
dl.event dd { margin: 0; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
li { margin: 0 0 1mm; break-inside: avoid; }
.muted { color: #5b6573; }
.meta { color: #5b6573; font-size: 9pt; }
.agenda-item { margin-bottom: 3mm; orphans: 3; widows: 3; }
.agenda-times { font-size: 9.5pt; }
.notes { border-left: 0.8mm solid #d5dbe3; padding-left: 3mm; margin: 1.5mm 0 0; }
.summary, .decisions-label, .shown { margin-top: 2mm; }
.group { break-inside: avoid; }
ol.ranking { list-style: none; padding-left: 0; }
ol.ranking li { display: grid; grid-template-columns: 8mm 1fr max-content; gap: 2mm; }
ol.ranking .rank { font-weight: 700; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
table.actions { table-layout: fixed; }
/* A word longer than its column breaks at a syllable where the reader hyphenates (Firefox; Chromium on Windows and macOS); a name never does. */
table.actions td { hyphens: auto; }
table.actions td.name { hyphens: manual; }
th, td { text-align: left; vertical-align: top; padding: 1.5mm 2mm; border-bottom: 0.2mm solid #c9d0d9; }
th { background: #eef2f7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.status-done { color: #2d6a3e; }
`;

/**
 * The action items' columns are sized to their words (column-widths.ts), as in the DOCX: left to
 * the browser, a table of text whose body breaks anywhere (long addresses) gives the title all the
 * room and breaks "Erledi|gt" and "19.01.2|024". Twips of the page's 180 mm at 9.5 pt, a character
 * as wide as in DejaVu Sans (0.64 em for digits): the file does not carry Inter, and a reader
 * without it gets a font about that wide; padding 2 mm a side.
 */
const TABLE_WIDTH = 10_205;
const HTML_TABLE: TableType = { narrow: 122, wide: 128, boldExtra: 12, padding: 227 };

/** Page numbers for a browser printing the HTML (the web app's "Save as PDF"), in the page's own margin box. */
export const PAGE_NUMBERS_STYLE = `<style>@page { @bottom-center { content: counter(page) " / " counter(pages); font-family: Inter, sans-serif; font-size: 8pt; color: #5b6573; } }</style>`;

function card(entry: CardEntry, texts: Minutes['texts']): string {
  const extra = [entry.author ? texts.byAuthor(entry.author) : '', entry.stakeholder ?? ''].filter(Boolean).map(htmlEscape).join(' · ');
  return `<li>${lines(entry.text)}${extra ? ` <span class="meta">— ${extra}</span>` : ''}</li>`;
}

function board(result: BoardResult, minutes: Minutes, level: number): string {
  const { texts } = minutes;
  const h = `h${level}`;
  const out: string[] = [];
  if (result.cardCount === 0 && result.rounds.length === 0) out.push(`<p class="muted">${texts.noCards}</p>`);
  for (const group of result.groups) {
    out.push(`<section class="group"><${h}>${htmlEscape(group.title)}</${h}><ul>${group.cards.map((entry) => card(entry, texts)).join('')}</ul></section>`);
  }
  if (result.loose.length > 0) {
    out.push(`<section class="group">${result.groups.length > 0 ? `<${h}>${texts.ungrouped}</${h}>` : ''}<ul>${result.loose.map((entry) => card(entry, texts)).join('')}</ul></section>`);
  }
  for (const round of result.rounds) {
    const ranking = round.ranking
      .map((entry) => `<li><span class="rank">${entry.rank}.</span><span>${entry.isGroup ? `${texts.group}: ` : ''}${htmlEscape(entry.label)}</span><span>${texts.dots(entry.dots)}</span></li>`)
      .join('');
    const more = (round.more > 0 ? `<p class="meta">${texts.moreRanked(round.more)}</p>` : '') + (round.removed > 0 ? `<p class="meta">${texts.removedDots(round.removed)}</p>` : '');
    out.push(`<section class="group"><${h}>${texts.votes}</${h}><p class="meta">${htmlEscape(round.label)}${round.open ? ` (${texts.voteOpen})` : ''}</p>${ranking ? `<ol class="ranking">${ranking}</ol>` : ''}${more}</section>`);
  }
  return out.join('\n');
}

function header(minutes: Minutes): string {
  const fields = headerFields(minutes, {
    text: lines,
    zone: (note) => `<span class="meta">${htmlEscape(note)}</span>`,
    person: (person) => `${htmlEscape(person.name)}${person.organisation ? ` <span class="meta">(${htmlEscape(person.organisation)})</span>` : ''}`,
  });
  return fields.length > 0 ? `<dl class="event">${fields.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>` : '';
}

function tableResult(table: TableResult, minutes: Minutes, level: number): string {
  const { texts } = minutes;
  const seated = peopleText({ named: table.people.named.map((person) => htmlEscape(person.name)), unnamed: table.people.unnamed }, texts);
  return [
    `<section class="table-result"><h${level}>${htmlEscape(texts.table(table.name))}</h${level}>`,
    table.topic ? `<p><strong>${texts.topic}:</strong> ${htmlEscape(table.topic)}</p>` : '',
    seated ? `<p><strong>${texts.atTable}:</strong> ${seated}</p>` : '',
    board(table.board, minutes, level + 1),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** An agenda item as top-level blocks: its head (kept together on a page), then its results and its tables' results. */
function agendaItem(item: AgendaEntry, minutes: Minutes, body: string[]): void {
  const { texts } = minutes;
  body.push(
    [
      `<section class="agenda-item"><h3>${item.number}. ${htmlEscape(item.title)}</h3>`,
      `<p class="meta">${htmlEscape(item.kind)}${item.speaker ? ` · ${texts.speaker}: ${htmlEscape(item.speaker)}` : ''}</p>`,
      `<p class="agenda-times">${texts.planned}: ${htmlEscape(item.planned)} · ${texts.actual}: ${htmlEscape(item.actual)}</p>`,
      item.task ? `<p><strong>${texts.task}:</strong> ${lines(item.task)}</p>` : '',
      item.notes.trim() ? `<p class="notes"><strong>${texts.notes}:</strong><br>${lines(item.notes)}</p>` : '',
      item.summary ? `<p class="summary"><strong>${texts.summary}:</strong><br>${lines(item.summary)}</p>` : '',
      item.decisions.length > 0 ? `<p class="decisions-label"><strong>${texts.decisions}:</strong></p><ul class="decisions">${item.decisions.map((decision) => `<li>${htmlEscape(decision)}</li>`).join('')}</ul>` : '',
      item.shown
        ? `<p class="shown">${htmlEscape(texts.shownInPlenary(item.shown.tables.join(', ')))}${item.shown.resultsAt !== null ? ` — ${htmlEscape(texts.resultsAt(texts.itemRef(item.shown.resultsAt)))}` : ''}.</p>`
        : '',
      '</section>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (item.results) body.push(`<section class="item-results"><h4>${texts.results}</h4>\n${board(item.results, minutes, 5)}\n</section>`);
  for (const table of item.tables) body.push(tableResult(table, minutes, 4));
}

/** The minutes as one self-contained HTML document, print-ready for A4. */
export function renderHtml(minutes: Minutes): string {
  const { texts } = minutes;
  const title = `${texts.documentTitle}: ${minutes.title}`;
  const body: string[] = [`<h1>${htmlEscape(title)}</h1>`, header(minutes)];

  body.push(`<h2>${texts.agenda}</h2>`);
  if (minutes.agenda.length === 0) body.push(`<p class="muted">${texts.noAgenda}</p>`);
  for (const item of minutes.agenda) agendaItem(item, minutes, body);

  const { further } = minutes;
  if (further.plenary || further.tables.length > 0) {
    body.push(`<h2>${texts.furtherResults}</h2>`, `<p class="meta">${texts.furtherResultsHint}</p>`);
    if (further.plenary) body.push(`<section class="item-results"><h3>${texts.plenaryResults}</h3>\n${board(further.plenary, minutes, 4)}\n</section>`);
    for (const table of further.tables) body.push(tableResult(table, minutes, 3));
  }

  body.push(`<h2>${texts.actions}</h2>`);
  if (minutes.actions.length === 0) body.push(`<p class="muted">${texts.noActions}</p>`);
  else {
    const rows = minutes.actions
      .map(
        (action) =>
          `<tr><td class="number">${action.number}</td><td>${lines(action.title)}</td><td class="name">${htmlEscape(action.owner) || '–'}</td><td class="name">${htmlEscape(action.organisation) || '–'}</td><td>${action.dueText || '–'}</td><td class="status-${action.status}">${action.statusText}</td></tr>`,
      )
      .join('\n');
    const header = [texts.number, texts.what, texts.who, texts.organisation, texts.dueBy, texts.status];
    const cells = minutes.actions.map((action) => [String(action.number), action.title, action.owner || '–', action.organisation || '–', action.dueText || '–', action.statusText]);
    const widths = contentColumnWidths(header, cells, TABLE_WIDTH, [2, 3], HTML_TABLE);
    const columns = widths.map((width) => `<col style="width: ${((100 * width) / TABLE_WIDTH).toFixed(2)}%">`).join('');
    body.push(
      `<table class="actions"><colgroup>${columns}</colgroup><thead><tr><th class="number">${texts.number}</th><th>${texts.what}</th><th>${texts.who}</th><th>${texts.organisation}</th><th>${texts.dueBy}</th><th>${texts.status}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    );
  }

  if (minutes.nextSteps.length > 0 || minutes.followUpText) {
    body.push(`<h2>${texts.nextSteps}</h2>`);
    if (minutes.nextSteps.length > 0) body.push(`<ul class="next-steps">${minutes.nextSteps.map((step) => `<li>${htmlEscape(step)}</li>`).join('')}</ul>`);
    if (minutes.followUpText) body.push(`<p><strong>${texts.followUp}:</strong> ${htmlEscape(minutes.followUpText)}</p>`);
  }

  if (minutes.parkingLot.length > 0) {
    body.push(
      `<h2>${texts.parkingLot}</h2>`,
      `<ul class="parking-lot">${minutes.parkingLot.map((question) => `<li>${lines(question.text)}${question.takenUp ? ` <span class="meta">— ${texts.takenUp}</span>` : ''}</li>`).join('')}</ul>`,
    );
  }
  body.push(`<p class="generated">${htmlEscape(minutes.generatedText)}</p>`);

  return `<!doctype html>
<html lang="${minutes.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>${MINUTES_CSS}</style>
${PAGE_NUMBERS_STYLE}
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}
