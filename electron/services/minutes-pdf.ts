import { documentT } from '../../shared/i18n/documents';
import { headerFields, peopleText, type AgendaEntry, type BoardResult, type CardEntry, type Minutes, type TableResult } from '../../shared/minutes';
import { DOCUMENT_LANGUAGE } from '../../shared/minutes/format';
import { linkSpans } from '../../shared/minutes/links';
import { pdfFonts, type PdfFonts } from './pdf-fonts';
import { COLOURS, MM, PdfWriter, type Run, type Struct } from './pdf-writer';
import './pdfkit-patch';

/*
 * The minutes' PDF, drawn from the neutral minutes model with pdfkit in plain Node: the same
 * content, order and look as the HTML (shared/minutes/html.ts) and the DOCX, tagged for screen
 * readers, the sections as bookmarks, in the minutes' language, Inter embedded. The app's main
 * process, the CLI and the benchmarks all make it here; nothing is printed by a browser.
 * It replaced printing the HTML in Chromium: the 2,000-card workshop took 2–3.3 s that way,
 * about a third of it this way (docs/performance.md).
 */

export type MinutesPdfOptions = (
  | {
      /** The folder with Inter (pdf-fonts.ts): resources/fonts for the sources, the bundle's copy in the app. */
      fontDir: string;
    }
  | {
      /** The fonts as they are (tests: without the system's fallbacks, or with other ones). */
      fonts: PdfFonts;
    }
) & {
  /** The document's date and ID: by default when the minutes were written, so the same minutes give the same bytes. */
  creationDate?: Date;
};

/** A text as runs, its web addresses (links.ts decides which) as link runs. */
function linked(text: string, base: Omit<Run, 'text'> = {}): Run[] {
  return linkSpans(text).map((span) => ({ ...base, text: span.text, ...(span.link ? { link: span.link } : {}) }));
}

const muted = (text: string, size = 9): Run => ({ text, color: COLOURS.muted, size });

function cardRuns(card: CardEntry, texts: Minutes['texts']): Run[] {
  const extra = [card.author ? texts.byAuthor(card.author) : '', card.stakeholder ?? ''].filter(Boolean).join(' · ');
  return [...linked(card.text.trim()), ...(extra ? [muted(` — ${extra}`)] : [])];
}

function board(w: PdfWriter, minutes: Minutes, result: BoardResult, level: number): void {
  const { texts } = minutes;
  if (result.cardCount === 0 && result.rounds.length === 0) w.para([muted(texts.noCards, 10.5)]);
  for (const group of result.groups) {
    const section = sect(w);
    w.heading(level, group.title, section);
    w.list(
      group.cards.map((card) => cardRuns(card, texts)),
      { parent: section },
    );
    section.end();
  }
  if (result.loose.length > 0) {
    const section = sect(w);
    if (result.groups.length > 0) w.heading(level, texts.ungrouped, section);
    w.list(
      result.loose.map((card) => cardRuns(card, texts)),
      { parent: section },
    );
    section.end();
  }
  for (const round of result.rounds) {
    const section = sect(w);
    w.heading(level, texts.votes, section);
    w.para([muted(`${round.label}${round.open ? ` (${texts.voteOpen})` : ''}`)], { parent: section, after: 1 * MM });
    w.list(
      round.ranking.map((entry) => [{ text: `${entry.isGroup ? `${texts.group}: ` : ''}${entry.label}` }, { text: ` — ${texts.dots(entry.dots)}`, color: COLOURS.muted }]),
      { parent: section, label: (index) => `${round.ranking[index]?.rank ?? ''}.`, indent: 8 * MM },
    );
    if (round.more > 0) w.para([muted(texts.moreRanked(round.more))], { parent: section });
    section.end();
  }
}

function sect(w: PdfWriter): Struct {
  const section = w.doc.struct('Sect');
  w.root.add(section);
  return section;
}

function tableResult(w: PdfWriter, minutes: Minutes, table: TableResult, level: number): void {
  const { texts } = minutes;
  w.heading(level, texts.table(table.name));
  if (table.topic) w.para([{ text: `${texts.topic}: `, bold: true }, { text: table.topic }]);
  const seated = peopleText({ named: table.people.named.map((person) => person.name), unnamed: table.people.unnamed }, texts);
  if (seated) w.para([{ text: `${texts.atTable}: `, bold: true }, { text: seated }]);
  board(w, minutes, table.board, level + 1);
}

function agendaItem(w: PdfWriter, minutes: Minutes, item: AgendaEntry): void {
  const { texts } = minutes;
  w.heading(3, `${item.number}. ${item.title}`);
  w.para([muted(`${item.kind}${item.speaker ? ` · ${texts.speaker}: ${item.speaker}` : ''}`)], { after: 1 * MM });
  w.para([{ text: `${texts.planned}: ${item.planned} · ${texts.actual}: ${item.actual}`, size: 9.5 }]);
  if (item.task) w.para([{ text: `${texts.task}: `, bold: true }, ...linked(item.task.trim())]);
  // The line break opens the text's run: pdfkit drops one that ends a run continued by the next.
  if (item.notes.trim()) w.para([{ text: `${texts.notes}:`, bold: true }, ...linked(`\n${item.notes.trim()}`)], { indent: 3 * MM, bar: true });
  if (item.summary) w.para([{ text: `${texts.summary}:`, bold: true }, ...linked(`\n${item.summary}`)]);
  if (item.decisions.length > 0) {
    w.para([{ text: `${texts.decisions}:`, bold: true }], { after: 1 * MM });
    w.list(item.decisions.map((decision) => linked(decision)));
  }
  if (item.shown) {
    const where = item.shown.resultsAt !== null ? ` — ${texts.resultsAt(texts.itemRef(item.shown.resultsAt))}` : '';
    w.para([{ text: `${texts.shownInPlenary(item.shown.tables.join(', '))}${where}.` }]);
  }
  if (item.results) {
    w.heading(4, texts.results);
    board(w, minutes, item.results, 5);
  }
  for (const table of item.tables) tableResult(w, minutes, table, 4);
}

/** The header as the HTML's two columns: the terms bold on the left, their values beside them. */
function header(w: PdfWriter, minutes: Minutes): void {
  const fields = headerFields(minutes, {
    text: (value) => value,
    zone: (note) => note,
    person: (person) => (person.organisation ? `${person.name} (${person.organisation})` : person.name),
  });
  if (fields.length === 0) return;
  const rows = fields.map(([term, value]) => [[{ text: term }], linked(value)]);
  const termWidth = Math.min(w.width * 0.35, Math.max(...fields.map(([term]) => w.measure(term, 10.5, true))) + 6 * MM);
  w.table([{ width: termWidth }, { width: w.width - termWidth }], [], rows, { size: 10.5, scope: 'Row', headerRow: false, rules: false });
}

function actionTable(w: PdfWriter, minutes: Minutes): void {
  const { texts } = minutes;
  if (minutes.actions.length === 0) {
    w.para([muted(texts.noActions, 10.5)]);
    return;
  }
  const header = [texts.number, texts.what, texts.who, texts.organisation, texts.dueBy, texts.status];
  const dash = (text: string): Run[] => [{ text: text || '–' }];
  const rows = minutes.actions.map((action) => [
    [{ text: String(action.number) }],
    linked(action.title.trim() || '–'),
    dash(action.owner),
    dash(action.organisation),
    dash(action.dueText),
    [{ text: action.statusText, ...(action.status === 'done' ? { color: COLOURS.done } : {}) }],
  ]);
  const widths = w.columnWidths(header, rows, { stretch: 1 });
  w.table(
    widths.map((width, column) => ({ width, ...(column === 0 ? { align: 'right' as const } : {}) })),
    header,
    rows,
  );
}

/** "Seite 3 von 12" cut around its numbers, from the documents' texts (the DOCX footer's words). */
function pageLabel(minutes: Minutes): [string, string, string] {
  const template = documentT(minutes.language)('minutesFormat.pageOf', { page: '\u0000', pages: '\u0001' });
  const [before = '', rest = ''] = template.split('\u0000');
  const [between = '', after = ''] = rest.split('\u0001');
  return [before, between, after];
}

/** The minutes as a PDF (bytes). */
export async function renderMinutesPdf(minutes: Minutes, options: MinutesPdfOptions): Promise<Uint8Array> {
  const { texts } = minutes;
  const title = `${texts.documentTitle}: ${minutes.title}`;
  const w = new PdfWriter({
    fonts: 'fonts' in options ? options.fonts : pdfFonts(options.fontDir),
    language: DOCUMENT_LANGUAGE[minutes.language],
    title,
    author: minutes.moderator || 'Plenum',
    creationDate: options.creationDate ?? new Date(minutes.generatedAt),
    pageLabel: pageLabel(minutes),
  });

  w.heading(1, title);
  header(w, minutes);

  w.heading(2, texts.agenda);
  if (minutes.agenda.length === 0) w.para([muted(texts.noAgenda, 10.5)]);
  for (const item of minutes.agenda) agendaItem(w, minutes, item);

  const { further } = minutes;
  if (further.plenary || further.tables.length > 0) {
    w.heading(2, texts.furtherResults);
    w.para([muted(texts.furtherResultsHint)]);
    if (further.plenary) {
      w.heading(3, texts.plenaryResults);
      board(w, minutes, further.plenary, 4);
    }
    for (const table of further.tables) tableResult(w, minutes, table, 3);
  }

  // The heading stays with the table's header and first rows.
  w.heading(2, texts.actions, w.root, 6 * 9.5 * 1.45);
  actionTable(w, minutes);

  if (minutes.nextSteps.length > 0 || minutes.followUpText) {
    w.heading(2, texts.nextSteps);
    w.list(minutes.nextSteps.map((step) => linked(step)));
    if (minutes.followUpText) w.para([{ text: `${texts.followUp}: `, bold: true }, { text: minutes.followUpText }]);
  }
  if (minutes.parkingLot.length > 0) {
    w.heading(2, texts.parkingLot);
    w.list(minutes.parkingLot.map((question) => [...linked(question.text.trim()), ...(question.takenUp ? [muted(` — ${texts.takenUp}`)] : [])]));
  }
  w.space(6 * MM);
  w.rule();
  w.para([muted(minutes.generatedText, 8.5)]);
  return w.finish();
}
