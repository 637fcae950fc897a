import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { areaReaders, createWorkshopDoc, ROOT, tablesFrom, workshopSnapshot, type WorkshopDoc, type WorkshopSnapshot } from '../../shared/model';
import { exportBackup, parseBackup, restoreBackup } from '../../shared/model/backup';
import { buildEml, buildMinutes, mailDraft, mailRecipients, mailtoUrl, renderHtml, renderMinutes, type Minutes } from '../../shared/minutes';
import { currentRound, voteViews } from '../../renderer/features/board/vote-view';
import { deriveSeed, pick, seededRandom } from '../support/prng';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * Junk in every field: what a broken or hostile laptop can write into the shared document, and
 * what a hand-edited backup can hold. Readers, every export and the backup round trip must take
 * it without an exception. Seeded: a failure prints its seed, PLENUM_SEED replays it.
 */

const SEED = Number(process.env.PLENUM_SEED ?? 20_261_205);
const DOC_RUNS = 200;
const BACKUP_RUNS = 400;

type Random = () => number;

/** Plain junk: each of the shapes a JSON or Yjs value can take, and the numbers and strings that break dates. */
function junkValue(random: Random, depth = 0): unknown {
  const numbers = [0, -0, 1, -1, 0.5, 1e300, -1e300, 8.64e15, 8.64e15 + 1, 9e15, -8.64e15 - 1, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1e21, 4.1e12, Date.UTC(2100, 0, 2), -1, 51, 1441, 1e-7];
  const strings = ['', ' ', 'Montag', '2023-02-30', '2023-13-01', '9999-12-31', '0000-01-01', '+275760-09-13', '2023-12-06', '24:00', '9:5', 'NaN', '-1', '1e400', 'table', 'plenary', 'open', 'closed', 'running', 'paused', 'votes', 'join', '__proto__', 'constructor', 'x'.repeat(5000), '\u0000\r\nUID:evil', '🙂'.repeat(3), '\uD800', 'a/b/c', '/label', 'company/label'];
  switch (pick(random, depth > 1 ? 6 : 9)) {
    case 0:
      return numbers[pick(random, numbers.length)];
    case 1:
      return (random() - 0.5) * 10 ** pick(random, 20);
    case 2:
      return strings[pick(random, strings.length)];
    case 3:
      return random() < 0.5;
    case 4:
      return null;
    case 5:
      return pick(random, 1e6);
    case 6:
      return Array.from({ length: pick(random, 4) }, () => junkValue(random, depth + 1));
    case 7:
      return Object.fromEntries(Array.from({ length: pick(random, 4) }, (_, index) => [`k${index}`, junkValue(random, depth + 1)]));
    default:
      return new Uint8Array(pick(random, 8));
  }
}

/**
 * Junk of the same JSON type as `original` (a number for a number…): it passes the type checks,
 * so it is what reaches the readers behind them, like 8.64e15 in a field that wants a time.
 */
function sameKindJunk(original: unknown, random: Random): unknown {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const value = junkValue(random, 2);
    if (typeof value === typeof original && (original === null) === (value === null)) return value;
  }
  return junkValue(random);
}

/** Junk for the document: plain junk, or a shared type where the readers expect a plain value (or the other way round). */
function junkForDoc(random: Random): unknown {
  switch (pick(random, 8)) {
    case 0: {
      const map = new Y.Map<unknown>();
      map.set('title', junkValue(random));
      return map;
    }
    case 1: {
      const array = new Y.Array<unknown>();
      array.push([junkValue(random)]);
      return array;
    }
    case 2:
      return new Y.Text('junk');
    default:
      return junkValue(random);
  }
}

/** Every key a reader reads, per root (from shared/model/schema.ts and the readers), and a few they do not. */
const ITEM_KEYS: Record<string, string[]> = {
  [ROOT.agenda]: ['title', 'kind', 'durationMin', 'speaker', 'notes', 'task', 'actualStart', 'actualEnd', 'ranMs', 'order'],
  [ROOT.boards]: ['kind', 'title', 'topic', 'order', 'locked', 'reportBack'],
  [ROOT.cards]: ['boardId', 'text', 'order', 'groupId', 'colour', 'authorId', 'stakeholderGroup', 'createdAt', 'updatedAt'],
  [ROOT.participants]: ['name', 'organisation', 'stakeholderGroup', 'email', 'consent', 'attended', 'tableId', 'fixedToTable'],
  [ROOT.groups]: ['boardId', 'title', 'order', 'locked'],
  [ROOT.voteRounds]: ['boardId', 'budget', 'allowStacking', 'hideResults', 'state', 'openedAt', 'closedAt'],
  [ROOT.votes]: ['roundId', 'voterId', 'targetId', 'at'],
  [ROOT.actions]: ['title', 'ownerId', 'ownerOrganisation', 'due', 'status', 'boardId', 'sourceCardId', 'createdAt', 'order'],
};
const FIELD_KEYS: Record<string, string[]> = {
  [ROOT.meta]: ['id', 'schemaVersion', 'title', 'date', 'venue', 'room', 'language', 'createdAt', 'startTime', 'availableMin'],
  [ROOT.run]: ['status', 'currentId', 'itemStartedAt', 'pausedAt', 'signalAt', 'signalItemId', 'projectorView', 'projectorBoardId', 'projectorRoundId'],
  [ROOT.stakeholderGroups]: ['company/label', 'company/removed', 'company/order', 'added/label', 'added/order', 'added/removed', 'x', '/label'],
};

function keysOf(map: Y.Map<unknown>): string[] {
  return [...map.keys()];
}

/** One peer's worth of junk: fields set to junk, items replaced, added or emptied. */
function writeJunk(doc: WorkshopDoc, random: Random): void {
  const roots = Object.values(ROOT);
  const count = 1 + pick(random, 12);
  for (let step = 0; step < count; step += 1) {
    const rootName = roots[pick(random, roots.length)] ?? ROOT.meta;
    const root = doc.getMap<unknown>(rootName);
    const fields = FIELD_KEYS[rootName];
    if (fields) {
      const key = random() < 0.9 ? (fields[pick(random, fields.length)] ?? 'x') : `junk${pick(random, 5)}`;
      if (random() < 0.1) root.delete(key);
      else root.set(key, junkForDoc(random));
      continue;
    }
    const ids = keysOf(root);
    const itemKeys = ITEM_KEYS[rootName] ?? [];
    const action = pick(random, 10);
    if (action === 0 || ids.length === 0) {
      // A new item, every field junk, under an id that may itself be odd.
      const item = new Y.Map<unknown>();
      for (const key of itemKeys) if (random() < 0.8) item.set(key, junkForDoc(random));
      root.set(random() < 0.2 ? ['', ' ', 'plenary', 'x'.repeat(300)][pick(random, 4)] ?? '' : `junk-${pick(random, 1e6)}`, item);
    } else if (action === 1) {
      root.set(ids[pick(random, ids.length)] ?? 'x', junkForDoc(random));
    } else {
      const target = root.get(ids[pick(random, ids.length)] ?? '');
      if (target instanceof Y.Map) {
        const key = itemKeys[pick(random, itemKeys.length)] ?? 'title';
        if (random() < 0.1) target.delete(key);
        else target.set(key, junkForDoc(random));
      }
    }
  }
}

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
  tablesFrom(snapshot.boards, snapshot.cards);
  for (const board of snapshot.boards) {
    const round = currentRound(snapshot.voteRounds, board.id);
    const view = voteViews(round, snapshot.votes, snapshot.participants[0]?.id ?? null);
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
      const doc = throughTheWire(source);
      const context = `doc run ${run} (PLENUM_SEED=${SEED})`;
      try {
        for (const read of Object.values(areaReaders)) read(doc);
        const snapshot = workshopSnapshot(doc);
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
    const fieldPaths = paths(parsedText).filter((path) => path.length > 0);
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
