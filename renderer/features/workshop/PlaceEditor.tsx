import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeText, type Result } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { FieldError } from '../common/FieldError';
import { PlaceFields, type Place } from '../common/PlaceFields';
import { useInlineEditing } from '../common/InlineTitleEditor';

interface PlaceEditorProps {
  place: Place;
  /** Null on a laptop that may not change it: the place is shown, not offered for editing. */
  onSave: ((place: Place) => Result<unknown>) | null;
}

/** Where the workshop takes place, under its title: shown to everyone, edited by the moderator in place. */
export function PlaceEditor({ place, onSave }: PlaceEditorProps) {
  const { t } = useTranslation();
  const { editing, trigger, open, close } = useInlineEditing();
  const text = placeText(place);

  if (!onSave) {
    return text ? (
      <span className="workshop-place" data-testid="workshop-place">
        {text}
      </span>
    ) : null;
  }
  if (editing) return <PlaceForm initial={{ venue: place.venue, room: place.room }} onSave={onSave} onClose={close} />;
  return (
    <button type="button" className={`place-button${text ? '' : ' empty'}`} ref={trigger} onClick={open} title={t('workshop.editPlace')} data-testid="workshop-place">
      {text || t('workshop.addPlace')}
    </button>
  );
}

function PlaceForm({ initial, onSave, onClose }: { initial: Place; onSave(place: Place): Result<unknown>; onClose(returnFocus: boolean): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onSave(draft);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    onClose(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(true);
  };

  return (
    <form className="place-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('workshop.editPlace')}>
      <PlaceFields place={draft} onChange={setDraft} testIdPrefix="workshop-place" invalid={error !== null} autoFocus />
      <div className="place-form-actions">
        <button type="submit" className="primary" data-testid="workshop-place-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => onClose(true)}>
          {t('common.cancel')}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
