/*
 * Edits in progress, kept outside the card's component. React draws a card anew, with fresh state,
 * when it moves in the tree: another laptop puts it into a group, or the board is left and opened
 * again. An edit kept in the component was gone then, with everything typed into it. Kept here, by
 * workshop document and card, the card drawn anew picks the edit up where it was.
 */

export interface EditSession {
  readonly draft: string;
  /** The card's text when the edit started (or when the person last chose between texts). */
  readonly base: string;
  readonly error: string | null;
  /** The board the card was on when the edit started: where its text goes if the card is deleted meanwhile. */
  readonly boardId: string;
}

/** Where the caret was: not drawn, so kept apart and changed without telling anyone. */
export type Caret = readonly [start: number, end: number];

interface DocSessions {
  readonly sessions: Map<string, EditSession>;
  readonly carets: Map<string, Caret>;
  /** Cards whose edit was just opened here: their next edit field takes the focus (others resume). */
  readonly opened: Set<string>;
  readonly listeners: Map<string, Set<() => void>>;
}

const byDoc = new WeakMap<object, DocSessions>();

function of(doc: object): DocSessions {
  let found = byDoc.get(doc);
  if (!found) byDoc.set(doc, (found = { sessions: new Map(), carets: new Map(), opened: new Set(), listeners: new Map() }));
  return found;
}

/** The edit in progress of card `cardId`, or null when nobody on this laptop edits it. */
export function editSessionOf(doc: object, cardId: string): EditSession | null {
  return byDoc.get(doc)?.sessions.get(cardId) ?? null;
}

/** Starts, changes (`next`) or ends (null) the edit of a card, and tells whoever draws it. */
export function setEditSession(doc: object, cardId: string, next: EditSession | null): void {
  const { sessions, carets, opened, listeners } = of(doc);
  if (next) sessions.set(cardId, next);
  else {
    sessions.delete(cardId);
    carets.delete(cardId);
    opened.delete(cardId);
  }
  for (const listener of [...(listeners.get(cardId) ?? [])]) listener();
}

/** Every edit in progress of this workshop document, by card id. */
export function editSessionsOf(doc: object): ReadonlyMap<string, EditSession> {
  return byDoc.get(doc)?.sessions ?? new Map();
}

/** Calls `listener` whenever the edit of card `cardId` changes; returns what stops it. */
export function subscribeEditSession(doc: object, cardId: string, listener: () => void): () => void {
  const { listeners } = of(doc);
  const own = listeners.get(cardId) ?? new Set<() => void>();
  listeners.set(cardId, own);
  own.add(listener);
  return () => {
    own.delete(listener);
    if (own.size === 0 && listeners.get(cardId) === own) listeners.delete(cardId);
  };
}

export function caretOf(doc: object, cardId: string): Caret | null {
  return byDoc.get(doc)?.carets.get(cardId) ?? null;
}

export function keepCaret(doc: object, cardId: string, caret: Caret): void {
  if (editSessionOf(doc, cardId)) of(doc).carets.set(cardId, caret);
}

/** Notes that the person just opened the edit of card `cardId` here (not resumed by a card drawn anew). */
export function markOpened(doc: object, cardId: string): void {
  of(doc).opened.add(cardId);
}

/** Whether the edit of card `cardId` was just opened; true once. */
export function takeOpened(doc: object, cardId: string): boolean {
  return byDoc.get(doc)?.opened.delete(cardId) ?? false;
}
