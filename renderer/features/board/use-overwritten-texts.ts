import { useEffect } from 'react';
import { updateCardText, watchOverwrittenCardTexts, type WorkshopDoc } from '../../../shared/model';
import { describeError } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';
import { shortenText } from '../common/shorten-text';

/** How long the notice stays: long enough to read a card's text and decide. */
const NOTICE_MS = 20_000;

/**
 * A card text saved here that another laptop's simultaneous save replaced (shared/model/card-text.ts)
 * is said, with this laptop's text and a button that puts it back: last writer wins, but not unseen.
 */
export function useOverwrittenTexts(doc: WorkshopDoc): void {
  const showToast = useToasts((store) => store.show);
  useEffect(
    () =>
      watchOverwrittenCardTexts(doc, ({ cardId, mine }) => {
        showToast(
          {
            message: (t) => t('board.textOverwritten', { mine: shortenText(mine).text }),
            tone: 'info',
            action: {
              label: (t) => t('board.restoreMine'),
              run: () => {
                // The card may be gone by the time the person decides: say so rather than do nothing.
                const restored = updateCardText(doc, cardId, mine);
                if (!restored.ok) showToast({ message: (t) => describeError(t, restored.error), tone: 'error' });
              },
            },
          },
          NOTICE_MS,
        );
      }),
    [doc, showToast],
  );
}
