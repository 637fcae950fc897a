import { performance } from 'node:perf_hooks';
import {
  addActionItem,
  addCard,
  addParticipant,
  addTable,
  castVote,
  closeVoteRound,
  createWorkshopDoc,
  groupCards,
  initWorkshop,
  openVoteRound,
  PLENARY_BOARD_ID,
  STAKEHOLDER_GROUPS,
  workshopSnapshot,
  type WorkshopSnapshot,
} from '../../shared/model';
import { buildMinutes, renderMinutes, type MinutesFormat } from '../../shared/minutes';
import { renderMinutesPdf } from '../../electron/services/minutes-pdf';
import { sourceFontDir } from '../../electron/services/source-fonts';
import type { Series } from '../format';
import { cardText, seededRandom, WORKSHOP_TITLE } from '../fixtures/texts';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * The minutes of a big day in every format: 2,000 cards (plenary and six tables, a fifth of them
 * grouped), 60 participants (a quarter without consent), 200 action items, a closed vote round
 * on every board. One sample = the minutes model built from the snapshot plus the file rendered,
 * as an export from the UI or the CLI does it. The PDF is drawn by pdfkit in the same process
 * (electron/services/minutes-pdf.ts), as the app's main process and the CLI draw it.
 */

const CARDS = 2000;
const PARTICIPANTS = 60;
const ACTIONS = 200;
const TABLES = 6;
const RUNS = 7;
const WARMUP = 1;
/** Issue 15: the text formats within a tenth of a second, the documents within one. */
const TARGETS: Record<MinutesFormat, { metric: 'median'; max: number }> = {
  md: { metric: 'median', max: 100 },
  html: { metric: 'median', max: 100 },
  csv: { metric: 'median', max: 100 },
  ics: { metric: 'median', max: 100 },
  docx: { metric: 'median', max: 1000 },
  pdf: { metric: 'median', max: 1000 },
};

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }, what: string): T {
  if (!result.ok) throw new Error(`minutes bench: ${what}: ${result.error.code}`);
  return result.value;
}

export function bigWorkshop(): WorkshopSnapshot {
  const random = seededRandom(2026);
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'bench-minutes', title: WORKSHOP_TITLE, language: 'de', date: '2025-06-14', venue: 'Rathaus', room: 'Saal 2', now: Date.UTC(2025, 5, 14, 8) });
  const boards = [PLENARY_BOARD_ID, ...Array.from({ length: TABLES }, (_, index) => must(addTable(doc, { name: `Tisch ${index + 1}`, topic: `Thema ${index + 1}` }), 'table').id)];
  const people = Array.from({ length: PARTICIPANTS }, (_, index) =>
    must(
      addParticipant(doc, {
        name: `Teilnehmerin ${index + 1}`,
        organisation: `Organisation ${index % 17}`,
        stakeholderGroup: STAKEHOLDER_GROUPS[index % STAKEHOLDER_GROUPS.length] ?? '',
        email: `person${index + 1}@beispiel.invalid`,
        consent: index % 4 !== 0,
        attended: true,
        tableId: boards[1 + (index % TABLES)] ?? '',
      }),
      'participant',
    ),
  );
  const cardsByBoard = new Map<string, string[]>(boards.map((board) => [board, []]));
  for (let index = 0; index < CARDS; index += 1) {
    const boardId = boards[index % boards.length] ?? PLENARY_BOARD_ID;
    const author = people[Math.floor(random() * people.length)];
    const card = must(addCard(doc, { boardId, text: cardText(random), authorId: author?.id ?? null, now: Date.UTC(2025, 5, 14, 9) + index * 1000 }), 'card');
    cardsByBoard.get(boardId)?.push(card.id);
  }
  for (const [boardId, ids] of cardsByBoard) {
    // A fifth of each board's cards in groups of five.
    for (let start = 0; start + 5 <= ids.length / 5; start += 5) must(groupCards(doc, { cardIds: ids.slice(start, start + 5), title: `Cluster ${start / 5 + 1}` }), 'group');
    const round = must(openVoteRound(doc, { boardId, budget: 3 }), 'round');
    for (const person of people) for (let dot = 0; dot < 3; dot += 1) castVote(doc, { roundId: round.id, voterId: person.id, targetId: ids[Math.floor(random() * ids.length)] ?? '' });
    must(closeVoteRound(doc, round.id), 'close');
  }
  for (let index = 0; index < ACTIONS; index += 1) {
    const month = String(1 + (index % 12)).padStart(2, '0');
    must(
      addActionItem(doc, {
        title: `Maßnahme ${index + 1}: ${cardText(random).slice(0, 80)}`,
        ownerId: people[index % people.length]?.id ?? null,
        due: index % 10 === 0 ? '' : `2025-${month}-15`,
        status: (['open', 'inProgress', 'done'] as const)[index % 3],
        boardId: boards[index % boards.length] === PLENARY_BOARD_ID ? null : (boards[index % boards.length] ?? null),
      }),
      'action',
    );
  }
  const snapshot = workshopSnapshot(doc);
  doc.destroy();
  return snapshot;
}

const FORMATS: readonly MinutesFormat[] = ['md', 'html', 'docx', 'pdf', 'csv', 'ics'];

export const minutesBench: NodeBenchSuite = {
  async run(context: NodeBenchContext): Promise<Series[]> {
    const started = performance.now();
    const snapshot = bigWorkshop();
    context.log(`workshop: ${snapshot.cards.length} cards, ${snapshot.participants.length} participants, ${snapshot.actions.length} action items (${Math.round(performance.now() - started)} ms to build)`);
    const fontDir = sourceFontDir();
    const samples = new Map<MinutesFormat, number[]>(FORMATS.map((format) => [format, []]));
    const sizes = new Map<MinutesFormat, number>();
    let pdfCpu = 0;
    for (let round = 0; round < WARMUP + RUNS; round += 1) {
      for (const format of FORMATS) {
        const begin = performance.now();
        const cpu = process.cpuUsage();
        const minutes = buildMinutes(snapshot, { language: 'de', timeZone: 'Europe/Berlin' });
        const output = format === 'pdf' ? await renderMinutesPdf(minutes, { fontDir }) : await renderMinutes(minutes, format);
        const elapsed = performance.now() - begin;
        if (round >= WARMUP) samples.get(format)?.push(elapsed);
        // This process's own CPU time: on a machine others load, what the PDF costs apart from waiting for a core.
        if (format === 'pdf' && round >= WARMUP) {
          const used = process.cpuUsage(cpu);
          pdfCpu += (used.user + used.system) / 1000 / RUNS;
        }
        sizes.set(format, typeof output === 'string' ? new TextEncoder().encode(output).length : output.length);
      }
    }
    context.log(`PDF: ${Math.round(pdfCpu)} ms of CPU time on average (minutes model and drawing)`);
    context.log(`file sizes: ${FORMATS.map((format) => `${format} ${Math.round((sizes.get(format) ?? 0) / 1024)} KiB`).join(', ')}`);
    return FORMATS.map((format) => ({ name: `minutes-${format}`, unit: 'ms', samples: samples.get(format) ?? [], target: TARGETS[format] }));
  },
};
