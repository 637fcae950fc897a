import { readFileSync } from 'node:fs';
import { generateNKeysBetween } from 'fractional-indexing';
import { backupChecksum, CHECKSUM_FIELD } from '../../shared/model';
import { SEED_DAY_PATH } from './seed-day';

/*
 * A big backup, made when a test needs it instead of megabytes in the repository: the seed day
 * with `cards` cards more, spread over its boards, with a valid checksum and laid out as Plenum
 * writes it (two-space JSON), so it reads as an exported file of that size does. 100,000 cards
 * are about 40 MB, the size QA imported.
 */

const PHRASES = [
  'Kriegsrisikoversicherung für mittelständische Unternehmen in den frontnahen Regionen',
  'Енергоефективність у громадах: спільні закупівлі та навчання для комунальних підприємств',
  'Partnerschaften zwischen Stadtwerken in Leipzig und Lwiw, mit Austausch von Fachkräften',
  'Wie binden wir Kommunen früh in die Planung der Wärmenetze ein, bevor Förderanträge gestellt werden?',
];

interface SeedFile {
  workshop: { meta: { id: string }; boards: Array<{ id: string }>; cards: Array<Record<string, unknown> & { order: string; boardId: string }> };
  [key: string]: unknown;
}

/** The backup's text: `id` is its workshop's id (a second import of the same file arrives as a copy). */
export function bigBackupText(cards: number, id = `big-${cards}`): string {
  const file = JSON.parse(readFileSync(SEED_DAY_PATH, 'utf8')) as SeedFile;
  const { workshop } = file;
  workshop.meta.id = id;
  const boards = workshop.boards.map((board) => board.id);
  const perBoard = Math.ceil(cards / boards.length);
  for (const [boardIndex, boardId] of boards.entries()) {
    const last = workshop.cards.filter((card) => card.boardId === boardId).reduce<string | null>((max, card) => (max === null || card.order > max ? card.order : max), null);
    const count = Math.min(perBoard, cards - boardIndex * perBoard);
    if (count <= 0) continue;
    const keys = generateNKeysBetween(last, null, count);
    for (const [index, order] of keys.entries()) {
      const serial = boardIndex * perBoard + index;
      const at = Date.UTC(2023, 11, 6, 13) + serial * 10;
      workshop.cards.push({
        id: `big-card-${serial.toString(36).padStart(6, '0')}-${(serial * 2654435761 >>> 0).toString(16)}`,
        boardId,
        text: `${PHRASES[serial % PHRASES.length]} (${serial + 1})`,
        order,
        groupId: null,
        colour: serial % 5 === 0 ? 'yellow' : null,
        authorId: null,
        stakeholderGroup: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  // Everything but the checksum and the workshop, in the file's order: the checksum comes before the workshop.
  const head = Object.fromEntries(Object.entries(file).filter(([key]) => key !== CHECKSUM_FIELD && key !== 'workshop'));
  const content = { ...head, workshop };
  return `${JSON.stringify({ ...head, [CHECKSUM_FIELD]: backupChecksum(content), workshop }, null, 2)}\n`;
}
