import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewWorkshopFields } from '../../session/workshop-library';
import { useNewWorkshopRequest } from '../../state/new-workshop-request';
import { LazyDateField } from '../common/LazyDateField';
import { FieldError } from '../common/FieldError';
import { PlaceFields, type Place } from '../common/PlaceFields';

interface NewWorkshopFormProps {
  /** Resolves to an error message to show, or null when the workshop was created. */
  onCreate(fields: NewWorkshopFields): Promise<string | null>;
}

export function NewWorkshopForm({ onCreate }: NewWorkshopFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState<Place>({ venue: '', room: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const { pending, done } = useNewWorkshopRequest();
  useEffect(() => {
    if (!pending) return;
    titleInput.current?.focus();
    done();
  }, [pending, done]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const message = await onCreate({ title, date, ...place });
    setBusy(false);
    setError(message);
  };

  return (
    <form className="new-workshop" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field grow">
        <span>{t('home.titleLabel')}</span>
        <input
          ref={titleInput}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder={t('home.titlePlaceholder')}
          aria-invalid={error !== null}
          aria-describedby={error ? 'new-workshop-error' : undefined}
          data-testid="new-workshop-title"
        />
      </label>
      <LazyDateField className="field" label={t('home.dateLabel')} value={date} onChange={setDate} testId="new-workshop-date" />
      <PlaceFields place={place} onChange={setPlace} testIdPrefix="new-workshop" />
      <button type="submit" className="primary" disabled={busy} data-testid="create-workshop">
        {t('home.create')}
      </button>
      <FieldError message={error} id="new-workshop-error" />
    </form>
  );
}
