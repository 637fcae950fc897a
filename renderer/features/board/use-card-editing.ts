import { useState, type KeyboardEvent } from 'react';
import { saveCardTextFrom, type Card, type WorkshopDoc } from '../../../shared/model';

/**
 * A card's text edited in place: Enter saves (Shift+Enter is a new line), Escape cancels, and a
 * refused text stays in the field with the reason. The edit remembers the text it started from:
 * when another laptop changes the card meanwhile, the draft stays and `theirs` holds their text
 * until the person takes it or keeps their own; nothing is saved over a text nobody here saw.
 */
export function useCardEditing(doc: WorkshopDoc, card: Card, errorText: (error: unknown) => string) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const [base, setBase] = useState(card.text);
  const [error, setError] = useState<string | null>(null);
  // Their text, while it differs from what the edit started from (and from the draft).
  const theirs = editing && card.text !== base && card.text !== draft ? card.text : null;

  const start = () => {
    setDraft(card.text);
    setBase(card.text);
    setError(null);
    setEditing(true);
  };
  const cancel = () => setEditing(false);

  const save = () => {
    // Asked first: the person decides between the two texts (takeTheirs, keepMine).
    if (theirs !== null) return;
    const result = saveCardTextFrom(doc, card.id, base, draft);
    if (!result.ok) return setError(errorText(result.error));
    // Changed on another laptop in the moment before saving: shown as `theirs` with the next render.
    if (!result.value.saved) return;
    setEditing(false);
  };
  const takeTheirs = () => {
    setDraft(card.text);
    setBase(card.text);
  };
  const keepMine = () => setBase(card.text);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') cancel();
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return { editing, draft, setDraft, error, theirs, start, cancel, save, takeTheirs, keepMine, onKeyDown };
}
