import { Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild, type Table } from 'docx';
import { append } from './append';
import { contentTable, docxDocumentOptions, NAME_RUN, UnhyphenatedParagraph } from './docx-layout';
import { headerFields, peopleText, type AgendaEntry, type BoardResult, type CardEntry, type Minutes, type TableResult } from './model';

/*
 * DOCX minutes (the `docx` package), for organisers who edit the minutes before sending them.
 * Same content and order as the HTML; built from Word's own heading and list styles, so the
 * navigation pane and a table of contents work.
 */

/** Runs of a multi-line text: one run per line with breaks in between. */
function textRuns(text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [new TextRun(text)] });
const para = (children: ParagraphChild[]) => new Paragraph({ children });
const bullet = (children: ParagraphChild[]) => new Paragraph({ bullet: { level: 0 }, children });
const MUTED = '5B6573';
const muted = (text: string) => new TextRun({ text, color: MUTED });

/** "by Anna Becker" with the name in a run of its own, not hyphenated (NAME_RUN): the words around it come from the texts. */
const AUTHOR_MARK = '\u0000author\u0000';
function byAuthor(author: string, texts: Minutes['texts']): TextRun[] {
  const [before = '', after = ''] = texts.byAuthor(AUTHOR_MARK).split(AUTHOR_MARK);
  return [...(before ? [muted(before)] : []), new TextRun({ text: author, color: MUTED, ...NAME_RUN }), ...(after ? [muted(after)] : [])];
}

function card(entry: CardEntry, texts: Minutes['texts']): Paragraph {
  if (!entry.author && !entry.stakeholder) return bullet(textRuns(entry.text));
  const author = entry.author ? byAuthor(entry.author, texts) : [];
  const stakeholder = entry.stakeholder ? [muted(`${author.length > 0 ? ' · ' : ''}${entry.stakeholder}`)] : [];
  return bullet([...textRuns(entry.text), muted(' — '), ...author, ...stakeholder]);
}

function board(result: BoardResult, minutes: Minutes, groupLevel: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph[] {
  const { texts } = minutes;
  const out: Paragraph[] = [];
  if (result.cardCount === 0 && result.rounds.length === 0) out.push(para([muted(texts.noCards)]));
  for (const group of result.groups) {
    out.push(heading(group.title, groupLevel));
    for (const entry of group.cards) out.push(card(entry, texts));
  }
  if (result.loose.length > 0) {
    if (result.groups.length > 0) out.push(heading(texts.ungrouped, groupLevel));
    for (const entry of result.loose) out.push(card(entry, texts));
  }
  for (const round of result.rounds) {
    out.push(heading(texts.votes, groupLevel), para([muted(`${round.label}${round.open ? ` (${texts.voteOpen})` : ''}`)]));
    for (const entry of round.ranking) {
      out.push(para([new TextRun({ text: `${entry.rank}. `, bold: true }), new TextRun(`${entry.isGroup ? `${texts.group}: ` : ''}${entry.label}`), muted(` — ${texts.dots(entry.dots)}`)]));
    }
    if (round.more > 0) out.push(para([muted(texts.moreRanked(round.more))]));
    if (round.removed > 0) out.push(para([muted(texts.removedDots(round.removed))]));
  }
  return out;
}

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const LEVELS: readonly Level[] = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const level = (n: number): Level => LEVELS[Math.min(Math.max(n, 1), LEVELS.length) - 1] ?? HeadingLevel.HEADING_6;

const field = (term: string, value: string) => para([new TextRun({ text: `${term}: `, bold: true }), ...textRuns(value)]);
/** A field that lists people and organisations (who was there, who moderated): not hyphenated, so no name is broken. */
const namesField = (term: string, value: string) => new UnhyphenatedParagraph({ children: [new TextRun({ text: `${term}: `, bold: true }), ...textRuns(value)] });

function header(minutes: Minutes): Paragraph[] {
  const fields = headerFields(minutes, {
    text: (value) => value,
    zone: (note) => note,
    person: (person) => (person.organisation ? `${person.name} (${person.organisation})` : person.name),
  });
  // The header's fields are short; the long ones are lists of names (who was there, who was excused).
  return fields.map(([term, value]) => namesField(term, value));
}

function tableResult(table: TableResult, minutes: Minutes, depth: number): Paragraph[] {
  const { texts } = minutes;
  const out = [heading(texts.table(table.name), level(depth))];
  if (table.topic) out.push(field(texts.topic, table.topic));
  const seated = peopleText({ named: table.people.named.map((person) => person.name), unnamed: table.people.unnamed }, texts);
  if (seated) out.push(namesField(texts.atTable, seated));
  append(out, board(table.board, minutes, level(depth + 1)));
  return out;
}

function agendaItem(item: AgendaEntry, minutes: Minutes): Paragraph[] {
  const { texts } = minutes;
  const out = [
    heading(`${item.number}. ${item.title}`, HeadingLevel.HEADING_2),
    para([muted(`${item.kind}${item.speaker ? ` · ${texts.speaker}: ${item.speaker}` : ''}`)]),
    para([new TextRun(`${texts.planned}: ${item.planned} · ${texts.actual}: ${item.actual}`)]),
  ];
  if (item.task) out.push(field(texts.task, item.task));
  if (item.notes.trim()) out.push(field(texts.notes, item.notes));
  if (item.summary) out.push(field(texts.summary, item.summary));
  if (item.decisions.length > 0) {
    out.push(para([new TextRun({ text: `${texts.decisions}:`, bold: true })]));
    for (const decision of item.decisions) out.push(bullet(textRuns(decision)));
  }
  if (item.shown) {
    const where = item.shown.resultsAt !== null ? ` — ${texts.resultsAt(texts.itemRef(item.shown.resultsAt))}` : '';
    out.push(para([new TextRun(`${texts.shownInPlenary(item.shown.tables.join(', '))}${where}.`)]));
  }
  if (item.results) {
    out.push(heading(texts.results, HeadingLevel.HEADING_3));
    append(out, board(item.results, minutes, HeadingLevel.HEADING_4));
  }
  for (const table of item.tables) append(out, tableResult(table, minutes, 3));
  return out;
}

/** The minutes as a DOCX file. */
export async function renderDocx(minutes: Minutes): Promise<Uint8Array<ArrayBuffer>> {
  const { texts } = minutes;
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${texts.documentTitle}: ${minutes.title}`)] }), ...header(minutes)];

  children.push(heading(texts.agenda, HeadingLevel.HEADING_1));
  if (minutes.agenda.length === 0) children.push(para([muted(texts.noAgenda)]));
  for (const item of minutes.agenda) append(children, agendaItem(item, minutes));

  const { further } = minutes;
  if (further.plenary || further.tables.length > 0) {
    children.push(heading(texts.furtherResults, HeadingLevel.HEADING_1), para([muted(texts.furtherResultsHint)]));
    if (further.plenary) {
      children.push(heading(texts.plenaryResults, HeadingLevel.HEADING_2));
      append(children, board(further.plenary, minutes, HeadingLevel.HEADING_3));
    }
    for (const table of further.tables) append(children, tableResult(table, minutes, 2));
  }

  children.push(heading(texts.actions, HeadingLevel.HEADING_1));
  if (minutes.actions.length === 0) children.push(para([muted(texts.noActions)]));
  else {
    children.push(
      contentTable(
        [texts.number, texts.what, texts.who, texts.organisation, texts.dueBy, texts.status],
        minutes.actions.map((action) => [String(action.number), action.title, action.owner, action.organisation, action.dueText, action.statusText]),
        { names: [2, 3] },
      ),
    );
  }

  if (minutes.nextSteps.length > 0 || minutes.followUpText) {
    children.push(heading(texts.nextSteps, HeadingLevel.HEADING_1));
    for (const step of minutes.nextSteps) children.push(bullet(textRuns(step)));
    if (minutes.followUpText) children.push(field(texts.followUp, minutes.followUpText));
  }

  if (minutes.parkingLot.length > 0) {
    children.push(heading(texts.parkingLot, HeadingLevel.HEADING_1));
    for (const question of minutes.parkingLot) children.push(bullet([...textRuns(question.text), ...(question.takenUp ? [muted(` — ${texts.takenUp}`)] : [])]));
  }
  children.push(para([muted(minutes.generatedText)]));

  const document = new Document(docxDocumentOptions({ language: minutes.language, title: `${texts.documentTitle}: ${minutes.title}`, author: minutes.moderator, children }));
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
