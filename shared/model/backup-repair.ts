import type { WorkshopSnapshot } from './areas';
import { shownCards } from './tables';
import { validStartTime } from './meta';

/*
 * Values of a backup that pass the schema but that Plenum cannot use as they are: a start time
 * that is no time of day ("25:99"), a duration of 1.5 minutes (every form takes whole minutes),
 * an item that ended before it started, or ended without having started. The app read each as "not set" or left it out of the
 * minutes without a word. A backup with one bad time should still open (the day's work is in
 * it), so these are changed on import, and each change is reported: the import tells the
 * moderator exactly what became of what the file said (renderer: the import's toast; the
 * minutes CLI: a note on stderr). What cannot be mended this way is refused (backup.ts).
 *
 * Cards of a board the file does not hold (a table removed on one laptop while another wrote on
 * it, or a hand-edited file) show nowhere and are in no minutes; kept, they went back out with
 * every backup unseen. They are left out, and the import says how many.
 */

export type BackupRepairCode = 'startTime' | 'duration' | 'endBeforeStart' | 'endWithoutStart' | 'cardsWithoutBoard';

export interface BackupRepair {
  code: BackupRepairCode;
  /** Where in the file, as its keys read: 'workshop.agenda[2].durationMin'. */
  field: string;
  /** What was changed, in English, for support and the CLI. */
  detail: string;
  /**
   * For the message. startTime: `value` as written. duration: the agenda item's `number` (1-based,
   * in the file's order) and `item` (its title), `value` as written and `rounded`. endBeforeStart:
   * `number`, `item`, and `start` and `end` (ms; the message shows them as clock times).
   * endWithoutStart: `number`, `item` and `end`. cardsWithoutBoard: `count`, the cards left out.
   */
  params: Record<string, string | number>;
}

/** The snapshot with the changes made, and what was changed; the input is not touched. */
export function repairBackup(workshop: WorkshopSnapshot): { workshop: WorkshopSnapshot; repairs: BackupRepair[] } {
  const repairs: BackupRepair[] = [];
  let meta = workshop.meta;
  const start = validStartTime(meta.startTime);
  if (!start.ok) {
    const field = 'workshop.meta.startTime';
    repairs.push({ code: 'startTime', field, detail: `${field}: "${meta.startTime}" is not a time of day (HH:MM); left empty`, params: { value: meta.startTime } });
    meta = { ...meta, startTime: '' };
  } else if (start.value !== meta.startTime) {
    // "9:30" is the time the form reads as "09:30": nothing is lost, so nothing to report.
    meta = { ...meta, startTime: start.value };
  }
  const agenda = workshop.agenda.map((item, index) => {
    const at = `workshop.agenda[${index}]`;
    const named = { number: index + 1, item: item.title.trim() };
    let mended = item;
    if (!Number.isInteger(item.durationMin)) {
      const rounded = Math.round(item.durationMin);
      repairs.push({
        code: 'duration',
        field: `${at}.durationMin`,
        detail: `${at}.durationMin: ${item.durationMin} is not whole minutes; rounded to ${rounded}`,
        params: { ...named, value: item.durationMin, rounded },
      });
      mended = { ...mended, durationMin: rounded };
    }
    if (item.actualStart > 0 && item.actualEnd > 0 && item.actualEnd < item.actualStart) {
      // Which of the two is wrong the file does not say; the start is kept, as it places the
      // item's cards and votes in the minutes, and the item reads as begun but not ended.
      repairs.push({
        code: 'endBeforeStart',
        field: `${at}.actualEnd`,
        detail: `${at}.actualEnd: ${new Date(item.actualEnd).toISOString()} is before actualStart ${new Date(item.actualStart).toISOString()}; the end was left empty`,
        params: { ...named, start: item.actualStart, end: item.actualEnd },
      });
      mended = { ...mended, actualEnd: 0 };
    }
    if (item.actualStart <= 0 && item.actualEnd > 0) {
      // The run sets an item's start before its end; an end alone has no span to place cards in.
      repairs.push({
        code: 'endWithoutStart',
        field: `${at}.actualEnd`,
        detail: `${at}.actualEnd: ${new Date(item.actualEnd).toISOString()} without an actualStart; the end was left empty`,
        params: { ...named, end: item.actualEnd },
      });
      mended = { ...mended, actualEnd: 0 };
    }
    return mended;
  });
  const cards = shownCards(workshop.boards, workshop.cards);
  const orphans = workshop.cards.length - cards.length;
  if (orphans > 0) {
    const boards = [...new Set(workshop.cards.filter((card) => !cards.includes(card)).map((card) => card.boardId))];
    repairs.push({
      code: 'cardsWithoutBoard',
      field: 'workshop.cards',
      detail: `workshop.cards: ${orphans} card(s) of board(s) not in the file (${boards.join(', ')}); left out`,
      params: { count: orphans },
    });
  }
  return { workshop: { ...workshop, meta, agenda, cards: orphans > 0 ? cards : workshop.cards }, repairs };
}
