import { Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild, type Table } from 'docx';
import { append } from './append';
import { contentTable, docxDocumentOptions } from './docx-layout';
import { seatedText, type BoardResult, type CardEntry, type Minutes } from './model';

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
const muted = (text: string) => new TextRun({ text, color: '5B6573' });

function card(entry: CardEntry, texts: Minutes['texts']): Paragraph {
  const extra = [entry.author ? texts.byAuthor(entry.author) : '', entry.stakeholder ?? ''].filter(Boolean).join(' · ');
  return bullet([...textRuns(entry.text), ...(extra ? [muted(` — ${extra}`)] : [])]);
}

function board(result: BoardResult, minutes: Minutes, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph[] {
  const { texts } = minutes;
  const out: Paragraph[] = [];
  if (result.cardCount === 0) out.push(para([muted(texts.noCards)]));
  for (const group of result.groups) {
    out.push(heading(group.title, level));
    for (const entry of group.cards) out.push(card(entry, texts));
  }
  if (result.loose.length > 0) {
    if (result.groups.length > 0) out.push(heading(texts.ungrouped, level));
    for (const entry of result.loose) out.push(card(entry, texts));
  }
  for (const round of result.rounds) {
    out.push(heading(texts.votes, level), para([muted(`${round.label}${round.open ? ` (${texts.voteOpen})` : ''}`)]));
    for (const entry of round.ranking) {
      out.push(para([new TextRun({ text: `${entry.rank}. `, bold: true }), new TextRun(`${entry.isGroup ? `${texts.group}: ` : ''}${entry.label}`), muted(` — ${texts.dots(entry.dots)}`)]));
    }
    if (round.more > 0) out.push(para([muted(texts.moreRanked(round.more))]));
  }
  return out;
}

/** The minutes as a DOCX file. */
export async function renderDocx(minutes: Minutes): Promise<Uint8Array<ArrayBuffer>> {
  const { texts, participants } = minutes;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${texts.documentTitle}: ${minutes.title}`)] }),
    para([muted(minutes.generatedText)]),
    heading(texts.event, HeadingLevel.HEADING_1),
  ];
  for (const [term, value] of [
    [texts.date, minutes.dateText],
    [texts.venue, minutes.venue],
    [texts.room, minutes.room],
  ] as const) {
    if (value) children.push(para([new TextRun({ text: `${term}: `, bold: true }), new TextRun(value)]));
  }

  children.push(heading(texts.participants, HeadingLevel.HEADING_1));
  if (participants.total === 0) children.push(para([muted(texts.noParticipants)]));
  else {
    children.push(para([new TextRun(texts.participantsSummary(participants.total, participants.attended))]));
    for (const person of participants.named) {
      const details = [person.organisation, person.stakeholder].filter(Boolean).join(', ');
      children.push(bullet([new TextRun(person.name), ...(details ? [muted(` (${details})`)] : [])]));
    }
    if (participants.unnamed > 0) children.push(bullet([muted(texts.notNamed(participants.unnamed))]));
  }

  children.push(heading(texts.agenda, HeadingLevel.HEADING_1));
  if (minutes.agenda.length === 0) children.push(para([muted(texts.noAgenda)]));
  minutes.agenda.forEach((item, index) => {
    children.push(heading(`${index + 1}. ${item.title}`, HeadingLevel.HEADING_2));
    children.push(para([muted(`${item.kind}${item.speaker ? ` · ${texts.speaker}: ${item.speaker}` : ''}`)]));
    children.push(para([new TextRun(`${texts.planned}: ${item.planned} · ${texts.actual}: ${item.actual}`)]));
    if (item.task) children.push(para([new TextRun({ text: `${texts.task}: `, bold: true }), ...textRuns(item.task)]));
    if (item.notes.trim()) children.push(para([new TextRun({ text: `${texts.notes}: `, bold: true }), ...textRuns(item.notes)]));
  });

  children.push(heading(texts.plenary, HeadingLevel.HEADING_1));
  append(children, board(minutes.plenary, minutes, HeadingLevel.HEADING_2));

  children.push(heading(texts.tables, HeadingLevel.HEADING_1));
  if (minutes.tables.length === 0) children.push(para([muted(texts.noTables)]));
  for (const table of minutes.tables) {
    children.push(heading(texts.table(table.name), HeadingLevel.HEADING_2));
    if (table.topic) children.push(para([new TextRun({ text: `${texts.topic}: `, bold: true }), new TextRun(table.topic)]));
    const seated = seatedText(table.people, texts);
    if (seated) children.push(para([new TextRun({ text: `${texts.atTable}: `, bold: true }), new TextRun(seated)]));
    append(children, board(table.board, minutes, HeadingLevel.HEADING_3));
  }

  children.push(heading(texts.actions, HeadingLevel.HEADING_1));
  if (minutes.actions.length === 0) children.push(para([muted(texts.noActions)]));
  else {
    children.push(
      contentTable(
        [texts.action, texts.owner, texts.due, texts.status, texts.source],
        minutes.actions.map((action) => [action.title, action.owner, action.dueText, action.statusText, action.source]),
      ),
    );
  }

  children.push(heading(texts.nextSteps, HeadingLevel.HEADING_1));
  if (minutes.nextSteps.length === 0) children.push(para([muted(texts.noNextSteps)]));
  for (const step of minutes.nextSteps) {
    children.push(bullet([...(step.dueText ? [new TextRun({ text: `${step.dueText}: `, bold: true })] : []), ...textRuns(step.title), ...(step.owner ? [muted(` — ${step.owner}`)] : [])]));
  }

  if (minutes.parkingLot.length > 0) {
    children.push(heading(texts.parkingLot, HeadingLevel.HEADING_1));
    for (const question of minutes.parkingLot) children.push(bullet([...textRuns(question.text), ...(question.takenUp ? [muted(` — ${texts.takenUp}`)] : [])]));
  }

  const document = new Document(docxDocumentOptions({ language: minutes.language, title: `${texts.documentTitle}: ${minutes.title}`, author: minutes.moderator, children }));
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
