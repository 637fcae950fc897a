import { seatedText, type ActionEntry, type BoardResult, type CardEntry, type Minutes } from './model';
import { append } from './append';
import { oneLine } from './format';

/*
 * Markdown (CommonMark + GFM tables). Every text a participant typed is escaped, so a card
 * reading "# Wichtig" or "*nicht*" prints as written instead of turning into markup.
 */

/** Escapes inline markup and the block markers a line could start with. */
export function mdEscape(text: string): string {
  return text
    .replace(/([\\`*_{}[\]<>|~])/g, '\\$1')
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
  if (result.cardCount === 0) out.push(texts.noCards, '');
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
    if (round.ranking.length > 0) {
      for (const entry of round.ranking) out.push(`- **${entry.rank}.** ${entry.isGroup ? `${texts.group}: ` : ''}${mdEscape(entry.label)} — ${texts.dots(entry.dots)}`);
      if (round.more > 0) out.push(`- *${texts.moreRanked(round.more)}*`);
      out.push('');
    }
  }
  return out;
}

function actionTable(actions: readonly ActionEntry[], minutes: Minutes): string[] {
  const { texts } = minutes;
  if (actions.length === 0) return [texts.noActions, ''];
  return [
    `| ${texts.action} | ${texts.owner} | ${texts.due} | ${texts.status} | ${texts.source} |`,
    '| --- | --- | --- | --- | --- |',
    ...actions.map((action) => `| ${cell(action.title)} | ${cell(action.owner)} | ${action.dueText || '–'} | ${action.statusText} | ${cell(action.source)} |`),
    '',
  ];
}

/** The minutes as a Markdown document (LF line ends, ends with one newline). */
export function renderMarkdown(minutes: Minutes): string {
  const { texts } = minutes;
  const out: string[] = [`# ${texts.documentTitle}: ${mdEscape(minutes.title)}`, '', `*${mdEscape(minutes.generatedText)}*`, ''];

  out.push(`## ${texts.event}`, '');
  if (minutes.dateText) out.push(`- **${texts.date}:** ${minutes.dateText}`);
  if (minutes.venue) out.push(`- **${texts.venue}:** ${mdEscape(minutes.venue)}`);
  if (minutes.room) out.push(`- **${texts.room}:** ${mdEscape(minutes.room)}`);
  out.push('');

  const { participants } = minutes;
  out.push(`## ${texts.participants}`, '');
  if (participants.total === 0) out.push(texts.noParticipants, '');
  else {
    out.push(texts.participantsSummary(participants.total, participants.attended), '');
    for (const person of participants.named) {
      const details = [person.organisation, person.stakeholder].filter(Boolean).map(mdEscape).join(', ');
      out.push(`- ${mdEscape(person.name)}${details ? ` (${details})` : ''}`);
    }
    if (participants.unnamed > 0) out.push(`- *${texts.notNamed(participants.unnamed)}*`);
    out.push('');
  }

  out.push(`## ${texts.agenda}`, '');
  if (minutes.agenda.length === 0) out.push(texts.noAgenda, '');
  minutes.agenda.forEach((item, index) => {
    out.push(`### ${index + 1}. ${mdEscape(item.title)}`, '');
    out.push(`- ${item.kind}${item.speaker ? ` · ${texts.speaker}: ${mdEscape(item.speaker)}` : ''}`);
    out.push(`- ${texts.planned}: ${item.planned} · ${texts.actual}: ${item.actual}`);
    if (item.task) out.push(`- ${texts.task}: ${inItem(item.task)}`);
    out.push('');
    if (item.notes.trim()) out.push(`**${texts.notes}:**`, '', mdEscape(item.notes.trim()).split('\n').join('  \n'), '');
  });

  out.push(`## ${texts.plenary}`, '');
  append(out, board(minutes.plenary, minutes, 3));

  out.push(`## ${texts.tables}`, '');
  if (minutes.tables.length === 0) out.push(texts.noTables, '');
  for (const table of minutes.tables) {
    out.push(`### ${mdEscape(texts.table(table.name))}`, '');
    if (table.topic) out.push(`**${texts.topic}:** ${mdEscape(table.topic)}`, '');
    const seated = seatedText({ named: table.people.named.map(mdEscape), unnamed: table.people.unnamed }, texts);
    if (seated) out.push(`**${texts.atTable}:** ${seated}`, '');
    append(out, board(table.board, minutes, 4));
  }

  out.push(`## ${texts.actions}`, '');
  append(out, actionTable(minutes.actions, minutes));

  out.push(`## ${texts.nextSteps}`, '');
  if (minutes.nextSteps.length === 0) out.push(texts.noNextSteps, '');
  else {
    for (const step of minutes.nextSteps) {
      const who = step.owner ? ` — ${mdEscape(oneLine(step.owner))}` : '';
      out.push(`- [ ] ${step.dueText ? `${step.dueText}: ` : ''}${mdEscape(oneLine(step.title))}${who}`);
    }
    out.push('');
  }

  if (minutes.parkingLot.length > 0) {
    out.push(`## ${texts.parkingLot}`, '');
    for (const question of minutes.parkingLot) out.push(`- [${question.takenUp ? 'x' : ' '}] ${inItem(question.text, '      ')}${question.takenUp ? ` — *${texts.takenUp}*` : ''}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
