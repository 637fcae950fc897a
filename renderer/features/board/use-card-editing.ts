import { useState, type KeyboardEvent } from 'react';
import { updateCardText, type Card, type WorkshopDoc } from '../../../shared/model';

/**
 * A card's text edited in place: Enter saves (Shift+Enter is a new line), Escape cancels, and a
 * refused text stays in the field with the reason.
 */
export function useCardEditing(doc: WorkshopDoc, card: Card, errorText: (error: unknown) => string) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setDraft(card.text);
    setError(null);
    setEditing(true);
  };
  const cancel = () => setEditing(false);

  const save = () => {
    const result = updateCardText(doc, card.id, draft);
    if (!result.ok) return setError(errorText(result.error));
    setEditing(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') cancel();
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return { editing, draft, setDraft, error, start, cancel, save, onKeyDown };
}
