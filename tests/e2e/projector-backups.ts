import { readFileSync } from 'node:fs';

/** The seed day as backup files for projector specs: as it is, without the tables shown, and with 300 plenary cards more. */

export interface Backup {
  workshop: {
    meta: { id: string; title: string };
    boards: Array<{ id: string; kind: string }>;
    cards: Array<Record<string, unknown> & { boardId: string; text: string }>;
    reportBack: string[];
  };
}

const seedText = readFileSync('tests/fixtures/seed-day.plenum', 'utf8');

export function variant(id: string, change: (backup: Backup) => void): { name: string; mimeType: string; buffer: Buffer } {
  // Without the checksum, as a file from before checksums: a changed file with it is refused as damaged.
  const backup = JSON.parse(seedText) as Backup & { checksum?: string };
  delete backup.checksum;
  backup.workshop.meta.id = id;
  change(backup);
  return { name: `${id}.plenum`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
}

const PHRASES = [
  'Kriegsrisikoversicherung für mittelständische Unternehmen',
  'Енергоефективність у громадах',
  'Webinar',
  'Wie binden wir Kommunen früh in die Planung der Wärmenetze ein, bevor Förderanträge gestellt werden?',
  'Страхування воєнних ризиків для малого та середнього бізнесу в прифронтових областях',
  'Biomethan',
  'Partnerschaften zwischen Stadtwerken in Leipzig und Lwiw',
];

/** The seed day's plenary with 300 cards more: loose and in the seed's groups, short and long. */
export const bigBoard = variant('seed-300', (backup) => {
  const groups = (JSON.parse(seedText) as { workshop: { groups: Array<{ id: string; boardId: string }> } }).workshop.groups.filter((group) => group.boardId === 'plenary');
  const template = backup.workshop.cards[0] ?? {};
  for (let index = 0; index < 300; index += 1) {
    const group = index % 3 === 0 ? null : (groups[index % groups.length]?.id ?? null);
    backup.workshop.cards.push({
      ...template,
      id: `card-${index}`,
      boardId: 'plenary',
      groupId: group,
      colour: null,
      text: `${index + 1}. ${PHRASES[index % PHRASES.length]}`,
      order: `b${String(index).padStart(4, '0')}`,
    });
  }
});
/**
 * The seed day without report-back, with the longest title there may be, one word without spaces,
 * and a plenary card of 500 short lines (both once ran off the wall).
 */
export const seedPlain = variant('seed-plain', (backup) => {
  backup.workshop.reportBack = [];
  backup.workshop.meta.title = 'W'.repeat(200);
  const template = backup.workshop.cards.find((card) => card.boardId === 'plenary') ?? { boardId: 'plenary', text: '' };
  const lines = Array.from({ length: 500 }, (_, index) => `Zeile ${index + 1}`).join('\n');
  backup.workshop.cards.push({ ...template, id: 'card-500-lines', groupId: null, text: lines, order: 'zz' });
});
export const seedDay = variant('seed-rb', () => {});


/**
 * The seed day in Ukrainian, with long texts: a first item of 125 characters with a long speaker
 * (its title must still be the largest type), long rows to come, a task.
 */
export const seedLongUk = variant('seed-uk', (backup) => {
  const { workshop } = backup as unknown as { workshop: { meta: Record<string, string>; agenda: Array<{ title: string; speaker: string; task: string }> } };
  workshop.meta.title = 'Тематичне коло «Стале відновлення економіки України»: партнерства громад і бізнесу';
  workshop.meta.venue = 'Helix Hub, Інвалідештрасе, Берлін';
  const titles = [
    'Вітання, знайомство учасників і цілі Платформи відновлення України на наступне півріччя: чого ми хочемо досягти разом до конференції',
    'Доповідь тематичного кола «Міська та комунальна відбудова»: досвід громад Львівщини і Харківщини',
    'Обговорення: підтеми та зв’язки з Конференцією з питань відновлення України 2024 у Берліні',
    'Перерва на каву',
    'Робота в малих групах за столами',
    'Представлення результатів столів і зворотний зв’язок від усіх учасників пленуму',
    'Наступні кроки, домовленості та завершення зустрічі',
  ];
  workshop.agenda.forEach((item, index) => {
    item.title = titles[index] ?? item.title;
    if (item.speaker) item.speaker = 'Модерація (Платформа відновлення України, секретаріат тематичного кола)';
    if (item.task) item.task = 'Сплануйте конкретний захід на наступне півріччя: вебінар, воркшоп чи зустріч — з ким, до коли, хто відповідає?';
  });
});
