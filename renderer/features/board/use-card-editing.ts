import { useCallback, useSyncExternalStore, type ChangeEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import { saveCardTextFrom, type Card, type WorkshopDoc } from '../../../shared/model';
import { caretOf, editSessionOf, keepCaret, markOpened, setEditSession, subscribeEditSession, takeOpened, type EditSession } from './edit-sessions';

/**
 * A card's text edited in place: Enter saves (Shift+Enter is a new line), Escape cancels, and a
 * refused text stays in the field with the reason. The edit remembers the text it started from:
 * when another laptop changes the card meanwhile, the draft stays and `theirs` holds their text
 * until the person takes it or keeps their own; nothing is saved over a text nobody here saw.
 *
 * The edit lives outside the component (edit-sessions.ts): a card that another laptop moves into
 * a group is drawn anew, and its edit goes on there with the draft, the caret and the focus.
 */
export function useCardEditing(doc: WorkshopDoc, card: Card, errorText: (error: unknown) => string) {
  const subscribe = useCallback((listener: () => void) => subscribeEditSession(doc, card.id, listener), [doc, card.id]);
  const session = useSyncExternalStore(subscribe, () => editSessionOf(doc, card.id));
  const editing = session !== null;
  const draft = session?.draft ?? card.text;
  const base = session?.base ?? card.text;
  // Their text, while it differs from what the edit started from (and from the draft).
  const theirs = editing && card.text !== base && card.text !== draft ? card.text : null;

  const update = (change: (current: EditSession) => EditSession) => {
    const current = editSessionOf(doc, card.id);
    if (current) setEditSession(doc, card.id, change(current));
  };
  const start = () => {
    markOpened(doc, card.id);
    setEditSession(doc, card.id, { draft: card.text, base: card.text, error: null, boardId: card.boardId });
  };
  const cancel = () => setEditSession(doc, card.id, null);
  /** Keeps the caret too: typing moves it, and a card drawn anew puts it back. */
  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const { value, selectionStart, selectionEnd } = event.currentTarget;
    update((current) => ({ ...current, draft: value }));
    keepCaret(doc, card.id, [selectionStart, selectionEnd]);
  };

  const save = () => {
    // Asked first: the person decides between the two texts (takeTheirs, keepMine).
    if (theirs !== null) return;
    const result = saveCardTextFrom(doc, card.id, base, draft);
    if (!result.ok) return update((current) => ({ ...current, error: errorText(result.error) }));
    // Changed on another laptop in the moment before saving: shown as `theirs` with the next render.
    if (!result.value.saved) return;
    setEditSession(doc, card.id, null);
  };
  const takeTheirs = () => update((current) => ({ ...current, draft: card.text, base: card.text }));
  const keepMine = () => update((current) => ({ ...current, base: card.text }));

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') cancel();
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };
  const onSelect = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd } = event.currentTarget;
    keepCaret(doc, card.id, [selectionStart, selectionEnd]);
  };
  return { editing, draft, onChange, error: session?.error ?? null, theirs, start, cancel, save, takeTheirs, keepMine, onKeyDown, onSelect };
}

/**
 * The ref of a card's edit field. One the person just opened takes the focus. One that resumes an
 * edit (the card drawn anew) takes it only if the focus was lost with the old field (it is on the
 * page now, not somewhere the person put it), and the caret goes back where it was.
 */
export function useEditField(doc: WorkshopDoc, cardId: string) {
  return useCallback(
    (node: HTMLTextAreaElement | null) => {
      if (!node) return;
      if (takeOpened(doc, cardId)) {
        node.focus();
        return;
      }
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      node.focus();
      const caret = caretOf(doc, cardId);
      if (caret) node.setSelectionRange(caret[0], caret[1]);
    },
    [doc, cardId],
  );
}
