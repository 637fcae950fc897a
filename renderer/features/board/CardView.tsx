import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCardText, type Card, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { shortenForDisplay } from './shorten';

interface CardViewProps {
  card: Card;
  doc: WorkshopDoc;
  onRemove(id: string): void;
}

/** One card. Long texts are shown shortened; the stored text is never cut. */
export const CardView = memo(function CardView({ card, doc, onRemove }: CardViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const [error, setError] = useState<string | null>(null);
  const shown = expanded ? { text: card.text, cut: false } : shortenForDisplay(card.text);

  const startEdit = () => {
    setDraft(card.text);
    setError(null);
    setEditing(true);
  };

  const save = () => {
    const result = updateCardText(doc, card.id, draft);
    if (!result.ok) return setError(errorText(result.error));
    setEditing(false);
  };

  const onEditKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') setEditing(false);
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  const onCardKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') startEdit();
    else if (event.key === 'Delete') onRemove(card.id);
    else return;
    event.preventDefault();
  };

  if (editing) {
    return (
      <li className="card editing" data-testid="card">
        <textarea value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onEditKey} aria-label={t('board.editCard')} autoFocus rows={4} data-testid="card-edit" />
        <div className="card-actions">
          <button type="button" className="primary" onClick={save}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className="card" tabIndex={0} onKeyDown={onCardKey} onDoubleClick={startEdit} data-testid="card">
      <p className="card-text" data-testid="card-text">
        {shown.text}
      </p>
      {shown.cut && (
        <button type="button" className="link small" onClick={() => setExpanded(true)} data-testid="card-expand">
          {t('board.showAll', { count: card.text.length })}
        </button>
      )}
      {expanded && card.text.length > 0 && shortenForDisplay(card.text).cut && (
        <button type="button" className="link small" onClick={() => setExpanded(false)}>
          {t('board.showLess')}
        </button>
      )}
      <div className="card-actions">
        <button type="button" className="icon" onClick={startEdit} aria-label={t('common.edit')} title={t('common.edit')}>
          ✎
        </button>
        <button type="button" className="icon danger-quiet" onClick={() => onRemove(card.id)} aria-label={t('common.delete')} title={t('common.delete')} data-testid="card-delete">
          ×
        </button>
      </div>
    </li>
  );
});
