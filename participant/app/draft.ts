import type { CommandAnswer } from '../../shared/phone/client';
import type { KeyValueStore } from '../link/phone-storage';

/**
 * What the person is typing for a board, kept on the phone until the laptop took it: a phone
 * that sleeps, reloads or loses the Wi-Fi mid-sentence keeps the text. `commandId` is the add
 * command sent with it, so the field clears when that command is answered "ok", not before.
 *
 * One draft per board: a phone that was in this morning's workshop, or on the plenary's board
 * before the moderator sent it to a table, does not offer that text for another board.
 */
export interface Draft {
  text: string;
  anonymous: boolean;
  commandId: string | null;
}

const KEY = 'plenum.phone.drafts';
/** Before drafts were kept per board: one draft for whatever board came first. */
const LEGACY_KEY = 'plenum.phone.draft';
/** Boards whose unsent drafts are kept; the oldest goes first (a day has a handful of boards). */
export const MAX_DRAFTS = 20;

export const EMPTY_DRAFT: Draft = { text: '', anonymous: false, commandId: null };

interface StoredDraft extends Draft {
  /** When it was last saved (ms), to drop the oldest. */
  at: number;
}

function defaultStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Blocked storage (some private modes) throws on access.
    return null;
  }
}

function readDraft(raw: unknown): StoredDraft | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { text, anonymous, commandId, at } = raw as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  return {
    text,
    anonymous: anonymous === true,
    commandId: typeof commandId === 'string' ? commandId : null,
    at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
  };
}

/** Every stored draft by board id; anything damaged (another version, another page of the origin) is left out. */
function readAll(storage: KeyValueStore): Map<string, StoredDraft> {
  const drafts = new Map<string, StoredDraft>();
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return drafts;
    for (const [boardId, value] of Object.entries(raw as Record<string, unknown>)) {
      const draft = readDraft(value);
      if (draft && (draft.text || draft.commandId)) drafts.set(boardId, draft);
    }
  } catch {
    // Unreadable: as if there were none.
  }
  return drafts;
}

function writeAll(storage: KeyValueStore, drafts: Map<string, StoredDraft>): void {
  try {
    if (drafts.size === 0) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(Object.fromEntries(drafts)));
  } catch {
    // Full or blocked: not kept across a reload, still in the field.
  }
}

/** The legacy single draft, taken over by the first board that asks (then gone). */
function takeLegacy(storage: KeyValueStore): StoredDraft | null {
  try {
    const raw = storage.getItem(LEGACY_KEY);
    if (raw === null) return null;
    storage.removeItem(LEGACY_KEY);
    const draft = readDraft(JSON.parse(raw));
    return draft && (draft.text || draft.commandId) ? draft : null;
  } catch {
    return null;
  }
}

const plain = ({ text, anonymous, commandId }: StoredDraft): Draft => ({ text, anonymous, commandId });

/** The stored draft for `boardId`; an empty one when there is none, storage is refused or the entry is damaged. */
export function loadDraft(boardId: string, storage = defaultStorage()): Draft {
  if (!storage) return EMPTY_DRAFT;
  const drafts = readAll(storage);
  const own = drafts.get(boardId);
  if (own) return plain(own);
  const legacy = takeLegacy(storage);
  if (!legacy) return EMPTY_DRAFT;
  drafts.set(boardId, legacy);
  writeAll(storage, drafts);
  return plain(legacy);
}

export function saveDraft(boardId: string, draft: Draft, storage = defaultStorage(), now = Date.now()): void {
  if (!storage) return;
  const drafts = readAll(storage);
  drafts.delete(boardId);
  if (draft.text || draft.commandId) drafts.set(boardId, { ...draft, at: now });
  const oldestFirst = [...drafts.entries()].sort(([, a], [, b]) => a.at - b.at);
  writeAll(storage, new Map(oldestFirst.slice(Math.max(0, oldestFirst.length - MAX_DRAFTS))));
}

/**
 * An answer to a card's add command settles its draft, whether or not that board's field is on
 * screen: a card the laptop took while the phone showed another board must not come back as
 * unsent text. Taken: the text goes; refused: the text stays, to send again.
 */
export function settleDraft(answer: CommandAnswer, storage = defaultStorage()): void {
  if (!storage) return;
  const drafts = readAll(storage);
  let changed = false;
  for (const [boardId, draft] of drafts) {
    if (draft.commandId !== answer.id) continue;
    changed = true;
    if (answer.ok) drafts.delete(boardId);
    else drafts.set(boardId, { ...draft, commandId: null });
  }
  if (changed) writeAll(storage, drafts);
}
