import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { areaReaders, createWorkshopDoc, LIMITS, placeText, tablesFrom, workshopSnapshot, type WorkshopDoc, type WorkshopSnapshot } from '../../shared/model';
import { exportBackup, parseBackup, restoreBackup, voteTargetIds } from '../../shared/model';
import { backupChecksum, CHECKSUM_FIELD } from '../../shared/model';
import { buildEml, buildMinutes, mailDraft, mailRecipients, mailtoUrl, renderHtml, renderMinutes, type Minutes } from '../../shared/minutes';
import { currentRound, voteViews } from '../../renderer/features/board/vote-view';
import { deriveSeed, pick, seededRandom } from '../support/prng';
import { junkValue, sameKindJunk, writeJunk, writeTimeJunk } from '../support/junk';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * Junk in every field: what a broken or hostile laptop can write into the shared document, and
 * what a hand-edited backup can hold. Readers, every export and the backup round trip must take
 * it without an exception. Seeded: a failure prints its seed, PLENUM_SEED replays it.
 */

const SEED = Number(process.env.PLENUM_SEED ?? 20_261_205);
const DOC_RUNS = 200;
const BACKUP_RUNS = 400;

/** Everything Plenum makes of a workshop without a browser: readers, views, every export, the mail. */
async function useEverywhere(snapshot: WorkshopSnapshot, docx: boolean): Promise<void> {
  for (const language of ['de', 'en', 'uk'] as const) {
    const minutes: Minutes = buildMinutes(snapshot, { language, timeZone: 'Europe/Berlin', now: Date.UTC(2024, 0, 2) });
    for (const format of ['md', 'html', 'csv', 'ics'] as const) await renderMinutes(minutes, format);
    if (docx && language === 'de') await renderMinutes(minutes, 'docx');
    renderHtml(minutes);
    const draft = mailDraft(minutes, mailRecipients(snapshot.participants));
    mailtoUrl(draft);
    buildEml(draft, [{ fileName: 'x.md', mimeType: 'text/markdown', data: 'x' }], { date: Date.UTC(2024, 0, 2), messageId: 'm' });
  }
  // The home row and the workshop's header show the place in one line.
  placeText(snapshot.meta);
  tablesFrom(snapshot.boards, snapshot.cards);
  for (const board of snapshot.boards) {
    const round = currentRound(snapshot.voteRounds, board.id);
    const view = voteViews(round, snapshot.votes, snapshot.participants[0]?.id ?? null, voteTargetIds(snapshot.cards, snapshot.groups));
    for (const card of snapshot.cards) view(card.id);
  }
}

/** As a peer's update arrives: through the wire encoding into another laptop's document. */
function throughTheWire(doc: WorkshopDoc): WorkshopDoc {
  const peer = createWorkshopDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return peer;
}

describe('junk a peer writes into the document', () => {
  it(`is read, exported and backed up without an exception (${DOC_RUNS} seeded runs, seed ${SEED})`, async () => {
    const base = seedDaySnapshot();
    for (let run = 0; run < DOC_RUNS; run += 1) {
      const random = seededRandom(deriveSeed(SEED, 'doc', run));
      const source = restoreBackup(base);
      writeJunk(source, random);
      if (run % 4 === 0) writeTimeJunk(source, random);
      const doc = throughTheWire(source);
      const context = `doc run ${run} (PLENUM_SEED=${SEED})`;
      try {
        for (const read of Object.values(areaReaders)) read(doc);
        const snapshot = workshopSnapshot(doc);
        // The place a peer wrote is a short text or not set, never an object or a novel.
        for (const field of [snapshot.meta.venue, snapshot.meta.room]) expect(typeof field === 'string' && field.length <= LIMITS.shortTextMax).toBe(true);
        await useEverywhere(snapshot, run % 20 === 0);
        // The backup of such a document is written, and reading it back answers (refusing it is fine: an empty id).
        parseBackup(exportBackup(doc, Date.UTC(2024, 0, 2)));
      } catch (error) {
        throw new Error(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
      }
    }
  }, 240_000);
});

/** Paths to every value of a JSON tree, so any field of a backup can be replaced. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [at];
  if (Array.isArray(value)) value.forEach((child, index) => out.push(...paths(child, [...at, index])));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) out.push(...paths(child, [...at, key]));
  return out;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown> | null)?.[key];
  return node;
}

function setAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

describe('junk in a backup file', () => {
  it(`is refused or imported, never thrown, and what imports is shown and exported (${BACKUP_RUNS} seeded runs, seed ${SEED})`, async () => {
    const text = exportBackup(restoreBackup(seedDaySnapshot()), Date.UTC(2024, 0, 2));
    const parsedText: unknown = JSON.parse(text);
    // The checksum is made to fit the junk below: otherwise every file would stop at it, and the
    // junk would never reach the schema, the readers and the exports behind it.
    const fieldPaths = paths(parsedText).filter((path) => path.length > 0 && path[0] !== CHECKSUM_FIELD);
    // Numbers and dates half the time: the fields whose junk passes a type check and breaks later.
    const timePaths = fieldPaths.filter((path) => {
      const value = valueAt(parsedText, path);
      return typeof value === 'number' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
    });
    let imported = 0;
    for (let run = 0; run < BACKUP_RUNS; run += 1) {
      const random = seededRandom(deriveSeed(SEED, 'backup', run));
      const file: unknown = JSON.parse(text);
      // Mostly one or two fields (most of those files still import), sometimes many.
      const count = random() < 0.7 ? 1 + pick(random, 2) : 1 + pick(random, 30);
      for (let step = 0; step < count; step += 1) {
        const from = random() < 0.5 ? timePaths : fieldPaths;
        const path = from[pick(random, from.length)] ?? [];
        try {
          setAt(file, path, random() < 0.6 ? sameKindJunk(valueAt(file, path), random) : junkValue(random));
        } catch {
          // The path ran through a value an earlier step replaced: that junk stays.
        }
      }
      const context = `backup run ${run} (PLENUM_SEED=${SEED})`;
      const stale = JSON.stringify(file);
      if (stale !== JSON.stringify(parsedText)) {
        const refused = parseBackup(stale);
        // Damaged by its checksum; only junk in "format" is refused before, as not a backup at all.
        expect(['backup.damaged', 'backup.foreign'], `${context}, with the checksum of the file before the junk`).toContain(refused.ok ? 'imported' : refused.error.code);
      }
      (file as Record<string, unknown>)[CHECKSUM_FIELD] = backupChecksum(file as Record<string, unknown>);
      try {
        const parsed = parseBackup(JSON.stringify(file));
        if (!parsed.ok) {
          expect(parsed.error.detail, context).not.toBe('');
          continue;
        }
        imported += 1;
        const doc = restoreBackup(parsed.value);
        await useEverywhere(workshopSnapshot(doc), run % 20 === 0);
      } catch (error) {
        throw new Error(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
      }
    }
    // The junk must reach the importer's far side too, not only be refused at the door.
    expect(imported).toBeGreaterThan(BACKUP_RUNS / 10);
  }, 240_000);
});
