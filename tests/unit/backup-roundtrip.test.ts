import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addCard,
  addParticipant,
  addStakeholderGroup,
  addTable,
  areaReaders,
  castVote,
  groupCards,
  openVoteRound,
  PLENARY_BOARD_ID,
  removeStakeholderGroup,
  renameStakeholderGroup,
  SCHEMA_VERSION,
  showTableInPlenary,
  workshopSnapshot,
} from '../../shared/model';
import { areaSchemas, BACKUP_FORMAT, exportBackup, parseBackup, restoreBackup } from '../../shared/model';
import { BACKUP_ERROR_KEYS } from '../../renderer/features/home/ImportBackup';
import { newWorkshop } from '../support/workshop';
import { uiTranslators } from '../support/ui-i18n';
import { SEED_DAY_PATH, SEED_DAY_V1_PATH, seedDayFileWorkshop } from '../support/seed-day';

function busyWorkshop() {
  const doc = newWorkshop();
  const table = addTable(doc, { name: 'Tisch A', topic: 'Energie' });
  if (!table.ok) throw new Error('table');
  const person = addParticipant(doc, { name: 'Олена Коваленко', organisation: 'Kammer', stakeholderGroup: 'association', email: 'o@example.org', consent: true, tableId: table.value.id });
  if (!person.ok) throw new Error('person');
  const cards = ['Ä erste\nZeile', 'zweite', 'dritte'].map((text) => addCard(doc, { boardId: PLENARY_BOARD_ID, text, authorId: person.value.id, colour: 'pink' }));
  const ids = cards.map((card) => (card.ok ? card.value.id : ''));
  const group = groupCards(doc, { cardIds: ids.slice(0, 2), title: 'Gruppe' });
  addCard(doc, { boardId: table.value.id, text: 'am Tisch', stakeholderGroup: 'politics' });
  const round = openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 2 });
  if (!round.ok || !group.ok) throw new Error('round');
  castVote(doc, { roundId: round.value.id, voterId: person.value.id, targetId: group.value.id });
  addActionItem(doc, { title: 'Einladen', ownerId: person.value.id, due: '2024-01-31', status: 'inProgress', boardId: table.value.id, sourceCardId: ids[2] ?? null });
  showTableInPlenary(doc, table.value.id);
  addStakeholderGroup(doc, 'Wissenschaft');
  renameStakeholderGroup(doc, 'company', 'Betriebe');
  removeStakeholderGroup(doc, 'other');
  return doc;
}

describe('a .plenum backup', () => {
  it('holds every area of the workshop snapshot, and the importer has a schema for each', () => {
    const file = JSON.parse(exportBackup(newWorkshop())) as { format: string; schemaVersion: number; workshop: Record<string, unknown> };
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    // An area added to the document without a schema here would be dropped on import.
    expect(Object.keys(file.workshop).sort()).toEqual(Object.keys(areaReaders).sort());
    expect(Object.keys(areaSchemas).sort()).toEqual(Object.keys(areaReaders).sort());
  });

  it('gives an identical snapshot after export and import (every area, every id)', () => {
    const doc = busyWorkshop();
    const parsed = parseBackup(exportBackup(doc));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const restored = restoreBackup(parsed.value);
    expect(workshopSnapshot(restored)).toEqual(workshopSnapshot(doc));
    // and once more: a restored workshop exports the same areas again
    expect(JSON.parse(exportBackup(restored, 0)).workshop).toEqual(JSON.parse(exportBackup(doc, 0)).workshop);
  });

  it.each([SEED_DAY_V1_PATH, SEED_DAY_PATH])('of the seed day (%s, an earlier version and this one) imports to exactly the snapshot the file holds', (path) => {
    const text = readFileSync(path, 'utf8');
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(workshopSnapshot(restoreBackup(parsed.value))).toEqual(seedDayFileWorkshop(text));
  });

  it('can be imported under another workshop id, everything else kept', () => {
    const doc = busyWorkshop();
    const parsed = parseBackup(exportBackup(doc));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const copy = workshopSnapshot(restoreBackup(parsed.value, { workshopId: 'copy' }));
    expect(copy.meta.id).toBe('copy');
    expect({ ...copy, meta: { ...copy.meta, id: 'w1' } }).toEqual(workshopSnapshot(doc));
  });
});

describe('a backup that cannot be trusted is refused with what is wrong', () => {
  const good = exportBackup(busyWorkshop());
  /** A file edited by hand, its checksum taken out (as in files written before checksums): the fields are checked one by one. */
  const edit = (change: (file: { schemaVersion: number; checksum?: string; workshop: Record<string, unknown[] | Record<string, unknown>> }) => void) => {
    const file = JSON.parse(good);
    delete file.checksum;
    change(file);
    return JSON.stringify(file);
  };

  it('a truncated file, wherever it was cut', () => {
    const codes = new Set<string>();
    for (let cut = 1; cut < good.trimEnd().length; cut += 97) {
      const result = parseBackup(good.slice(0, cut));
      codes.add(result.ok ? 'accepted' : result.error.code);
    }
    expect([...codes]).toEqual(['backup.truncated']);
  });

  it('a file that is not JSON, or empty', () => {
    for (const text of ['%PDF-1.7 binary', '']) {
      const result = parseBackup(text);
      expect(result.ok ? null : result.error.code).toBe('backup.notJson');
    }
  });

  it('a ZIP archive (a mail program packed the backup, or a Word file) is named as one', () => {
    const result = parseBackup('PK\u0003\u0004\u0014\u0000 binary');
    expect(result.ok ? null : result.error.code).toBe('backup.archive');
  });

  it('a foreign JSON file', () => {
    for (const text of ['{"name":"package","version":"1.0.0"}', '[1,2,3]', 'null', '{"format":"other"}']) {
      const result = parseBackup(text);
      expect(result.ok ? null : result.error.code).toBe('backup.foreign');
    }
  });

  it('a backup of a newer schema version, saying which', () => {
    const result = parseBackup(edit((file) => (file.schemaVersion = SCHEMA_VERSION + 1)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('backup.newer');
      expect(result.error.params).toEqual({ version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    }
  });

  it('a field of a wrong type edited by hand, naming the field', () => {
    const result = parseBackup(edit((file) => (Object.assign((file.workshop.cards as Array<Record<string, unknown>>)[1] ?? {}, { text: 42 }))));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('backup.invalid');
      expect(result.error.detail).toMatch(/^workshop\.cards\[1\]\.text: /);
      // The message names where; zod's English (in detail) is for support only.
      expect(result.error.params).toEqual({ field: 'workshop.cards[1].text' });
    }
  });

  it('an unknown status, a missing area, a duplicate id, a meta version that contradicts the file', () => {
    const cases = [
      edit((file) => (Object.assign((file.workshop.actions as Array<Record<string, unknown>>)[0] ?? {}, { status: 'erledigt' }))),
      edit((file) => delete file.workshop.participants),
      edit((file) => (file.workshop.cards as unknown[]).push((file.workshop.cards as unknown[])[0])),
      edit((file) => ((file.workshop.meta as Record<string, unknown>).schemaVersion = 0)),
    ];
    const details = cases.map((text) => {
      const result = parseBackup(text);
      return result.ok ? 'accepted' : `${result.error.code} ${result.error.detail}`;
    });
    expect(details[0]).toMatch(/^backup\.invalid workshop\.actions\[0\]\.status/);
    expect(details[1]).toMatch(/^backup\.invalid workshop\.participants/);
    expect(details[2]).toMatch(/^backup\.duplicateId workshop\.cards\[\d+\]: the id ".+" appears twice/);
    expect(details[3]).toMatch(/^backup\.invalid workshop\.meta\.schemaVersion/);
  });

  it('a duplicate id is refused saying so: which id, and both entries that carry it', async () => {
    const text = edit((file) => {
      const cards = file.workshop.cards as unknown[];
      cards.push(cards[1]);
    });
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const cards = (JSON.parse(text) as { workshop: { cards: Array<{ id: string }> } }).workshop.cards;
    const last = cards.length - 1;
    expect(result.error.code).toBe('backup.duplicateId');
    expect(result.error.params).toEqual({ id: cards[1]?.id, first: 'workshop.cards[1]', field: `workshop.cards[${last}]` });
    // The message a moderator reads, in each language, says that the id appears twice and which.
    const t = await uiTranslators();
    for (const language of ['en', 'de', 'uk'] as const) {
      const message = t[language](BACKUP_ERROR_KEYS[result.error.code], result.error.params);
      expect(message).toContain(cards[1]?.id ?? '?');
      expect(message).toContain('workshop.cards[1]');
      expect(message).toContain(`workshop.cards[${last}]`);
    }
    expect(t.en(BACKUP_ERROR_KEYS[result.error.code], result.error.params)).toMatch(/appears twice/);
  });
});
