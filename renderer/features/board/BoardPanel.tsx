import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addCard, boardCards, removeCard, restoreCard, type LiveWorkshop, type UndoHistory, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { useToasts } from '../../state/toasts';
import { CardView } from './CardView';

interface BoardPanelProps {
  live: LiveWorkshop;
  doc: WorkshopDoc;
  undo: UndoHistory;
  boardId: string;
  /** Heading of the board; the plenary's by default. */
  title?: string;
  subtitle?: string;
  /** Shown below the cards (the plenary shows the tables brought back to it). */
  children?: ReactNode;
}

/** A board of cards with quick entry: type, Enter, and the next card is ready. */
export function BoardPanel({ live, doc, boardId, title, subtitle, children }: BoardPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const allCards = useLive(live, 'cards');
  const cards = useMemo(() => boardCards(allCards, boardId), [allCards, boardId]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const result = addCard(doc, { boardId, text: draft });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const remove = (id: string) => {
    const card = cards.find((entry) => entry.id === id);
    if (!card || !removeCard(doc, id).ok) return;
    showToast({
      message: t('board.cardDeleted'),
      tone: 'info',
      action: { label: t('common.undo'), run: () => restoreCard(doc, card) },
    });
  };

  return (
    <section className="panel board" aria-labelledby="board-heading">
      <div className="panel-head">
        <div>
          <h2 id="board-heading">{title ?? t('board.plenary')}</h2>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        <span className="muted" data-testid="card-count">
          {t('board.cardCount', { count: cards.length })}
        </span>
      </div>
      <div className="quick-entry">
        <textarea
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('board.entryPlaceholder')}
          aria-label={t('board.entryLabel')}
          aria-describedby="entry-hint"
          rows={2}
          data-testid="card-entry"
        />
        <div className="quick-entry-foot">
          <span id="entry-hint" className="muted">
            {t('board.entryHint')}
          </span>
          <button type="button" className="primary" onClick={submit} data-testid="card-add">
            {t('board.addCard')}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert" data-testid="card-error">
            {error}
          </p>
        )}
      </div>
      {cards.length === 0 ? (
        <p className="muted empty">{t('board.empty')}</p>
      ) : (
        <ul className="card-grid" data-testid="card-grid">
          {cards.map((card) => (
            <CardView key={card.id} card={card} doc={doc} onRemove={remove} />
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
