import { useEffect } from 'react';
import type { Card, WorkshopDoc } from '../../../shared/model';
import { useToasts } from '../../state/toasts';
import { shortenText } from '../common/shorten-text';
import { useReport } from '../common/use-command-feedback';
import { useCommands } from '../roles/use-role';
import { editSessionsOf, setEditSession } from './edit-sessions';

/** How long the notice stays: long enough to read the text and decide. */
const NOTICE_MS = 20_000;

/**
 * A card being edited here that is deleted meanwhile (another laptop, a phone's own card, an undo
 * elsewhere): the editor went with the card and took the draft along without a word. Now the edit
 * ends with a notice that shows the text and offers to keep it as a new card on the card's board,
 * through this laptop's guarded commands (a table keeps it only where it may write).
 * Rendered inside the workshop's role context; draws nothing.
 */
export function DeletedWhileEditing({ doc, cards }: { doc: WorkshopDoc; cards: readonly Card[] }) {
  const commands = useCommands(doc);
  const showToast = useToasts((store) => store.show);
  const report = useReport();
  useEffect(() => {
    const sessions = editSessionsOf(doc);
    if (sessions.size === 0) return;
    const present = new Set(cards.map((card) => card.id));
    for (const [cardId, { draft, boardId }] of [...sessions]) {
      if (present.has(cardId)) continue;
      setEditSession(doc, cardId, null);
      const text = draft.trim();
      if (!text) continue;
      showToast(
        {
          message: (t) => t('board.deletedWhileEditing', { text: shortenText(text).text }),
          tone: 'info',
          action: { label: (t) => t('board.keepAsNewCard'), run: () => void report(commands.cards.add({ boardId, text })) },
        },
        NOTICE_MS,
      );
    }
  }, [doc, cards, commands, showToast, report]);
  return null;
}
