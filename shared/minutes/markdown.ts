import { headerFields, peopleText, type ActionEntry, type AgendaEntry, type BoardResult, type CardEntry, type Minutes, type TableResult } from './model';
import { append } from './append';
import { oneLine } from './format';

/*
 * Markdown (CommonMark + GFM tables). Every text a participant typed is escaped, so a card
 * reading "# Wichtig" or "*nicht*" prints as written instead of turning into markup.
 */

/** Escapes inline markup only: for text that never starts a line. */
const mdInline = (text: string) => text.replace(/([\\`*_{}[\]<>|~])/g, '\\$1');

/** Escapes inline markup and the block markers a line could start with. */
export function mdEscape(text: string): string {
  return mdInline(text)
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_match, space: string, marker: string) => `${space}${marker.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+=-])$/, '\\$1')}`))
    .join('\n');
}

/** A possibly multi-line text inside a list item: hard line breaks, continuation indented. */
const inItem = (text: string, indent = '  ') => mdEscape(text.trim()).split('\n').join(`  \n${indent}`);

/** A cell of a GFM table: one line, pipes escaped (by mdEscape). */
const cell = (text: string) => mdEscape(oneLine(text)) || '–';

function cardLine(card: CardEntry, texts: Minutes['texts']): string {
  const extra = [card.author ? texts.byAuthor(mdEscape(card.author)) : '', card.stakeholder ? mdEscape(card.stakeholder) : ''].filter(Boolean).join(' · ');
  return `- ${inItem(card.text)}${extra ? ` — *${extra}*` : ''}`;
}

function board(result: BoardResult, minutes: Minutes, level: number): string[] {
  const { texts } = minutes;
  const heading = '#'.repeat(level);
  const out: string[] = [];
  if (result.cardCount === 0 && result.rounds.length === 0) out.push(texts.noCards, '');
  for (const group of result.groups) {
    out.push(`${heading} ${mdEscape(group.title)}`, '');
    for (const card of group.cards) out.push(cardLine(card, texts));
    out.push('');
  }
  if (result.loose.length > 0) {
    if (result.groups.length > 0) out.push(`${heading} ${texts.ungrouped}`, '');
    for (const card of result.loose) out.push(cardLine(card, texts));
    out.push('');
  }
  for (const round of result.rounds) {
    out.push(`${heading} ${texts.votes}`, '', `${round.label}${round.open ? ` (${texts.voteOpen})` : ''}`, '');
    if (round.ranking.length > 0 || round.removed > 0) {
      for (const entry of round.ranking) out.push(`- **${entry.rank}.** ${entry.isGroup ? `${texts.group}: ` : ''}${mdEscape(entry.label)} — ${texts.dots(entry.dots)}`);
      if (round.more > 0) out.push(`- *${texts.moreRanked(round.more)}*`);
      if (round.removed > 0) out.push(`- *${texts.removedDots(round.removed)}*`);
      out.push('');
    }
  }
  return out;
}

function actionTable(actions: readonly ActionEntry[], minutes: Minutes): string[] {
  const { texts } = minutes;
  if (actions.length === 0) return [texts.noActions, ''];
  return [
    `| ${texts.number} | ${texts.what} | ${texts.who} | ${texts.organisation} | ${texts.dueBy} | ${texts.status} |`,
    '| --: | --- | --- | --- | --- | --- |',
    ...actions.map((action) => `| ${action.number} | ${cell(action.title)} | ${cell(action.owner)} | ${cell(action.organisation)} | ${action.dueText || '–'} | ${action.statusText} |`),
    '',
  ];
}

function header(minutes: Minutes): string[] {
  const fields = headerFields(minutes, {
    // After "**Term:** ", on one line: no value starts a line.
    text: (value) => mdInline(oneLine(value)),
    zone: (note) => note,
    person: (person) => mdInline(oneLine(person.organisation ? `${person.name} (${person.organisation})` : person.name)),
  });
  return [...fields.map(([term, value]) => `- **${term}:** ${value}`), ''];
}

function tableResult(table: TableResult, minutes: Minutes, level: number): string[] {
  const { texts } = minutes;
  const out = [`${'#'.repeat(level)} ${mdEscape(texts.table(table.name))}`, ''];
  if (table.topic) out.push(`**${texts.topic}:** ${mdEscape(table.topic)}`, '');
  const seated = peopleText({ named: table.people.named.map((person) => mdEscape(person.name)), unnamed: table.people.unnamed }, texts);
  if (seated) out.push(`**${texts.atTable}:** ${seated}`, '');
  append(out, board(table.board, minutes, level + 1));
  return out;
}

function agendaItem(item: AgendaEntry, minutes: Minutes): string[] {
  const { texts } = minutes;
  const out = [`### ${item.number}. ${mdEscape(item.title)}`, ''];
  out.push(`*${item.kind}${item.speaker ? ` · ${texts.speaker}: ${mdEscape(item.speaker)}` : ''}*  `, `${texts.planned}: ${item.planned} · ${texts.actual}: ${item.actual}`, '');
  if (item.task) out.push(`**${texts.task}:** ${inItem(item.task, '')}`, '');
  if (item.notes.trim()) out.push(`**${texts.notes}:**`, '', mdEscape(item.notes.trim()).split('\n').join('  \n'), '');
  if (item.summary) out.push(`**${texts.summary}:**`, '', mdEscape(item.summary).split('\n').join('  \n'), '');
  if (item.decisions.length > 0) out.push(`**${texts.decisions}:**`, '', ...item.decisions.map((decision) => `- ${inItem(decision)}`), '');
  if (item.results) {
    out.push(`#### ${texts.results}`, '');
    append(out, board(item.results, minutes, 5));
  }
  for (const table of item.tables) append(out, tableResult(table, minutes, 4));
  if (item.shown) {
    const where = item.shown.resultsAt !== null ? ` — ${texts.resultsAt(texts.itemRef(item.shown.resultsAt))}` : '';
    out.push(`${texts.shownInPlenary(item.shown.tables.map(mdEscape).join(', '))}${where}.`, '');
  }
  return out;
}

/** The minutes as a Markdown document (LF line ends, ends with one newline). */
export function renderMarkdown(minutes: Minutes): string {
  const { texts } = minutes;
  const out: string[] = [`# ${texts.documentTitle}: ${mdEscape(minutes.title)}`, ''];
  append(out, header(minutes));

  out.push(`## ${texts.agenda}`, '');
  if (minutes.agenda.length === 0) out.push(texts.noAgenda, '');
  for (const item of minutes.agenda) append(out, agendaItem(item, minutes));

  const { further } = minutes;
  if (further.plenary || further.tables.length > 0) {
    out.push(`## ${texts.furtherResults}`, '', `*${texts.furtherResultsHint}*`, '');
    if (further.plenary) {
      out.push(`### ${texts.plenaryResults}`, '');
      append(out, board(further.plenary, minutes, 4));
    }
    for (const table of further.tables) append(out, tableResult(table, minutes, 3));
  }

  out.push(`## ${texts.actions}`, '');
  append(out, actionTable(minutes.actions, minutes));

  if (minutes.nextSteps.length > 0 || minutes.followUpText) {
    out.push(`## ${texts.nextSteps}`, '');
    if (minutes.nextSteps.length > 0) out.push(...minutes.nextSteps.map((step) => `- ${mdEscape(step)}`), '');
    if (minutes.followUpText) out.push(`**${texts.followUp}:** ${minutes.followUpText}`, '');
  }

  if (minutes.parkingLot.length > 0) {
    out.push(`## ${texts.parkingLot}`, '');
    for (const question of minutes.parkingLot) out.push(`- [${question.takenUp ? 'x' : ' '}] ${inItem(question.text, '      ')}${question.takenUp ? ` — *${texts.takenUp}*` : ''}`);
    out.push('');
  }
  out.push('---', '', `*${mdEscape(minutes.generatedText)}*`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
