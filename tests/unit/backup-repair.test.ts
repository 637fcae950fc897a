import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, readBackup, workshopSnapshot } from '../../shared/model';
import { importBackup } from '../../renderer/session/backup-import';
import { readStoredWorkshop } from '../../renderer/session/workshop-session';
import { WorkshopStore } from '../../renderer/storage/workshop-store';
import { repairedToast, REPAIRS_LISTED } from '../../renderer/features/home/imported-toast';
import { SEED_DAY_PATH } from '../support/seed-day';
import { uiTranslators } from '../support/ui-i18n';

/*
 * A backup whose values pass the schema but cannot be used as written (QA: a start time
 * "25:99", a duration of 1.5 minutes, an item that ended before it started) was imported with
 * those values dropped without a word. It still imports, and says what was changed.
 */

const seedDay = readFileSync(SEED_DAY_PATH, 'utf8');

interface AgendaRow { title: string; durationMin: number; actualStart: number; actualEnd: number }
type File = { checksum?: string; workshop: { meta: Record<string, unknown>; agenda: AgendaRow[]; cards: Array<{ id: string; boardId: string }> } };

/** The seed day edited by hand (its checksum removed, as the format's docs tell for a file edited on purpose). */
function edited(change: (file: File) => void): string {
  const file = JSON.parse(seedDay) as File;
  delete file.checksum;
  change(file);
  return JSON.stringify(file);
}

const damaged = edited((file) => {
  file.workshop.meta.startTime = '25:99';
  const [first, second] = file.workshop.agenda;
  if (!first || !second) throw new Error('the seed day has an agenda');
  first.durationMin = 1.5;
  // The second item's end twenty minutes before its start (13:57 before 14:17, Berlin).
  second.actualEnd = second.actualStart - 20 * 60_000;
});

const stores: WorkshopStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

describe('a backup with values Plenum cannot use as written', () => {
  it('imports, each value mended, and every change reported with where and what', () => {
    const read = readBackup(damaged);
    if (!read.ok) throw new Error(read.error.detail);
    const { workshop, repairs } = read.value;
    const [first, second] = workshop.agenda;
    expect(workshop.meta.startTime).toBe('');
    expect(first?.durationMin).toBe(2);
    expect(second?.actualEnd).toBe(0);
    expect(second?.actualStart).toBeGreaterThan(0);
    expect(repairs.map(({ code, field }) => [code, field])).toEqual([
      ['startTime', 'workshop.meta.startTime'],
      ['duration', 'workshop.agenda[0].durationMin'],
      ['endBeforeStart', 'workshop.agenda[1].actualEnd'],
    ]);
    expect(repairs[0]?.params).toEqual({ value: '25:99' });
    expect(repairs[1]?.params).toEqual({ number: 1, item: first?.title, value: 1.5, rounded: 2 });
    expect(repairs[2]?.params).toMatchObject({ number: 2, item: second?.title });
    expect(repairs.map((repair) => repair.detail).join('\n')).toMatch(/"25:99" is not a time of day.*\n.*1\.5 is not whole minutes; rounded to 2\n.*is before actualStart/);
    // parseBackup gives the same workshop, for callers that tell nobody.
    const parsed = parseBackup(damaged);
    expect(parsed.ok && parsed.value).toEqual(workshop);
  });

  it('a sound backup imports with no change reported', () => {
    const read = readBackup(seedDay);
    expect(read.ok && read.value.repairs).toEqual([]);
    // "9:30" is the time a form reads as "09:30": padded, nothing lost, nothing to report.
    const padded = readBackup(edited((file) => (file.workshop.meta.startTime = '9:30')));
    expect(padded.ok && [padded.value.workshop.meta.startTime, padded.value.repairs]).toEqual(['09:30', []]);
  });

  it('the import stores the mended workshop and hands the changes on to be told', async () => {
    const store = await WorkshopStore.open(`backup-repair-${Date.now()}`);
    stores.push(store);
    const result = await importBackup(store, damaged, 1000);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.repairs.map((repair) => repair.code)).toEqual(['startTime', 'duration', 'endBeforeStart']);
    const stored = workshopSnapshot(await readStoredWorkshop(store, result.id));
    expect([stored.meta.startTime, stored.agenda[0]?.durationMin, stored.agenda[1]?.actualEnd]).toEqual(['', 2, 0]);
  });

  it.each(['de', 'en', 'uk'] as const)('the toast says exactly what was changed (%s)', async (language) => {
    const read = readBackup(damaged);
    if (!read.ok) throw new Error(read.error.detail);
    const t = (await uiTranslators())[language];
    const text = repairedToast({ title: read.value.workshop.meta.title, timeZone: 'Europe/Berlin', repairs: read.value.repairs })(t);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(read.value.workshop.meta.title);
    expect(lines[1]).toContain('25:99');
    // In the language's own digits: 1,5 in German and Ukrainian.
    expect(lines[2]).toContain({ de: '1,5', en: '1.5', uk: '1,5' }[language]);
    expect(lines[2]).toContain(read.value.workshop.agenda[0]?.title);
    // The seed day's second item began at 14:17 Berlin time; its end said 13:57.
    expect(lines[3]).toContain('13:57');
    expect(lines[3]).toContain('14:17');
    expect(lines[3]).toContain(read.value.workshop.agenda[1]?.title);
    expect(text).not.toMatch(/\{\{|backup\.repairs/);
  });

  it('an item that ended without having started has its end left empty, and the toast names the end (de, en, uk)', async () => {
    // 13:57 Berlin on the seed's day, the third item's start erased.
    const end = Date.UTC(2025, 10, 19, 12, 57);
    const read = readBackup(
      edited((file) => {
        const third = file.workshop.agenda[2];
        if (!third) throw new Error('the seed day has three items');
        third.actualStart = 0;
        third.actualEnd = end;
      }),
    );
    if (!read.ok) throw new Error(read.error.detail);
    const third = read.value.workshop.agenda[2];
    expect([third?.actualStart, third?.actualEnd]).toEqual([0, 0]);
    expect(read.value.repairs.map(({ code, field, params }) => [code, field, params])).toEqual([
      ['endWithoutStart', 'workshop.agenda[2].actualEnd', { number: 3, item: third?.title, end }],
    ]);
    const translators = await uiTranslators();
    for (const language of ['de', 'en', 'uk'] as const) {
      const lines = repairedToast({ title: 'x', timeZone: 'Europe/Berlin', repairs: read.value.repairs })(translators[language]).split('\n');
      expect(lines, language).toHaveLength(2);
      expect(lines[1], language).toContain('13:57');
      expect(lines[1], language).toContain(third?.title);
      expect(lines[1], language).not.toMatch(/\{\{|backup\.repairs/);
    }
  });

  it('cards of a board the file does not hold are left out, and the toast says how many (de, en, uk)', async () => {
    const read = readBackup(
      edited((file) => {
        const [first, second] = file.workshop.cards;
        if (!first || !second) throw new Error('the seed day has cards');
        first.boardId = 'board-of-a-deleted-table';
        second.boardId = 'board-of-a-deleted-table';
      }),
    );
    if (!read.ok) throw new Error(read.error.detail);
    const all = (JSON.parse(seedDay) as File).workshop.cards;
    expect(read.value.workshop.cards.map((card) => card.id)).toEqual(all.slice(2).map((card) => card.id));
    expect(read.value.repairs.map(({ code, params }) => [code, params])).toEqual([['cardsWithoutBoard', { count: 2 }]]);
    const translators = await uiTranslators();
    const said = { de: '2 Karten', en: '2 cards', uk: '2 картки' };
    for (const language of ['de', 'en', 'uk'] as const) {
      const lines = repairedToast({ title: 'x', timeZone: 'Europe/Berlin', repairs: read.value.repairs })(translators[language]).split('\n');
      expect(lines[1], language).toContain(said[language]);
      expect(lines[1], language).not.toMatch(/\{\{|backup\.repairs/);
    }
  });

  it('many changes: the first ones listed, the rest counted', async () => {
    const many = readBackup(edited((file) => file.workshop.agenda.forEach((item) => (item.durationMin += 0.5))));
    if (!many.ok) throw new Error(many.error.detail);
    const count = many.value.repairs.length;
    expect(count).toBeGreaterThan(REPAIRS_LISTED);
    const { en } = await uiTranslators();
    const lines = repairedToast({ title: 'x', timeZone: '', repairs: many.value.repairs })(en).split('\n');
    expect(lines).toHaveLength(REPAIRS_LISTED + 2);
    expect(lines.at(-1)).toBe(`… and ${count - REPAIRS_LISTED} more changes.`);
  });
});
