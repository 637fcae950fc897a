import * as Y from 'yjs';
import { ROOT } from '../../shared/model';
import { pick } from './prng';

/*
 * Junk as a broken or hostile laptop can write it into the shared document, or a hand-edited
 * backup can hold it: every JSON shape, shared types where plain values belong, and the numbers
 * and strings that break dates (8.64e15, "2023-02-30"). Seeded by the caller.
 */

export type Random = () => number;

/** Plain junk: each of the shapes a JSON or Yjs value can take, and the numbers and strings that break dates. */
export function junkValue(random: Random, depth = 0): unknown {
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
export function sameKindJunk(original: unknown, random: Random): unknown {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const value = junkValue(random, 2);
    if (typeof value === typeof original && (original === null) === (value === null)) return value;
  }
  return junkValue(random);
}

/** Junk for the document: plain junk, or a shared type where the readers expect a plain value (or the other way round). */
export function junkForDoc(random: Random): unknown {
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
export const ITEM_KEYS: Record<string, string[]> = {
  [ROOT.agenda]: ['title', 'kind', 'durationMin', 'speaker', 'notes', 'task', 'actualStart', 'actualEnd', 'ranMs', 'order'],
  [ROOT.boards]: ['kind', 'title', 'topic', 'order', 'locked', 'reportBack'],
  [ROOT.cards]: ['boardId', 'text', 'order', 'groupId', 'colour', 'authorId', 'stakeholderGroup', 'createdAt', 'updatedAt'],
  [ROOT.participants]: ['name', 'organisation', 'stakeholderGroup', 'email', 'consent', 'attended', 'tableId', 'fixedToTable'],
  [ROOT.groups]: ['boardId', 'title', 'order', 'locked'],
  [ROOT.voteRounds]: ['boardId', 'budget', 'allowStacking', 'hideResults', 'state', 'openedAt', 'closedAt'],
  [ROOT.votes]: ['roundId', 'voterId', 'targetId', 'at'],
  [ROOT.actions]: ['title', 'ownerId', 'ownerOrganisation', 'due', 'status', 'boardId', 'sourceCardId', 'createdAt', 'order'],
};
export const FIELD_KEYS: Record<string, string[]> = {
  [ROOT.meta]: ['id', 'schemaVersion', 'title', 'date', 'venue', 'room', 'language', 'createdAt', 'startTime', 'availableMin'],
  [ROOT.run]: ['status', 'currentId', 'itemStartedAt', 'pausedAt', 'signalAt', 'signalItemId', 'projectorView', 'projectorBoardId', 'projectorRoundId'],
  [ROOT.stakeholderGroups]: ['company/label', 'company/removed', 'company/order', 'added/label', 'added/order', 'added/removed', 'x', '/label'],
};

function keysOf(map: Y.Map<unknown>): string[] {
  return [...map.keys()];
}

/** One peer's worth of junk: fields set to junk, items replaced, added or emptied. */
export function writeJunk(doc: Y.Doc, random: Random): void {
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

/** Times that JavaScript calls finite numbers but no Date holds, and dates that do not exist. */
const BAD_TIMES = [8.64e15 + 1, 9e15, 1e300, -8.64e15 - 1, Number.MAX_VALUE, -1];
const BAD_DATES = ['Montag', '2023-02-30', '+275760-09-13', '9999-99-99'];
const TIME_FIELDS: Record<string, string[]> = {
  [ROOT.agenda]: ['actualStart', 'actualEnd', 'ranMs', 'durationMin'],
  [ROOT.cards]: ['createdAt', 'updatedAt'],
  [ROOT.voteRounds]: ['openedAt', 'closedAt', 'budget'],
  [ROOT.votes]: ['at'],
  [ROOT.actions]: ['createdAt', 'due'],
};

/** Every date and time of every item set to one that breaks a naive reader (what the issue found in the minutes). */
export function writeTimeJunk(doc: Y.Doc, random: Random): void {
  for (const [rootName, fields] of Object.entries(TIME_FIELDS)) {
    doc.getMap<unknown>(rootName).forEach((item) => {
      if (!(item instanceof Y.Map)) return;
      for (const field of fields) item.set(field, field === 'due' ? BAD_DATES[pick(random, BAD_DATES.length)] : BAD_TIMES[pick(random, BAD_TIMES.length)]);
    });
  }
  const meta = doc.getMap<unknown>(ROOT.meta);
  meta.set('date', BAD_DATES[pick(random, BAD_DATES.length)]);
  meta.set('createdAt', BAD_TIMES[pick(random, BAD_TIMES.length)]);
  const run = doc.getMap<unknown>(ROOT.run);
  for (const field of ['itemStartedAt', 'pausedAt', 'signalAt']) run.set(field, BAD_TIMES[pick(random, BAD_TIMES.length)]);
}
